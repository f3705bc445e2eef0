import { type Kysely, type RawBuilder, sql } from 'kysely'
import { recordAudit } from '../audit/audit.data.ts'
import { sendNotice } from '../notifications/notices.ts'
import { partnerRoleHolders } from '../directory/partner-roles.ts'
import type { AppContext } from '../platform/context.ts'
import type { Database, GdapStatus } from '../platform/db/schema.ts'
import { asOf, findRelationship, replaceAssignmentRoles } from './gdap.data.ts'
import { AUTO_EXTEND, AUTO_EXTEND_DAYS, DAY_MS, noticeDue } from './lifecycle.ts'

/**
 * The GDAP work the clock and the asynchronous steps need: finish approvals and terminations,
 * expire, auto-extend, lapse unapproved requests, activate and delete assignments, run operations,
 * and send expiry notices. Each step is a conditional UPDATE (… where status = 'x') or an insert
 * with a unique key, so several instances on one PostgreSQL may run it at the same moment and each
 * change still happens once; after a restart the next run picks up whatever is due.
 */

type Q = Kysely<Database>

const system = (
  tenantId: string | null,
  relationshipId: string,
  action: string,
  details: Record<string, unknown> = {},
) => ({
  actorUserId: null,
  actorEmail: 'system',
  actorTenantId: null,
  tenantId,
  relationshipId,
  action,
  targetType: 'gdap_relationship',
  targetId: relationshipId,
  result: 'done' as const,
  details,
})

/** Moves every relationship in one of `from` (and meeting `condition`) to `to`, once. */
async function transition(
  db: Q,
  now: Date,
  from: GdapStatus[],
  to: GdapStatus,
  condition?: RawBuilder<boolean>,
) {
  let query = db
    .updateTable('gdap_relationships as r')
    .set((eb) => ({ status: to, last_modified_at: now, version: eb('version', '+', 1) }))
    .where('r.status', 'in', from)
  if (condition) query = query.where(condition)
  return query.returning(['r.id', 'r.partner_tenant_id', 'r.customer_tenant_id']).execute()
}

/** The tenant an event about a relationship belongs to: the customer's, or the partner's while unbound. */
async function tenantOf(db: Q, relationshipId: string): Promise<string | null> {
  const r = await db
    .selectFrom('gdap_relationships')
    .select(['customer_tenant_id', 'partner_tenant_id'])
    .where('id', '=', relationshipId)
    .executeTakeFirst()
  return r ? (r.customer_tenant_id ?? r.partner_tenant_id) : null
}

export interface JobReport {
  activated: number
  terminated: number
  expired: number
  extended: number
  lapsed: number
  assignmentsActivated: number
  assignmentsDeleted: number
  operations: number
  notices: number
}

