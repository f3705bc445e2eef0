import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type {
  Database,
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
}

export interface NoteRecord {
  id: number
  authorName: string
  authorTenantId: string
  text: string
  createdAt: Date
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('service_requests as r')
    .innerJoin('tenants as t', 't.id', 'r.tenant_id')
    .leftJoin('tenants as p', 'p.id', 'r.partner_tenant_id')
    .leftJoin('subscriptions as s', 's.id', 'r.subscription_id')
    .leftJoin('support_topics as st', 'st.id', 'r.support_topic_id')
    .leftJoin('users as u', 'u.id', 'r.created_by_user_id')
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
    })
    .execute()
  return id
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
  const where = conditions.length ? sql<boolean>`${sql.join(conditions, sql` and `)}` : sql<boolean>`true`
  const [items, total] = await Promise.all([
    baseQuery(db)
      .where(where)
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

export async function listNotes(db: Kysely<Database>, requestId: string): Promise<NoteRecord[]> {
  return db
    .selectFrom('service_request_notes')
    .select([
      'id',
      'author_name as authorName',
      'author_tenant_id as authorTenantId',
      'text',
      'created_at as createdAt',
    ])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute()
}

export async function insertNote(
  db: Kysely<Database>,
  requestId: string,
  author: { userId: string; name: string; tenantId: string },
  text: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('service_request_notes')
    .values({
      request_id: requestId,
      author_user_id: author.userId,
      author_name: author.name,
      author_tenant_id: author.tenantId,
      text,
      created_at: now,
    })
    .execute()
}

/**
 * Moves a request to a status, only if it is still at `expectedVersion` (optimistic concurrency).
 * Answers false when someone changed it in the meantime.
 */
export async function updateStatus(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  status: RequestStatus,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('service_requests')
    .set((eb) => ({
      status,
      modified_at: now,
      closed_at: status === 'closed' ? now : null,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function touch(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('service_requests')
    .set((eb) => ({ modified_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
