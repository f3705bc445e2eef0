import type { Kysely } from 'kysely'
import { execScript } from '../exec-script.ts'

/**
 * The history of requests whose changes were made before migration 0023: until then a change
 * (status with its reason, severity, assignment, external reference, a file, a missed
 * first-response target) left its audit event, its attachment row or the request's breach time,
 * but no `service_request_events` row, so the request's timeline showed only the filing and the
 * notes. This rebuilds those events from what was kept, for the part of each request's life
 * before its first recorded event, in the order they happened (`seq` follows `at`, then the
 * audit event's id). The ids are derived from the source rows, so running it twice adds nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execScript(
    db,
    `
    insert into service_request_events
      (id, request_id, type, at, actor_user_id, actor_name, actor_tenant_id, actor_side, visibility, details)
    with recorded as (
      -- where each request's recorded history starts; everything before it is rebuilt
      select request_id, min(at) as first_at
      from service_request_events
      where id not like 'backfill:%'
      group by request_id
    ),
    changes as (
      select
        a.id as audit_id, a.at, a.target_id as request_id, a.details,
        a.actor_user_id, a.actor_tenant_id,
        coalesce(u.display_name, a.actor_email, 'Tramite') as actor_name,
        case when a.actor_tenant_id is null then 'system' else coalesce(t.kind, 'system') end as actor_side,
        lag(a.details ->> 'assignedTo') over (
          partition by a.target_id, (a.details -> 'assignedTo') is not null order by a.id
        ) as assigned_before
      from audit_events a
      join service_requests r on r.id = a.target_id
      left join users u on u.id = a.actor_user_id
      left join tenants t on t.id = a.actor_tenant_id
      where a.target_type = 'service_request'
        and a.result = 'allowed'
        and a.action in (
          'service_request.update', 'service_request.close', 'service_request.reopen',
          'service_request.request_information', 'service_request.severity',
          'service_request.assign', 'service_request.external_reference'
        )
    ),
    rebuilt as (
      select
        'backfill:' || c.audit_id || ':status' as id, c.request_id, 'service_request.status_changed' as type,
        c.at, c.actor_user_id, c.actor_name, c.actor_tenant_id, c.actor_side, 'public' as visibility,
        jsonb_build_object(
          'from', c.details -> 'status' ->> 'from',
          'to', c.details -> 'status' ->> 'to',
          'reason', c.details ->> 'reason'
        ) as details,
        c.audit_id as source_order, 1 as part
      from changes c
      where c.details -> 'status' is not null
      union all
      select
        'backfill:' || c.audit_id || ':severity', c.request_id, 'service_request.severity_changed',
        c.at, c.actor_user_id, c.actor_name, c.actor_tenant_id, c.actor_side, 'public',
        jsonb_build_object('from', c.details -> 'severity' ->> 'from', 'to', c.details -> 'severity' ->> 'to'),
        c.audit_id, 2
      from changes c
      where c.details -> 'severity' is not null
      union all
      select
        'backfill:' || c.audit_id || ':assigned', c.request_id, 'service_request.assigned',
        c.at, c.actor_user_id, c.actor_name, c.actor_tenant_id, c.actor_side, 'internal',
        jsonb_build_object('from', c.assigned_before, 'to', c.details ->> 'assignedTo'),
        c.audit_id, 3
      from changes c
      where c.details -> 'assignedTo' is not null
        and c.details ->> 'assignedTo' is distinct from c.assigned_before
      union all
      select
        'backfill:' || c.audit_id || ':reference', c.request_id, 'service_request.external_reference_changed',
        c.at, c.actor_user_id, c.actor_name, c.actor_tenant_id, c.actor_side, 'public',
        jsonb_build_object('to', c.details ->> 'externalReference'),
        c.audit_id, 4
      from changes c
      where c.details -> 'externalReference' is not null
      union all
      select
        'backfill:attachment:' || f.id, f.request_id, 'service_request.attachment_added',
        f.created_at, f.uploaded_by_user_id, f.uploaded_by_name, f.uploaded_by_tenant_id,
        coalesce(t.kind, 'system'), f.visibility,
        jsonb_build_object('fileName', f.file_name),
        null, 5
      from service_request_attachments f
      left join tenants t on t.id = f.uploaded_by_tenant_id
      union all
      select
        'backfill:sla:' || r.id, r.id, 'service_request.sla_breached',
        r.sla_breached_at, null, 'Tramite', null, 'system', 'public', '{}'::jsonb,
        null, 6
      from service_requests r
      where r.sla_breached_at is not null
    )
    select b.id, b.request_id, b.type, b.at, b.actor_user_id, b.actor_name, b.actor_tenant_id,
           b.actor_side, b.visibility, b.details
    from rebuilt b
    left join recorded f on f.request_id = b.request_id
    where (f.first_at is null or b.at < f.first_at)
      and not exists (select 1 from service_request_events e where e.id = b.id)
    order by b.at, b.source_order nulls last, b.part;
  `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execScript(db, `delete from service_request_events where id like 'backfill:%';`)
}
