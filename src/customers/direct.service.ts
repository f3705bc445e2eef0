import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/audit.data.ts'
import { actingUserId, auditActor, type Actor } from '../identity/actor.ts'
import { findVendorName } from '../identity/vendor.data.ts'
import type { AppContext } from '../platform/context.ts'
import { notFound } from '../platform/errors.ts'
import { isUuid } from '../platform/ids.ts'
import { CustomerError } from './customers.messages.ts'
import { commitmentEndDate, findOffer } from './orders.data.ts'
import { applySubscriptionChange, type SubscriptionChange } from './orders.service.ts'
import { findOwnSubscription, listOwnSubscriptions, type SubscriptionRecord } from './subscriptions.data.ts'

/**
 * Subscriptions a customer (or a partner, for itself) bought directly from the vendor — not
 * through CSP: the vendor's global administrator records them. They have no provider or reseller;
 * R10 reads them like any other (a paid direct subscription opens the vendor route).
 */

async function vendorAdminOf(ctx: AppContext, actor: Actor): Promise<void> {
  if (
    actor.principal !== 'user' ||
    actor.homeTenantKind !== 'vendor' ||
    actor.delegated ||
    !actor.roles.includes('global_admin')
  ) {
    // the refusal names the vendor ("Contoso Cloud"), read only when refusing
    throw new CustomerError(403, 'vendor_admin_only', { vendor: (await findVendorName(ctx.db)) ?? 'Tramite' })
  }
}

async function directTenant(ctx: AppContext, tenantId: string) {
  const tenant = isUuid(tenantId)
    ? await ctx.db
        .selectFrom('tenants')
        .select(['id', 'country', 'kind'])
        .where('id', '=', tenantId.toLowerCase())
        .where('kind', 'in', ['customer', 'partner'])
        .executeTakeFirst()
    : undefined
  if (!tenant) throw new CustomerError(404, 'unknown_tenant', { tenant: tenantId })
  return tenant
}

export async function directSubscriptionsAsVendor(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
): Promise<SubscriptionRecord[]> {
  await vendorAdminOf(ctx, actor)
  const tenant = await directTenant(ctx, tenantId)
  return (await listOwnSubscriptions(ctx.db, tenant.id)).filter((s) => s.channel === 'direct')
}

export async function recordDirectSubscriptionAsVendor(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
  input: { offerId: string; quantity: number; friendlyName?: string | undefined },
): Promise<SubscriptionRecord> {
  await vendorAdminOf(ctx, actor)
  const tenant = await directTenant(ctx, tenantId)
  const offer = await findOffer(ctx.db, input.offerId, tenant.country)
  if (!offer) throw new CustomerError(400, 'unknown_offer', { offer: input.offerId, country: tenant.country })
  if (input.quantity < offer.minQuantity || input.quantity > offer.maxQuantity) {
    throw new CustomerError(400, 'offer_quantity', {
      offer: offer.id,
      min: String(offer.minQuantity),
      max: String(offer.maxQuantity),
    })
  }
  const id = randomUUID()
  const now = ctx.now()
  const term = offer.termDurations[0] ?? null
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('subscriptions')
      .values({
        id,
        tenant_id: tenant.id,
        workload_id: offer.workloadId,
        offer_id: offer.id,
        offer_name: offer.name.en,
        friendly_name: input.friendlyName ?? offer.name.en,
        channel: 'direct',
        billing: offer.isTrial ? 'trial' : 'paid',
        provider_tenant_id: null,
        reseller_tenant_id: null,
        marketplace_product_id: null,
        status: 'active',
        quantity: input.quantity,
        created_at: now,
        modified_at: now,
        commitment_end_date: commitmentEndDate(offer, term, now),
        term_duration: term,
        recorded_by_user_id: actingUserId(actor),
      })
      .execute()
    await recordAudit(trx, {
      ...auditActor(actor),
      tenantId: tenant.id,
      action: 'subscription.direct.record',
      targetType: 'subscription',
      targetId: id,
      result: 'done',
      details: { offerId: offer.id, quantity: input.quantity, billing: offer.isTrial ? 'trial' : 'paid' },
    })
  })
  return (await findOwnSubscription(ctx.db, tenant.id, id))!
}

export async function updateDirectSubscriptionAsVendor(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
  subscriptionId: string,
  change: SubscriptionChange,
): Promise<SubscriptionRecord> {
  await vendorAdminOf(ctx, actor)
  const tenant = await directTenant(ctx, tenantId)
  const subscription = await findOwnSubscription(ctx.db, tenant.id, subscriptionId)
  if (!subscription || subscription.channel !== 'direct') throw notFound()
  return applySubscriptionChange(ctx, actor, subscription, tenant.country, change)
}
