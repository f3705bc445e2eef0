import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import { AT_RISK_FRACTION, SLA_STATES, type SlaState } from './sla.ts'
import type {
  ArmContact,
  Database,
  NoteVisibility,
  ProblemType,
  RequestContact,
  RequestDelegation,
  RequestStatus,
  Severity,
  SupportPlan,
  WorkloadId,
} from '../platform/db/schema.ts'

export interface ServiceRequestRecord {
  id: string
  tenantId: string
  tenantName: string
  partnerTenantId: string | null
  partnerName: string | null
  handledBy: 'vendor' | 'partner'
  workload: WorkloadId
  subscriptionId: string | null
  subscriptionName: string | null
  problemType: ProblemType
  supportTopicId: string | null
  supportTopicNameEn: string | null
  supportTopicNameIt: string | null
  title: string
  description: string
  severity: Severity
  status: RequestStatus
  contact: RequestContact
  createdByUserId: string | null
  createdByName: string | null
  createdByTenantId: string
  delegation: RequestDelegation | null
  decidedByRule: string
  supportPlan: SupportPlan
  entitlementId: string | null
  locale: string
  country: string
  createdAt: Date
  modifiedAt: Date
  closedAt: Date | null
  firstResponseDueAt: Date | null
  version: number
  armName: string | null
  azureServiceId: string | null
  azureServiceNameEn: string | null
  azureServiceNameIt: string | null
  classificationId: string | null
  classificationNameEn: string | null
  classificationNameIt: string | null
  armContact: ArmContact | null
  technicalResourceId: string | null
  problemStartAt: Date | null
  slaStartedAt: Date | null
  armDetails: Record<string, unknown> | null
  linkedIncidentId: string | null
  linkedIncidentTitle: string | null
  linkedIncidentStatus: string | null
  assignedToUserId: string | null
  assignedToName: string | null
  firstResponseAt: Date | null
  slaBreachedAt: Date | null
  externalReference: string | null
}

export interface NoteRecord {
  id: number
  authorName: string
  authorTenantId: string
  text: string
  createdAt: Date
  armName: string | null
  subject: string | null
  direction: 'inbound' | 'outbound'
  sender: string | null
  visibility: NoteVisibility
  authorUserId: string | null
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('service_requests as r')
    .innerJoin('tenants as t', 't.id', 'r.tenant_id')
    .leftJoin('tenants as p', 'p.id', 'r.partner_tenant_id')
    .leftJoin('subscriptions as s', 's.id', 'r.subscription_id')
    .leftJoin('support_topics as st', 'st.id', 'r.support_topic_id')
    .leftJoin('users as u', 'u.id', 'r.created_by_user_id')
    .leftJoin('azure_services as az', 'az.id', 'r.azure_service_id')
    .leftJoin('azure_problem_classifications as pc', 'pc.id', 'r.azure_problem_classification_id')
    .leftJoin('incidents as li', 'li.id', 'r.linked_incident_id')
    .leftJoin('users as au', 'au.id', 'r.assigned_to_user_id')
    .select([
      'r.id',
      'r.tenant_id as tenantId',
      't.display_name as tenantName',
      'r.partner_tenant_id as partnerTenantId',
      'p.display_name as partnerName',
      'r.handled_by as handledBy',
      'r.workload_id as workload',
      'r.subscription_id as subscriptionId',
      's.friendly_name as subscriptionName',
      'r.problem_type as problemType',
      'r.support_topic_id as supportTopicId',
      'st.name_en as supportTopicNameEn',
      'st.name_it as supportTopicNameIt',
      'r.title',
      'r.description',
      'r.severity',
      'r.status',
      'r.contact',
      'r.created_by_user_id as createdByUserId',
      'u.display_name as createdByName',
      'r.created_by_tenant_id as createdByTenantId',
      'r.delegation',
      'r.decided_by_rule as decidedByRule',
      'r.support_plan as supportPlan',
      'r.entitlement_id as entitlementId',
      'r.locale',
      'r.country',
      'r.created_at as createdAt',
      'r.modified_at as modifiedAt',
      'r.closed_at as closedAt',
      'r.first_response_due_at as firstResponseDueAt',
      'r.version',
      'r.arm_name as armName',
      'r.azure_service_id as azureServiceId',
      'az.display_name_en as azureServiceNameEn',
      'az.display_name_it as azureServiceNameIt',
      'r.azure_problem_classification_id as classificationId',
      'pc.display_name_en as classificationNameEn',
      'pc.display_name_it as classificationNameIt',
      'r.arm_contact as armContact',
      'r.technical_resource_id as technicalResourceId',
      'r.problem_start_at as problemStartAt',
      'r.sla_started_at as slaStartedAt',
      'r.arm_details as armDetails',
      'r.linked_incident_id as linkedIncidentId',
      'li.title as linkedIncidentTitle',
      'li.status as linkedIncidentStatus',
      'r.assigned_to_user_id as assignedToUserId',
      'au.display_name as assignedToName',
      'r.first_response_at as firstResponseAt',
      'r.sla_breached_at as slaBreachedAt',
      'r.external_reference as externalReference',
    ])
}

