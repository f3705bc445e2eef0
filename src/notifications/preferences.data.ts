import type { Db } from '../platform/db/database.ts'
import type { NotificationChannel } from '../platform/db/schema.ts'
import { DEFAULT_CHANNELS, NOTIFICATION_TOPICS, type NotificationTopic } from './notification-topics.ts'

/** Where each topic reaches the user: their choice, or the topic's default. */
export async function preferencesOf(
  db: Db,
  userId: string,
): Promise<Record<NotificationTopic, NotificationChannel>> {
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['topic', 'channel'])
    .where('user_id', '=', userId)
    .execute()
  const chosen = new Map(rows.map((r) => [r.topic, r.channel]))
  return Object.fromEntries(
    NOTIFICATION_TOPICS.map((topic) => [topic, chosen.get(topic) ?? DEFAULT_CHANNELS[topic]]),
  ) as Record<NotificationTopic, NotificationChannel>
}

/** Where `topic` reaches each of `userIds` (users who never chose get the default). */
export async function channelsFor(
  db: Db,
  userIds: readonly string[],
  topic: NotificationTopic,
): Promise<Map<string, NotificationChannel>> {
  const result = new Map(userIds.map((id) => [id, DEFAULT_CHANNELS[topic]]))
  if (userIds.length === 0) return result
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['user_id', 'channel'])
    .where('topic', '=', topic)
    .where('user_id', 'in', [...userIds])
    .execute()
  for (const r of rows) result.set(r.user_id, r.channel)
  return result
}

/**
 * Where `topic` reaches the Tramite users among `addresses` (matched case-insensitively); an
 * address that is no user's is absent: what it receives is the request's business, not a choice.
 */
export async function channelsForAddresses(
  db: Db,
  addresses: readonly string[],
  topic: NotificationTopic,
): Promise<Map<string, NotificationChannel>> {
  const result = new Map<string, NotificationChannel>()
  if (addresses.length === 0) return result
  const users = await db
    .selectFrom('users as u')
    .leftJoin('notification_preferences as p', (join) =>
      join.onRef('p.user_id', '=', 'u.id').on('p.topic', '=', topic),
    )
    .select(['u.email', 'p.channel'])
    .where(
      (eb) => eb.fn('lower', ['u.email']),
      'in',
      addresses.map((a) => a.toLowerCase()),
    )
    .execute()
  for (const u of users) result.set(u.email.toLowerCase(), u.channel ?? DEFAULT_CHANNELS[topic])
  return result
}

export async function savePreferences(
  db: Db,
  userId: string,
  choices: Partial<Record<NotificationTopic, NotificationChannel>>,
  now: Date,
): Promise<void> {
  const rows = Object.entries(choices).map(([topic, channel]) => ({
    user_id: userId,
    topic,
    channel: channel!,
    updated_at: now,
  }))
  if (rows.length === 0) return
  await db
    .insertInto('notification_preferences')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['user_id', 'topic']).doUpdateSet((eb) => ({
        channel: eb.ref('excluded.channel'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute()
}
