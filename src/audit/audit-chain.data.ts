import { type Kysely, sql } from 'kysely'
import type { Database } from '../platform/db/schema.ts'
import { AT_TEXT_SQL, type CanonicalEventRow } from './audit-canonical.ts'

/** Data access of the audit chain: events as the canonical form reads them, seals, the sealer's state. */

type Db = Kysely<Database>

export interface SealRow {
  eventId: number
  prevEventId: number | null
  contentHash: string
  chainHash: string
}

export interface ChainHead {
  eventId: number
  chainHash: string
}

const canonicalColumns = [
  'id',
  sql<string>`${sql.raw(AT_TEXT_SQL)}`.as('atText'),
  'actor_user_id as actorUserId',
  'actor_email as actorEmail',
  'actor_tenant_id as actorTenantId',
  'tenant_id as tenantId',
  'application_id as applicationId',
  'relationship_id as relationshipId',
  'role_name as roleName',
  'action',
  'target_type as targetType',
  'target_id as targetId',
  'rule',
  'result',
  'reason',
  'details',
] as const

/** Events after `afterId` (up to `throughId`), in id order, as the canonical form reads them. */
export async function canonicalEvents(
  db: Db,
  range: { afterId: number; throughId?: number; limit: number },
): Promise<CanonicalEventRow[]> {
  let query = db
    .selectFrom('audit_events')
    .select(canonicalColumns)
    .where('id', '>', range.afterId)
    .orderBy('id')
    .limit(range.limit)
  if (range.throughId !== undefined) query = query.where('id', '<=', range.throughId)
  return (await query.execute()) as CanonicalEventRow[]
}

/** The named events as the canonical form reads them (the audit list marks each row it serves). */
export async function canonicalEventsById(db: Db, ids: number[]): Promise<CanonicalEventRow[]> {
  if (ids.length === 0) return []
  return (await db
    .selectFrom('audit_events')
    .select(canonicalColumns)
    .where('id', 'in', ids)
    .execute()) as CanonicalEventRow[]
}

const sealColumns = [
  'event_id as eventId',
  'prev_event_id as prevEventId',
  'content_hash as contentHash',
  'chain_hash as chainHash',
] as const

export async function sealsAfter(db: Db, afterId: number, limit: number): Promise<SealRow[]> {
  return db
    .selectFrom('audit_seals')
    .select(sealColumns)
    .where('event_id', '>', afterId)
    .orderBy('event_id')
    .limit(limit)
    .execute()
}

export async function sealsById(db: Db, ids: number[]): Promise<SealRow[]> {
  if (ids.length === 0) return []
  return db.selectFrom('audit_seals').select(sealColumns).where('event_id', 'in', ids).execute()
}

/** The seal just before `eventId` in the chain (the one a seal at `eventId` links to). */
export async function sealBefore(db: Db, eventId: number): Promise<SealRow | undefined> {
  return db
    .selectFrom('audit_seals')
    .select(sealColumns)
    .where('event_id', '<', eventId)
    .orderBy('event_id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** The chain head: the last seal. */
export async function chainHead(db: Db): Promise<ChainHead | null> {
  const row = await db
    .selectFrom('audit_seals')
    .select(['event_id as eventId', 'chain_hash as chainHash'])
    .orderBy('event_id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ?? null
}

export async function insertSeals(db: Db, seals: SealRow[]): Promise<void> {
  if (seals.length === 0) return
  await db
    .insertInto('audit_seals')
    .values(
      seals.map((s) => ({
        event_id: s.eventId,
        prev_event_id: s.prevEventId,
        content_hash: s.contentHash,
        chain_hash: s.chainHash,
      })),
    )
    .execute()
}

export async function countEventsAfter(db: Db, afterId: number): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', '>', afterId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function maxEventId(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst()
  return row?.max === null || row?.max === undefined ? null : Number(row.max)
}

/**
 * The transactions open in this database other than the caller's, by virtual transaction id. Every
 * transaction holds a lock on its own virtual id from its first statement — before it draws an
 * event id from the sequence — so "all of these have ended" means every id drawn so far is final.
 */
export async function openTransactions(db: Db): Promise<string[]> {
  const result = await sql<{ vxid: string }>`
    select l.virtualxid as vxid from pg_locks l join pg_stat_activity a on a.pid = l.pid
    where l.locktype = 'virtualxid' and l.granted and l.pid <> pg_backend_pid()
      and a.datname = current_database()`.execute(db)
  return result.rows.map((r) => r.vxid)
}

/** Which of these virtual transactions are still open. */
export async function stillOpen(db: Db, vxids: string[]): Promise<number> {
  if (vxids.length === 0) return 0
  const result = await sql<{ n: number }>`
    select count(*)::int as n from pg_locks
    where locktype = 'virtualxid' and granted and virtualxid = any(${vxids}::text[])`.execute(db)
  return Number(result.rows[0]?.n ?? 0)
}

export interface ChainState {
  sealedThrough: number
  horizonEventId: number | null
  horizonWaits: string[]
  checkedAt: Date | null
  checkStatus: 'intact' | 'broken' | null
  checkReport: Record<string, unknown> | null
  sweepAfter: number
}

const stateColumns = [
  'sealed_through as sealedThrough',
  'horizon_event_id as horizonEventId',
  'horizon_waits as horizonWaits',
  'checked_at as checkedAt',
  'check_status as checkStatus',
  'check_report as checkReport',
  'sweep_after as sweepAfter',
] as const

export async function readChainState(db: Db): Promise<ChainState> {
  return db.selectFrom('audit_chain_state').select(stateColumns).where('id', '=', 1).executeTakeFirstOrThrow()
}

/** The state row locked for this transaction, or undefined when another instance holds it (it is sealing). */
export async function lockChainState(db: Db): Promise<ChainState | undefined> {
  return db
    .selectFrom('audit_chain_state')
    .select(stateColumns)
    .where('id', '=', 1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst()
}

export async function updateChainState(
  db: Db,
  changes: Partial<{
    sealed_through: number
    horizon_event_id: number | null
    horizon_waits: string[]
    horizon_at: Date | null
    checked_at: Date
    check_status: 'intact' | 'broken'
    check_report: string
    sweep_after: number
  }>,
): Promise<void> {
  await db.updateTable('audit_chain_state').set(changes).where('id', '=', 1).execute()
}
