import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * The daily loop: each person's choice, per kind of notice, of where it reaches them (in the app,
 * by email, both or neither; a kind without a row keeps its default), and the index that counts a
 * person's unread notices without reading the read ones.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create table notification_preferences (
      user_id uuid not null references users(id) on delete cascade,
      topic text not null,
      channel text not null check (channel in ('app', 'email', 'both', 'none')),
      updated_at timestamptz not null default now(),
      primary key (user_id, topic)
    );
    create index notifications_unread_idx on notifications (user_id) where read_at is null;
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(db, `drop index notifications_unread_idx; drop table notification_preferences;`)
}
