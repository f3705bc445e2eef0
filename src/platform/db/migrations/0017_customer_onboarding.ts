import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * Partners administer their customers: Azure role assignments carry who made them (ARM's
 * createdBy) and an optional description; a subscription bought directly from the vendor records
 * the vendor administrator who entered it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    alter table azure_role_assignments add column if not exists created_by_user_id uuid references users(id) on delete set null;
    alter table azure_role_assignments add column if not exists description text check (length(description) <= 2000);
    create index if not exists azure_role_assignments_subscription_idx on azure_role_assignments (subscription_id, created_at);

    -- subscriptions bought directly from the vendor record who entered them
    alter table subscriptions add column if not exists recorded_by_user_id uuid references users(id) on delete set null;
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    alter table subscriptions drop column if exists recorded_by_user_id;
    drop index if exists azure_role_assignments_subscription_idx;
    alter table azure_role_assignments drop column if exists description, drop column if exists created_by_user_id;
  `,
  )
}
