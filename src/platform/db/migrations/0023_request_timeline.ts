import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * A request's life: each change (status with its reason, severity, assignment, escalation…) kept
 * as a timeline event, written in the change's transaction; and the link from a request a partner
 * escalated to the vendor to the customer's request it came from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create table service_request_events (
      id text primary key,
      request_id text not null references service_requests(id) on delete cascade,
      type text not null,
      at timestamptz not null,
      actor_user_id text,
      actor_name text not null,
      actor_tenant_id text,
      actor_side text not null,
      visibility text not null default 'public' check (visibility in ('public', 'internal')),
      details jsonb not null default '{}'::jsonb,
      -- the order changes were recorded in (one change may record several at the same instant)
      seq bigint generated always as identity
    );
    create index service_request_events_request_idx on service_request_events (request_id, at);
    alter table service_requests add column escalation_of text references service_requests(id) on delete set null;
    create index service_requests_escalation_of_idx on service_requests (escalation_of) where escalation_of is not null;
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `drop index service_requests_escalation_of_idx;
     alter table service_requests drop column escalation_of;
     drop table service_request_events;`,
  )
}
