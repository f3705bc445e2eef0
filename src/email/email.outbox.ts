import { type Selectable, sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type { EmailOutboxTable, OutboxStatus } from '../platform/db/schema.ts'

export type OutboxRow = Selectable<EmailOutboxTable>

/**
 * Takes up to `limit` due messages for this sender until `leaseUntil`, counting the attempt.
 * One statement: rows another sender is claiming right now are skipped (SKIP LOCKED), rows
 * another sender holds are left alone until its lease runs out — so a message is never sent by
 * two senders at once, and a crashed sender's messages come back once its lease has passed.
 */
export async function claimDueEmails(
  db: Db,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<OutboxRow[]> {
  const rows = await db
    .updateTable('email_outbox')
    .set({ locked_until: leaseUntil, attempts: sql<number>`attempts + 1` })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('email_outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<', now)]))
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute()
  return rows.sort((a, b) => a.id - b.id)
}

export async function markEmailSent(db: Db, id: number, messageId: string, now: Date): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({ status: 'sent', sent_at: now, message_id: messageId, locked_until: null, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute()
}

/** A failed attempt: try again at `retryAt`, or, with no retry left (null), give the message up. */
export async function markEmailFailed(
  db: Db,
  id: number,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({
      last_error: error.slice(0, 2000),
      locked_until: null,
      ...(retryAt ? { next_attempt_at: retryAt } : { status: 'failed' as const }),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute()
}

/** Gives back claimed messages this sender did not get to: their attempt did not happen. */
export async function releaseEmails(db: Db, ids: number[], leaseUntil: Date): Promise<void> {
  if (ids.length === 0) return
  await db
    .updateTable('email_outbox')
    .set({ locked_until: null, attempts: sql<number>`greatest(attempts - 1, 0)` })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .where('locked_until', '=', leaseUntil)
    .execute()
}

export async function countEmailsByStatus(db: Db): Promise<{ status: OutboxStatus; n: number }[]> {
  return db
    .selectFrom('email_outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute()
}
