import { type Kysely, sql } from 'kysely'
import { recordAudit } from '../../src/audit/audit.data.ts'
import type { Database } from '../../src/platform/db/schema.ts'
import { tenantIdOf } from './app.ts'

/** Writes `n` audit events as the application does (recordAudit), about Rossi unless told otherwise. */
export async function writeAuditEvents(
  db: Kysely<Database>,
  n: number,
  tenantId: string = tenantIdOf('rossi.example'),
): Promise<void> {
  for (let i = 0; i < n; i++) {
    await recordAudit(db, {
      actorUserId: null,
      actorEmail: 'anna@fabrikam.example',
      actorTenantId: tenantIdOf('fabrikam.example'),
      tenantId,
      action: 'test.event',
      targetType: 'test',
      targetId: `t-${i}`,
      result: 'done',
      reason: `event ${i}`,
      details: { index: i, note: 'è così' },
    })
  }
}

export async function eventIds(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('audit_events').select('id').orderBy('id').execute()
  return rows.map((r) => r.id)
}

/**
 * Runs statements as the database's owner would, with the audit tables' guards switched off
 * first (what an attacker holding the owner's or a superuser's credentials can do), and on again after.
 */
export async function withGuardsOff(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<void>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [table, trigger] of GUARDS)
      await sql`alter table ${sql.table(table)} disable trigger ${sql.ref(trigger)}`.execute(trx)
    await fn(trx)
    for (const [table, trigger] of GUARDS)
      await sql`alter table ${sql.table(table)} enable always trigger ${sql.ref(trigger)}`.execute(trx)
  })
}

const GUARDS = [
  ['audit_events', 'audit_events_append_only'],
  ['audit_events', 'audit_events_no_truncate'],
  ['audit_seals', 'audit_seals_append_only'],
  ['audit_seals', 'audit_seals_no_truncate'],
] as const

/**
 * Empties the audit log and the chain's state, as a fresh database would have them, so tamper
 * tests can share one application (test-only: the guards exist precisely to make this impossible).
 */
export async function resetAuditLog(db: Kysely<Database>): Promise<void> {
  await withGuardsOff(db, async (trx) => {
    await sql`alter table audit_anchors disable trigger audit_anchors_no_truncate`.execute(trx)
    await sql`truncate audit_events, audit_seals, audit_anchors`.execute(trx)
    await sql`alter table audit_anchors enable always trigger audit_anchors_no_truncate`.execute(trx)
    await sql`update audit_chain_state set sealed_through = 0, horizon_event_id = null, horizon_waits = '{}',
      checked_at = null, check_status = null, check_report = null, sweep_after = 0`.execute(trx)
    await trx.deleteFrom('notifications').where('kind', '=', 'audit.chain_broken').execute()
  })
}
