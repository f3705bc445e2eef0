import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database, DeliveryStatus } from '../platform/db/schema.ts'
import { isUuid } from '../platform/ids.ts'
import type { WebhookPayload } from './webhooks.payload.ts'

type Db = Kysely<Database>

/** A subscription as the portal sees it: never its secret. */
export interface SubscriptionRecord {
  id: string
  tenantId: string
  url: string
  description: string | null
  events: string[]
  active: boolean
  createdByUserId: string | null
  createdAt: Date
}

export interface DeliveryRecord {
  id: number
  subscriptionId: string
  eventId: string
  eventType: string
  payload: Record<string, unknown>
  status: DeliveryStatus
  attempts: number
  nextAttemptAt: Date
  lockedUntil: Date | null
  lastStatusCode: number | null
  lastError: string | null
  createdAt: Date
  deliveredAt: Date | null
}

const SUBSCRIPTION_COLUMNS = [
  's.id',
  's.tenant_id as tenantId',
  's.url',
  's.description',
  's.events',
  's.active',
  's.created_by_user_id as createdByUserId',
  's.created_at as createdAt',
] as const

const DELIVERY_COLUMNS = [
  'd.id',
  'd.subscription_id as subscriptionId',
  'd.event_id as eventId',
  'd.event_type as eventType',
  'd.payload',
  'd.status',
  'd.attempts',
  'd.next_attempt_at as nextAttemptAt',
  'd.locked_until as lockedUntil',
  'd.last_status_code as lastStatusCode',
  'd.last_error as lastError',
  'd.created_at as createdAt',
  'd.delivered_at as deliveredAt',
] as const

/** The one way to reach subscriptions: a partner's own, so another tenant's id reads as absent. */
export function subscriptionsOf(db: Db, tenantId: string) {
  return db.selectFrom('webhook_subscriptions as s').where('s.tenant_id', '=', tenantId)
}

export function listSubscriptions(db: Db, tenantId: string): Promise<SubscriptionRecord[]> {
  return subscriptionsOf(db, tenantId).select(SUBSCRIPTION_COLUMNS).orderBy('s.created_at').execute()
}

export async function findSubscription(
  db: Db,
  tenantId: string,
  id: string,
): Promise<SubscriptionRecord | undefined> {
  if (!isUuid(id)) return undefined
  return subscriptionsOf(db, tenantId).select(SUBSCRIPTION_COLUMNS).where('s.id', '=', id).executeTakeFirst()
}

