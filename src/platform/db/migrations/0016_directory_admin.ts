import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * The directory is administered: a deleted user keeps their row (service requests, notes and the
 * audit trail name them) but loses sign-in, memberships and roles; the vendor's marketplace
 * products can be retired without losing the subscriptions that bought them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    alter table users add column if not exists deleted_at timestamptz;
    create index if not exists users_tenant_live_idx on users (tenant_id, display_name) where deleted_at is null;
    alter table marketplace_products add column if not exists retired_at timestamptz;
    create index if not exists security_groups_tenant_name_idx on security_groups (tenant_id, display_name);
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    drop index if exists security_groups_tenant_name_idx;
    alter table marketplace_products drop column retired_at;
    drop index if exists users_tenant_live_idx;
    alter table users drop column deleted_at
  `,
  )
}
