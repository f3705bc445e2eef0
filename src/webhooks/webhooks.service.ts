import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { type AuditEvent, recordAudit } from '../audit/audit.data.ts'
import { type Actor, auditActor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import type { Database } from '../platform/db/schema.ts'
import { REQUEST_EVENT_TYPES } from '../service-requests/request-events.ts'
import {
  countSubscriptions,
  deactivateSubscription,
  type DeliveryRecord,
  deleteSubscription,
  enqueueDeliveries,
  findDelivery,
  findSubscription,
  insertSubscription,
  listDeliveries,
  listSubscriptions,
  requeueDelivery,
  type SubscriptionChanges,
  type SubscriptionRecord,
  updateSubscription,
} from './webhooks.data.ts'
import { WebhookError } from './webhooks.messages.ts'
import { ipLiteralOf, isPublicAddress } from './webhooks.network.ts'
import { pingPayload } from './webhooks.payload.ts'
import { newWebhookSecret } from './webhooks.signature.ts'

/** Enough for a PSA tool per environment; a runaway script cannot fan every event out a thousand times. */
export const MAX_SUBSCRIPTIONS_PER_PARTNER = 25
export const MAX_URL_LENGTH = 2000
/** Every event type a subscription may ask for; "*" asks for all, including types added later. */
export const SUBSCRIBABLE_EVENTS: readonly string[] = [...REQUEST_EVENT_TYPES, '*']

const ADMIN_ROLES = new Set(['admin_agent', 'global_admin'])

/** The partner whose subscriptions the actor manages: its own, as one of its admins. */
function managedTenant(actor: Actor): string {
  if (actor.homeTenantKind !== 'partner') throw new WebhookError(403, 'webhooks_partner_only')
  if (actor.delegated) throw new WebhookError(403, 'own_context_required')
  if (!actor.roles.some((r) => ADMIN_ROLES.has(r))) throw new WebhookError(403, 'webhook_admin_required')
  return actor.homeTenantId
}

/**
 * A URL the server may POST to: absolute http(s), no credentials (the signature authenticates),
 * no fragment, https unless WEBHOOKS_ALLOW_HTTP, no private IP literal unless
 * WEBHOOKS_ALLOW_PRIVATE_NETWORK (names are checked at each delivery, on what they resolve to). Answers it normalized, as it will be called.
 */
export function checkWebhookUrl(raw: string, allowHttp: boolean, allowPrivateNetwork = true): string {
  const invalid = (reason: string) => new WebhookError(400, 'invalid_url', {}, { reason })
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw invalid('not_absolute')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('scheme')
  if (!url.hostname) throw invalid('no_host')
  if (url.username || url.password) throw new WebhookError(400, 'url_credentials')
  if (url.hash) throw invalid('fragment')
  if (url.protocol === 'http:' && !allowHttp) throw new WebhookError(400, 'insecure_url')
  if (url.href.length > MAX_URL_LENGTH) throw invalid('too_long')
  const literal = ipLiteralOf(url.hostname)
  if (literal && !allowPrivateNetwork && !isPublicAddress(literal))
    throw new WebhookError(400, 'private_address', { host: literal })
  return url.href
}

export function checkEventTypes(events: string[]): string[] {
  const unknown = events.filter((e) => !SUBSCRIBABLE_EVENTS.includes(e))
  if (unknown.length > 0) {
    throw new WebhookError(
      400,
      'unknown_event_type',
      { types: unknown.join(', '), known: REQUEST_EVENT_TYPES.join(', ') },
      { unknown, allowed: SUBSCRIBABLE_EVENTS },
    )
  }
  if (new Set(events).size !== events.length) throw new WebhookError(400, 'duplicate_event_type')
  return events
}

const notFound = () => new WebhookError(404, 'not_found')

async function ownSubscription(ctx: AppContext, tenantId: string, id: string): Promise<SubscriptionRecord> {
  const found = await findSubscription(ctx.db, tenantId, id)
  if (!found) throw notFound()
  return found
}

function audit(
  db: Kysely<Database>,
  actor: Actor,
  action: string,
  subscriptionId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  const event: AuditEvent = {
    ...auditActor(actor),
    tenantId: actor.homeTenantId,
    action,
    targetType: 'webhook_subscription',
    targetId: subscriptionId,
    result: 'done',
    details,
  }
  return recordAudit(db, event)
}

export function listWebhookSubscriptions(ctx: AppContext, actor: Actor): Promise<SubscriptionRecord[]> {
  return listSubscriptions(ctx.db, managedTenant(actor))
}

export async function getWebhookSubscription(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<SubscriptionRecord> {
  return ownSubscription(ctx, managedTenant(actor), id)
}

export interface NewSubscriptionInput {
  url: string
  events: string[]
  description?: string | undefined
}

/** A new subscription, active at once; its secret is answered here and never again. */
export async function createWebhookSubscription(
  ctx: AppContext,
  actor: Actor,
  input: NewSubscriptionInput,
): Promise<{ subscription: SubscriptionRecord; secret: string }> {
  const tenantId = managedTenant(actor)
  const url = checkWebhookUrl(
    input.url,
    ctx.config.WEBHOOKS_ALLOW_HTTP,
    ctx.config.WEBHOOKS_ALLOW_PRIVATE_NETWORK,
  )
  const events = checkEventTypes(input.events)
  const description = input.description?.trim() || null
  const id = randomUUID()
  const secret = newWebhookSecret()
  await ctx.db.transaction().execute(async (trx) => {
    // counted inside the transaction; two creates at once may both pass — a soft cap is enough
    if ((await countSubscriptions(trx, tenantId)) >= MAX_SUBSCRIPTIONS_PER_PARTNER) {
      throw new WebhookError(409, 'too_many_subscriptions', { max: String(MAX_SUBSCRIPTIONS_PER_PARTNER) })
    }
    await insertSubscription(trx, {
      id,
      tenantId,
      url,
      description,
      secret,
      events,
      createdByUserId: actor.userId,
      createdAt: ctx.now(),
    })
    await audit(trx, actor, 'webhook.subscription.create', id, { url, events })
  })
  return { subscription: (await findSubscription(ctx.db, tenantId, id))!, secret }
}

export interface SubscriptionUpdate {
  url?: string | undefined
  events?: string[] | undefined
  active?: boolean | undefined
  description?: string | null | undefined
}

/** Changes a subscription; switching it off also gives up what waits in its queue. */
export async function updateWebhookSubscription(
  ctx: AppContext,
  actor: Actor,
  id: string,
  update: SubscriptionUpdate,
): Promise<SubscriptionRecord> {
  const tenantId = managedTenant(actor)
  const current = await ownSubscription(ctx, tenantId, id)
  const changes: SubscriptionChanges = {}
  if (update.url !== undefined)
    changes.url = checkWebhookUrl(
      update.url,
      ctx.config.WEBHOOKS_ALLOW_HTTP,
      ctx.config.WEBHOOKS_ALLOW_PRIVATE_NETWORK,
    )
  if (update.events !== undefined) changes.events = checkEventTypes(update.events)
  if (update.description !== undefined) changes.description = update.description?.trim() || null
  await ctx.db.transaction().execute(async (trx) => {
    if (update.active === false && current.active) {
      await deactivateSubscription(trx, id, 'subscription deactivated by an administrator', ctx.now())
    } else if (update.active !== undefined) {
      changes.active = update.active
    }
    await updateSubscription(trx, tenantId, id, changes)
    await audit(trx, actor, 'webhook.subscription.update', id, {
      ...changes,
      ...(update.active === undefined ? {} : { active: update.active }),
    })
  })
  return (await findSubscription(ctx.db, tenantId, id))!
}

export async function deleteWebhookSubscription(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const tenantId = managedTenant(actor)
  const current = await ownSubscription(ctx, tenantId, id)
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSubscription(trx, tenantId, id)
    await audit(trx, actor, 'webhook.subscription.delete', id, { url: current.url })
  })
}