export async function runGdapJobs(ctx: AppContext): Promise<JobReport> {
  const now = ctx.now()
  const report: JobReport = {
    activated: 0,
    terminated: 0,
    expired: 0,
    extended: 0,
    lapsed: 0,
    assignmentsActivated: 0,
    assignmentsDeleted: 0,
    operations: 0,
    notices: 0,
  }

  // approvals finish: activating → active
  await ctx.db.transaction().execute(async (trx) => {
    const rows = await transition(trx, now, ['activating'], 'active')
    for (const r of rows) {
      await trx
        .updateTable('gdap_requests')
        .set({ status: 'succeeded', last_modified_at: now })
        .where('relationship_id', '=', r.id)
        .where('status', '=', 'pending')
        .where('action', '=', 'approve')
        .execute()
      await recordAudit(
        trx,
        system(r.customer_tenant_id ?? r.partner_tenant_id, r.id, 'gdap.relationship.activate'),
      )
    }
    report.activated = rows.length
  })

  // terminations finish: terminating → terminated, and the assignments go with them
  await ctx.db.transaction().execute(async (trx) => {
    const rows = await transition(trx, now, ['terminating'], 'terminated')
    for (const r of rows) {
      await trx
        .updateTable('gdap_access_assignments')
        .set((eb) => ({ status: 'deleted', last_modified_at: now, version: eb('version', '+', 1) }))
        .where('relationship_id', '=', r.id)
        .where('status', '!=', 'deleted')
        .execute()
      await trx
        .updateTable('gdap_requests')
        .set({ status: 'succeeded', last_modified_at: now })
        .where('relationship_id', '=', r.id)
        .where('status', '=', 'pending')
        .where('action', '=', 'terminate')
        .execute()
      await recordAudit(
        trx,
        system(r.customer_tenant_id ?? r.partner_tenant_id, r.id, 'gdap.relationship.terminated'),
      )
    }
    report.terminated = rows.length
  })

  // the end date passed without auto-extend: expired
  await ctx.db.transaction().execute(async (trx) => {
    const rows = await transition(
      trx,
      now,
      ['active', 'expiring'],
      'expired',
      sql<boolean>`r.end_at <= ${now} and r.auto_extend_duration <> ${AUTO_EXTEND}`,
    )
    for (const r of rows)
      await recordAudit(
        trx,
        system(r.customer_tenant_id ?? r.partner_tenant_id, r.id, 'gdap.relationship.expire'),
      )
    report.expired = rows.length
  })

  // auto-extend: the end moves on by P180D, as many times as have passed
  const due = await ctx.db
    .selectFrom('gdap_relationships')
    .select(['id', 'end_at', 'customer_tenant_id', 'partner_tenant_id'])
    .where('status', 'in', ['active', 'expiring'])
    .where('auto_extend_duration', '=', AUTO_EXTEND)
    .where('end_at', '<=', now)
    .execute()
  for (const r of due) {
    const periods = Math.ceil((now.getTime() - r.end_at!.getTime() + 1) / (AUTO_EXTEND_DAYS * DAY_MS))
    const endAt = new Date(r.end_at!.getTime() + periods * AUTO_EXTEND_DAYS * DAY_MS)
    await ctx.db.transaction().execute(async (trx) => {
      const moved = await trx
        .updateTable('gdap_relationships')
        .set((eb) => ({ end_at: endAt, last_modified_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', r.id)
        .where('end_at', '=', r.end_at)
        .executeTakeFirst()
      if (Number(moved.numUpdatedRows) === 1) {
        await recordAudit(
          trx,
          system(r.customer_tenant_id ?? r.partner_tenant_id, r.id, 'gdap.relationship.auto_extend', {
            endAt: endAt.toISOString(),
          }),
        )
        report.extended++
      }
    })
  }

  // a request not approved within 90 days lapses
  await ctx.db.transaction().execute(async (trx) => {
    const rows = await transition(
      trx,
      now,
      ['approvalPending'],
      'expired',
      sql<boolean>`r.approval_requested_at + interval '90 days' <= ${now}`,
    )
    for (const r of rows)
      await recordAudit(
        trx,
        system(r.customer_tenant_id ?? r.partner_tenant_id, r.id, 'gdap.relationship.lapse'),
      )
    report.lapsed = rows.length
  })

  // access assignments: pending → active (on active relationships), deleting → deleted
  await ctx.db.transaction().execute(async (trx) => {
    const activated = await trx
      .updateTable('gdap_access_assignments as a')
      .set((eb) => ({ status: 'active', last_modified_at: now, version: eb('a.version', '+', 1) }))
      .where('a.status', '=', 'pending')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('gdap_relationships as r')
            .select('r.id')
            .whereRef('r.id', '=', 'a.relationship_id')
            .where('r.status', 'in', ['active', 'expiring']),
        ),
      )
      .returning(['a.id', 'a.relationship_id'])
      .execute()
    const deleted = await trx
      .updateTable('gdap_access_assignments')
      .set((eb) => ({ status: 'deleted', last_modified_at: now, version: eb('version', '+', 1) }))
      .where('status', '=', 'deleting')
      .returning(['id', 'relationship_id'])
      .execute()
    for (const a of activated) {
      await recordAudit(
        trx,
        system(await tenantOf(trx, a.relationship_id), a.relationship_id, 'gdap.assignment.activate', {
          assignmentId: a.id,
        }),
      )
    }
    for (const a of deleted) {
      await recordAudit(
        trx,
        system(await tenantOf(trx, a.relationship_id), a.relationship_id, 'gdap.assignment.deleted', {
          assignmentId: a.id,
        }),
      )
    }
    report.assignmentsActivated = activated.length
    report.assignmentsDeleted = deleted.length
  })

  // long-running assignment updates: claim, apply the pending roles, succeed
  const operations = await ctx.db
    .selectFrom('gdap_operations')
    .select(['id', 'assignment_id', 'relationship_id'])
    .where('status', '=', 'notStarted')
    .execute()
  for (const op of operations) {
    await ctx.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('gdap_operations')
        .set((eb) => ({ status: 'running', last_modified_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', op.id)
        .where('status', '=', 'notStarted')
        .executeTakeFirst()
      if (Number(claimed.numUpdatedRows) !== 1 || !op.assignment_id) return
      const assignment = await trx
        .selectFrom('gdap_access_assignments')
        .select(['pending_roles'])
        .where('id', '=', op.assignment_id)
        .executeTakeFirst()
      if (assignment?.pending_roles) {
        await replaceAssignmentRoles(trx, op.assignment_id, assignment.pending_roles)
        await trx
          .updateTable('gdap_access_assignments')
          .set((eb) => ({ pending_roles: null, last_modified_at: now, version: eb('version', '+', 1) }))
          .where('id', '=', op.assignment_id)
          .execute()
      }
      await trx
        .updateTable('gdap_operations')
        .set((eb) => ({ status: 'succeeded', last_modified_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', op.id)
        .execute()
      await recordAudit(
        trx,
        system(await tenantOf(trx, op.relationship_id), op.relationship_id, 'gdap.operation.succeeded', {
          operationId: op.id,
        }),
      )
      report.operations++
    })
  }

  report.notices = await sendExpiryNotices(ctx, now)
  return report
}

/**
 * Expiry notices — 30, 7 and 1 days before the end, and on expiry — to the partner's admin agents
 * and the customer's administrators, once each (the dedupe key includes the end date, so a new
 * end after renewal gets its own notices). None while auto-extend is on.
 */
async function sendExpiryNotices(ctx: AppContext, now: Date): Promise<number> {
  const candidates = await ctx.db
    .selectFrom('gdap_relationships')
    .select('id')
    .where('status', 'in', ['active', 'expiring', 'expired'])
    .where('auto_extend_duration', '<>', AUTO_EXTEND)
    .where('end_at', '<=', new Date(now.getTime() + 30 * DAY_MS))
    // an expiry long past is history, not news
    .where('end_at', '>', new Date(now.getTime() - 7 * DAY_MS))
    .execute()
  let sent = 0
  for (const { id } of candidates) {
    const record = await findRelationship(ctx.db, id)
    if (!record) continue
    const r = asOf(record, now)
    const notice = noticeDue(r, now)
    if (!notice) continue
    // the partner's admin agents (members of its AdminAgents group, nested too) and the customer's administrators
    const adminAgents = await partnerRoleHolders(ctx.db, r.partnerTenantId, 'admin_agent')
    const customerAdmins = r.customerTenantId
      ? await ctx.db
          .selectFrom('users as u')
          .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
          .select('u.id')
          .where('u.disabled', '=', false)
          .where('u.tenant_id', '=', r.customerTenantId)
          .where('ur.role', '=', 'global_admin')
          .execute()
      : []
    const recipients = [...adminAgents.map((id) => ({ id })), ...customerAdmins]
    for (const user of recipients) {
      const inserted = await sendNotice(ctx.db, ctx, {
        userId: user.id,
        kind: `gdap.${notice}`,
        params: {
          relationship: r.displayName,
          partner: r.partnerName,
          customer: r.customerName ?? '',
          date: r.endAt!.toISOString().slice(0, 10),
        },
        link: `/gdap/relationships/${r.id}`,
        dedupeKey: `gdap:${r.id}:${notice}:${r.endAt!.toISOString()}:${user.id}`,
      })
      if (inserted) sent++
    }
  }
  return sent
}