/** Service-request numbers: the UTC date (yyMMdd) and a 10-digit sequence, like the vendor's. */
async function nextRequestId(db: Kysely<Database>, now: Date): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval('service_request_number')::int8 as n`.execute(db)
  const day = now.toISOString().slice(2, 10).replace(/-/g, '')
  return `${day}${String(rows[0]!.n).padStart(10, '0')}`
}

export interface NewServiceRequest {
  tenantId: string
  partnerTenantId: string | null
  handledBy: 'vendor' | 'partner'
  workload: WorkloadId
  subscriptionId: string | null
  problemType: ProblemType
  supportTopicId: string | null
  title: string
  description: string
  severity: Severity
  contact: RequestContact
  createdByUserId: string
  createdByTenantId: string
  delegation: RequestDelegation | null
  decidedByRule: string
  supportPlan: SupportPlan
  entitlementId: string | null
  locale: string
  country: string
  firstResponseDueAt: Date | null
  azure?: AzureTicketFields | undefined
  linkedIncidentId?: string | null | undefined
  externalReference?: string | null | undefined
}

/** What an Azure ticket filed through Microsoft.Support carries beyond a service request. */
export interface AzureTicketFields {
  armName: string | null
  serviceId: string | null
  classificationId: string | null
  contact: ArmContact | null
  technicalResourceId: string | null
  problemStartAt: Date | null
  details: Record<string, unknown> | null
}

export async function insertServiceRequest(
  db: Kysely<Database>,
  input: NewServiceRequest,
  now: Date,
): Promise<string> {
  const id = await nextRequestId(db, now)
  await db
    .insertInto('service_requests')
    .values({
      id,
      tenant_id: input.tenantId,
      partner_tenant_id: input.partnerTenantId,
      handled_by: input.handledBy,
      workload_id: input.workload,
      subscription_id: input.subscriptionId,
      problem_type: input.problemType,
      support_topic_id: input.supportTopicId,
      title: input.title,
      description: input.description,
      severity: input.severity,
      status: 'open',
      contact: JSON.stringify(input.contact),
      created_by_user_id: input.createdByUserId,
      created_by_tenant_id: input.createdByTenantId,
      delegation: input.delegation ? JSON.stringify(input.delegation) : null,
      decided_by_rule: input.decidedByRule,
      support_plan: input.supportPlan,
      entitlement_id: input.entitlementId,
      locale: input.locale,
      country: input.country,
      created_at: now,
      modified_at: now,
      first_response_due_at: input.firstResponseDueAt,
      sla_started_at: input.firstResponseDueAt ? now : null,
      arm_name: input.azure?.armName ?? null,
      azure_service_id: input.azure?.serviceId ?? null,
      azure_problem_classification_id: input.azure?.classificationId ?? null,
      arm_contact: input.azure?.contact ? JSON.stringify(input.azure.contact) : null,
      technical_resource_id: input.azure?.technicalResourceId ?? null,
      problem_start_at: input.azure?.problemStartAt ?? null,
      arm_details: input.azure?.details ? JSON.stringify(input.azure.details) : null,
      linked_incident_id: input.linkedIncidentId ?? null,
      external_reference: input.externalReference ?? null,
    })
    .execute()
  return id
}

/** A ticket by its ARM name within a subscription, or by its number. */
export async function findByArmName(
  db: Kysely<Database>,
  subscriptionId: string,
  name: string,
): Promise<ServiceRequestRecord | null> {
  const byName = await baseQuery(db)
    .where('r.subscription_id', '=', subscriptionId)
    .where(sql<boolean>`lower(r.arm_name) = lower(${name})`)
    .executeTakeFirst()
  if (byName) return byName
  if (!/^\d{1,30}$/.test(name)) return null
  return (
    (await baseQuery(db)
      .where('r.subscription_id', '=', subscriptionId)
      .where('r.id', '=', name)
      .executeTakeFirst()) ?? null
  )
}

export async function findServiceRequest(
  db: Kysely<Database>,
  id: string,
): Promise<ServiceRequestRecord | null> {
  if (!/^\d{1,30}$/.test(id)) return null
  return (await baseQuery(db).where('r.id', '=', id).executeTakeFirst()) ?? null
}

/** Which requests an actor's list may hold — the same scope as the policy's read decision. */
export type RequestScope =
  { kind: 'all' } | { kind: 'tenant'; tenantId: string } | { kind: 'partner'; partnerTenantId: string }

export interface RequestFilters {
  tenantId?: string | undefined
  status?: RequestStatus | undefined
  severity?: Severity | undefined
  workload?: WorkloadId | undefined
  subscriptionId?: string | undefined
  createdAfter?: Date | undefined
  azureServiceId?: string | undefined
  classificationId?: string | undefined
  partnerTenantId?: string | undefined
  /** 'none' lists the unassigned requests. */
  assignee?: string | undefined
  sla?: SlaState | undefined
  /** Full-text search (Italian and English stems) of titles, descriptions and notes, or a request number. */
  q?: string | undefined
  /** Internal notes count in the search of whoever works the request: the vendor or the partner. */
  searchInternal?: 'vendor' | 'partner' | undefined
  sort?: RequestSort | undefined
  /** The time the SLA state filter is evaluated at. */
  now?: Date | undefined
  offset: number
  limit: number
}

export async function listServiceRequests(
  db: Db,
  scope: RequestScope,
  filters: RequestFilters,
): Promise<{ total: number; items: ServiceRequestRecord[] }> {
  // The scope and filters touch service_requests alone: the count needs none of the list's joins.
  const conditions: RawBuilder<boolean>[] = []
  if (scope.kind === 'tenant') conditions.push(sql<boolean>`r.tenant_id = ${scope.tenantId}`)
  if (scope.kind === 'partner') conditions.push(sql<boolean>`r.partner_tenant_id = ${scope.partnerTenantId}`)
  if (filters.tenantId) conditions.push(sql<boolean>`r.tenant_id = ${filters.tenantId}`)
  if (filters.status) conditions.push(sql<boolean>`r.status = ${filters.status}`)
  if (filters.severity) conditions.push(sql<boolean>`r.severity = ${filters.severity}`)
  if (filters.workload) conditions.push(sql<boolean>`r.workload_id = ${filters.workload}`)
  if (filters.subscriptionId) conditions.push(sql<boolean>`r.subscription_id = ${filters.subscriptionId}`)
  if (filters.createdAfter) conditions.push(sql<boolean>`r.created_at >= ${filters.createdAfter}`)
  if (filters.azureServiceId) conditions.push(sql<boolean>`r.azure_service_id = ${filters.azureServiceId}`)
  if (filters.classificationId)
    conditions.push(sql<boolean>`r.azure_problem_classification_id = ${filters.classificationId}`)
  if (filters.partnerTenantId) conditions.push(sql<boolean>`r.partner_tenant_id = ${filters.partnerTenantId}`)
  if (filters.assignee === 'none') conditions.push(sql<boolean>`r.assigned_to_user_id is null`)
  else if (filters.assignee) conditions.push(sql<boolean>`r.assigned_to_user_id = ${filters.assignee}`)
  if (filters.sla) conditions.push(slaStateCondition(filters.sla, filters.now ?? new Date()))
  const query = filters.q?.trim() ? await searchQuery(db, filters.q.trim()) : null
  if (query) {
    const matches = [sql<boolean>`r.search_public @@ ${query}`]
    if (filters.searchInternal)
      matches.push(sql<boolean>`(r.handled_by = ${filters.searchInternal} and r.search_internal @@ ${query})`)
    if (/^\d{1,30}$/.test(filters.q!.trim())) matches.push(sql<boolean>`r.id = ${filters.q!.trim()}`)
    conditions.push(sql<boolean>`(${sql.join(matches, sql` or `)})`)
  }
  const where = conditions.length ? sql<boolean>`${sql.join(conditions, sql` and `)}` : sql<boolean>`true`
  let list = baseQuery(db).where(where)
  const sort = filters.sort ?? (query ? 'relevance' : 'created')
  if (sort === 'relevance' && query) {
    const rank = filters.searchInternal
      ? sql`ts_rank(case when r.handled_by = ${filters.searchInternal} then r.search_public || r.search_internal else r.search_public end, ${query})`
      : sql`ts_rank(r.search_public, ${query})`
    list = list.orderBy(rank, 'desc')
  } else if (sort === 'due') {
    // the clocks that run out first, then the rest by age
    list = list.orderBy(
      sql`case when r.first_response_at is null and r.sla_breached_at is null and r.status <> 'closed' then r.first_response_due_at end`,
      (ob) => ob.asc().nullsLast(),
    )
  } else if (sort === 'modified') {
    list = list.orderBy('r.modified_at', 'desc')
  }
  const [items, total] = await Promise.all([
    list
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .offset(filters.offset)
      .limit(filters.limit)
      .execute(),
    db
      .selectFrom('service_requests as r')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
  ])
  return { total: total.n, items }
}

/**
 * The words of a search in both languages: a match on the Italian or the English stems, or on the
 * words as typed. The three readings are often the same; sending each distinct one only once
 * keeps the planner's estimate right, so it uses the GIN index instead of scanning every row.
 */
async function searchQuery(db: Db, q: string): Promise<RawBuilder<unknown> | null> {
  const { rows } = await sql<{ q: string }>`
    select distinct v.q::text as q
    from (values (websearch_to_tsquery('italian', ${q})), (websearch_to_tsquery('english', ${q})),
                 (websearch_to_tsquery('simple', ${q}))) as v(q)
    where numnode(v.q) > 0`.execute(db)
  if (rows.length === 0) return sql`''::tsquery`
  return sql`(${sql.join(
    rows.map((r) => sql`${r.q}::tsquery`),
    sql` || `,
  )})`
}

export type RequestSort = 'created' | 'modified' | 'due' | 'relevance'

/** The SQL twin of slaStateOf (sla.ts): the same state for the same request and time. */
export function slaStateCondition(state: SlaState, now: Date): RawBuilder<boolean> {
  const running = sql`r.first_response_due_at is not null and r.sla_breached_at is null and r.first_response_at is null and r.status <> 'closed'`
  const atRiskFrom = sql`r.first_response_due_at - (r.first_response_due_at - coalesce(r.sla_started_at, r.first_response_due_at)) * ${AT_RISK_FRACTION}::float8`
  switch (state) {
    case 'none':
      return sql<boolean>`r.first_response_due_at is null`
    case 'breached':
      return sql<boolean>`(r.first_response_due_at is not null and (r.sla_breached_at is not null
        or r.first_response_at > r.first_response_due_at
        or (r.first_response_at is null and r.status <> 'closed' and r.first_response_due_at <= ${now})))`
    case 'met':
      return sql<boolean>`(r.first_response_due_at is not null and r.sla_breached_at is null and r.first_response_at <= r.first_response_due_at)`
    case 'stopped':
      return sql<boolean>`(r.first_response_due_at is not null and r.sla_breached_at is null and r.first_response_at is null and r.status = 'closed')`
    case 'at_risk':
      return sql<boolean>`(${running} and r.first_response_due_at > ${now} and ${atRiskFrom} <= ${now})`
    case 'running':
      return sql<boolean>`(${running} and ${atRiskFrom} > ${now})`
  }
}

/** The SLA state of each row as one SQL expression (the states' conditions never overlap). */
export function slaStateExpression(now: Date): RawBuilder<SlaState> {
  const whens = SLA_STATES.map((state) => sql`when ${slaStateCondition(state, now)} then ${state}`)
  return sql<SlaState>`(case ${sql.join(whens, sql` `)} end)`
}

/** Requests not closed that the vendor works, counted by severity and SLA state. */
export async function countOpenBySla(
  db: Kysely<Database>,
  now: Date,
): Promise<{ severity: Severity; state: SlaState; n: number }[]> {
  return db
    .selectFrom(
      db
        .selectFrom('service_requests as r')
        .select(['r.severity', slaStateExpression(now).as('state')])
        .where('r.status', '<>', 'closed')
        .where('r.handled_by', '=', 'vendor')
        .as('s'),
    )
    .select(['s.severity', 's.state', sql<number>`count(*)::int`.as('n')])
    .groupBy(['s.severity', 's.state'])
    .execute()
}

export async function listNotes(
  db: Kysely<Database>,
  requestId: string,
  options: { includeInternal: boolean } = { includeInternal: false },
): Promise<NoteRecord[]> {
  let query = db
    .selectFrom('service_request_notes')
    .select([
      'id',
      'author_name as authorName',
      'author_tenant_id as authorTenantId',
      'text',
      'created_at as createdAt',
      'arm_name as armName',
      'subject',
      'direction',
      'sender',
      'visibility',
      'author_user_id as authorUserId',
    ])
    .where('request_id', '=', requestId)
  if (!options.includeInternal) query = query.where('visibility', '=', 'public')
  return query.orderBy('id').execute()
}

export async function insertNote(
  db: Kysely<Database>,
  requestId: string,
  author: { userId: string; name: string; tenantId: string },
  text: string,
  now: Date,
  extra: {
    armName?: string | undefined
    subject?: string | undefined
    sender?: string | undefined
    visibility?: NoteVisibility | undefined
  } = {},
): Promise<number> {
  const row = await db
    .insertInto('service_request_notes')
    .values({
      request_id: requestId,
      author_user_id: author.userId,
      author_name: author.name,
      author_tenant_id: author.tenantId,
      text,
      created_at: now,
      arm_name: extra.armName ?? null,
      subject: extra.subject ?? null,
      sender: extra.sender ?? null,
      visibility: extra.visibility ?? 'public',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The columns a desk update may change at once. */
export interface RequestChanges {
  status?: RequestStatus
  severity?: Severity
  firstResponseDueAt?: Date | null
  slaStartedAt?: Date | null
  firstResponseAt?: Date
  assignedToUserId?: string | null
  externalReference?: string | null
  armContact?: ArmContact
}

/**
 * Applies changes to a request only if it is still at `expectedVersion` (optimistic concurrency);
 * answers false when someone changed it in the meantime.
 */
export async function updateRequest(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  changes: RequestChanges,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('service_requests')
    .set((eb) => ({
      ...(changes.status === undefined
        ? {}
        : { status: changes.status, closed_at: changes.status === 'closed' ? now : null }),
      ...(changes.severity === undefined ? {} : { severity: changes.severity }),
      ...(changes.firstResponseDueAt === undefined
        ? {}
        : { first_response_due_at: changes.firstResponseDueAt }),
      ...(changes.slaStartedAt === undefined ? {} : { sla_started_at: changes.slaStartedAt }),
      ...(changes.firstResponseAt === undefined ? {} : { first_response_at: changes.firstResponseAt }),
      ...(changes.assignedToUserId === undefined ? {} : { assigned_to_user_id: changes.assignedToUserId }),
      ...(changes.externalReference === undefined ? {} : { external_reference: changes.externalReference }),
      ...(changes.armContact === undefined ? {} : { arm_contact: JSON.stringify(changes.armContact) }),
      modified_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Moves a request to a status, only if it is still at `expectedVersion` (optimistic concurrency).
 * Answers false when someone changed it in the meantime.
 */

export interface AttachmentRecord {
  id: string
  fileName: string
  contentType: string
  sizeBytes: number
  sha256: string
  visibility: NoteVisibility
  uploadedByName: string
  uploadedByTenantId: string
  createdAt: Date
}

const attachmentColumns = [
  'id',
  'file_name as fileName',
  'content_type as contentType',
  'size_bytes as sizeBytes',
  'sha256',
  'visibility',
  'uploaded_by_name as uploadedByName',
  'uploaded_by_tenant_id as uploadedByTenantId',
  'created_at as createdAt',
] as const

export async function listAttachments(
  db: Kysely<Database>,
  requestId: string,
  options: { includeInternal: boolean },
): Promise<AttachmentRecord[]> {
  let query = db
    .selectFrom('service_request_attachments')
    .select(attachmentColumns)
    .where('request_id', '=', requestId)
  if (!options.includeInternal) query = query.where('visibility', '=', 'public')
  return query.orderBy('created_at').orderBy('id').execute()
}

export async function countAttachments(db: Kysely<Database>, requestId: string): Promise<number> {
  const row = await db
    .selectFrom('service_request_attachments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('request_id', '=', requestId)
    .executeTakeFirstOrThrow()
  return row.n
}

export async function findAttachment(
  db: Kysely<Database>,
  requestId: string,
  attachmentId: string,
): Promise<(AttachmentRecord & { content: Uint8Array }) | null> {
  return (
    (await db
      .selectFrom('service_request_attachments')
      .select([...attachmentColumns, 'content'])
      .where('request_id', '=', requestId)
      .where('id', '=', attachmentId)
      .executeTakeFirst()) ?? null
  )
}

export async function insertAttachment(
  db: Kysely<Database>,
  row: {
    id: string
    requestId: string
    fileName: string
    contentType: string
    sha256: string
    content: Uint8Array
    visibility: NoteVisibility
    uploader: { userId: string; name: string; tenantId: string }
  },
  now: Date,
): Promise<void> {
  await db
    .insertInto('service_request_attachments')
    .values({
      id: row.id,
      request_id: row.requestId,
      file_name: row.fileName,
      content_type: row.contentType,
      size_bytes: row.content.length,
      sha256: row.sha256,
      content: row.content,
      visibility: row.visibility,
      uploaded_by_user_id: row.uploader.userId,
      uploaded_by_name: row.uploader.name,
      uploaded_by_tenant_id: row.uploader.tenantId,
      created_at: now,
    })
    .execute()
}
