import type { AppContext } from '../platform/context.ts'
import { counterOf, gaugeOf } from '../platform/http/metrics.ts'
import type { Task } from '../platform/scheduler.ts'
import { notify } from '../notifications/notifications.data.ts'
import { chainHead, countEventsAfter, readChainState } from './audit-chain.data.ts'
import { sealAuditEvents } from './audit-seal.ts'
import { type ChainBreak, verifyChain } from './audit-verify.ts'

/** Events one scheduled check verifies; a longer chain is covered in a rolling sweep over several runs. */
export const CHECK_WINDOW = 50_000

interface CheckReport {
  firstBreak: ChainBreak | null
  breaks: ChainBreak[]
  /** The first break of the sweep under way (a sweep covers the chain from its first event to its head). */
  sweepBreak: ChainBreak | null
  /** Whether the last sweep that reached the head found no break. */
  lastSweepIntact: boolean
  head: { eventId: number; chainHash: string } | null
  pendingEvents: number
}

/** The gauges of the chain, read from the database when Prometheus scrapes (the same on every instance). */
function registerChainGauges(ctx: AppContext): void {
  gaugeOf(
    ctx.metrics,
    'tramite_audit_chain_intact',
    'Whether the last check of the audit chain found it intact (1) or broken (0); absent before the first check.',
    [],
    async (gauge) => {
      const state = await readChainState(ctx.db)
      gauge.reset()
      if (state.checkStatus) gauge.set(state.checkStatus === 'intact' ? 1 : 0)
    },
  )
  gaugeOf(
    ctx.metrics,
    'tramite_audit_unsealed_events',
    'Audit events written and not yet sealed into the chain.',
    [],
    async (gauge) => {
      const head = await chainHead(ctx.db)
      gauge.set(await countEventsAfter(ctx.db, head?.eventId ?? 0))
    },
  )
}

/** The sealer as a scheduled task: every instance runs it, one seals at a time (audit-seal.ts). */
export function createAuditSealTask(ctx: AppContext): Task {
  const sealed = counterOf(
    ctx.metrics,
    'tramite_audit_sealed_events_total',
    'Audit events this instance sealed into the chain.',
  )
  return {
    name: 'audit-seal',
    async run() {
      const report = await sealAuditEvents(ctx)
      sealed.inc(report.sealed)
      return report
    },
  }
}

/**
 * The scheduled check: once per AUDIT_CHECK_INTERVAL_SECONDS across all instances (claimed with a
 * conditional update), verifies the next window of the chain; on a break it sets the gauge to 0,
 * counts it, and notifies every auditor once per break.
 */
export function createAuditCheckTask(ctx: AppContext): Task {
  registerChainGauges(ctx)
  const checks = counterOf(
    ctx.metrics,
    'tramite_audit_chain_checks_total',
    'Scheduled checks of the audit chain by result (intact, broken).',
    ['result'],
  )
  return {
    name: 'audit-check',
    async run() {
      const now = ctx.now()
      const due = new Date(now.getTime() - ctx.config.AUDIT_CHECK_INTERVAL_SECONDS * 1000)
      const claimed = await ctx.db
        .updateTable('audit_chain_state')
        .set({ checked_at: now })
        .where('id', '=', 1)
        .where((eb) => eb.or([eb('checked_at', 'is', null), eb('checked_at', '<=', due)]))
        .returning(['sweep_after as sweepAfter', 'check_report as report'])
        .executeTakeFirst()
      if (!claimed) return { skipped: true }

      const previous = (claimed.report ?? null) as CheckReport | null
      const verified = await verifyChain(ctx.db, { afterEventId: claimed.sweepAfter, limit: CHECK_WINDOW })
      const earlier = (a: ChainBreak | null, b: ChainBreak | null) =>
        !a ? b : !b ? a : a.eventId <= b.eventId ? a : b
      const sweepBreak = earlier(
        claimed.sweepAfter > 0 ? (previous?.sweepBreak ?? null) : null,
        verified.firstBreak,
      )
      const sweepDone = !verified.partial
      const lastSweepIntact = sweepDone ? sweepBreak === null : (previous?.lastSweepIntact ?? true)
      const broken = sweepBreak !== null || !lastSweepIntact
      const report: CheckReport = {
        firstBreak: sweepBreak ?? (broken ? (previous?.firstBreak ?? null) : null),
        breaks: verified.breaks.slice(0, 20),
        sweepBreak: sweepDone ? null : sweepBreak,
        lastSweepIntact,
        head: verified.head,
        pendingEvents: verified.pendingEvents,
      }
      await ctx.db
        .updateTable('audit_chain_state')
        .set({
          check_status: broken ? 'broken' : 'intact',
          check_report: JSON.stringify(report),
          sweep_after: sweepDone ? 0 : (verified.throughEventId ?? 0),
        })
        .where('id', '=', 1)
        .execute()
      checks.inc({ result: broken ? 'broken' : 'intact' })
      if (verified.firstBreak) await notifyAuditors(ctx, verified.firstBreak)
      return { status: broken ? 'broken' : 'intact', verified }
    },
  }
}

/** One in-app notice per break and auditor (the dedupe key makes a repeated finding silent). */
async function notifyAuditors(ctx: AppContext, found: ChainBreak): Promise<void> {
  const auditors = await ctx.db
    .selectFrom('users as u')
    .innerJoin('tenants as t', 't.id', 'u.tenant_id')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select('u.id')
    .where('t.kind', '=', 'vendor')
    .where('r.role', '=', 'auditor')
    .where('u.disabled', '=', false)
    .execute()
  for (const auditor of auditors) {
    await notify(ctx.db, {
      userId: auditor.id,
      kind: 'audit.chain_broken',
      params: { event: String(found.eventId), problem: found.kind },
      link: `/api/audit/chain`,
      dedupeKey: `audit.chain_broken:${found.kind}:${found.eventId}:${auditor.id}`,
    })
  }
}
