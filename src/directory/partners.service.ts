import { randomInt } from 'node:crypto'
import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { recordAudit } from '../audit/audit.data.ts'
import { auditActor, type Actor } from '../identity/actor.ts'
import { hashPassword } from '../identity/passwords.ts'
import { findVendorName } from '../identity/vendor.data.ts'
import type { AppContext } from '../platform/context.ts'
import type { Database, PartnerType, TenantStatus } from '../platform/db/schema.ts'
import { isUuid } from '../platform/ids.ts'
import { requireVendorAdmin } from './directory-access.ts'
import { DirectoryError } from './directory.messages.ts'
import { checkPassword, issueInvitation, type IssuedInvitation } from './invitations.ts'
import { PARTNER_ROLES } from './partner-roles.ts'
import { assertEmailFree, insertUser, normalizeEmail } from './people.service.ts'

/**
 * The vendor administers its channel: partner organizations (direct, indirect provider, indirect
 * reseller linked to providers, advisor), their MPN id, locale, country and support contact (what
 * R7 puts on tickets), their first administrator (invited by email), suspension. `actor` null is
 * the operator at the CLI (`tramite partner create`), who acts for the vendor.
 */

export const PARTNER_TYPES: readonly PartnerType[] = [
  'direct',
  'indirect_provider',
  'indirect_reseller',
  'advisor',
]

export interface PartnerInput {
  name: string
  type: PartnerType
  domain: string
  /** The first administrator: an admin agent and global administrator, invited by email. */
  adminEmail: string
  adminName?: string | undefined
  mpnId?: string | undefined
  locale?: string | undefined
  country?: string | undefined
  providerTenantIds?: string[] | undefined
  supportEmail?: string | null | undefined
  supportPhone?: string | null | undefined
  supportWebsite?: string | null | undefined
}

export interface PartnerView {
  tenantId: string
  name: string
  type: PartnerType
  domain: string
  mpnId: string
  locale: string
  country: string
  status: TenantStatus
  suspendedAt: Date | null
  supportEmail: string | null
  supportPhone: string | null
  supportWebsite: string | null
  providers: { tenantId: string; name: string }[]
  resellers: { tenantId: string; name: string }[]
  userCount: number
  createdAt: Date
}

const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/
const LOCALE = /^[a-z]{2}-[A-Z]{2}$/
const COUNTRY = /^[A-Z]{2}$/
const MPN = /^\d{5,10}$/

const bad = (detail: string) => new DirectoryError(400, 'csv_invalid', { detail })

export function normalizeDomain(value: string): string {
  const domain = value.trim().toLowerCase()
  if (!DOMAIN.test(domain)) throw bad(`not a domain name: ${value}`)
  return domain
}

function checkLocaleCountry(locale: string, country: string) {
  if (!LOCALE.test(locale)) throw bad(`locale must look like it-IT or en-US (got ${locale})`)
  if (!COUNTRY.test(country)) throw bad(`country must be an ISO 3166 code such as IT (got ${country})`)
}

async function assertDomainFree(db: Kysely<Database>, domain: string) {
  const taken = await db
    .selectFrom('tenants')
    .select('id')
    .where('default_domain', '=', domain)
    .executeTakeFirst()
  if (taken) throw new DirectoryError(409, 'domain_taken', { domain })
}

async function assertMpnFree(db: Kysely<Database>, mpnId: string, except?: string) {
  let q = db.selectFrom('partners').select('tenant_id').where('mpn_id', '=', mpnId)
  if (except) q = q.where('tenant_id', '<>', except)
  if (await q.executeTakeFirst()) throw new DirectoryError(409, 'mpn_taken', { mpnId })
}

async function freshMpnId(db: Kysely<Database>): Promise<string> {
  for (;;) {
    const candidate = String(randomInt(1_000_000, 9_999_999))
    const taken = await db
      .selectFrom('partners')
      .select('tenant_id')
      .where('mpn_id', '=', candidate)
      .executeTakeFirst()
    if (!taken) return candidate
  }
}