export async function countSubscriptions(db: Db, tenantId: string): Promise<number> {
  const row = await subscriptionsOf(db, tenantId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface NewSubscription {
  id: string
  tenantId: string
  url: string
  description: string | null
  secret: string
  events: string[]
  createdByUserId: string
  createdAt: Date
}

export async function insertSubscription(db: Db, s: NewSubscription): Promise<void> {
  await db
    .insertInto('webhook_subscriptions')
    .values({
      id: s.id,
      tenant_id: s.tenantId,
      url: s.url,
      description: s.description,
      secret: s.secret,
      events: JSON.stringify(s.events),
      active: true,
      created_by_user_id: s.createdByUserId,
      created_at: s.createdAt,
    })
    .execute()
}

export interface SubscriptionChanges {
  url?: string
  description?: string | null
  events?: string[]
  active?: boolean
  secret?: string
}

export async function updateSubscription(
  db: Db,
  tenantId: string,
  id: string,
  changes: SubscriptionChanges,
): Promise<void> {
  const set = {
    ...(changes.url === undefined ? {} : { url: changes.url }),
    ...(changes.description === undefined ? {} : { description: changes.description }),
    ...(changes.events === undefined ? {} : { events: JSON.stringify(changes.events) }),
    ...(changes.active === undefined ? {} : { active: changes.active }),
    ...(changes.secret === undefined ? {} : { secret: changes.secret }),
  }
  if (Object.keys(set).length === 0) return
  await db
    .updateTable('webhook_subscriptions')
    .set(set)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute()
}

export async function deleteSubscription(db: Db, tenantId: string, id: string): Promise<void> {
  await db
    .deleteFrom('webhook_subscriptions')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute()
}

/**
 * Turns a subscription off and gives up its queue: what waits would otherwise go out, stale,
 * whenever it is switched back on. Each delivery can still be sent again by hand (redeliver).
 * Conditional on `active`, so only the first of several instances seeing a 410 returns true.
 */
export async function deactivateSubscription(
  db: Db,
  subscriptionId: string,
  reason: string,
  now: Date,
): Promise<boolean> {
  const changed = await db
    .updateTable('webhook_subscriptions')
    .set({ active: false })
    .where('id', '=', subscriptionId)
    .where('active', '=', true)
    .returning('id')
    .execute()
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', last_error: reason, locked_until: null, next_attempt_at: now })
    .where('subscription_id', '=', subscriptionId)
    .where('status', '=', 'pending')
    .execute()
  return changed.length > 0
}

export interface NewDelivery {
  eventId: string
  payload: WebhookPayload
  now: Date
}

/**
 * Queues one delivery of an event per active subscription of `tenantId` that asks for its type
 * (or for "*"); `onlySubscriptionId` narrows to one (a ping). A second recording of the same
 * event is ignored by the unique (subscription, event) key. Answers how many were queued.
 */
/** A subscription (aliased `s`) that wants events of `type`: named, or all of them. */
const wants = (type: string) =>
  sql<boolean>`(s.events @> ${JSON.stringify([type])}::jsonb or s.events @> '["*"]'::jsonb)`

/**
 * Whether any active subscription of the tenant `tenantId` (an SQL expression) wants events of
 * `type`: a write that learns "no" in its own statement skips queuing deliveries no one gets.
 */
export const anyoneWants = (tenantId: RawBuilder<string | null>, type: string) =>
  sql<boolean>`exists (select 1 from webhook_subscriptions s
                        where s.tenant_id = ${tenantId} and s.active = true and ${wants(type)})`

export async function enqueueDeliveries(
  db: Db,
  tenantId: string,
  delivery: NewDelivery,
  onlySubscriptionId?: string,
): Promise<number> {
  const { eventId, payload, now } = delivery
  let subscriptions = db
    .selectFrom('webhook_subscriptions as s')
    .select([
      's.id',
      sql<string>`${eventId}::uuid`.as('event_id'),
      sql<string>`${payload.type}`.as('event_type'),
      sql<string>`${JSON.stringify(payload)}::jsonb`.as('payload'),
      sql<Date>`${now}::timestamptz`.as('next_attempt_at'),
      sql<Date>`${now}::timestamptz`.as('created_at'),
    ])
    .where('s.tenant_id', '=', tenantId)
    .where('s.active', '=', true)
  subscriptions = onlySubscriptionId
    ? subscriptions.where('s.id', '=', onlySubscriptionId)
    : subscriptions.where(wants(payload.type))
  const result = await db
    .insertInto('webhook_deliveries')
    .columns(['subscription_id', 'event_id', 'event_type', 'payload', 'next_attempt_at', 'created_at'])
    .expression(subscriptions)
    .onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

export function listDeliveries(
  db: Db,
  subscriptionId: string,
  options: { limit: number; beforeId?: number | undefined },
): Promise<DeliveryRecord[]> {
  let query = db
    .selectFrom('webhook_deliveries as d')
    .select(DELIVERY_COLUMNS)
    .where('d.subscription_id', '=', subscriptionId)
  if (options.beforeId !== undefined) query = query.where('d.id', '<', options.beforeId)
  return query.orderBy('d.id', 'desc').limit(options.limit).execute()
}

/** One delivery of a subscription, by its id or by the event it carries. */
export function findDelivery(
  db: Db,
  subscriptionId: string,
  by: { id: number } | { eventId: string },
): Promise<DeliveryRecord | undefined> {
  const query = db
    .selectFrom('webhook_deliveries as d')
    .select(DELIVERY_COLUMNS)
    .where('d.subscription_id', '=', subscriptionId)
  return (
    'id' in by ? query.where('d.id', '=', by.id) : query.where('d.event_id', '=', by.eventId)
  ).executeTakeFirst()
}

/**
 * Queues a delivery again, due now, with a fresh attempt budget — unless a sender holds it at this
 * moment (sending it twice at once would only make the receiver drop one). Answers whether it did.
 */
export async function requeueDelivery(db: Db, subscriptionId: string, deliveryId: number, now: Date) {
  const rows = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null, delivered_at: null })
    .where('subscription_id', '=', subscriptionId)
    .where('id', '=', deliveryId)
    .where((w) =>
      w.or([w('status', '<>', 'pending'), w('locked_until', 'is', null), w('locked_until', '<', now)]),
    )
    .returning('id')
    .execute()
  return rows.length > 0
}

/** A delivery a sender holds until `lockedUntil` (its lease), with what it needs to send it. */
export interface ClaimedDelivery {
  id: number
  subscriptionId: string
  eventId: string
  eventType: string
  payload: Record<string, unknown>
  attempts: number
  lockedUntil: Date
}

/**
 * Takes up to `limit` due deliveries of active subscriptions for this sender: one statement that
 * skips rows another instance is claiming, and a lease that runs out by itself should this
 * sender die — the delivery is then due again. Counting the attempt here means a crash mid-send
 * still uses up an attempt, so a payload that kills the sender cannot loop forever.
 */
export async function claimDeliveries(
  db: Db,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const lease = new Date(now.getTime() + leaseMs)
  const rows = await db
    .updateTable('webhook_deliveries')
    .set({ locked_until: lease, attempts: sql`attempts + 1` })
    .where(
      'id',
      'in',
      db
        .selectFrom('webhook_deliveries as d')
        .select('d.id')
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', now)
        .where((w) => w.or([w('d.locked_until', 'is', null), w('d.locked_until', '<', now)]))
        .where(
          'd.subscription_id',
          'in',
          db.selectFrom('webhook_subscriptions').select('id').where('active', '=', true),
        )
        .orderBy('d.id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning([
      'id',
      'subscription_id as subscriptionId',
      'event_id as eventId',
      'event_type as eventType',
      'payload',
      'attempts',
      'locked_until as lockedUntil',
    ])
    .execute()
  return rows.map((r) => ({ ...r, lockedUntil: r.lockedUntil ?? lease }))
}

export interface DeliveryTarget {
  id: string
  tenantId: string
  url: string
  secret: string
}

export function deliveryTargets(db: Db, subscriptionIds: string[]): Promise<DeliveryTarget[]> {
  if (subscriptionIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'tenant_id as tenantId', 'url', 'secret'])
    .where('id', 'in', subscriptionIds)
    .execute()
}

