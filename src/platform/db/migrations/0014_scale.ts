import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * Lists that cost the same at a million requests as at a hundred thousand: an index for every sort
 * the lists offer, in that sort's order and ending with the id, so a page — the first or the one
 * after a cursor, `(keys) < (cursor keys)` — reads its rows from the index and stops. Scoped lists
 * (a partner's, a customer's, an assignee's, a status) lead with the scope. The indexes these
 * replace were prefixes of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create index if not exists service_requests_created_idx on service_requests (created_at desc, id desc);
    create index if not exists service_requests_modified_idx on service_requests (modified_at desc, created_at desc, id desc);
    -- "due first": the running first-response clocks (R14), soonest first; also the SLA job's work list
    create index if not exists service_requests_running_due_idx on service_requests (first_response_due_at, created_at desc, id desc)
      where first_response_due_at is not null and first_response_at is null and sla_breached_at is null and status <> 'closed';
    create index if not exists service_requests_partner_created_idx on service_requests (partner_tenant_id, created_at desc, id desc);
    create index if not exists service_requests_partner_status_idx on service_requests (partner_tenant_id, status, created_at desc, id desc);
    create index if not exists service_requests_tenant_created_idx on service_requests (tenant_id, created_at desc, id desc);
    create index if not exists service_requests_status_created_idx on service_requests (status, created_at desc, id desc);
    create index if not exists service_requests_assignee_created_idx on service_requests (assigned_to_user_id, created_at desc, id desc);
    drop index if exists service_requests_partner_idx;
    drop index if exists service_requests_tenant_idx;
    drop index if exists service_requests_status_idx;
    drop index if exists service_requests_assignee_idx;
    drop index if exists service_requests_sla_due_idx;
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create index if not exists service_requests_tenant_idx on service_requests (tenant_id, created_at desc);
    create index if not exists service_requests_partner_idx on service_requests (partner_tenant_id, created_at desc);
    create index if not exists service_requests_status_idx on service_requests (status, created_at desc);
    create index if not exists service_requests_assignee_idx on service_requests (assigned_to_user_id, created_at desc);
    create index if not exists service_requests_sla_due_idx on service_requests (first_response_due_at)
      where first_response_at is null and sla_breached_at is null and status <> 'closed';
    drop index if exists service_requests_created_idx, service_requests_modified_idx, service_requests_running_due_idx,
      service_requests_partner_created_idx, service_requests_partner_status_idx, service_requests_tenant_created_idx,
      service_requests_status_created_idx, service_requests_assignee_created_idx;
  `,
  )
}