async function checkProviders(db: Kysely<Database>, type: PartnerType, providers: string[]) {
  if (type !== 'indirect_reseller') {
    if (providers.length > 0) throw new DirectoryError(400, 'provider_not_allowed')
    return
  }
  if (providers.length === 0) throw new DirectoryError(400, 'provider_required')
  for (const id of providers) {
    const row = isUuid(id)
      ? await db.selectFrom('partners').select('partner_type').where('tenant_id', '=', id).executeTakeFirst()
      : undefined
    if (row?.partner_type !== 'indirect_provider')
      throw new DirectoryError(400, 'not_a_provider', { tenant: id })
  }
}

const opt = (v: string | null | undefined) =>
  v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim()

export async function createPartner(
  ctx: AppContext,
  actor: Actor | null,
  input: PartnerInput,
): Promise<{ tenantId: string; adminUserId: string; invitation: IssuedInvitation }> {
  if (actor) await requireVendorAdmin(ctx.db, actor)
  const name = input.name.trim()
  if (name.length < 1 || name.length > 256) throw bad('the name must be 1 to 256 characters')
  if (!PARTNER_TYPES.includes(input.type)) throw bad(`type must be one of ${PARTNER_TYPES.join(', ')}`)
  const domain = normalizeDomain(input.domain)
  const adminEmail = normalizeEmail(input.adminEmail)
  const locale = input.locale ?? 'en-US'
  const country = (input.country ?? locale.slice(3)).toUpperCase()
  checkLocaleCountry(locale, country)
  if (input.mpnId !== undefined && !MPN.test(input.mpnId))
    throw bad(`the MPN id must be 5 to 10 digits (got ${input.mpnId})`)
  const providers = [...new Set(input.providerTenantIds ?? [])]
  await checkProviders(ctx.db, input.type, providers)

  return ctx.db.transaction().execute(async (trx) => {
    await assertDomainFree(trx, domain)
    await assertEmailFree(trx, adminEmail)
    const mpnId = input.mpnId ?? (await freshMpnId(trx))
    await assertMpnFree(trx, mpnId)
    const now = ctx.now()
    const tenantId = randomUUID()
    await trx
      .insertInto('tenants')
      .values({
        id: tenantId,
        kind: 'partner',
        display_name: name,
        default_domain: domain,
        locale,
        country,
        created_at: now,
      })
      .execute()
    await trx
      .insertInto('partners')
      .values({
        tenant_id: tenantId,
        partner_type: input.type,
        mpn_id: mpnId,
        support_email: opt(input.supportEmail) ?? null,
        support_phone: opt(input.supportPhone) ?? null,
        support_website: opt(input.supportWebsite) ?? null,
      })
      .execute()
    for (const provider of providers)
      await trx
        .insertInto('partner_provider_links')
        .values({ reseller_tenant_id: tenantId, provider_tenant_id: provider })
        .execute()
    // the three role groups, named as Partner Center names them
    for (const role of PARTNER_ROLES)
      await sql`select partner_role_group(${tenantId}::uuid, ${role})`.execute(trx)
    const adminName = input.adminName?.trim() || adminEmail.split('@')[0]!
    const adminUserId = await insertUser(
      trx,
      tenantId,
      { email: adminEmail, displayName: adminName, locale },
      null,
      now,
    )
    await trx.insertInto('user_roles').values({ user_id: adminUserId, role: 'global_admin' }).execute()
    // through the trigger: membership of AdminAgents
    await trx.insertInto('user_roles').values({ user_id: adminUserId, role: 'admin_agent' }).execute()
    const invitation = await issueInvitation(trx, ctx, {
      userId: adminUserId,
      createdByUserId: actor?.principal === 'user' ? actor.userId : null,
      email: {
        to: adminEmail,
        name: adminName,
        tenantName: name,
        locale,
        inviter: actor?.homeTenantName ?? (await findVendorName(trx)) ?? 'Tramite',
      },
    })
    await recordAudit(trx, {
      ...auditActor(actor),
      tenantId,
      action: 'directory.partner.create',
      targetType: 'tenant',
      targetId: tenantId,
      result: 'done',
      details: { name, type: input.type, domain, mpnId, providers, adminEmail },
    })
    return { tenantId, adminUserId, invitation }
  })
}

function partnersQuery(db: Kysely<Database>) {
  return db
    .selectFrom('partners as p')
    .innerJoin('tenants as t', 't.id', 'p.tenant_id')
    .select([
      'p.tenant_id as tenantId',
      't.display_name as name',
      'p.partner_type as type',
      't.default_domain as domain',
      'p.mpn_id as mpnId',
      't.locale',
      't.country',
      't.status',
      't.suspended_at as suspendedAt',
      'p.support_email as supportEmail',
      'p.support_phone as supportPhone',
      'p.support_website as supportWebsite',
      't.created_at as createdAt',
      sql<number>`(select count(*)::int from users u where u.tenant_id = p.tenant_id and u.deleted_at is null)`.as(
        'userCount',
      ),
    ])
}

