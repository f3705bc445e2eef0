import type { Db } from '../platform/db/database.ts'

/**
 * A tenant's company profile and billing contact: what Partner Center shows as a customer's
 * company and billing profiles and as a partner's organization profile.
 */
export interface TenantProfile {
  tenantId: string
  companyName: string
  domain: string
  locale: string
  country: string
  email: string | null
  phone: string | null
  addressLine1: string | null
  addressLine2: string | null
  addressLine3: string | null
  city: string | null
  state: string | null
  postalCode: string | null
  registrationNumber: string | null
  billing: { firstName: string | null; lastName: string | null; email: string | null }
  version: number
}

export interface ProfileFields {
  email?: string | null
  phone?: string | null
  addressLine1?: string | null
  addressLine2?: string | null
  addressLine3?: string | null
  city?: string | null
  state?: string | null
  postalCode?: string | null
  registrationNumber?: string | null
  billingFirstName?: string | null
  billingLastName?: string | null
  billingEmail?: string | null
}

/** The profiles of some tenants (any kind); a tenant without a stored profile has only its name, domain and country. */
export async function listTenantProfiles(db: Db, tenantIds: string[]): Promise<Map<string, TenantProfile>> {
  if (tenantIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('tenants as t')
    .leftJoin('tenant_profiles as p', 'p.tenant_id', 't.id')
    .select([
      't.id',
      't.display_name',
      't.default_domain',
      't.locale',
      't.country',
      'p.email',
      'p.phone',
      'p.address_line1',
      'p.address_line2',
      'p.address_line3',
      'p.city',
      'p.state',
      'p.postal_code',
      'p.organization_registration_number',
      'p.billing_first_name',
      'p.billing_last_name',
      'p.billing_email',
      'p.version',
    ])
    .where('t.id', 'in', [...new Set(tenantIds)])
    .execute()
  return new Map(
    rows.map((row) => [
      row.id,
      {
        tenantId: row.id,
        companyName: row.display_name,
        domain: row.default_domain,
        locale: row.locale,
        country: row.country,
        email: row.email,
        phone: row.phone,
        addressLine1: row.address_line1,
        addressLine2: row.address_line2,
        addressLine3: row.address_line3,
        city: row.city,
        state: row.state,
        postalCode: row.postal_code,
        registrationNumber: row.organization_registration_number,
        billing: {
          firstName: row.billing_first_name,
          lastName: row.billing_last_name,
          email: row.billing_email,
        },
        version: row.version ?? 0,
      },
    ]),
  )
}

export async function findTenantProfile(db: Db, tenantId: string): Promise<TenantProfile | null> {
  return (await listTenantProfiles(db, [tenantId])).get(tenantId) ?? null
}

const COLUMNS = {
  email: 'email',
  phone: 'phone',
  addressLine1: 'address_line1',
  addressLine2: 'address_line2',
  addressLine3: 'address_line3',
  city: 'city',
  state: 'state',
  postalCode: 'postal_code',
  registrationNumber: 'organization_registration_number',
  billingFirstName: 'billing_first_name',
  billingLastName: 'billing_last_name',
  billingEmail: 'billing_email',
} as const

/** Creates or changes a tenant's profile; only the fields given change. */
export async function saveTenantProfile(db: Db, tenantId: string, fields: ProfileFields): Promise<void> {
  const values: Record<string, string | null> = {}
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = fields[key as keyof ProfileFields]
    if (value !== undefined) values[column] = value
  }
  await db
    .insertInto('tenant_profiles')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet((eb) => ({
        ...values,
        version: eb(eb.ref('tenant_profiles.version'), '+', 1),
        updated_at: new Date(),
      })),
    )
    .execute()
}
