import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type { BillingCycle, OrdersTable, TermDuration, WorkloadId } from '../platform/db/schema.ts'

/** The offer catalog and orders, as Partner Center's commerce API exposes them. */

export interface OfferRecord {
  id: string
  workloadId: WorkloadId
  name: { en: string; it: string }
  description: { en: string; it: string }
  productId: string
  productName: string
  billing: 'license' | 'usage'
  isTrial: boolean
  conversionTargetOfferIds: string[]
  trialDays: number | null
  termDurations: TermDuration[]
  billingCycles: BillingCycle[]
  minQuantity: number
  maxQuantity: number
  countries: string[]
  sortOrder: number
}

function offerQuery(db: Db) {
  return db
    .selectFrom('offers')
    .select([
      'id',
      'workload_id as workloadId',
      'name_en',
      'name_it',
      'description_en',
      'description_it',
      'product_id as productId',
      'product_name as productName',
      'billing',
      'is_trial as isTrial',
      'conversion_target_offer_ids as conversionTargetOfferIds',
      'trial_days as trialDays',
      'term_durations as termDurations',
      'billing_cycles as billingCycles',
      'min_quantity as minQuantity',
      'max_quantity as maxQuantity',
      'countries',
      'sort_order as sortOrder',
    ])
    .where('available', '=', true)
}

type OfferRow = Awaited<ReturnType<ReturnType<typeof offerQuery>['execute']>>[number]

const toOffer = ({ name_en, name_it, description_en, description_it, ...rest }: OfferRow): OfferRecord => ({
  ...rest,
  name: { en: name_en, it: name_it },
  description: { en: description_en, it: description_it },
})

const soldIn = (offer: OfferRecord, country: string) =>
  offer.countries.includes('*') || offer.countries.includes(country.toUpperCase())

/** The offers for sale in a country (ISO 3166-1 alpha-2), in catalog order. */
export async function listOffers(db: Db, country: string): Promise<OfferRecord[]> {
  const rows = await offerQuery(db).orderBy('sort_order').execute()
  return rows.map(toOffer).filter((o) => soldIn(o, country))
}

export async function findOffer(db: Db, id: string, country: string): Promise<OfferRecord | null> {
  const row = await offerQuery(db).where('id', '=', id).executeTakeFirst()
  const offer = row ? toOffer(row) : null
  return offer && soldIn(offer, country) ? offer : null
}

export interface OrderLine {
  lineItemNumber: number
  offer: OfferRecord
  friendlyName: string
  quantity: number
  termDuration: TermDuration | null
}

export interface NewOrder {
  customerTenantId: string
  providerTenantId: string
  resellerTenantId: string | null
  billingCycle: BillingCycle
  currencyCode: string
  createdByUserId: string | null
  lines: OrderLine[]
}

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000)
/** When a subscription's commitment ends: a trial after its days, a license after its term; usage never. */
export function commitmentEndDate(offer: OfferRecord, term: TermDuration | null, now: Date): string | null {
  if (offer.isTrial && offer.trialDays) return addDays(now, offer.trialDays).toISOString().slice(0, 10)
  if (offer.billing === 'usage' || !term) return null
  const end = new Date(now)
  if (term === 'P1M') end.setUTCMonth(end.getUTCMonth() + 1)
  else end.setUTCFullYear(end.getUTCFullYear() + (term === 'P3Y' ? 3 : 1))
  return end.toISOString().slice(0, 10)
}