async function withLinks(
  db: Kysely<Database>,
  rows: Omit<PartnerView, 'providers' | 'resellers'>[],
): Promise<PartnerView[]> {
  if (rows.length === 0) return []
  const links = await db
    .selectFrom('partner_provider_links as l')
    .innerJoin('tenants as r', 'r.id', 'l.reseller_tenant_id')
    .innerJoin('tenants as p', 'p.id', 'l.provider_tenant_id')
    .select([
      'l.reseller_tenant_id as reseller',
      'r.display_name as resellerName',
      'l.provider_tenant_id as provider',
      'p.display_name as providerName',
    ])
    .execute()
  return rows.map((row) => ({
    ...row,
    providers: links
      .filter((l) => l.reseller === row.tenantId)
      .map((l) => ({ tenantId: l.provider, name: l.providerName })),
    resellers: links
      .filter((l) => l.provider === row.tenantId)
      .map((l) => ({ tenantId: l.reseller, name: l.resellerName })),
  }))
}

export async function listPartners(ctx: AppContext, actor: Actor): Promise<PartnerView[]> {
  await requireVendorAdmin(ctx.db, actor)
  return withLinks(ctx.db, await partnersQuery(ctx.db).orderBy('t.display_name').execute())
}

export async function getPartner(
  ctx: AppContext,
  actor: Actor | null,
  tenantId: string,
): Promise<PartnerView> {
  if (actor) await requireVendorAdmin(ctx.db, actor)
  const row = isUuid(tenantId)
    ? await partnersQuery(ctx.db).where('p.tenant_id', '=', tenantId).executeTakeFirst()
    : undefined
  if (!row) throw new DirectoryError(404, 'not_your_object', { kind: 'partner', id: tenantId })
  return (await withLinks(ctx.db, [row]))[0]!
}

export type PartnerPatch = Partial<Omit<PartnerInput, 'domain' | 'adminEmail' | 'adminName' | 'type'>>

export async function updatePartner(
  ctx: AppContext,
  actor: Actor | null,
  tenantId: string,
  patch: PartnerPatch,
): Promise<PartnerView> {
  const current = await getPartner(ctx, actor, tenantId)
  const locale = patch.locale ?? current.locale
  const country = patch.country?.toUpperCase() ?? current.country
  checkLocaleCountry(locale, country)
  if (patch.mpnId !== undefined && !MPN.test(patch.mpnId))
    throw bad(`the MPN id must be 5 to 10 digits (got ${patch.mpnId})`)
  const name = patch.name?.trim()
  if (name !== undefined && (name.length < 1 || name.length > 256))
    throw bad('the name must be 1 to 256 characters')
  if (patch.providerTenantIds !== undefined)
    await checkProviders(ctx.db, current.type, [...new Set(patch.providerTenantIds)])
  await ctx.db.transaction().execute(async (trx) => {
    if (patch.mpnId !== undefined) await assertMpnFree(trx, patch.mpnId, tenantId)
    await trx
      .updateTable('tenants')
      .set({ locale, country, ...(name === undefined ? {} : { display_name: name }) })
      .where('id', '=', tenantId)
      .execute()
    const partnerSet = {
      ...(patch.mpnId === undefined ? {} : { mpn_id: patch.mpnId }),
      ...(opt(patch.supportEmail) === undefined ? {} : { support_email: opt(patch.supportEmail) ?? null }),
      ...(opt(patch.supportPhone) === undefined ? {} : { support_phone: opt(patch.supportPhone) ?? null }),
      ...(opt(patch.supportWebsite) === undefined
        ? {}
        : { support_website: opt(patch.supportWebsite) ?? null }),
    }
    if (Object.keys(partnerSet).length)
      await trx.updateTable('partners').set(partnerSet).where('tenant_id', '=', tenantId).execute()
    if (patch.providerTenantIds !== undefined) {
      await trx.deleteFrom('partner_provider_links').where('reseller_tenant_id', '=', tenantId).execute()
      for (const provider of new Set(patch.providerTenantIds))
        await trx
          .insertInto('partner_provider_links')
          .values({ reseller_tenant_id: tenantId, provider_tenant_id: provider })
          .execute()
    }
    await recordAudit(trx, {
      ...auditActor(actor),
      tenantId,
      action: 'directory.partner.update',
      targetType: 'tenant',
      targetId: tenantId,
      result: 'done',
      details: { changed: Object.keys(patch) },
    })
  })
  return getPartner(ctx, actor, tenantId)
}

