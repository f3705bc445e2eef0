import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * Service health: the services per workload, incidents and advisories with their timeline of
 * posts, the services and tenants they affect, and the link from a service request to an incident.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    create table health_services (
      id text primary key check (id ~ '^[A-Za-z0-9]+$'),
      workload_id text not null references workloads(id),
      display_name text not null,
      incident_prefix text not null check (incident_prefix ~ '^[A-Z]{2,4}$'),
      sort_order integer not null
    );

    create sequence incident_number start 100001;

    create table incidents (
      id text primary key,
      title text not null check (length(title) between 1 and 300),
      classification text not null check (classification in ('incident', 'advisory')),
      origin text not null default 'microsoft' check (origin in ('microsoft', 'thirdParty', 'customer')),
      status text not null check (status in (
        'serviceOperational', 'investigating', 'restoringService', 'verifyingService', 'serviceRestored',
        'postIncidentReviewPublished', 'serviceDegradation', 'serviceInterruption', 'extendedRecovery',
        'falsePositive', 'investigationSuspended', 'resolved', 'mitigatedExternal', 'mitigated',
        'resolvedExternal', 'confirmed', 'reported')),
      is_resolved boolean not null,
      feature text,
      feature_group text,
      impact_description text not null,
      high_impact boolean not null default false,
      all_tenants boolean not null,
      start_at timestamptz not null,
      end_at timestamptz,
      created_at timestamptz not null default now(),
      last_modified_at timestamptz not null default now(),
      created_by_user_id uuid references users(id) on delete set null,
      version integer not null default 1
    );
    create index incidents_unresolved_idx on incidents (start_at) where not is_resolved;
    create index incidents_all_tenants_idx on incidents (id) where all_tenants and not is_resolved;

    create table incident_services (
      incident_id text not null references incidents(id) on delete cascade,
      service_id text not null references health_services(id),
      is_primary boolean not null default false,
      primary key (incident_id, service_id)
    );
    create index incident_services_service_idx on incident_services (service_id, incident_id);

    -- the tenants an incident affects when it does not affect all
    create table incident_tenants (
      incident_id text not null references incidents(id) on delete cascade,
      tenant_id uuid not null references tenants(id) on delete cascade,
      primary key (tenant_id, incident_id)
    );
    create index incident_tenants_incident_idx on incident_tenants (incident_id);

    create table incident_posts (
      id bigint generated always as identity primary key,
      incident_id text not null references incidents(id) on delete cascade,
      post_type text not null check (post_type in ('regular', 'quick', 'strategic')),
      status text not null,
      content text not null check (length(content) between 1 and 20000),
      created_by_user_id uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index incident_posts_incident_idx on incident_posts (incident_id, id);

    alter table service_requests add column linked_incident_id text references incidents(id) on delete set null;

    -- users following an incident get its updates as notifications
    create table incident_followers (
      incident_id text not null references incidents(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (incident_id, user_id)
    );
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `alter table service_requests drop column linked_incident_id;
    drop table incident_followers, incident_posts, incident_tenants, incident_services, incidents, health_services cascade;
    drop sequence incident_number`,
  )
}