/** Writes the order, its line items and one subscription per line; answers the order id and subscription ids. */
export async function insertOrder(
  db: Db,
  order: NewOrder,
  now: Date,
): Promise<{ orderId: string; subscriptionIds: string[] }> {
  const orderId = randomUUID()
  await db
    .insertInto('orders')
    .values({
      id: orderId,
      customer_tenant_id: order.customerTenantId,
      partner_tenant_id: order.providerTenantId,
      reseller_tenant_id: order.resellerTenantId,
      billing_cycle: order.billingCycle,
      currency_code: order.currencyCode,
      status: 'completed',
      created_by_user_id: order.createdByUserId,
      created_at: now,
    })
    .execute()
  const subscriptionIds: string[] = []
  for (const line of order.lines) {
    const subscriptionId = randomUUID()
    subscriptionIds.push(subscriptionId)
    await db
      .insertInto('subscriptions')
      .values({
        id: subscriptionId,
        tenant_id: order.customerTenantId,
        workload_id: line.offer.workloadId,
        offer_id: line.offer.id,
        offer_name: line.offer.name.en,
        friendly_name: line.friendlyName,
        channel: 'csp',
        billing: line.offer.isTrial ? 'trial' : 'paid',
        provider_tenant_id: order.providerTenantId,
        reseller_tenant_id: order.resellerTenantId,
        marketplace_product_id: null,
        status: 'active',
        quantity: line.quantity,
        created_at: now,
        modified_at: now,
        commitment_end_date: commitmentEndDate(line.offer, line.termDuration, now),
        order_id: orderId,
        term_duration: line.termDuration,
        billing_cycle: order.billingCycle,
      })
      .execute()
    await db
      .insertInto('order_line_items')
      .values({
        order_id: orderId,
        line_item_number: line.lineItemNumber,
        offer_id: line.offer.id,
        subscription_id: subscriptionId,
        friendly_name: line.friendlyName,
        quantity: line.quantity,
        term_duration: line.termDuration,
      })
      .execute()
  }
  return { orderId, subscriptionIds }
}

/**
 * CSP gives the provider's Admin Agents group Owner on every Azure subscription it provisions
 * (a foreign principal in the customer's tenant), so its admin agents can administer it.
 */
export async function grantProviderOwner(
  db: Db,
  subscriptionId: string,
  providerTenantId: string,
  now: Date,
): Promise<void> {
  const group = await sql<{
    id: string
  }>`select partner_role_group(${providerTenantId}, 'admin_agent') as id`.execute(db)
  await db
    .insertInto('azure_role_assignments')
    .values({
      id: randomUUID(),
      subscription_id: subscriptionId,
      principal_kind: 'group',
      principal_id: group.rows[0]!.id,
      role_name: 'Owner',
      created_at: now,
      description:
        'Cloud Solution Provider: the provider’s Admin Agents own the subscriptions it provisions.',
    })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export interface OrderRecord {
  id: string
  customerTenantId: string
  providerTenantId: string
  resellerTenantId: string | null
  billingCycle: BillingCycle
  currencyCode: string
  status: OrdersTable['status']
  createdAt: Date
  lineItems: {
    lineItemNumber: number
    offerId: string
    subscriptionId: string | null
    friendlyName: string
    quantity: number
    termDuration: TermDuration | null
  }[]
}

/** The orders of one customer that a partner placed (as provider) or that were placed for it (as reseller). */
export async function listOrders(
  db: Db,
  partnerTenantId: string,
  customerTenantId: string,
  orderId?: string,
): Promise<OrderRecord[]> {
  let query = db
    .selectFrom('orders as o')
    .select([
      'o.id',
      'o.customer_tenant_id as customerTenantId',
      'o.partner_tenant_id as providerTenantId',
      'o.reseller_tenant_id as resellerTenantId',
      'o.billing_cycle as billingCycle',
      'o.currency_code as currencyCode',
      'o.status',
      'o.created_at as createdAt',
    ])
    .where('o.customer_tenant_id', '=', customerTenantId)
    .where((w) =>
      w.or([w('o.partner_tenant_id', '=', partnerTenantId), w('o.reseller_tenant_id', '=', partnerTenantId)]),
    )
  if (orderId !== undefined) query = query.where('o.id', '=', orderId)
  const orders = await query.orderBy('o.created_at', 'desc').orderBy('o.id').execute()
  if (orders.length === 0) return []
  const lines = await db
    .selectFrom('order_line_items')
    .select([
      'order_id as orderId',
      'line_item_number as lineItemNumber',
      'offer_id as offerId',
      'subscription_id as subscriptionId',
      'friendly_name as friendlyName',
      'quantity',
      'term_duration as termDuration',
    ])
    .where(
      'order_id',
      'in',
      orders.map((o) => o.id),
    )
    .orderBy('line_item_number')
    .execute()
  return orders.map((o) => ({
    ...o,
    lineItems: lines.filter((l) => l.orderId === o.id).map(({ orderId: _, ...l }) => l),
  }))
}