/** A new secret at once: deliveries from now on, retries included, are signed with it. */
export async function rotateWebhookSecret(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ subscription: SubscriptionRecord; secret: string }> {
  const tenantId = managedTenant(actor)
  const subscription = await ownSubscription(ctx, tenantId, id)
  const secret = newWebhookSecret()
  await ctx.db.transaction().execute(async (trx) => {
    await updateSubscription(trx, tenantId, id, { secret })
    await audit(trx, actor, 'webhook.subscription.rotate_secret', id)
  })
  return { subscription, secret }
}

export async function listWebhookDeliveries(
  ctx: AppContext,
  actor: Actor,
  id: string,
  options: { limit: number; beforeId?: number | undefined },
): Promise<DeliveryRecord[]> {
  const subscription = await ownSubscription(ctx, managedTenant(actor), id)
  return listDeliveries(ctx.db, subscription.id, options)
}

/** Sends a delivery again, due now, with the same event id (the receiver may drop it as seen). */
export async function redeliverWebhook(
  ctx: AppContext,
  actor: Actor,
  id: string,
  deliveryId: number,
): Promise<DeliveryRecord> {
  const subscription = await ownSubscription(ctx, managedTenant(actor), id)
  if (!(await findDelivery(ctx.db, subscription.id, { id: deliveryId }))) throw notFound()
  if (!subscription.active) throw new WebhookError(409, 'subscription_inactive')
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await requeueDelivery(trx, subscription.id, deliveryId, ctx.now()))) {
      throw new WebhookError(409, 'delivery_in_progress')
    }
    await audit(trx, actor, 'webhook.delivery.redeliver', subscription.id, { deliveryId })
  })
  return (await findDelivery(ctx.db, subscription.id, { id: deliveryId }))!
}

/** Queues a `ping` event to this subscription only, to try the receiver and its signature check. */
export async function pingWebhook(ctx: AppContext, actor: Actor, id: string): Promise<DeliveryRecord> {
  const tenantId = managedTenant(actor)
  const subscription = await ownSubscription(ctx, tenantId, id)
  if (!subscription.active) throw new WebhookError(409, 'subscription_inactive')
  const eventId = randomUUID()
  const now = ctx.now()
  await ctx.db.transaction().execute(async (trx) => {
    await enqueueDeliveries(trx, tenantId, { eventId, payload: pingPayload(eventId, id, now), now }, id)
    await audit(trx, actor, 'webhook.ping', id, { eventId })
  })
  return (await findDelivery(ctx.db, id, { eventId }))!
}
