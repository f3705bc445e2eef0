import type { AppContext } from '../platform/context.ts'
import { AppError } from '../platform/errors.ts'
import { t } from '../platform/i18n/i18n.ts'
import { createApplicationIn } from './apps.service.ts'
import { findTenant } from './tenant-segment.ts'

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

/**
 * `tramite app create`: registers an application in a tenant as the operator of the server's
 * machine, so the permissions asked for are consented at once. Answers what a tool needs to
 * connect: the client id, the secret (null for a public client) and the tenant id.
 */
export async function appCreateCommand(
  ctx: AppContext,
  args: Record<string, unknown>,
): Promise<{ clientId: string; clientSecret: string | null; tenantId: string }> {
  const locale = args.locale === 'it' ? 'it' : 'en'
  try {
    const tenantText = typeof args.tenant === 'string' ? args.tenant : ''
    const tenant = await findTenant(ctx, tenantText)
    if (!tenant) throw new AppError(404, 'unknown_tenant', 'error.unknown_tenant', { tenant: tenantText })
    const created = await createApplicationIn(ctx, tenant.id, null, {
      displayName: typeof args.name === 'string' ? args.name : '',
      publicClient: args.public === true,
      redirectUris: strings(args.redirectUri),
      permissions: strings(args.permission),
      consent: true,
      secret: true,
    })
    return { clientId: created.clientId, clientSecret: created.clientSecret, tenantId: created.tenantId }
  } catch (error) {
    if (error instanceof AppError) {
      const message = error.localize?.(locale).message ?? t(locale, error.messageKey, error.params)
      throw Object.assign(new Error(message), { code: error.code })
    }
    throw error
  }
}
