import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * A person's own saved views of the requests list: a name and the list's query string (only the
 * list's filter keys). Names are unique per person regardless of case; the limit of 20 views per
 * person is the service's (saved-views.ts), checked under a lock of the person's row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create table saved_views (
      id uuid primary key,
      user_id uuid not null references users(id) on delete cascade,
      name text not null check (char_length(name) between 1 and 60),
      query text not null check (char_length(query) <= 2000),
      created_at timestamptz not null default now()
    );
    create unique index saved_views_user_name_idx on saved_views (user_id, lower(name));
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(db, `drop table saved_views;`)
}
