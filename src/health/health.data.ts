import { type Kysely, sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type { Database, IncidentStatus, WorkloadId } from '../platform/db/schema.ts'

type Q = Kysely<Database>

/** Statuses in which an incident is over (Graph's isResolved). */
export const RESOLVED: IncidentStatus[] = [
  'serviceRestored',
  'postIncidentReviewPublished',
  'falsePositive',
  'investigationSuspended',
  'resolved',
  'resolvedExternal',
]
export const isResolvedStatus = (status: IncidentStatus): boolean => RESOLVED.includes(status)

export interface IncidentService {
  id: string
  displayName: string
  workload: WorkloadId
  primary: boolean
}

export interface IncidentPost {
  id: number
  postType: 'regular' | 'quick' | 'strategic'
  status: string
  content: string
  createdAt: Date
}

export interface IncidentRecord {
  id: string
  title: string
  classification: 'incident' | 'advisory'
  origin: 'microsoft' | 'thirdParty' | 'customer'
  status: IncidentStatus
  isResolved: boolean
  feature: string | null
  featureGroup: string | null
  impactDescription: string
  highImpact: boolean
  allTenants: boolean
  startAt: Date
  endAt: Date | null
  createdAt: Date
  lastModifiedAt: Date
  version: number
  services: IncidentService[]
}

function incidentQuery(db: Q) {
  return db.selectFrom('incidents as i').select([
    'i.id',
    'i.title',
    'i.classification',
    'i.origin',
    'i.status',
    'i.is_resolved as isResolved',
    'i.feature',
    'i.feature_group as featureGroup',
    'i.impact_description as impactDescription',
    'i.high_impact as highImpact',
    'i.all_tenants as allTenants',
    'i.start_at as startAt',
    'i.end_at as endAt',
    'i.created_at as createdAt',
    'i.last_modified_at as lastModifiedAt',
    'i.version',
    sql<IncidentService[]>`coalesce((
        select json_agg(json_build_object('id', hs.id, 'displayName', hs.display_name, 'workload', hs.workload_id, 'primary', s.is_primary)
                        order by s.is_primary desc, hs.sort_order)
          from incident_services s join health_services hs on hs.id = s.service_id where s.incident_id = i.id), '[]')`.as(
      'services',
    ),
  ])
}

/** `i` affects tenant `tenantId`: everyone's incident, or one naming the tenant. */
export const affects = (tenantId: string) =>
  sql<boolean>`(i.all_tenants or exists (select 1 from incident_tenants it where it.tenant_id = ${tenantId} and it.incident_id = i.id))`

export async function findIncident(db: Q, id: string): Promise<IncidentRecord | null> {
  if (!/^[A-Z]{2,4}\d{1,12}$/.test(id)) return null
  return (await incidentQuery(db).where('i.id', '=', id).executeTakeFirst()) ?? null
}

export interface IncidentFilter {
  /** Only incidents affecting this tenant. */
  tenantId?: string
  workload?: WorkloadId
  serviceId?: string
  activeOnly?: boolean
  classification?: 'incident' | 'advisory'
  /** Also those resolved since this instant (the last days' history). */
  since?: Date
  offset: number
  limit: number
}

export async function listIncidents(db: Q, filter: IncidentFilter): Promise<IncidentRecord[]> {
  let query = incidentQuery(db)
  if (filter.tenantId) query = query.where(affects(filter.tenantId))
  if (filter.activeOnly) query = query.where('i.is_resolved', '=', false)
  if (filter.since)
    query = query.where((eb) => eb.or([eb('i.end_at', 'is', null), eb('i.end_at', '>=', filter.since!)]))
  if (filter.classification) query = query.where('i.classification', '=', filter.classification)
  if (filter.serviceId || filter.workload) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('incident_services as s')
          .innerJoin('health_services as hs', 'hs.id', 's.service_id')
          .select('s.incident_id')
          .whereRef('s.incident_id', '=', 'i.id')
          .$if(!!filter.serviceId, (q) => q.where('s.service_id', '=', filter.serviceId!))
          .$if(!!filter.workload, (q) => q.where('hs.workload_id', '=', filter.workload!)),
      ),
    )
  }
  return query
    .orderBy('i.is_resolved')
    .orderBy('i.start_at', 'desc')
    .orderBy('i.id')
    .offset(filter.offset)
    .limit(filter.limit)
    .execute()
}

