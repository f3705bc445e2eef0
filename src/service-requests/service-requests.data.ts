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
  /** The organization that filed the request (the party a request for information waits on). */
  createdByTenantName: string
  /** The organization that works it: the vendor's name, or the partner's (handledBy). */
  handlerName: string | null
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

/**
 * The columns of service_requests a record is made of (not the search vectors), as they are
 * selected from the table aliased `r`.
 */
export const REQUEST_COLUMN_NAMES = [
  'id',
  'tenant_id',
  'partner_tenant_id',
  'handled_by',
  'workload_id',
  'subscription_id',
  'problem_type',
  'support_topic_id',
  'title',
  'description',
  'severity',
  'status',
  'contact',
  'created_by_user_id',
  'created_by_tenant_id',
  'delegation',
  'decided_by_rule',
  'support_plan',
  'entitlement_id',
  'locale',
  'country',
  'created_at',
  'modified_at',
  'closed_at',
  'first_response_due_at',
  'version',
  'arm_name',
  'azure_service_id',
  'azure_problem_classification_id',
  'arm_contact',
  'technical_resource_id',
  'problem_start_at',
  'sla_started_at',
  'arm_details',
  'linked_incident_id',
  'assigned_to_user_id',
  'first_response_at',
  'sla_breached_at',
  'external_reference',
] as const satisfies readonly (keyof Database['service_requests'])[]

export const REQUEST_COLUMNS = sql.raw(REQUEST_COLUMN_NAMES.map((c) => `r.${c}`).join(', '))

/**
 * A record from rows of service_requests columns under `alias`. The names of related rows are
 * scalar subqueries by primary key rather than joins: planning ten joins cost more than running
 * them (most of a get-one on PGlite), and a list computes them for its page's rows only.
 */
export function recordSelect(alias: string): RawBuilder<ServiceRequestRecord> {
  const a = (column: string) => `${alias}.${column}`
  const lookup = (column: string, table: string, field: string) =>
    `(select x.${field} from ${table} x where x.id = ${a(column)})`
  return sql<ServiceRequestRecord>`${sql.raw(`${a('id')} as "id",
    ${a('tenant_id')} as "tenantId",
    ${lookup('tenant_id', 'tenants', 'display_name')} as "tenantName",
    ${a('partner_tenant_id')} as "partnerTenantId",
    ${lookup('partner_tenant_id', 'tenants', 'display_name')} as "partnerName",
    ${a('handled_by')} as "handledBy",
    ${a('workload_id')} as "workload",
    ${a('subscription_id')} as "subscriptionId",
    ${lookup('subscription_id', 'subscriptions', 'friendly_name')} as "subscriptionName",
    ${a('problem_type')} as "problemType",
    ${a('support_topic_id')} as "supportTopicId",
    ${lookup('support_topic_id', 'support_topics', 'name_en')} as "supportTopicNameEn",
    ${lookup('support_topic_id', 'support_topics', 'name_it')} as "supportTopicNameIt",
    ${a('title')} as "title",
    ${a('description')} as "description",
    ${a('severity')} as "severity",
    ${a('status')} as "status",
    ${a('contact')} as "contact",
    ${a('created_by_user_id')} as "createdByUserId",
    ${lookup('created_by_user_id', 'users', 'display_name')} as "createdByName",
    ${a('created_by_tenant_id')} as "createdByTenantId",
    ${lookup('created_by_tenant_id', 'tenants', 'display_name')} as "createdByTenantName",
    case when ${a('handled_by')} = 'partner'
      then ${lookup('partner_tenant_id', 'tenants', 'display_name')}
      else (select v.display_name from tenants v where v.kind = 'vendor' order by v.created_at limit 1)
    end as "handlerName",
    ${a('delegation')} as "delegation",
    ${a('decided_by_rule')} as "decidedByRule",
    ${a('support_plan')} as "supportPlan",
    ${a('entitlement_id')} as "entitlementId",
    ${a('locale')} as "locale",
    ${a('country')} as "country",
    ${a('created_at')} as "createdAt",
    ${a('modified_at')} as "modifiedAt",
    ${a('closed_at')} as "closedAt",
    ${a('first_response_due_at')} as "firstResponseDueAt",
    ${a('version')} as "version",
    ${a('arm_name')} as "armName",
    ${a('azure_service_id')} as "azureServiceId",
    ${lookup('azure_service_id', 'azure_services', 'display_name_en')} as "azureServiceNameEn",
    ${lookup('azure_service_id', 'azure_services', 'display_name_it')} as "azureServiceNameIt",
    ${a('azure_problem_classification_id')} as "classificationId",
    ${lookup('azure_problem_classification_id', 'azure_problem_classifications', 'display_name_en')} as "classificationNameEn",
    ${lookup('azure_problem_classification_id', 'azure_problem_classifications', 'display_name_it')} as "classificationNameIt",
    ${a('arm_contact')} as "armContact",
    ${a('technical_resource_id')} as "technicalResourceId",
    ${a('problem_start_at')} as "problemStartAt",
    ${a('sla_started_at')} as "slaStartedAt",
    ${a('arm_details')} as "armDetails",
    ${a('linked_incident_id')} as "linkedIncidentId",
    ${lookup('linked_incident_id', 'incidents', 'title')} as "linkedIncidentTitle",
    ${lookup('linked_incident_id', 'incidents', 'status')} as "linkedIncidentStatus",
    ${a('assigned_to_user_id')} as "assignedToUserId",
    ${lookup('assigned_to_user_id', 'users', 'display_name')} as "assignedToName",
    ${a('first_response_at')} as "firstResponseAt",
    ${a('sla_breached_at')} as "slaBreachedAt",
    ${a('external_reference')} as "externalReference"`)}`
}

