import { recordAudit } from '../audit/audit.data.ts'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { notFound } from '../platform/errors.ts'
import { CustomerError } from './customers.messages.ts'
import { commercePartnerOf, customerForActor, partnerTenantOf } from './customers.service.ts'
import { findPartnerProfile } from './partner-profile.data.ts'
import { isResellerOf } from './partner-relationships.data.ts'
import { listSubscribedSkus, type SubscribedSkuRecord } from './subscribed-skus.data.ts'
import { findSubscription, type PartnerRef, type SubscriptionRecord } from './subscriptions.data.ts'

/**
 * One subscription the partner sold to its customer (provides or resells), as Partner Center lists
 * them; any other subscription, or another partner's customer, answers not found.
 */
export async function subscriptionForActor(
  ctx: AppContext,
  actor: Actor,
  customerTenantId: string,
  subscriptionId: string,
): Promise<SubscriptionRecord> {
  const customer = await customerForActor(ctx, actor, customerTenantId)
  const subscription = await findSubscription(
    ctx.db,
    partnerTenantOf(actor),
    customer.tenantId,
    subscriptionId,
    {
      onlySoldByPartner: true,
    },
  )
  if (!subscription) throw notFound()
  return subscription
}

/** Who supports a subscription: the reseller its provider named, else its reseller of record, else its provider. */
export async function supportContactForActor(
  ctx: AppContext,
  actor: Actor,
  customerTenantId: string,
  subscriptionId: string,
): Promise<{ subscription: SubscriptionRecord; contact: PartnerRef }> {
  const subscription = await subscriptionForActor(ctx, actor, customerTenantId, subscriptionId)
  // a subscription the partner sold always has a provider, so a contact
  if (!subscription.supportContact) throw notFound()
  return { subscription, contact: subscription.supportContact }
}

/**
 * The indirect provider names one of its resellers as the subscription's support contact (what
 * the customer calls). Only the subscription's provider may, and only one of its own resellers.
 */
export async function setSupportContactAsActor(
  ctx: AppContext,
  actor: Actor,
  customerTenantId: string,
  subscriptionId: string,
  input: { tenantId: string; mpnId?: string | undefined },
): Promise<{ subscription: SubscriptionRecord; contact: PartnerRef }> {
  const partnerId = commercePartnerOf(actor)
  const subscription = await subscriptionForActor(ctx, actor, customerTenantId, subscriptionId)
  if (subscription.provider?.tenantId !== partnerId || actor.partnerType !== 'indirect_provider') {
    throw new CustomerError(403, 'support_contact_provider_only', {
      provider: subscription.provider?.displayName ?? '',
    })
  }
  const reseller = (await isResellerOf(ctx.db, partnerId, input.tenantId))
    ? await findPartnerProfile(ctx.db, input.tenantId)
    : null
  if (!reseller) throw new CustomerError(400, 'support_contact_not_reseller', { tenant: input.tenantId })
  if (input.mpnId !== undefined && input.mpnId !== reseller.mpnId) {
    throw new CustomerError(400, 'support_contact_mpn_mismatch', {
      mpn: input.mpnId,
      name: reseller.name,
      expected: reseller.mpnId,
    })
  }
  const previous = subscription.supportContact
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('subscriptions')
      .set((eb) => ({
        support_contact_tenant_id: reseller.tenantId,
        version: eb(eb.ref('version'), '+', 1),
        modified_at: ctx.now(),
      }))
      .where('id', '=', subscription.id)
      .execute()
    await recordAudit(trx, {
      actorUserId: actor.userId,
      actorEmail: actor.email,
      actorTenantId: actor.homeTenantId,
      tenantId: subscription.tenantId,
      action: 'subscription.support_contact.update',
      targetType: 'subscription',
      targetId: subscription.id,
      result: 'done',
      details: { from: previous?.tenantId ?? null, to: reseller.tenantId },
    })
  })
  return {
    subscription,
    contact: { tenantId: reseller.tenantId, displayName: reseller.name, mpnId: reseller.mpnId },
  }
}

/** The customer's licenses by product SKU, trial and paid apart (R10 reads which it has). */
export async function subscribedSkusForActor(
  ctx: AppContext,
  actor: Actor,
  customerTenantId: string,
): Promise<SubscribedSkuRecord[]> {
  const customer = await customerForActor(ctx, actor, customerTenantId)
  return listSubscribedSkus(ctx.db, customer.tenantId)
}