export async function listPosts(db: Q, incidentId: string): Promise<IncidentPost[]> {
  return db
    .selectFrom('incident_posts')
    .select(['id', 'post_type as postType', 'status', 'content', 'created_at as createdAt'])
    .where('incident_id', '=', incidentId)
    .orderBy('id')
    .execute()
}

export async function affectedTenantIds(db: Q, incidentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('incident_tenants')
    .select('tenant_id')
    .where('incident_id', '=', incidentId)
    .execute()
  return rows.map((r) => r.tenant_id)
}

export interface NewIncident {
  title: string
  classification: 'incident' | 'advisory'
  status: IncidentStatus
  feature: string | null
  featureGroup: string | null
  impactDescription: string
  highImpact: boolean
  serviceIds: string[]
  /** null: every tenant. */
  tenantIds: string[] | null
  startAt: Date
  firstPost: string
  createdByUserId: string
}

export async function insertIncident(db: Q, input: NewIncident, now: Date): Promise<string> {
  const prefix = await db
    .selectFrom('health_services')
    .select('incident_prefix')
    .where('id', '=', input.serviceIds[0]!)
    .executeTakeFirstOrThrow()
  const { rows } = await sql<{ n: number }>`select nextval('incident_number')::int8 as n`.execute(db)
  const id = `${prefix.incident_prefix}${rows[0]!.n}`
  const resolved = isResolvedStatus(input.status)
  await db
    .insertInto('incidents')
    .values({
      id,
      title: input.title,
      classification: input.classification,
      status: input.status,
      is_resolved: resolved,
      feature: input.feature,
      feature_group: input.featureGroup,
      impact_description: input.impactDescription,
      high_impact: input.highImpact,
      all_tenants: input.tenantIds === null,
      start_at: input.startAt,
      end_at: resolved ? now : null,
      created_at: now,
      last_modified_at: now,
      created_by_user_id: input.createdByUserId,
    })
    .execute()
  await db
    .insertInto('incident_services')
    .values(input.serviceIds.map((service_id, i) => ({ incident_id: id, service_id, is_primary: i === 0 })))
    .execute()
  if (input.tenantIds?.length) {
    await db
      .insertInto('incident_tenants')
      .values([...new Set(input.tenantIds)].map((tenant_id) => ({ incident_id: id, tenant_id })))
      .execute()
  }
  await insertPost(db, id, 'regular', input.status, input.firstPost, input.createdByUserId, now)
  return id
}

