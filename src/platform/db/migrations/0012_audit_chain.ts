import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * The tamper-evident audit log (docs/audit.md): a seal per audit event chained in event-id order,
 * the sealer's state (one row), the heads exported to an outside anchor, guards that fire even
 * under `session_replication_role = replica` and against TRUNCATE, and the vendor's `auditor` role.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    -- the app registration a token was issued to (also added by the authority migration)
    alter table audit_events add column if not exists application_id uuid;

    -- One seal per event, written by the sealer off the request path. Hashes are lowercase hex
    -- SHA-256: content_hash of the event's canonical content, chain_hash of
    -- (previous chain_hash ‖ event id ‖ content_hash). No foreign key: verification must be able to
    -- name an event whose row is gone while its seal remains.
    create table if not exists audit_seals (
      event_id bigint primary key,
      prev_event_id bigint,
      content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
      chain_hash text not null check (chain_hash ~ '^[0-9a-f]{64}$'),
      sealed_at timestamptz not null default now()
    );

    -- The sealer's bookkeeping and the last scheduled check (a cache: verification recomputes).
    create table if not exists audit_chain_state (
      id smallint primary key check (id = 1),
      -- the highest event id ever sealed: a chain whose seals end before it lost its tail
      sealed_through bigint not null default 0,
      -- events up to horizon_event_id may be sealed once the transactions in horizon_waits have ended
      horizon_event_id bigint,
      horizon_waits text[] not null default '{}',
      horizon_at timestamptz,
      anchor_lease_until timestamptz,
      checked_at timestamptz,
      check_status text check (check_status in ('intact', 'broken')),
      check_report jsonb,
      -- where the rolling re-verification of old events goes on from
      sweep_after bigint not null default 0
    );
    insert into audit_chain_state (id) values (1) on conflict (id) do nothing;

    -- Chain heads sent to an outside anchor (or recorded by hand); verification checks every one.
    create table if not exists audit_anchors (
      id bigint generated always as identity primary key,
      event_id bigint not null,
      chain_hash text not null check (chain_hash ~ '^[0-9a-f]{64}$'),
      target text not null,
      anchored_at timestamptz not null default now(),
      receipt text
    );
    create index if not exists audit_anchors_event_idx on audit_anchors (event_id);

    -- TRUNCATE is not a row change: a statement trigger of its own refuses it.
    create trigger audit_events_no_truncate before truncate on audit_events for each statement execute function forbid_row_change();
    create trigger audit_seals_append_only before update or delete on audit_seals for each row execute function forbid_row_change();
    create trigger audit_seals_no_truncate before truncate on audit_seals for each statement execute function forbid_row_change();
    create trigger audit_anchors_append_only before update or delete on audit_anchors for each row execute function forbid_row_change();
    create trigger audit_anchors_no_truncate before truncate on audit_anchors for each statement execute function forbid_row_change();
    -- ALWAYS: the guards fire under session_replication_role = replica too (it silences ordinary triggers)
    alter table audit_events enable always trigger audit_events_append_only;
    alter table audit_events enable always trigger audit_events_no_truncate;
    alter table audit_seals enable always trigger audit_seals_append_only;
    alter table audit_seals enable always trigger audit_seals_no_truncate;
    alter table audit_anchors enable always trigger audit_anchors_append_only;
    alter table audit_anchors enable always trigger audit_anchors_no_truncate;

    -- what an engineer did: the requests they acted on are the ones whose audit they may read
    create index if not exists audit_events_actor_user_idx on audit_events (actor_user_id, target_type, target_id);
    -- one request's trail
    create index if not exists audit_events_target_idx on audit_events (target_type, target_id, id desc);

    -- Reading every tenant's audit trail is the vendor's auditors' role, not every engineer's.
    alter table user_roles drop constraint if exists user_roles_role_check;
    alter table user_roles add constraint user_roles_role_check check (role in (
      'admin_agent', 'helpdesk_agent', 'sales_agent', 'global_admin', 'billing_admin', 'support_engineer', 'auditor'));
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    drop table audit_anchors, audit_chain_state, audit_seals;
    drop trigger audit_events_no_truncate on audit_events;
    alter table audit_events enable trigger audit_events_append_only;
  `,
  )
}
