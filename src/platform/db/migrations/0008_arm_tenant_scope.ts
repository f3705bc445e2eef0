import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * Microsoft.Support at tenant scope (`/providers/Microsoft.Support/supportTickets`, api-version
 * 2024-04-01): a long-running operation started there belongs to a tenant, not to a subscription,
 * so its status is scoped by the tenant it was started in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    alter table arm_operations add column tenant_id uuid references tenants(id);
    alter table arm_operations alter column subscription_id drop not null;
    alter table arm_operations add constraint arm_operations_scope_check
      check (subscription_id is not null or tenant_id is not null);
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `delete from arm_operations where subscription_id is null;
    alter table arm_operations drop constraint arm_operations_scope_check;
    alter table arm_operations alter column subscription_id set not null;
    alter table arm_operations drop column tenant_id`,
  )
}
