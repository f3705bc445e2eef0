import { randomBytes, randomUUID } from 'node:crypto'
import type { Db } from '../platform/db/database.ts'
import type { CustomerRelationshipKind } from '../platform/db/schema.ts'
import { hashPassword } from '../identity/passwords.ts'
import { saveTenantProfile, type ProfileFields } from './profiles.data.ts'

/** A new customer tenant and its first administrator, as Partner Center's Create Customer makes them. */
export interface NewCustomerTenant {
  companyName: string
  domain: string
  /** BCP 47, e.g. it-IT. */
  locale: string
  /** ISO 3166-1 alpha-2. */
  country: string
  profile: ProfileFields
  admin: { givenName: string | null; surname: string | null }
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'

/** A first password as Partner Center hands it out: 16 characters with upper, lower, digit and symbol. */
export function generatePassword(): string {
  const bytes = randomBytes(14)
  const body = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')
  return `${body.slice(0, 7)}!${body.slice(7)}7`
}

export async function domainTaken(db: Db, domain: string): Promise<boolean> {
  const row = await db
    .selectFrom('tenants')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['default_domain']), '=', domain.toLowerCase()))
    .executeTakeFirst()
  return row !== undefined
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
  return row !== undefined
}

/**
 * Creates the customer tenant, its profile and its global administrator (admin@domain). Answers
 * the tenant id, the administrator's sign-in name and the password, which is stored only hashed.
 */
export async function insertCustomerTenant(
  db: Db,
  input: NewCustomerTenant,
  now: Date,
): Promise<{ tenantId: string; adminEmail: string; adminUserId: string; password: string }> {
  const tenantId = randomUUID()
  const adminUserId = randomUUID()
  const adminEmail = `admin@${input.domain}`
  const password = generatePassword()
  await db
    .insertInto('tenants')
    .values({
      id: tenantId,
      kind: 'customer',
      display_name: input.companyName,
      default_domain: input.domain,
      locale: input.locale,
      country: input.country,
      created_at: now,
    })
    .execute()
  await saveTenantProfile(db, tenantId, input.profile)
  const displayName = [input.admin.givenName, input.admin.surname].filter(Boolean).join(' ') || 'Admin'
  await db
    .insertInto('users')
    .values({
      id: adminUserId,
      tenant_id: tenantId,
      email: adminEmail,
      display_name: displayName,
      given_name: input.admin.givenName,
      surname: input.admin.surname,
      phone: null,
      locale: input.locale,
      password_hash: await hashPassword(password),
      created_at: now,
    })
    .execute()
  await db.insertInto('user_roles').values({ user_id: adminUserId, role: 'global_admin' }).execute()
  return { tenantId, adminEmail, adminUserId, password }
}

export async function insertCustomerRelationship(
  db: Db,
  row: {
    customerTenantId: string
    partnerTenantId: string
    relationship: CustomerRelationshipKind
    indirectProviderTenantId: string | null
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('customer_relationships')
    .values({
      customer_tenant_id: row.customerTenantId,
      partner_tenant_id: row.partnerTenantId,
      relationship: row.relationship,
      indirect_provider_tenant_id: row.indirectProviderTenantId,
      created_at: now,
    })
    .execute()
}

export interface PartnerSummary {
  tenantId: string
  displayName: string
  partnerType: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
  mpnId: string
  status: 'active' | 'suspended'
}

export async function findPartner(db: Db, tenantId: string): Promise<PartnerSummary | null> {
  const row = await db
    .selectFrom('partners as p')
    .innerJoin('tenants as t', 't.id', 'p.tenant_id')
    .select([
      'p.tenant_id as tenantId',
      't.display_name as displayName',
      'p.partner_type as partnerType',
      'p.mpn_id as mpnId',
      't.status',
    ])
    .where('p.tenant_id', '=', tenantId)
    .executeTakeFirst()
  return row ?? null
}

/** The indirect providers an indirect reseller is linked to. */
export async function providersOf(db: Db, resellerTenantId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('partner_provider_links')
    .select('provider_tenant_id')
    .where('reseller_tenant_id', '=', resellerTenantId)
    .orderBy('created_at')
    .execute()
  return rows.map((r) => r.provider_tenant_id)
}

export async function findRelationship(db: Db, customerTenantId: string, partnerTenantId: string) {
  return (
    (await db
      .selectFrom('customer_relationships')
      .selectAll()
      .where('customer_tenant_id', '=', customerTenantId)
      .where('partner_tenant_id', '=', partnerTenantId)
      .executeTakeFirst()) ?? null
  )
}
