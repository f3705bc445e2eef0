import { sql } from 'kysely'
import type { AppContext } from '../platform/context.ts'
import { counterOf, gaugeOf } from '../platform/http/metrics.ts'
import { sendNotice } from '../notifications/notices.ts'
import { recordRequestEvent, requestEventId } from './request-events.ts'
import { countOpenBySla, findServiceRequest } from './service-requests.data.ts'
import { SLA_STATES } from './sla.ts'

/** The advisory lock that lets one instance at a time look for breaches (any fixed number). */
const SLA_LOCK = 7_114_001

export interface SlaReport {
  breached: number
  /** Another instance held the lock: it is doing this round's work. */
  skipped: boolean
}

/**
 * Marks the requests whose first-response target (R14) passed without a response. One instance
 * works at a time (a transaction-scoped advisory lock; the others skip the round), and each breach
 * is marked once by a conditional update — so several instances on one PostgreSQL, and restarts,
 * record every breach exactly once. The breach time is the target itself, not when it was seen.
 */
export async function runSlaJob(ctx: AppContext, batch = 500): Promise<SlaReport> {
  const now = ctx.now()
  const report = await ctx.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{
      locked: boolean
    }>`select pg_try_advisory_xact_lock(${SLA_LOCK}) as locked`.execute(trx)
    if (!rows[0]?.locked) return { breached: 0, skipped: true }
    const due = await trx
      .updateTable('service_requests')
      .set({ sla_breached_at: sql`first_response_due_at` })
      .where(
        'id',
        'in',
        trx
          .selectFrom('service_requests')
          .select('id')
          .where('first_response_at', 'is', null)
          .where('sla_breached_at', 'is', null)
          .where('status', '<>', 'closed')
          .where('first_response_due_at', '<=', now)
          .orderBy('first_response_due_at')
          .limit(batch),
      )
      .returning(['id', 'assigned_to_user_id as assignee'])
      .execute()
    if (due.length === 0) return { breached: 0, skipped: false }
    const engineers = await trx
      .selectFrom('users as u')
      .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
      .select('u.id')
      .where('ur.role', '=', 'support_engineer')
      .where('u.disabled', '=', false)
      .execute()
    for (const { id, assignee } of due) {
      const request = (await findServiceRequest(trx, id))!
      await recordRequestEvent(trx, ctx, {
        id: requestEventId('service_request.sla_breached', id, 'breach'),
        type: 'service_request.sla_breached',
        at: now,
        request,
        actor: { userId: null, email: null, name: 'Tramite', tenantId: null, side: 'system' },
        visibility: 'public',
      })
      // the assignee hears of it; an unassigned request alerts the whole desk
      for (const userId of assignee ? [assignee] : engineers.map((e) => e.id)) {
        await sendNotice(trx, ctx, {
          userId,
          kind: 'service_request.sla_breached',
          params: { request: id, title: request.title, severity: request.severity },
          link: `/service-requests/${id}`,
          dedupeKey: `sla-breach:${id}:${userId}`,
        })
      }
    }
    return { breached: due.length, skipped: false }
  })
  if (report.breached > 0) {
    counterOf(
      ctx.metrics,
      'tramite_sla_breaches_total',
      'First-response targets (R14) found breached by this instance.',
    ).inc(report.breached)
  }
  return report
}

/** Requests by severity and SLA state, counted at scrape time from the database. */
export function registerSlaGauge(ctx: AppContext): void {
  gaugeOf(
    ctx.metrics,
    'tramite_service_requests',
    'Service requests not closed, by severity and first-response SLA state (R14).',
    ['severity', 'sla_state'],
    async (gauge) => {
      const counts = await countOpenBySla(ctx.db, ctx.now())
      gauge.reset()
      for (const severity of ['minimal', 'moderate', 'critical'] as const)
        for (const state of SLA_STATES) gauge.set({ severity, sla_state: state }, 0)
      for (const c of counts) gauge.set({ severity: c.severity, sla_state: c.state }, c.n)
    },
  )
}
