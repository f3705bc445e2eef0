import type { AppContext } from '../platform/context.ts'
import { AppError } from '../platform/errors.ts'
import { t, type Locale } from '../platform/i18n/i18n.ts'
import type { PartnerType, TenantStatus } from '../platform/db/schema.ts'
import { createPartner, getPartner, setPartnerStatus, setupVendor } from './partners.service.ts'

/**
 * `tramite setup` and `tramite partner …`, run by the process that owns the database (the server,
 * over the control socket, or the CLI itself). The operator holds the data directory or the
 * database credentials and acts for the vendor; the audit log records these as the system's.
 */

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
const localeOf = (args: Record<string, unknown>): Locale => (args.locale === 'it' ? 'it' : 'en')

/** An AppError as the CLI shows it: the message in the operator's language, the machine code kept. */
async function cli<T>(args: Record<string, unknown>, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof AppError) {
      const locale = localeOf(args)
      const message = error.localize?.(locale).message ?? t(locale, error.messageKey, error.params)
      throw Object.assign(new Error(message), { code: error.code })
    }
    throw error
  }
}

export async function setupCommand(ctx: AppContext, args: Record<string, unknown>) {
  return cli(args, async () => {
    const done = await setupVendor(ctx, {
      vendor: String(args.vendor ?? ''),
      domain: String(args.domain ?? ''),
      admin: String(args.admin ?? ''),
      adminName: str(args.adminName),
      password: str(args.password),
      locale: str(args.tenantLocale),
      country: str(args.country),
    })
    const it = localeOf(args) === 'it'
    const lines = [
      it ? `Fornitore creato (tenant ${done.tenantId}).` : `Vendor created (tenant ${done.tenantId}).`,
      done.invitationUrl
        ? it
          ? `${done.email} sceglie la password (link valido una volta, per 7 giorni): ${done.invitationUrl}`
          : `${done.email} chooses a password here (single-use link, valid 7 days): ${done.invitationUrl}`
        : it
          ? `Accedi a ${ctx.config.publicUrl} come ${done.email} con la password indicata.`
          : `Sign in at ${ctx.config.publicUrl} as ${done.email} with the password you gave.`,
      it
        ? `Poi aggiungi i partner: Amministrazione → Partner, oppure \`tramite partner create\`.`
        : 'Then add partners with `tramite partner create` (or the /api/directory/partners API).',
    ]
    return { ...done, lines }
  })
}

export async function partnerCreateCommand(ctx: AppContext, args: Record<string, unknown>) {
  return cli(args, async () => {
    const providers = Array.isArray(args.provider)
      ? args.provider.map(String)
      : str(args.provider)
        ? [String(args.provider)]
        : []
    const created = await createPartner(ctx, null, {
      name: String(args.name ?? ''),
      type: String(args.type ?? '') as PartnerType,
      domain: String(args.domain ?? ''),
      adminEmail: String(args.admin ?? ''),
      adminName: str(args.adminName),
      mpnId: str(args.mpnId),
      locale: str(args.tenantLocale),
      country: str(args.country),
      providerTenantIds: providers,
      supportEmail: str(args.supportEmail),
      supportPhone: str(args.supportPhone),
      supportWebsite: str(args.supportWebsite),
    })
    return { tenantId: created.tenantId, adminInvitationUrl: created.invitation.url }
  })
}

export async function partnerStatusCommand(ctx: AppContext, args: Record<string, unknown>) {
  return cli(args, async () => {
    const status: TenantStatus = args.status === 'suspended' ? 'suspended' : 'active'
    const partner = await setPartnerStatus(ctx, null, String(args.tenant ?? ''), status)
    return { tenantId: partner.tenantId, name: partner.name, status: partner.status }
  })
}

export async function partnerShowCommand(ctx: AppContext, args: Record<string, unknown>) {
  return cli(args, () => getPartner(ctx, null, String(args.tenant ?? '')))
}
