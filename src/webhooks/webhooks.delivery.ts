import { request } from 'undici'
import { recordAudit } from '../audit/audit.data.ts'
import type { AppContext } from '../platform/context.ts'
import { counterOf, gaugeOf } from '../platform/http/metrics.ts'
import type { Task } from '../platform/scheduler.ts'
import {
  type ClaimedDelivery,
  claimDeliveries,
  countDeliveriesByStatus,
  deactivateSubscription,
  type DeliveryOutcome,
  type DeliveryTarget,
  deliveryTargets,
  finishDelivery,
  pruneDeliveries,
} from './webhooks.data.ts'
import { serializePayload } from './webhooks.payload.ts'
import { signatureHeader } from './webhooks.signature.ts'
import { BlockedAddressError, ipLiteralOf, isPublicAddress, webhookDispatcher } from './webhooks.network.ts'

/** How long a sender holds what it claimed; far above the request timeout, so it never runs out mid-send. */
const LEASE_MS = 2 * 60_000
const TIMEOUT_MS = 10_000
const BATCH = 20
/** Batches one run sends at most, so one run never keeps the scheduler's other tasks waiting long. */
const MAX_BATCHES = 10
const FIRST_RETRY_MS = 30_000
const MAX_RETRY_MS = 6 * 60 * 60_000
/** Finished deliveries stay this long for the subscriber to look at and redeliver. */
const RETENTION_MS = 30 * 24 * 60 * 60_000

export interface WebhookReport {
  delivered: number
  failed: number
  retried: number
}

/** The wait before attempt n+1 after n failed ones: 30 s, 1 min, 2 min, … at most 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS)
}

/** Deliveries by status, counted when Prometheus scrapes. */
export function registerWebhookQueueGauge(ctx: AppContext): void {
  gaugeOf(
    ctx.metrics,
    'tramite_webhook_queue',
    'Webhook deliveries by status (pending: waiting or being retried).',
    ['status'],
    async (gauge) => {
      const counts = await countDeliveriesByStatus(ctx.db)
      gauge.reset()
      for (const status of ['pending', 'delivered', 'failed'] as const) gauge.set({ status }, 0)
      for (const c of counts) gauge.set({ status: c.status }, c.n)
    },
  )
}

/**
 * Delivers queued webhook events. Any number of instances run it at once: each claims its own
 * deliveries under a lease, sends them outside any transaction, and records the outcome only
 * while it still holds the lease. A delivery error never escapes: it becomes a retry or a failure.
 */
export function createWebhookTask(ctx: AppContext): Task {
  registerWebhookQueueGauge(ctx)
  const outcomes = counterOf(
    ctx.metrics,
    'tramite_webhook_deliveries_total',
    'Webhook delivery attempts by outcome (delivered, retried, failed: given up).',
    ['outcome'],
  )
  return {
    name: 'webhooks',
    async run(): Promise<WebhookReport> {
      const report: WebhookReport = { delivered: 0, failed: 0, retried: 0 }
      for (let batch = 0; batch < MAX_BATCHES; batch++) {
        const claimed = await claimDeliveries(ctx.db, ctx.now(), LEASE_MS, BATCH)
        if (claimed.length === 0) break
        const targets = new Map(
          (await deliveryTargets(ctx.db, [...new Set(claimed.map((c) => c.subscriptionId))])).map((t) => [
            t.id,
            t,
          ]),
        )
        const results = await Promise.all(
          claimed.map((claim) => deliverOne(ctx, claim, targets.get(claim.subscriptionId))),
        )
        for (const outcome of results) {
          if (!outcome) continue
          report[outcome]++
          outcomes.inc({ outcome })
        }
        if (claimed.length < BATCH) break
      }
      await pruneDeliveries(ctx.db, new Date(ctx.now().getTime() - RETENTION_MS), 1000)
      return report
    },
  }
}

type Attempt = { ok: true; status: number } | { ok: false; status: number | null; error: string }

async function deliverOne(
  ctx: AppContext,
  claim: ClaimedDelivery,
  target: DeliveryTarget | undefined,
): Promise<keyof WebhookReport | null> {
  const now = ctx.now()
  // deleted between the claim and now: its deliveries went with it (cascade)
  if (!target) return null
  const attempt = await post(target, claim, now, ctx.config.WEBHOOKS_ALLOW_PRIVATE_NETWORK)
  const finishedAt = ctx.now()
  if (attempt.ok) {
    await finishDelivery(ctx.db, claim, {
      status: 'delivered',
      nextAttemptAt: finishedAt,
      lastStatusCode: attempt.status,
      lastError: null,
      deliveredAt: finishedAt,
    })
    return 'delivered'
  }
  const gone = attempt.status === 410
  const giveUp = gone || claim.attempts >= ctx.config.WEBHOOK_MAX_ATTEMPTS
  const outcome: DeliveryOutcome = {
    status: giveUp ? 'failed' : 'pending',
    nextAttemptAt: giveUp ? finishedAt : new Date(finishedAt.getTime() + retryDelayMs(claim.attempts)),
    lastStatusCode: attempt.status,
    lastError: attempt.error.slice(0, 500),
    deliveredAt: null,
  }
  if (!gone) {
    await finishDelivery(ctx.db, claim, outcome)
    return giveUp ? 'failed' : 'retried'
  }
  // 410 Gone: the receiver says the endpoint is no more — stop sending there at all
  await ctx.db.transaction().execute(async (trx) => {
    await finishDelivery(trx, claim, outcome)
    const deactivated = await deactivateSubscription(
      trx,
      target.id,
      'subscription deactivated: the receiver answered 410 Gone',
      finishedAt,
    )
    if (deactivated) {
      await recordAudit(trx, {
        actorUserId: null,
        actorEmail: null,
        actorTenantId: null,
        tenantId: target.tenantId,
        action: 'webhook.subscription.deactivate',
        targetType: 'webhook_subscription',
        targetId: target.id,
        result: 'done',
        reason: 'The receiver answered 410 Gone.',
        details: { deliveryId: claim.id, eventId: claim.eventId },
      })
    }
  })
  return 'failed'
}

/**
 * One POST; anything but a 2xx (redirects included: they are not followed) is a failed attempt.
 * Only public addresses are called unless private networks are allowed (webhooks.network.ts).
 */
async function post(
  target: DeliveryTarget,
  claim: ClaimedDelivery,
  now: Date,
  allowPrivateNetwork: boolean,
): Promise<Attempt> {
  const body = serializePayload(claim.payload)
  try {
    const literal = ipLiteralOf(new URL(target.url).hostname)
    if (literal && !allowPrivateNetwork && !isPublicAddress(literal)) throw new BlockedAddressError(literal)
    const dispatcher = webhookDispatcher(allowPrivateNetwork)
    const response = await request(target.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Tramite-Webhooks/1',
        'X-Tramite-Event': claim.eventType,
        'X-Tramite-Delivery': claim.eventId,
        'X-Tramite-Signature': signatureHeader(target.secret, body, now),
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      ...(dispatcher ? { dispatcher } : {}),
    })
    // the receiver's answer is not read: drop it so the connection can be reused
    await response.body.dump().catch(() => undefined)
    const status = response.statusCode
    if (status >= 200 && status < 300) return { ok: true, status }
    return { ok: false, status, error: `HTTP ${status}` }
  } catch (error) {
    return { ok: false, status: null, error: describeFailure(error) }
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${TIMEOUT_MS / 1000} s`
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return cause?.code ? `${error.message}: ${cause.code}` : cause?.message ? cause.message : error.message
  }
  return String(error)
}
