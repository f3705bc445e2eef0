import { type Selectable, sql } from 'kysely'
import { prepared } from '../platform/db/prepared.ts'
import type { Db } from '../platform/db/database.ts'
import type { ServiceRequestsTable } from '../platform/db/schema.ts'
import type { ServiceRequestRecord } from './service-requests.data.ts'

/**
 * A page of service requests as records: its rows (REQUEST_COLUMNS, as the table names them),
 * then the names of the rows they point at — tenants, people, subscriptions, support topics, Azure
 * services and classifications, incidents — looked up once per distinct id, in one statement for
 * the whole page. Twelve scalar subqueries per row (recordSelect, right for one request) were 600
 * index probes for a page of 50 rows: ~2.4 ms of its ~2.8 ms of execution; a page shows a few
 * partners, a few dozen customers and the same handful of services. The records are the ones
 * recordSelect makes (a test compares them).
 */

/** A row of service_requests as REQUEST_COLUMNS selects it, with the GDAP names it was filed through. */
export type RequestRow = Omit<
  Selectable<ServiceRequestsTable>,
  'escalation_of' | 'search_public' | 'search_internal'
> & {
  relationshipId: string | null
  relationshipName: string | null
  roleName: string | null
  groupName: string | null
}

type Kind =
  'tenant' | 'user' | 'subscription' | 'topic' | 'service' | 'classification' | 'incident' | 'vendor'

interface NameRow {
  kind: Kind
  id: string
  a: string | null
  b: string | null
}

/** The distinct non-null values of one column of the page. */
const distinct = (rows: RequestRow[], ...pick: ((r: RequestRow) => string | null)[]): string[] => {
  const ids = new Set<string>()
  for (const r of rows) for (const p of pick) if (p(r) !== null) ids.add(p(r)!)
  return [...ids]
}

/** One statement, the same text for every page (kept prepared); each lookup by primary key. */
const NAMES = (ids: Record<Exclude<Kind, 'vendor'>, string[]>) => sql<NameRow>`${prepared}
  select 'tenant' as kind, x.id::text as id, x.display_name as a, null::text as b
    from tenants x where x.id = any(${ids.tenant}::uuid[])
  union all select 'user', x.id::text, x.display_name, null from users x where x.id = any(${ids.user}::uuid[])
  union all select 'subscription', x.id::text, x.friendly_name, null
    from subscriptions x where x.id = any(${ids.subscription}::uuid[])
  union all select 'topic', x.id, x.name_en, x.name_it from support_topics x where x.id = any(${ids.topic}::text[])
  union all select 'service', x.id::text, x.display_name_en, x.display_name_it
    from azure_services x where x.id = any(${ids.service}::uuid[])
  union all select 'classification', x.id::text, x.display_name_en, x.display_name_it
    from azure_problem_classifications x where x.id = any(${ids.classification}::uuid[])
  union all select 'incident', x.id, x.title, x.status from incidents x where x.id = any(${ids.incident}::text[])
  union all (select 'vendor', '', v.display_name, null from tenants v where v.kind = 'vendor'
    order by v.created_at limit 1)`

/** The page's rows as records, with the names of what they point at. */
export async function withNames(db: Db, rows: RequestRow[]): Promise<ServiceRequestRecord[]> {
  if (rows.length === 0) return []
  const { rows: names } = await NAMES({
    tenant: distinct(
      rows,
      (r) => r.tenant_id,
      (r) => r.partner_tenant_id,
      (r) => r.created_by_tenant_id,
    ),
    user: distinct(
      rows,
      (r) => r.created_by_user_id,
      (r) => r.assigned_to_user_id,
    ),
    subscription: distinct(rows, (r) => r.subscription_id),
    topic: distinct(rows, (r) => r.support_topic_id),
    service: distinct(rows, (r) => r.azure_service_id),
    classification: distinct(rows, (r) => r.azure_problem_classification_id),
    incident: distinct(rows, (r) => r.linked_incident_id),
  }).execute(db)
  const found = new Map<string, NameRow>()
  for (const n of names) found.set(`${n.kind}:${n.id}`, n)
  const name = (kind: Kind, id: string | null) => (id === null ? undefined : found.get(`${kind}:${id}`))
  const vendor = found.get('vendor:')?.a ?? null
  return rows.map((r) => {
    const topic = name('topic', r.support_topic_id)
    const service = name('service', r.azure_service_id)
    const classification = name('classification', r.azure_problem_classification_id)
    const incident = name('incident', r.linked_incident_id)
    const partnerName = name('tenant', r.partner_tenant_id)?.a ?? null
    return {
      id: r.id,
      tenantId: r.tenant_id,
      tenantName: (name('tenant', r.tenant_id)?.a ?? null) as string,
      partnerTenantId: r.partner_tenant_id,
      partnerName,
      handledBy: r.handled_by,
      workload: r.workload_id,
      subscriptionId: r.subscription_id,
      subscriptionName: name('subscription', r.subscription_id)?.a ?? null,
      problemType: r.problem_type,
      supportTopicId: r.support_topic_id,
      supportTopicNameEn: topic?.a ?? null,
      supportTopicNameIt: topic?.b ?? null,
      title: r.title,
      description: r.description,
      severity: r.severity,
      status: r.status,
      contact: r.contact,
      createdByUserId: r.created_by_user_id,
      createdByName: name('user', r.created_by_user_id)?.a ?? null,
      createdByTenantId: r.created_by_tenant_id,
      createdByTenantName: (name('tenant', r.created_by_tenant_id)?.a ?? null) as string,
      handlerName: r.handled_by === 'partner' ? partnerName : vendor,
      delegation: r.delegation,
      decidedByRule: r.decided_by_rule,
      supportPlan: r.support_plan,
      entitlementId: r.entitlement_id,
      locale: r.locale,
      country: r.country,
      createdAt: r.created_at,
      modifiedAt: r.modified_at,
      closedAt: r.closed_at,
      firstResponseDueAt: r.first_response_due_at,
      version: r.version,
      armName: r.arm_name,
      azureServiceId: r.azure_service_id,
      azureServiceNameEn: service?.a ?? null,
      azureServiceNameIt: service?.b ?? null,
      classificationId: r.azure_problem_classification_id,
      classificationNameEn: classification?.a ?? null,
      classificationNameIt: classification?.b ?? null,
      armContact: r.arm_contact,
      technicalResourceId: r.technical_resource_id,
      problemStartAt: r.problem_start_at,
      slaStartedAt: r.sla_started_at,
      armDetails: r.arm_details,
      linkedIncidentId: r.linked_incident_id,
      linkedIncidentTitle: incident?.a ?? null,
      linkedIncidentStatus: incident?.b ?? null,
      assignedToUserId: r.assigned_to_user_id,
      assignedToName: name('user', r.assigned_to_user_id)?.a ?? null,
      firstResponseAt: r.first_response_at,
      slaBreachedAt: r.sla_breached_at,
      externalReference: r.external_reference,
    }
  })
}
