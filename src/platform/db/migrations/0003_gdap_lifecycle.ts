import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * The GDAP lifecycle: relationship requests (lockForApproval, approve, reject, terminate), the
 * operations of long-running assignment changes, and in-app notifications (expiry notices).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    -- a relationship may be created before a customer is known; approval binds it
    alter table gdap_relationships alter column customer_tenant_id drop not null;
    alter table gdap_relationships add column approval_requested_at timestamptz;
    alter table gdap_relationships add column created_by_user_id uuid references users(id) on delete set null;
    create unique index gdap_relationships_partner_name_idx on gdap_relationships (partner_tenant_id, lower(display_name));

    create table gdap_requests (
      id text primary key,
      relationship_id text not null references gdap_relationships(id) on delete cascade,
      action text not null check (action in ('lockForApproval', 'approve', 'reject', 'terminate')),
      status text not null check (status in ('created', 'pending', 'succeeded', 'failed')),
      requested_by_user_id uuid references users(id) on delete set null,
      requested_by_tenant_id uuid references tenants(id) on delete set null,
      created_at timestamptz not null default now(),
      last_modified_at timestamptz not null default now()
    );
    create index gdap_requests_rel_idx on gdap_requests (relationship_id, created_at);

    create table gdap_operations (
      id text primary key,
      relationship_id text not null references gdap_relationships(id) on delete cascade,
      assignment_id text references gdap_access_assignments(id) on delete cascade,
      operation_type text not null check (operation_type in ('delegatedAdminAccessAssignmentUpdate')),
      data jsonb not null,
      status text not null check (status in ('notStarted', 'running', 'succeeded', 'failed')),
      created_at timestamptz not null default now(),
      last_modified_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index gdap_operations_rel_idx on gdap_operations (relationship_id, created_at);
    create index gdap_operations_pending_idx on gdap_operations (status) where status in ('notStarted', 'running');

    -- the roles an assignment will hold once its pending update applies
    alter table gdap_access_assignments add column pending_roles jsonb;

    create table notifications (
      id bigint generated always as identity primary key,
      user_id uuid not null references users(id) on delete cascade,
      kind text not null,
      params jsonb not null default '{}',
      link text,
      -- one notice per event and recipient, however many instances send it
      dedupe_key text not null unique,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notifications_user_idx on notifications (user_id, id desc);
    create index gdap_relationships_due_idx on gdap_relationships (status, end_at);
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `drop table notifications, gdap_operations, gdap_requests cascade;
    drop index gdap_relationships_due_idx;
    drop index gdap_relationships_partner_name_idx;
    alter table gdap_access_assignments drop column pending_roles;
    alter table gdap_relationships drop column created_by_user_id;
    alter table gdap_relationships drop column approval_requested_at`,
  )
}
