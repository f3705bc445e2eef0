import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/** Service requests with their notes, the support-topic catalog, and the append-only audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create table support_topics (
      id text primary key check (id ~ '^[a-z0-9.-]+$'),
      workload_id text not null references workloads(id),
      name_en text not null,
      name_it text not null,
      -- the less common topics sit behind "More…" in the request form (R9)
      common boolean not null,
      sort_order integer not null
    );
    create index support_topics_workload_idx on support_topics (workload_id, sort_order);

    create sequence service_request_number start 1;

    create table service_requests (
      id text primary key,
      -- the tenant the request concerns: a customer, or the filing partner's own tenant
      tenant_id uuid not null references tenants(id) on delete cascade,
      -- the partner that filed it on the customer's behalf, filed it for itself, or was contacted (R10)
      partner_tenant_id uuid references partners(tenant_id) on delete set null,
      -- who works it: the vendor's desk, or the partner's inbox (a trial customer contacting its partner)
      handled_by text not null check (handled_by in ('vendor', 'partner')),
      workload_id text not null references workloads(id),
      subscription_id uuid references subscriptions(id) on delete set null,
      problem_type text not null check (problem_type in ('technical', 'billing', 'subscription_management', 'quota')),
      support_topic_id text references support_topics(id),
      title text not null check (length(title) between 1 and 200),
      description text not null check (length(description) between 1 and 20000),
      severity text not null check (severity in ('minimal', 'moderate', 'critical')),
      status text not null check (status in ('open', 'attention_needed', 'closed')),
      contact jsonb not null,
      created_by_user_id uuid references users(id) on delete set null,
      created_by_tenant_id uuid not null references tenants(id) on delete cascade,
      -- the delegated context that allowed a filing on a customer's behalf (partner, relationship, role)
      delegation jsonb,
      decided_by_rule text not null,
      support_plan text not null check (support_plan in ('csp', 'partner_agreement', 'premier', 'azure_support_plan', 'customer', 'partner')),
      entitlement_id uuid references support_entitlements(id) on delete set null,
      locale text not null,
      country text not null,
      created_at timestamptz not null default now(),
      modified_at timestamptz not null default now(),
      closed_at timestamptz,
      first_response_due_at timestamptz,
      version integer not null default 1
    );
    create index service_requests_tenant_idx on service_requests (tenant_id, created_at desc);
    create index service_requests_partner_idx on service_requests (partner_tenant_id, created_at desc);
    create index service_requests_status_idx on service_requests (status, created_at desc);

    -- notes are append-only: no update or delete path exists in the code
    create table service_request_notes (
      id bigint generated always as identity primary key,
      request_id text not null references service_requests(id) on delete cascade,
      author_user_id uuid references users(id) on delete set null,
      author_name text not null,
      author_tenant_id uuid not null references tenants(id) on delete cascade,
      text text not null check (length(text) between 1 and 20000),
      created_at timestamptz not null default now()
    );
    create index service_request_notes_request_idx on service_request_notes (request_id, id);

    create table audit_events (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_user_id uuid,
      actor_email text,
      actor_tenant_id uuid,
      -- the tenant acted in or for (a customer, when a partner acts on its behalf)
      tenant_id uuid,
      relationship_id text,
      role_name text,
      action text not null,
      target_type text,
      target_id text,
      rule text,
      result text not null check (result in ('allowed', 'refused', 'done')),
      reason text,
      details jsonb not null default '{}'
    );
    create index audit_events_tenant_idx on audit_events (tenant_id, id desc);
    create index audit_events_actor_tenant_idx on audit_events (actor_tenant_id, id desc);

    -- append-only, enforced by the database itself (TRUNCATE, used only by demo reset, is not a row change)
    create function forbid_row_change() returns trigger language plpgsql as $$ begin raise exception '% is append-only', TG_TABLE_NAME using errcode = '0A000'; end $$;
    create trigger audit_events_append_only before update or delete on audit_events for each row execute function forbid_row_change();
    create trigger service_request_notes_append_only before update on service_request_notes for each row execute function forbid_row_change();
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `drop table audit_events, service_request_notes, service_requests, support_topics cascade;
    drop function forbid_row_change;
    drop sequence service_request_number`,
  )
}
