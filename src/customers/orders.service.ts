import { recordAudit } from '../audit/audit.data.ts'
import { actingUserId, auditActor, type Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { inTransaction } from '../platform/db/in-transaction.ts'
import type { BillingCycle, TermDuration } from '../platform/db/schema.ts'
import { notFound } from '../platform/errors.ts'
import { isUuid } from '../platform/ids.ts'
import { CustomerError } from './customers.messages.ts'
import { commercePartnerOf, customerForActor, partnerTenantOf } from './customers.service.ts'
import {
  commitmentEndDate,
  findOffer,
  grantProviderOwner,
  insertOrder,
  listOffers,
  listOrders,
  type OfferRecord,
  type OrderLine,
  type OrderRecord,
} from './orders.data.ts'
import { findOwnSubscription, findSubscription, type SubscriptionRecord } from './subscriptions.data.ts'

/**
 * Orders and subscription changes, the way Partner Center's commerce API makes them: the partner
 * that provides the subscription (a direct partner, or an indirect provider for its reseller's
 * customer) orders it and changes it. The policy reads subscriptions as they are, so a
 * suspension or a trial's conversion changes what R10 answers at once.
 */

export async function offersForActor(ctx: AppContext, actor: Actor, country: string): Promise<OfferRecord[]> {
  partnerTenantOf(actor)
  return listOffers(ctx.db, country)
}

export async function offerForActor(
  ctx: AppContext,
  actor: Actor,
  offerId: string,
  country: string,
): Promise<OfferRecord> {
  partnerTenantOf(actor)
  const offer = await findOffer(ctx.db, offerId, country)
  if (!offer) throw new CustomerError(404, 'unknown_offer', { offer: offerId, country })
  return offer
}

export interface OrderInput {
  billingCycle: BillingCycle | undefined
  lineItems: {
    lineItemNumber: number
    offerId: string
    friendlyName?: string | undefined
    quantity: number
    termDuration?: TermDuration | undefined
  }[]
}

/** The partner that provides what it orders: itself, unless it is a reseller or an advisor (refused). */
function providerOf(actor: Actor): string {
  const partnerId = commercePartnerOf(actor)
  if (actor.partnerType !== 'direct' && actor.partnerType !== 'indirect_provider') {
    throw new CustomerError(403, 'orders_by_provider')
  }
  return partnerId
}

export async function createOrderAsActor(
  ctx: AppContext,
  actor: Actor,
  customerTenantId: string,
  input: OrderInput,
): Promise<OrderRecord> {
  const providerId = providerOf(actor)
  const customer = await customerForActor(ctx, actor, customerTenantId)
  // a provider orders for its reseller's customer with the reseller as reseller of record
  if (customer.relationship !== 'reseller' || (customer.indirectProvider && !customer.reseller)) {
    throw new CustomerError(403, 'orders_by_provider')
  }
  const lines: OrderLine[] = []
  for (const item of input.lineItems) {
    const offer = await findOffer(ctx.db, item.offerId, customer.country)
    if (!offer)
      throw new CustomerError(400, 'unknown_offer', { offer: item.offerId, country: customer.country })
    if (item.quantity < offer.minQuantity || item.quantity > offer.maxQuantity) {
      throw new CustomerError(400, 'offer_quantity', {
        offer: offer.id,
        min: String(offer.minQuantity),
        max: String(offer.maxQuantity),
      })
    }
    const term = item.termDuration ?? offer.termDurations[0] ?? null
    if (term !== null && !offer.termDurations.includes(term)) {
      throw new CustomerError(400, 'offer_term', {
        offer: offer.id,
        term,
        terms: offer.termDurations.join(', ') || '—',
      })
    }
    const cycle = input.billingCycle ?? offer.billingCycles[0]!
    if (!offer.billingCycles.includes(cycle)) {
      throw new CustomerError(400, 'offer_billing_cycle', {
        offer: offer.id,
        cycle,
        cycles: offer.billingCycles.join(', '),
      })
    }
    if (offer.isTrial) {
      const held = await ctx.db
        .selectFrom('subscriptions')
        .select('id')
        .where('tenant_id', '=', customer.tenantId)
        .where('offer_id', '=', offer.id)
        .where('status', '!=', 'deleted')
        .executeTakeFirst()
      if (held || lines.some((l) => l.offer.id === offer.id)) {
        throw new CustomerError(409, 'trial_already_held', { offer: offer.name.en })
      }
    }
    lines.push({
      lineItemNumber: item.lineItemNumber,
      offer,
      friendlyName: item.friendlyName ?? offer.name.en,
      quantity: item.quantity,
      termDuration: term,
    })
  }
  const billingCycle = input.billingCycle ?? lines[0]!.offer.billingCycles[0]!
  const now = ctx.now()
  const orderId = await inTransaction(ctx.db, async (trx) => {
    const created = await insertOrder(
      trx,
      {
        customerTenantId: customer.tenantId,
        providerTenantId: providerId,
        resellerTenantId: customer.reseller?.tenantId ?? null,
        billingCycle,
        currencyCode: customer.country === 'US' ? 'USD' : customer.country === 'GB' ? 'GBP' : 'EUR',
        createdByUserId: actingUserId(actor),
        lines,
      },
      now,
    )
    for (const [i, line] of lines.entries()) {
      if (line.offer.workloadId === 'azure') {
        await grantProviderOwner(trx, created.subscriptionIds[i]!, providerId, now)
      }
    }
    await recordAudit(trx, {
      ...auditActor(actor),
      tenantId: customer.tenantId,
      action: 'order.create',
      targetType: 'order',
      targetId: created.orderId,
      result: 'done',
      details: {
        billingCycle,
        lineItems: lines.map((l, i) => ({
          offerId: l.offer.id,
          quantity: l.quantity,
          subscriptionId: created.subscriptionIds[i],
        })),
      },
    })
    return created.orderId
  })
  return (await listOrders(ctx.db, providerId, customer.tenantId, orderId))[0]!
}

export async function ordersForActor(
  ctx: AppContext,
  actor: Actor,
  customerTenantId: string,
  orderId?: string,
): Promise<OrderRecord[]> {
  const customer = await customerForActor(ctx, actor, customerTenantId)
  if (orderId !== undefined && !isUuid(orderId)) throw notFound()
  const orders = await listOrders(ctx.db, partnerTenantOf(actor), customer.tenantId, orderId)
  if (orderId !== undefined && orders.length === 0) throw notFound()
  return orders
}

export interface SubscriptionChange {
  status?: 'active' | 'suspended' | undefined
  /** Converts a trial to this paid offer (one of the trial's conversion targets). */
  offerId?: string | undefined
  /** false converts a trial to its first paid offer. */
  isTrial?: boolean | undefined
  friendlyName?: string | undefined
  quantity?: number | undefined
  /** The version the caller read (If-Match). */
  ifMatch?: number | undefined
}

/**
 * The subscription's provider suspends or reactivates it, converts a trial to paid, renames it or
 * changes its quantity. Only what is given changes; the change and its audit commit together.
 */
export async function updateSubscriptionAsActor(
  ctx: AppContext,
  actor: Actor,
  customerTenantId: string,
  subscriptionId: string,
  change: SubscriptionChange,
): Promise<SubscriptionRecord> {
  const partnerId = commercePartnerOf(actor)
  const customer = await customerForActor(ctx, actor, customerTenantId)
  const subscription = await findSubscription(ctx.db, partnerId, customer.tenantId, subscriptionId, {
    onlySoldByPartner: true,
  })
  if (!subscription) throw notFound()
  if (subscription.provider?.tenantId !== partnerId) {
    throw new CustomerError(403, 'subscription_provider_only', {
      provider: subscription.provider?.displayName ?? '',
    })
  }
  return applySubscriptionChange(ctx, actor, subscription, customer.country, change)
}

export async function applySubscriptionChange(
  ctx: AppContext,
  actor: Actor,
  subscription: SubscriptionRecord,
  country: string,
  change: SubscriptionChange,
): Promise<SubscriptionRecord> {
  if (change.ifMatch !== undefined && change.ifMatch !== subscription.version) {
    throw new CustomerError(412, 'version_mismatch', {
      given: String(change.ifMatch),
      current: String(subscription.version),
    })
  }
  const set: Record<string, unknown> = {}
  const details: Record<string, unknown> = {}
  if (change.status !== undefined && change.status !== subscription.status) {
    if (subscription.status === 'deleted') {
      throw new CustomerError(409, 'subscription_status_move', {
        from: subscription.status,
        to: change.status,
      })
    }
    set.status = change.status
    set.suspension_reasons = JSON.stringify(change.status === 'suspended' ? ['PartnerInitiated'] : [])
    details.status = { from: subscription.status, to: change.status }
  }
  const convertTo =
    change.offerId !== undefined && change.offerId !== subscription.offerId ? change.offerId : null
  if (convertTo !== null || (change.isTrial === false && subscription.billing === 'trial')) {
    if (subscription.billing !== 'trial') throw new CustomerError(400, 'conversion_not_trial')
    const trial = await findOffer(ctx.db, subscription.offerId, country)
    const targets = trial?.conversionTargetOfferIds ?? []
    const targetId = convertTo ?? targets[0]
    const target = targetId && targets.includes(targetId) ? await findOffer(ctx.db, targetId, country) : null
    if (!target) {
      throw new CustomerError(400, 'conversion_target', {
        target: targetId ?? '—',
        targets: targets.join(', ') || '—',
      })
    }
    set.offer_id = target.id
    set.offer_name = target.name.en
    set.billing = 'paid'
    set.term_duration = target.termDurations[0] ?? null
    set.billing_cycle = target.billingCycles[0] ?? null
    set.commitment_end_date = commitmentEndDate(target, target.termDurations[0] ?? null, ctx.now())
    details.conversion = { from: subscription.offerId, to: target.id }
  }
  if (change.friendlyName !== undefined && change.friendlyName !== subscription.friendlyName) {
    set.friendly_name = change.friendlyName
    details.friendlyName = { from: subscription.friendlyName, to: change.friendlyName }
  }
  if (change.quantity !== undefined && change.quantity !== subscription.quantity) {
    const offer = await findOffer(
      ctx.db,
      (set.offer_id as string | undefined) ?? subscription.offerId,
      country,
    )
    if (offer && (change.quantity < offer.minQuantity || change.quantity > offer.maxQuantity)) {
      throw new CustomerError(400, 'offer_quantity', {
        offer: offer.id,
        min: String(offer.minQuantity),
        max: String(offer.maxQuantity),
      })
    }
    set.quantity = change.quantity
    details.quantity = { from: subscription.quantity, to: change.quantity }
  }
  if (Object.keys(set).length === 0) return subscription
  await inTransaction(ctx.db, async (trx) => {
    await trx
      .updateTable('subscriptions')
      .set((eb) => ({ ...set, version: eb(eb.ref('version'), '+', 1), modified_at: ctx.now() }))
      .where('id', '=', subscription.id)
      .execute()
    await recordAudit(trx, {
      ...auditActor(actor),
      tenantId: subscription.tenantId,
      action: details.conversion ? 'subscription.convert' : 'subscription.update',
      targetType: 'subscription',
      targetId: subscription.id,
      result: 'done',
      details,
    })
  })
  return (await findOwnSubscription(ctx.db, subscription.tenantId, subscription.id))!
}
