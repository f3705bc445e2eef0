import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * Azure Microsoft.Support: the services and problem classifications catalog, the ARM names and
 * fields of tickets and communications (a ticket is a service request; a communication is a note),
 * and the records of ARM long-running operations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create table azure_services (
      id uuid primary key,
      display_name_en text not null,
      display_name_it text not null,
      resource_types jsonb not null default '[]',
      problem_type text not null check (problem_type in ('technical', 'billing', 'subscription_management', 'quota')),
      sort_order integer not null
    );

    create table azure_problem_classifications (
      id uuid primary key,
      service_id uuid not null references azure_services(id) on delete cascade,
      display_name_en text not null,
      display_name_it text not null,
      sort_order integer not null
    );
    create index azure_problem_classifications_service_idx on azure_problem_classifications (service_id, sort_order);

    alter table service_requests add column arm_name text;
    alter table service_requests add column azure_service_id uuid references azure_services(id);
    alter table service_requests add column azure_problem_classification_id uuid references azure_problem_classifications(id);
    alter table service_requests add column arm_contact jsonb;
    alter table service_requests add column technical_resource_id text;
    alter table service_requests add column problem_start_at timestamptz;
    alter table service_requests add column sla_started_at timestamptz;
    alter table service_requests add column arm_details jsonb;
    -- a ticket's ARM name is unique within its subscription
    create unique index service_requests_arm_name_idx on service_requests (subscription_id, lower(arm_name)) where arm_name is not null;

    alter table service_request_notes add column arm_name text;
    alter table service_request_notes add column subject text;
    alter table service_request_notes add column direction text not null default 'inbound' check (direction in ('inbound', 'outbound'));
    alter table service_request_notes add column sender text;
    create unique index service_request_notes_arm_name_idx on service_request_notes (request_id, lower(arm_name)) where arm_name is not null;

    create table arm_operations (
      id uuid primary key,
      subscription_id uuid not null,
      resource_id text not null,
      status text not null check (status in ('InProgress', 'Succeeded', 'Failed')),
      error jsonb,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `drop table arm_operations;
    drop index service_request_notes_arm_name_idx;
    alter table service_request_notes drop column arm_name, drop column subject, drop column direction, drop column sender;
    drop index service_requests_arm_name_idx;
    alter table service_requests drop column arm_name, drop column azure_service_id, drop column azure_problem_classification_id,
      drop column arm_contact, drop column technical_resource_id, drop column problem_start_at, drop column sla_started_at, drop column arm_details;
    drop table azure_problem_classifications, azure_services`,
  )
}
