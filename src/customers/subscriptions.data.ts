import { sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type {
  Billing,
  BillingCycle,
  Channel,
  SubscriptionStatus,
  TermDuration,
  WorkloadId,
} from '../platform/db/schema.ts'
import { isUuid } from '../platform/ids.ts'
import { customersOf } from './customers.data.ts'

export interface PartnerRef {
  tenantId: string
  displayName: string
  mpnId: string
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
  modifiedAt: Date
  version: number
  commitmentEndDate: string | null
  orderId: string | null
  termDuration: TermDuration | null
  billingCycle: BillingCycle | null
  suspensionReasons: string[]
  provider: { tenantId: string; displayName: string } | null
  reseller: PartnerRef | null
  /** Who the customer calls for this subscription: the reseller a provider named, else the reseller of record, else the provider. */
  supportContact: PartnerRef | null
  marketplaceProduct: { id: string; name: string; isvName: string } | null
}

/** A customer's subscriptions with their provider, reseller, support contact and product. */
function subscriptionQuery(db: Db, tenantId: string) {
  return db
    .selectFrom('subscriptions as s')
    .leftJoin('tenants as prov', 'prov.id', 's.provider_tenant_id')
    .leftJoin('tenants as res', 'res.id', 's.reseller_tenant_id')
    .leftJoin('partners as resp', 'resp.tenant_id', 's.reseller_tenant_id')
    .leftJoin('partners as sc', (join) =>
      join.on(
        'sc.tenant_id',
        '=',
        sql<string>`coalesce(s.support_contact_tenant_id, s.reseller_tenant_id, s.provider_tenant_id)`,
      ),
    )
    .leftJoin('tenants as sct', 'sct.id', 'sc.tenant_id')
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
      's.modified_at as modifiedAt',
      's.version',
      's.commitment_end_date as commitmentEndDate',
      's.order_id as orderId',
      's.term_duration as termDuration',
      's.billing_cycle as billingCycle',
      's.suspension_reasons as suspensionReasons',
      's.provider_tenant_id as providerTenantId',
      'prov.display_name as providerName',
      's.reseller_tenant_id as resellerTenantId',
      'res.display_name as resellerName',
      'resp.mpn_id as resellerMpnId',
      'sc.tenant_id as supportTenantId',
      'sc.mpn_id as supportMpnId',
      'sct.display_name as supportName',
      'mp.id as productId',
      'mp.name as productName',
      'mp.isv_name as productIsv',
    ])
}

type SubscriptionRow = Awaited<ReturnType<ReturnType<typeof subscriptionQuery>['execute']>>[number]

/** The subscriptions a partner may see of one of its customers; `onlySoldByPartner` keeps those it provides or resells. */
function partnerScoped(
  db: Db,
  partnerTenantId: string,
  customerTenantId: string,
  options: { onlySoldByPartner: boolean },
) {
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
  return query
}

export async function listSubscriptions(
  db: Db,
  partnerTenantId: string,
  customerTenantId: string,
  options: { onlySoldByPartner: boolean; orderId?: string | undefined },
): Promise<SubscriptionRecord[]> {
  if (!isUuid(customerTenantId)) return []
  let query = partnerScoped(db, partnerTenantId, customerTenantId, options)
  if (options.orderId !== undefined) query = query.where('s.order_id', '=', options.orderId)
  return (await query.orderBy('s.workload_id').orderBy('s.friendly_name').orderBy('s.id').execute()).map(
    toSubscription,
  )
}

/** One subscription of a partner's customer, or null when it is not one the partner may see. */
export async function findSubscription(
  db: Db,
  partnerTenantId: string,
  customerTenantId: string,
  subscriptionId: string,
  options: { onlySoldByPartner: boolean },
): Promise<SubscriptionRecord | null> {
  if (!isUuid(customerTenantId) || !isUuid(subscriptionId)) return null
  const row = await partnerScoped(db, partnerTenantId, customerTenantId, options)
    .where('s.id', '=', subscriptionId)
    .executeTakeFirst()
  return row ? toSubscription(row) : null
}

/** A tenant's own subscriptions (a partner's own, or a customer administrator's tenant). */
export async function listOwnSubscriptions(db: Db, tenantId: string): Promise<SubscriptionRecord[]> {
  return (
    await subscriptionQuery(db, tenantId)
      .orderBy('s.workload_id')
      .orderBy('s.friendly_name')
      .orderBy('s.id')
      .execute()
  ).map(toSubscription)
}

/** One subscription of a tenant, whoever sold it (for the caller that has already checked access). */
export async function findOwnSubscription(
  db: Db,
  tenantId: string,
  subscriptionId: string,
): Promise<SubscriptionRecord | null> {
  if (!isUuid(subscriptionId)) return null
  const row = await subscriptionQuery(db, tenantId).where('s.id', '=', subscriptionId).executeTakeFirst()
  return row ? toSubscription(row) : null
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
    modifiedAt: r.modifiedAt,
    version: r.version,
    commitmentEndDate: r.commitmentEndDate,
    orderId: r.orderId,
    termDuration: r.termDuration,
    billingCycle: r.billingCycle,
    suspensionReasons: r.suspensionReasons,
    provider: r.providerTenantId ? { tenantId: r.providerTenantId, displayName: r.providerName ?? '' } : null,
    reseller: r.resellerTenantId
      ? { tenantId: r.resellerTenantId, displayName: r.resellerName ?? '', mpnId: r.resellerMpnId ?? '' }
      : null,
    supportContact: r.supportTenantId
      ? { tenantId: r.supportTenantId, displayName: r.supportName ?? '', mpnId: r.supportMpnId ?? '' }
      : null,
    marketplaceProduct: r.productId
      ? { id: r.productId, name: r.productName ?? '', isvName: r.productIsv ?? '' }
      : null,
  }
}