/** The requests matching `where` (on service_requests aliased `r`). */
async function selectRequests(db: Db, where: RawBuilder<boolean>): Promise<ServiceRequestRecord[]> {
  const { rows } = await sql<ServiceRequestRecord>`
    select ${recordSelect('r')} from service_requests r where ${where}`.execute(db)
  return rows
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

/**
 * The values a new request is written from: its columns as stored, and `number_day`, the UTC date
 * (yymmdd) its number starts with (the vendor's numbers: the date and a 10-digit sequence).
 */
export function requestValues(input: NewServiceRequest, now: Date) {
  return {
    number_day: now.toISOString().slice(2, 10).replace(/-/g, ''),
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
    status: 'open' as const,
    contact: JSON.stringify(input.contact),
    created_by_user_id: input.createdByUserId,
    created_by_tenant_id: input.createdByTenantId,
    delegation: input.delegation ? JSON.stringify(input.delegation) : null,
    decided_by_rule: input.decidedByRule,
    support_plan: input.supportPlan,
    entitlement_id: input.entitlementId,
    locale: input.locale,
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
  }
}

export type RequestValues = ReturnType<typeof requestValues>

/**
 * The row a new request is inserted as, from its values (or the slots of a statement compiled
 * once): its number (the day and the next of the sequence) and the customer's country as it is
 * now are taken by the insert itself, without a round trip of their own.
 */
export function requestRow(values: { [K in keyof RequestValues]: unknown }): Record<string, unknown> {
  const { number_day: day, ...columns } = values
  return {
    id: sql<string>`${day} || lpad(nextval('service_request_number')::text, 10, '0')`,
    ...columns,
    country: sql<string>`(select t.country from tenants t where t.id = ${values.tenant_id})`,
  }
}

/** A ticket by its ARM name within a subscription, or by its number. */
export async function findByArmName(
  db: Kysely<Database>,
  subscriptionId: string,
  name: string,
): Promise<ServiceRequestRecord | null> {
  const [byName] = await selectRequests(
    db,
    sql<boolean>`r.subscription_id = ${subscriptionId} and lower(r.arm_name) = lower(${name}) and r.arm_name is not null`,
  )
  if (byName) return byName
  if (!/^\d{1,30}$/.test(name)) return null
  const [byNumber] = await selectRequests(
    db,
    sql<boolean>`r.subscription_id = ${subscriptionId} and r.id = ${name}`,
  )
  return byNumber ?? null
}

export async function findServiceRequest(
  db: Kysely<Database>,
  id: string,
): Promise<ServiceRequestRecord | null> {
  if (!/^\d{1,30}$/.test(id)) return null
  const [found] = await selectRequests(db, sql<boolean>`r.id = ${id}`)
  return found ?? null
}

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
  armDetails?: Record<string, unknown>
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
      ...(changes.armDetails === undefined ? {} : { arm_details: JSON.stringify(changes.armDetails) }),
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
