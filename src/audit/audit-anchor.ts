import { request } from 'undici'
import type { AppContext } from '../platform/context.ts'
import { counterOf } from '../platform/http/metrics.ts'
import type { Task } from '../platform/scheduler.ts'
import { signatureHeader } from '../webhooks/webhooks.signature.ts'
import { CANONICAL_VERSION } from './audit-canonical.ts'
import { type ChainHead, chainHead } from './audit-chain.data.ts'

/**
 * Exporting the chain head so it can be anchored outside the database (docs/audit.md,
 * "Anchoring"). Whoever can rewrite the database can rewrite the whole chain consistently; a head
 * kept elsewhere (a WORM bucket, a ticket, another organisation's log) is what such a rewrite
 * cannot change. Verification checks every anchored head: the ones recorded here and the ones
 * an auditor brings (`tramite audit verify --anchor id:hash`).
 */

const TIMEOUT_MS = 10_000
const LEASE_MS = 60_000

/** The head as exported: what an anchor stores, and what `tramite audit head` prints. */
export function headDocument(ctx: AppContext, head: ChainHead, at: Date) {
  return {
    type: 'tramite.audit.chain_head',
    chain: `tramite-audit-v${CANONICAL_VERSION}`,
    instance: ctx.config.publicUrl,
    eventId: head.eventId,
    chainHash: head.chainHash,
    exportedAt: at.toISOString(),
  }
}

/** Records a head as anchored (by the exporter after the receiver accepted it, or by hand). */
export async function recordAnchor(
  ctx: AppContext,
  head: ChainHead,
  target: string,
  receipt: string | null,
): Promise<void> {
  await ctx.db
    .insertInto('audit_anchors')
    .values({ event_id: head.eventId, chain_hash: head.chainHash, target, receipt, anchored_at: ctx.now() })
    .execute()
}

/** The URL as recorded: no credentials, no query string (it may carry a token). */
export function anchorTarget(url: string): string {
  const parsed = new URL(url)
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`
}

/** POSTs the head; answers the receiver's reply (its receipt) or throws. */
export async function sendHead(ctx: AppContext, url: string, head: ChainHead): Promise<string> {
  const now = ctx.now()
  const body = JSON.stringify(headDocument(ctx, head, now))
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'Tramite-Audit-Anchor/1',
  }
  if (ctx.config.AUDIT_ANCHOR_SECRET)
    headers['X-Tramite-Signature'] = signatureHeader(ctx.config.AUDIT_ANCHOR_SECRET, body, now)
  const response = await request(url, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  const text = (await response.body.text()).slice(0, 2000)
  if (response.statusCode < 200 || response.statusCode >= 300)
    throw new Error(`the anchor answered HTTP ${response.statusCode}`)
  return text
}

/**
 * Sends the head to AUDIT_ANCHOR_URL at most once per AUDIT_ANCHOR_INTERVAL_SECONDS across
 * instances (a lease on the state row), and only when it moved since the last anchored head.
 */
export function createAuditAnchorTask(ctx: AppContext): Task {
  const outcomes = counterOf(
    ctx.metrics,
    'tramite_audit_anchor_exports_total',
    'Chain heads sent to AUDIT_ANCHOR_URL by outcome (anchored, failed).',
    ['outcome'],
  )
  return {
    name: 'audit-anchor',
    async run() {
      const url = ctx.config.AUDIT_ANCHOR_URL
      if (!url) return { skipped: 'not configured' }
      const target = anchorTarget(url)
      const now = ctx.now()
      const lease = await ctx.db
        .updateTable('audit_chain_state')
        .set({ anchor_lease_until: new Date(now.getTime() + LEASE_MS) })
        .where('id', '=', 1)
        .where((eb) => eb.or([eb('anchor_lease_until', 'is', null), eb('anchor_lease_until', '<=', now)]))
        .returning('id')
        .executeTakeFirst()
      if (!lease) return { skipped: 'another instance is exporting' }
      try {
        const head = await chainHead(ctx.db)
        if (!head) return { skipped: 'empty chain' }
        const last = await ctx.db
          .selectFrom('audit_anchors')
          .select(['event_id as eventId', 'anchored_at as anchoredAt'])
          .where('target', '=', target)
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst()
        if (last && last.eventId >= head.eventId) return { skipped: 'head already anchored' }
        const interval = ctx.config.AUDIT_ANCHOR_INTERVAL_SECONDS * 1000
        if (last && now.getTime() - last.anchoredAt.getTime() < interval) return { skipped: 'not due' }
        const receipt = await sendHead(ctx, url, head).catch((error: unknown) => {
          outcomes.inc({ outcome: 'failed' })
          throw error
        })
        await recordAnchor(ctx, head, target, receipt || null)
        outcomes.inc({ outcome: 'anchored' })
        return { anchored: head }
      } finally {
        await ctx.db
          .updateTable('audit_chain_state')
          .set({ anchor_lease_until: null })
          .where('id', '=', 1)
          .execute()
      }
    },
  }
}
