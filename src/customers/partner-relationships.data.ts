import type { Db } from '../platform/db/database.ts'
import { isUuid } from '../platform/ids.ts'

/**
 * Relationships between partners in the indirect model, as Partner Center names them from the
 * signed-in partner's side: "is indirect cloud solution provider of" (a provider looking at its
 * resellers) and "is indirect reseller of" (a reseller looking at its providers).
 */
export type PartnerRelationshipType = 'is_indirect_reseller_of' | 'is_indirect_cloud_solution_provider_of'

export interface PartnerRelationshipRecord {
  tenantId: string
  name: string
  mpnId: string
  country: string
  relationshipType: PartnerRelationshipType
  createdAt: Date
}

function linkedPartners(db: Db, partnerTenantId: string, type: PartnerRelationshipType) {
  // as a provider, the other side is the reseller; as a reseller, the provider
  const mine = type === 'is_indirect_cloud_solution_provider_of' ? 'provider_tenant_id' : 'reseller_tenant_id'
  const other =
    type === 'is_indirect_cloud_solution_provider_of' ? 'reseller_tenant_id' : 'provider_tenant_id'
  return db
    .selectFrom('partner_provider_links as l')
    .innerJoin('tenants as t', 't.id', `l.${other}`)
    .innerJoin('partners as p', 'p.tenant_id', `l.${other}`)
    .select([
      't.id as tenantId',
      't.display_name as name',
      'p.mpn_id as mpnId',
      't.country',
      'l.created_at as createdAt',
    ])
    .where(`l.${mine}`, '=', partnerTenantId)
}

/** The partners linked to `partnerTenantId` by the given relationship types, by name. */
export async function listPartnerRelationships(
  db: Db,
  partnerTenantId: string,
  types: PartnerRelationshipType[],
  options: { nameStartsWith?: string | undefined } = {},
): Promise<PartnerRelationshipRecord[]> {
  const results: PartnerRelationshipRecord[] = []
  for (const type of types) {
    let query = linkedPartners(db, partnerTenantId, type)
    if (options.nameStartsWith) {
      query = query.where(
        't.display_name',
        'ilike',
        `${options.nameStartsWith.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      )
    }
    const rows = await query.orderBy('t.display_name').orderBy('t.id').execute()
    results.push(...rows.map((r) => ({ ...r, relationshipType: type })))
  }
  return results
}

/** Whether `resellerTenantId` is an indirect reseller linked to the provider. */
export async function isResellerOf(
  db: Db,
  providerTenantId: string,
  resellerTenantId: string,
): Promise<boolean> {
  if (!isUuid(resellerTenantId)) return false
  const row = await db
    .selectFrom('partner_provider_links')
    .select('reseller_tenant_id')
    .where('provider_tenant_id', '=', providerTenantId)
    .where('reseller_tenant_id', '=', resellerTenantId)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * The other partner in the indirect model for one customer, from the asking partner's side: the
 * provider sees the customer's reseller, the reseller sees its provider; a direct partner or an
 * advisor has none. The caller has already checked that the customer is the partner's.
 */
export async function customerPartnerRelationships(
  db: Db,
  partnerTenantId: string,
  customerTenantId: string,
): Promise<PartnerRelationshipRecord[]> {
  const rows = await db
    .selectFrom('customer_relationships as cr')
    .innerJoin('tenants as rt', 'rt.id', 'cr.partner_tenant_id')
    .innerJoin('partners as rp', 'rp.tenant_id', 'cr.partner_tenant_id')
    .innerJoin('tenants as pt', 'pt.id', 'cr.indirect_provider_tenant_id')
    .innerJoin('partners as pp', 'pp.tenant_id', 'cr.indirect_provider_tenant_id')
    .select([
      'cr.partner_tenant_id as resellerId',
      'rt.display_name as resellerName',
      'rp.mpn_id as resellerMpn',
      'rt.country as resellerCountry',
      'cr.indirect_provider_tenant_id as providerId',
      'pt.display_name as providerName',
      'pp.mpn_id as providerMpn',
      'pt.country as providerCountry',
      'cr.created_at as createdAt',
    ])
    .where('cr.customer_tenant_id', '=', customerTenantId)
    .where((w) =>
      w.or([
        w('cr.partner_tenant_id', '=', partnerTenantId),
        w('cr.indirect_provider_tenant_id', '=', partnerTenantId),
      ]),
    )
    .orderBy('cr.created_at')
    .execute()
  return rows.map((r) =>
    r.providerId === partnerTenantId
      ? {
          tenantId: r.resellerId,
          name: r.resellerName,
          mpnId: r.resellerMpn,
          country: r.resellerCountry,
          relationshipType: 'is_indirect_cloud_solution_provider_of' as const,
          createdAt: r.createdAt,
        }
      : {
          tenantId: r.providerId!,
          name: r.providerName,
          mpnId: r.providerMpn,
          country: r.providerCountry,
          relationshipType: 'is_indirect_reseller_of' as const,
          createdAt: r.createdAt,
        },
  )
}
