import { sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type { CustomerRelationshipKind } from '../platform/db/schema.ts'
import { isUuid } from '../platform/ids.ts'
import { listTenantProfiles, type TenantProfile } from './profiles.data.ts'

/**
 * The one scope through which a partner reaches customers: the customers it resells to or
 * advises, and — for an indirect provider — the customers of the resellers it serves.
 * Every customer-owned read below starts from it, so a forgotten tenant filter cannot happen.
 */
export function customersOf(db: Db, partnerTenantId: string) {
  return db
    .selectFrom('customer_relationships as scope')
    .select('scope.customer_tenant_id')
    .where((w) =>
      w.or([
        w('scope.partner_tenant_id', '=', partnerTenantId),
        w('scope.indirect_provider_tenant_id', '=', partnerTenantId),
      ]),
    )
}

export interface CustomerRecord {
  tenantId: string
  displayName: string
  defaultDomain: string
  locale: string
  country: string
  createdAt: Date
  /** How the asking partner relates to the customer. */
  relationship: CustomerRelationshipKind
  /** When the asking partner is the indirect provider: the reseller that serves the customer. */
  reseller: { tenantId: string; displayName: string; mpnId: string } | null
  /** When the asking partner is an indirect reseller: its indirect provider for this customer. */
  indirectProvider: { tenantId: string; displayName: string; mpnId: string } | null
  /** Company profile and billing contact (Partner Center's company and billing profiles). */
  profile: TenantProfile | null
}

function customerQuery(db: Db, partnerTenantId: string) {
  return db
    .selectFrom('tenants as t')
    .innerJoin('customer_relationships as cr', 'cr.customer_tenant_id', 't.id')
    .innerJoin('tenants as pt', 'pt.id', 'cr.partner_tenant_id')
    .innerJoin('partners as p', 'p.tenant_id', 'cr.partner_tenant_id')
    .leftJoin('tenants as ipt', 'ipt.id', 'cr.indirect_provider_tenant_id')
    .leftJoin('partners as ip', 'ip.tenant_id', 'cr.indirect_provider_tenant_id')
    .where('t.kind', '=', 'customer')
    .where('t.id', 'in', customersOf(db, partnerTenantId))
    .where((w) =>
      w.or([
        w('cr.partner_tenant_id', '=', partnerTenantId),
        w('cr.indirect_provider_tenant_id', '=', partnerTenantId),
      ]),
    )
    .select([
      't.id as tenantId',
      't.display_name as displayName',
      't.default_domain as defaultDomain',
      't.locale',
      't.country',
      't.created_at as createdAt',
      'cr.relationship',
      'cr.partner_tenant_id as partnerTenantId',
      'pt.display_name as partnerName',
      'p.mpn_id as partnerMpnId',
      'cr.indirect_provider_tenant_id as providerTenantId',
      'ipt.display_name as providerName',
      'ip.mpn_id as providerMpnId',
    ])
}

type CustomerRow = Awaited<ReturnType<ReturnType<typeof customerQuery>['execute']>>[number]

function toRecord(row: CustomerRow, partnerTenantId: string, profile: TenantProfile | null): CustomerRecord {
  const asProvider = row.providerTenantId === partnerTenantId
  return {
    tenantId: row.tenantId,
    displayName: row.displayName,
    defaultDomain: row.defaultDomain,
    locale: row.locale,
    country: row.country,
    createdAt: row.createdAt,
    relationship: row.relationship,
    reseller: asProvider
      ? { tenantId: row.partnerTenantId, displayName: row.partnerName, mpnId: row.partnerMpnId }
      : null,
    indirectProvider:
      !asProvider && row.providerTenantId
        ? {
            tenantId: row.providerTenantId,
            displayName: row.providerName ?? '',
            mpnId: row.providerMpnId ?? '',
          }
        : null,
    profile,
  }
}

export interface Page<T> {
  total: number
  items: T[]
}

export async function listCustomers(
  db: Db,
  partnerTenantId: string,
  options: { offset: number; limit: number; nameStartsWith?: string | undefined },
): Promise<Page<CustomerRecord>> {
  let query = customerQuery(db, partnerTenantId)
  if (options.nameStartsWith) {
    const prefix = `${options.nameStartsWith.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((w) =>
      w.or([w('t.display_name', 'ilike', prefix), w('t.default_domain', 'ilike', prefix)]),
    )
  }
  const [rows, total] = await Promise.all([
    query.orderBy('t.display_name').orderBy('t.id').offset(options.offset).limit(options.limit).execute(),
    db
      .selectFrom(query.as('q'))
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ])
  const profiles = await listTenantProfiles(
    db,
    rows.map((r) => r.tenantId),
  )
  return {
    total: total.n,
    items: rows.map((r) => toRecord(r, partnerTenantId, profiles.get(r.tenantId) ?? null)),
  }
}

export async function findCustomer(
  db: Db,
  partnerTenantId: string,
  customerTenantId: string,
): Promise<CustomerRecord | null> {
  if (!isUuid(customerTenantId)) return null
  const row = await customerQuery(db, partnerTenantId).where('t.id', '=', customerTenantId).executeTakeFirst()
  if (!row) return null
  const profiles = await listTenantProfiles(db, [row.tenantId])
  return toRecord(row, partnerTenantId, profiles.get(row.tenantId) ?? null)
}