export async function insertPost(
  db: Q,
  incidentId: string,
  postType: 'regular' | 'quick' | 'strategic',
  status: string,
  content: string,
  userId: string | null,
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('incident_posts')
    .values({
      incident_id: incidentId,
      post_type: postType,
      status,
      content,
      created_by_user_id: userId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateIncident(
  db: Q,
  id: string,
  expectedVersion: number,
  fields: Partial<{
    title: string
    status: IncidentStatus
    impact_description: string
    high_impact: boolean
    feature: string | null
    feature_group: string | null
  }>,
  now: Date,
): Promise<boolean> {
  const resolved = fields.status === undefined ? undefined : isResolvedStatus(fields.status)
  const result = await db
    .updateTable('incidents')
    .set((eb) => ({
      ...fields,
      ...(resolved === undefined ? {} : { is_resolved: resolved, end_at: resolved ? now : null }),
      last_modified_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function replaceAffectedTenants(
  db: Q,
  incidentId: string,
  tenantIds: string[] | null,
): Promise<void> {
  await db.deleteFrom('incident_tenants').where('incident_id', '=', incidentId).execute()
  await db
    .updateTable('incidents')
    .set({ all_tenants: tenantIds === null })
    .where('id', '=', incidentId)
    .execute()
  if (tenantIds?.length) {
    await db
      .insertInto('incident_tenants')
      .values([...new Set(tenantIds)].map((tenant_id) => ({ incident_id: incidentId, tenant_id })))
      .execute()
  }
}

/**
 * The customers whose service health a partner user may read now: those where an active GDAP
 * relationship of the user's partner gives one of the user's (nested) groups, through an active
 * assignment, a role carrying the service-health permission (R4). A materialized CTE chain, so the
 * planner plans each step alone.
 */
const healthCustomersCte = (userId: string, now: Date) => sql`
  with recursive user_groups(group_id) as (
    select group_id from group_user_members where user_id = ${userId}
    union
    select g.group_id from group_group_members g join user_groups u on g.member_group_id = u.group_id
  ),
  live as materialized (
    select r.id, r.customer_tenant_id from gdap_relationships r
     where r.partner_tenant_id = (select tenant_id from users where id = ${userId} and not disabled)
       and r.customer_tenant_id is not null
       and r.status in ('active', 'expiring')
       and (r.end_at is null or r.end_at > ${now} or r.auto_extend_duration = 'P180D')
  ),
  health_customers as materialized (
    select distinct l.customer_tenant_id as tenant_id
      from live l
      join gdap_access_assignments a on a.relationship_id = l.id and a.status = 'active'
      join gdap_assignment_roles ar on ar.assignment_id = a.id
      join gdap_relationship_roles rr on rr.relationship_id = l.id and rr.role_id = ar.role_id
      join directory_roles d on d.id = ar.role_id and d.reads_service_health
     where a.security_group_id in (select group_id from user_groups)
  )`

export async function healthCustomerIds(db: Db, userId: string, now: Date): Promise<string[]> {
  const result = await sql<{
    tenant_id: string
  }>`${healthCustomersCte(userId, now)} select tenant_id from health_customers`.execute(db)
  return result.rows.map((r) => r.tenant_id)
}

export interface AffectedRow {
  /** null for an incident that affects every tenant: one row, with `customers` counted. */
  tenantId: string | null
  tenantName: string | null
  customers: number
  incidentId: string
  title: string
  status: IncidentStatus
  classification: 'incident' | 'advisory'
  serviceId: string
  serviceName: string
  workload: WorkloadId
  startAt: Date
  lastModifiedAt: Date
}

/**
 * "Which of my customers are affected right now", in one query: each unresolved incident naming
 * customers whose health the user may read (one row per customer, through the tenant index), and
 * each unresolved incident affecting every tenant once, with the number of those customers.
 */
export async function affectedCustomers(
  db: Db,
  userId: string,
  now: Date,
  filter: {
    serviceId?: string
    workload?: WorkloadId
    classification?: 'incident' | 'advisory'
    tenantId?: string
  } = {},
): Promise<AffectedRow[]> {
  const conditions = [
    filter.serviceId ? sql`and s.service_id = ${filter.serviceId}` : sql``,
    filter.workload ? sql`and hs.workload_id = ${filter.workload}` : sql``,
    filter.classification ? sql`and i.classification = ${filter.classification}` : sql``,
  ]
  const only = filter.tenantId ? sql`and hc.tenant_id = ${filter.tenantId}` : sql``
  const result = await sql<AffectedRow>`${healthCustomersCte(userId, now)},
    affected as (
      select it.tenant_id, i.id, 1 as customers from incidents i
        join incident_tenants it on it.incident_id = i.id
        join health_customers hc on hc.tenant_id = it.tenant_id
       where not i.is_resolved and not i.all_tenants ${only}
      union all
      select null, i.id, (select count(*)::int from health_customers hc where true ${only}) from incidents i
       where not i.is_resolved and i.all_tenants
    )
    select a.tenant_id as "tenantId", t.display_name as "tenantName", a.customers, i.id as "incidentId", i.title, i.status,
           i.classification, s.service_id as "serviceId", hs.display_name as "serviceName", hs.workload_id as workload,
           i.start_at as "startAt", i.last_modified_at as "lastModifiedAt"
      from affected a
      join incidents i on i.id = a.id
      left join tenants t on t.id = a.tenant_id
      join incident_services s on s.incident_id = i.id and s.is_primary
      join health_services hs on hs.id = s.service_id
     where a.customers > 0 ${sql.join(conditions, sql` `)}
     order by a.tenant_id is not null, t.display_name, i.start_at desc`.execute(db)
  return result.rows
}

/** Per day of the last `days`, how many incidents affected the tenant, per service. */
export async function tenantHistory(db: Db, tenantId: string, days: number, now: Date) {
  const result = await sql<{ day: string; serviceId: string; serviceName: string; incidents: number }>`
    with days as (
      select (date_trunc('day', ${now}::timestamptz) - (n || ' days')::interval) as day
        from generate_series(0, ${days - 1}) as n
    )
    select to_char(d.day, 'YYYY-MM-DD') as day, hs.id as "serviceId", hs.display_name as "serviceName", count(distinct i.id)::int as incidents
      from days d
      join incidents i on i.start_at < d.day + interval '1 day' and (i.end_at is null or i.end_at >= d.day)
      join incident_services s on s.incident_id = i.id and s.is_primary
      join health_services hs on hs.id = s.service_id
     where ${affects(tenantId)}
     group by d.day, hs.id, hs.display_name
     order by d.day, hs.id`.execute(db)
  return result.rows
}