/**
 * Suspends or reactivates a partner. Suspended, its users can neither sign in nor use a token
 * (authentication reads the tenant's status on every call), so nothing is filed in its name; its
 * requests, relationships and audit trail stay as they are.
 */
export async function setPartnerStatus(
  ctx: AppContext,
  actor: Actor | null,
  tenantId: string,
  status: TenantStatus,
): Promise<PartnerView> {
  const current = await getPartner(ctx, actor, tenantId)
  if (current.status !== status) {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('tenants')
        .set({ status, suspended_at: status === 'suspended' ? ctx.now() : null })
        .where('id', '=', tenantId)
        .execute()
      if (status === 'suspended')
        await trx
          .deleteFrom('sessions')
          .where('user_id', 'in', (eb) =>
            eb.selectFrom('users').select('id').where('tenant_id', '=', tenantId),
          )
          .execute()
      await recordAudit(trx, {
        ...auditActor(actor),
        tenantId,
        action: status === 'suspended' ? 'directory.partner.suspend' : 'directory.partner.reactivate',
        targetType: 'tenant',
        targetId: tenantId,
        result: 'done',
      })
    })
  }
  return getPartner(ctx, actor, tenantId)
}

/**
 * `tramite setup`: the vendor tenant and its first administrator (global administrator and
 * support engineer), once. With a password the administrator can sign in at once; without one,
 * the answer carries a single-use invitation link.
 */
export async function setupVendor(
  ctx: AppContext,
  input: {
    vendor: string
    domain: string
    admin: string
    adminName?: string
    password?: string
    locale?: string
    country?: string
  },
): Promise<{ tenantId: string; adminUserId: string; email: string; invitationUrl: string | null }> {
  const name = input.vendor.trim()
  if (name.length < 1 || name.length > 256) throw bad('the vendor name must be 1 to 256 characters')
  const domain = normalizeDomain(input.domain)
  const email = normalizeEmail(input.admin)
  const locale = input.locale ?? 'en-US'
  const country = (input.country ?? locale.slice(3)).toUpperCase()
  checkLocaleCountry(locale, country)
  if (input.password !== undefined) checkPassword(input.password)
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password)
  return ctx.db.transaction().execute(async (trx) => {
    // one vendor: the lock makes two concurrent setups wait for each other, the second then refused
    await sql`lock table tenants in share row exclusive mode`.execute(trx)
    const existing = await findVendorName(trx)
    if (existing) throw new DirectoryError(409, 'vendor_exists', { name: existing })
    await assertDomainFree(trx, domain)
    await assertEmailFree(trx, email)
    const now = ctx.now()
    const tenantId = randomUUID()
    await trx
      .insertInto('tenants')
      .values({
        id: tenantId,
        kind: 'vendor',
        display_name: name,
        default_domain: domain,
        locale,
        country,
        created_at: now,
      })
      .execute()
    const adminName = input.adminName?.trim() || email.split('@')[0]!
    const adminUserId = await insertUser(
      trx,
      tenantId,
      { email, displayName: adminName, locale },
      passwordHash,
      now,
    )
    await trx
      .insertInto('user_roles')
      .values([
        { user_id: adminUserId, role: 'global_admin' },
        { user_id: adminUserId, role: 'support_engineer' },
      ])
      .execute()
    const invitation = passwordHash
      ? null
      : await issueInvitation(trx, ctx, { userId: adminUserId, createdByUserId: null })
    await recordAudit(trx, {
      actorUserId: null,
      actorEmail: null,
      actorTenantId: null,
      tenantId,
      action: 'directory.setup',
      targetType: 'tenant',
      targetId: tenantId,
      result: 'done',
      details: { vendor: name, domain, admin: email },
    })
    return { tenantId, adminUserId, email, invitationUrl: invitation?.url ?? null }
  })
}
