import { sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type {
  Billing,
  Channel,
  CustomerRelationshipKind,
  SubscriptionStatus,
  WorkloadId,
} from '../platform/db/schema.ts'
import { isUuid } from '../platform/ids.ts'

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

function toRecord(row: CustomerRow, partnerTenantId: string): CustomerRecord {
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
  return { total: total.n, items: rows.map((r) => toRecord(r, partnerTenantId)) }
}

export async function findCustomer(
  db: Db,
  partnerTenantId: string,
  customerTenantId: string,
): Promise<CustomerRecord | null> {
  if (!isUuid(customerTenantId)) return null
  const row = await customerQuery(db, partnerTenantId).where('t.id', '=', customerTenantId).executeTakeFirst()
  return row ? toRecord(row, partnerTenantId) : null
}

export interface SubscriptionRecord {
  id: string
  tenantId: string
  workloadId: WorkloadId
  offerId: string
  offerName: string
  friendlyName: string
  channel: Channel
  billing: Billing
  status: SubscriptionStatus
  quantity: number
  createdAt: Date
  commitmentEndDate: string | null
  provider: { tenantId: string; displayName: string } | null
  reseller: { tenantId: string; displayName: string; mpnId: string } | null
  marketplaceProduct: { id: string; name: string; isvName: string } | null
}

/**
 * A customer's subscriptions, as the asking partner may see them. `soldBy` narrows to those the
 * partner provides or resells (what Partner Center's subscription list shows).
 */
function subscriptionQuery(db: Db, tenantId: string) {
  return db
    .selectFrom('subscriptions as s')
    .leftJoin('tenants as prov', 'prov.id', 's.provider_tenant_id')
    .leftJoin('tenants as res', 'res.id', 's.reseller_tenant_id')
    .leftJoin('partners as resp', 'resp.tenant_id', 's.reseller_tenant_id')
    .leftJoin('marketplace_products as mp', 'mp.id', 's.marketplace_product_id')
    .where('s.tenant_id', '=', tenantId)
    .select([
      's.id',
      's.tenant_id as tenantId',
      's.workload_id as workloadId',
      's.offer_id as offerId',
      's.offer_name as offerName',
      's.friendly_name as friendlyName',
      's.channel',
      's.billing',
      's.status',
      's.quantity',
      's.created_at as createdAt',
      's.commitment_end_date as commitmentEndDate',
      's.provider_tenant_id as providerTenantId',
      'prov.display_name as providerName',
      's.reseller_tenant_id as resellerTenantId',
      'res.display_name as resellerName',
      'resp.mpn_id as resellerMpnId',
      'mp.id as productId',
      'mp.name as productName',
      'mp.isv_name as productIsv',
    ])
}

type SubscriptionRow = Awaited<ReturnType<ReturnType<typeof subscriptionQuery>['execute']>>[number]

export async function listSubscriptions(
  db: Db,
  partnerTenantId: string,
  customerTenantId: string,
  options: { onlySoldByPartner: boolean },
): Promise<SubscriptionRecord[]> {
  if (!isUuid(customerTenantId)) return []
  let query = subscriptionQuery(db, customerTenantId).where(
    's.tenant_id',
    'in',
    customersOf(db, partnerTenantId),
  )
  if (options.onlySoldByPartner) {
    query = query.where((w) =>
      w.or([
        w('s.provider_tenant_id', '=', partnerTenantId),
        w('s.reseller_tenant_id', '=', partnerTenantId),
      ]),
    )
  }
  return (await query.orderBy('s.workload_id').orderBy('s.friendly_name').execute()).map(toSubscription)
}

/** A tenant's own subscriptions (a partner's own, or a customer administrator's tenant). */
export async function listOwnSubscriptions(db: Db, tenantId: string): Promise<SubscriptionRecord[]> {
  return (
    await subscriptionQuery(db, tenantId).orderBy('s.workload_id').orderBy('s.friendly_name').execute()
  ).map(toSubscription)
}

function toSubscription(r: SubscriptionRow): SubscriptionRecord {
  return {
    id: r.id,
    tenantId: r.tenantId,
    workloadId: r.workloadId,
    offerId: r.offerId,
    offerName: r.offerName,
    friendlyName: r.friendlyName,
    channel: r.channel,
    billing: r.billing,
    status: r.status,
    quantity: r.quantity,
    createdAt: r.createdAt,
    commitmentEndDate: r.commitmentEndDate,
    provider: r.providerTenantId ? { tenantId: r.providerTenantId, displayName: r.providerName ?? '' } : null,
    reseller: r.resellerTenantId
      ? { tenantId: r.resellerTenantId, displayName: r.resellerName ?? '', mpnId: r.resellerMpnId ?? '' }
      : null,
    marketplaceProduct: r.productId
      ? { id: r.productId, name: r.productName ?? '', isvName: r.productIsv ?? '' }
      : null,
  }
}
