import type { Kysely } from 'kysely'
import type { Database } from '../platform/db/schema.ts'

export interface NewNotification {
  userId: string
  kind: string
  params: Record<string, string>
  link: string | null
  /** One notice per event and recipient: a second insert with the same key is ignored. */
  dedupeKey: string
}

/** Answers whether the notice was new. */
export async function notify(db: Kysely<Database>, n: NewNotification): Promise<boolean> {
  const row = await db
    .insertInto('notifications')
    .values({
      user_id: n.userId,
      kind: n.kind,
      params: JSON.stringify(n.params),
      link: n.link,
      dedupe_key: n.dedupeKey,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

export interface NotificationRecord {
  id: number
  kind: string
  params: Record<string, string>
  link: string | null
  createdAt: Date
  readAt: Date | null
}

export async function listNotifications(
  db: Kysely<Database>,
  userId: string,
  limit: number,
): Promise<{ items: NotificationRecord[]; unread: number }> {
  const [items, unread] = await Promise.all([
    db
      .selectFrom('notifications')
      .select(['id', 'kind', 'params', 'link', 'created_at as createdAt', 'read_at as readAt'])
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ])
  return { items: items as NotificationRecord[], unread: Number(unread.n) }
}

export async function markRead(
  db: Kysely<Database>,
  userId: string,
  id: number | 'all',
  now: Date,
): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
  if (id !== 'all') query = query.where('id', '=', id)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}