export interface DeliveryOutcome {
  status: DeliveryStatus
  nextAttemptAt: Date
  lastStatusCode: number | null
  lastError: string | null
  deliveredAt: Date | null
}

/**
 * Records how an attempt went — only while this sender's lease is the delivery's lease, so a
 * sender that outlived its lease cannot overwrite what a later attempt recorded.
 */
export async function finishDelivery(db: Db, claim: ClaimedDelivery, outcome: DeliveryOutcome) {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      next_attempt_at: outcome.nextAttemptAt,
      locked_until: null,
      last_status_code: outcome.lastStatusCode,
      last_error: outcome.lastError,
      delivered_at: outcome.deliveredAt,
    })
    .where('id', '=', claim.id)
    .where('status', '=', 'pending')
    .where('locked_until', '=', claim.lockedUntil)
    .execute()
}

/** Finished deliveries older than `before` go; pending ones stay whatever their age. */
export async function pruneDeliveries(db: Db, before: Date, limit: number): Promise<number> {
  const rows = await db
    .deleteFrom('webhook_deliveries')
    .where(
      'id',
      'in',
      db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '<>', 'pending')
        .where('created_at', '<', before)
        .limit(limit),
    )
    .returning('id')
    .execute()
  return rows.length
}

export async function countDeliveriesByStatus(db: Db): Promise<{ status: DeliveryStatus; n: number }[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute()
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }))
}
