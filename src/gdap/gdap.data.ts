import { randomUUID } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type { AssignmentStatus, Database, GdapRequestAction, GdapStatus } from '../platform/db/schema.ts'
import { effectiveState, type RelationshipState } from './lifecycle.ts'

type Q = Kysely<Database>

export interface RoleRef {
  id: string
  displayName: string
}

export interface RelationshipRecord extends RelationshipState {
  id: string
  displayName: string
  partnerTenantId: string
  partnerName: string
  customerTenantId: string | null
  customerName: string | null
  createdAt: Date
  lastModifiedAt: Date
  version: number
  roles: RoleRef[]
}

export interface AssignmentRecord {
  id: string
  relationshipId: string
  status: AssignmentStatus
  groupId: string
  groupName: string
  roles: RoleRef[]
  pendingRoleIds: string[] | null
  createdAt: Date
  lastModifiedAt: Date
  version: number
}

/** Graph's ids: two GUIDs joined by a hyphen for relationships; one GUID for the rest. */
export const newRelationshipId = (): string => `${randomUUID()}-${randomUUID()}`

/**
 * The effective status in SQL — the same rule as lifecycle.ts's effectiveState, so that filters
 * and sweeps see the state of `now` (a test keeps the two in step).
 */
export const effectiveStatusSql = (now: Date) => sql<GdapStatus>`case
  when r.status = 'approvalPending' and r.approval_requested_at + interval '90 days' <= ${now} then 'expired'
  when r.status in ('active', 'expiring') and r.end_at <= ${now} and r.auto_extend_duration <> 'P180D' then 'expired'
  when r.status in ('active', 'expiring') and r.end_at <= ${now} then 'active'
  else r.status end`

function relationshipQuery(db: Q) {
  return db
    .selectFrom('gdap_relationships as r')
    .innerJoin('tenants as p', 'p.id', 'r.partner_tenant_id')
    .leftJoin('tenants as c', 'c.id', 'r.customer_tenant_id')
    .select([
      'r.id',
      'r.display_name as displayName',
      'r.partner_tenant_id as partnerTenantId',
      'p.display_name as partnerName',
      'r.customer_tenant_id as customerTenantId',
      'c.display_name as customerName',
      'r.status',
      'r.duration',
      'r.auto_extend_duration as autoExtendDuration',
      'r.created_at as createdAt',
      'r.last_modified_at as lastModifiedAt',
      'r.activated_at as activatedAt',
      'r.end_at as endAt',
      'r.approval_requested_at as approvalRequestedAt',
      'r.version',
      sql<
        RoleRef[]
      >`coalesce((select json_agg(json_build_object('id', d.id, 'displayName', d.display_name) order by d.display_name)
        from gdap_relationship_roles rr join directory_roles d on d.id = rr.role_id where rr.relationship_id = r.id), '[]')`.as(
        'roles',
      ),
    ])
}

type RelationshipRow = Awaited<ReturnType<ReturnType<typeof relationshipQuery>['execute']>>[number]

const toRelationship = (row: RelationshipRow): RelationshipRecord => ({
  ...row,
  roleIds: row.roles.map((r) => r.id),
})

/** The record with its status and end date as of `now`. */
export function asOf(r: RelationshipRecord, now: Date): RelationshipRecord {
  return { ...r, ...effectiveState(r, now) }
}

export interface RelationshipFilter {
  partnerTenantId?: string
  customerTenantId?: string
  /** Effective status, as of `now`. */
  status?: GdapStatus
  displayName?: string
  id?: string
  now: Date
  offset: number
  limit: number
}

export async function listRelationships(db: Db, filter: RelationshipFilter): Promise<RelationshipRecord[]> {
  let query = relationshipQuery(db)
  if (filter.partnerTenantId) query = query.where('r.partner_tenant_id', '=', filter.partnerTenantId)
  if (filter.customerTenantId) query = query.where('r.customer_tenant_id', '=', filter.customerTenantId)
  if (filter.status) query = query.where(sql<boolean>`${effectiveStatusSql(filter.now)} = ${filter.status}`)
  if (filter.displayName !== undefined) query = query.where('r.display_name', '=', filter.displayName)
  if (filter.id !== undefined) query = query.where('r.id', '=', filter.id)
  const rows = await query
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .offset(filter.offset)
    .limit(filter.limit)
    .execute()
  return rows.map(toRelationship)
}

export async function findRelationship(db: Q, id: string): Promise<RelationshipRecord | null> {
  if (!/^[0-9a-f-]{36,73}$/i.test(id)) return null
  const row = await relationshipQuery(db).where('r.id', '=', id).executeTakeFirst()
  return row ? toRelationship(row) : null
}

export async function insertRelationship(
  db: Q,
  input: {
    id: string
    displayName: string
    partnerTenantId: string
    customerTenantId: string | null
    duration: string
    autoExtendDuration: string
    roleIds: string[]
    createdByUserId: string | null
    now: Date
  },
): Promise<void> {
  await db
    .insertInto('gdap_relationships')
    .values({
      id: input.id,
      display_name: input.displayName,
      partner_tenant_id: input.partnerTenantId,
      customer_tenant_id: input.customerTenantId,
      status: 'created',
      duration: input.duration,
      auto_extend_duration: input.autoExtendDuration,
      created_at: input.now,
      last_modified_at: input.now,
      created_by_user_id: input.createdByUserId,
    })
    .execute()
  await replaceRelationshipRoles(db, input.id, input.roleIds)
}

export async function replaceRelationshipRoles(
  db: Q,
  relationshipId: string,
  roleIds: string[],
): Promise<void> {
  await db.deleteFrom('gdap_relationship_roles').where('relationship_id', '=', relationshipId).execute()
  if (roleIds.length) {
    await db
      .insertInto('gdap_relationship_roles')
      .values([...new Set(roleIds)].map((role_id) => ({ relationship_id: relationshipId, role_id })))
      .execute()
  }
}

/** Writes fields if the row is still at `expectedVersion`; answers false when it moved on. */
export async function updateRelationship(
  db: Q,
  id: string,
  expectedVersion: number,
  fields: Partial<{
    display_name: string
    duration: string
    auto_extend_duration: string
    status: GdapStatus
    customer_tenant_id: string
    activated_at: Date
    end_at: Date
    approval_requested_at: Date
  }>,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('gdap_relationships')
    .set((eb) => ({ ...fields, last_modified_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function deleteRelationship(db: Q, id: string, expectedVersion: number): Promise<boolean> {
  const result = await db
    .deleteFrom('gdap_relationships')
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

// ── requests ──────────────────────────────────────────────────────────────────────────────
export interface RequestRecord {
  id: string
  relationshipId: string
  action: GdapRequestAction
  status: 'created' | 'pending' | 'succeeded' | 'failed'
  createdAt: Date
  lastModifiedAt: Date
}

const requestColumns = [
  'id',
  'relationship_id as relationshipId',
  'action',
  'status',
  'created_at as createdAt',
  'last_modified_at as lastModifiedAt',
] as const

export async function insertRequest(
  db: Q,
  input: {
    relationshipId: string
    action: GdapRequestAction
    status: RequestRecord['status']
    userId: string | null
    tenantId: string
    now: Date
  },
): Promise<RequestRecord> {
  const id = randomUUID()
  await db
    .insertInto('gdap_requests')
    .values({
      id,
      relationship_id: input.relationshipId,
      action: input.action,
      status: input.status,
      requested_by_user_id: input.userId,
      requested_by_tenant_id: input.tenantId,
      created_at: input.now,
      last_modified_at: input.now,
    })
    .execute()
  return {
    id,
    relationshipId: input.relationshipId,
    action: input.action,
    status: input.status,
    createdAt: input.now,
    lastModifiedAt: input.now,
  }
}

export function listRequests(db: Q, relationshipId: string): Promise<RequestRecord[]> {
  return db
    .selectFrom('gdap_requests')
    .select(requestColumns)
    .where('relationship_id', '=', relationshipId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export async function findRequest(db: Q, relationshipId: string, id: string): Promise<RequestRecord | null> {
  return (
    (await db
      .selectFrom('gdap_requests')
      .select(requestColumns)
      .where('relationship_id', '=', relationshipId)
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  )
}

// ── access assignments ────────────────────────────────────────────────────────────────────
function assignmentQuery(db: Q) {
  return db
    .selectFrom('gdap_access_assignments as a')
    .innerJoin('security_groups as g', 'g.id', 'a.security_group_id')
    .select([
      'a.id',
      'a.relationship_id as relationshipId',
      'a.status',
      'g.id as groupId',
      'g.display_name as groupName',
      'a.pending_roles as pendingRoleIds',
      'a.created_at as createdAt',
      'a.last_modified_at as lastModifiedAt',
      'a.version',
      sql<
        RoleRef[]
      >`coalesce((select json_agg(json_build_object('id', d.id, 'displayName', d.display_name) order by d.display_name)
        from gdap_assignment_roles ar join directory_roles d on d.id = ar.role_id where ar.assignment_id = a.id), '[]')`.as(
        'roles',
      ),
    ])
}

export function listAssignments(db: Q, relationshipId: string): Promise<AssignmentRecord[]> {
  return assignmentQuery(db)
    .where('a.relationship_id', '=', relationshipId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute()
}

export async function findAssignment(
  db: Q,
  relationshipId: string,
  id: string,
): Promise<AssignmentRecord | null> {
  return (
    (await assignmentQuery(db)
      .where('a.relationship_id', '=', relationshipId)
      .where('a.id', '=', id)
      .executeTakeFirst()) ?? null
  )
}

export async function insertAssignment(
  db: Q,
  input: { relationshipId: string; groupId: string; roleIds: string[]; now: Date },
): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('gdap_access_assignments')
    .values({
      id,
      relationship_id: input.relationshipId,
      security_group_id: input.groupId,
      status: 'pending',
      created_at: input.now,
      last_modified_at: input.now,
    })
    .execute()
  await replaceAssignmentRoles(db, id, input.roleIds)
  return id
}

export async function replaceAssignmentRoles(db: Q, assignmentId: string, roleIds: string[]): Promise<void> {
  await db.deleteFrom('gdap_assignment_roles').where('assignment_id', '=', assignmentId).execute()
  if (roleIds.length) {
    await db
      .insertInto('gdap_assignment_roles')
      .values([...new Set(roleIds)].map((role_id) => ({ assignment_id: assignmentId, role_id })))
      .execute()
  }
}

export async function updateAssignment(
  db: Q,
  id: string,
  expectedVersion: number,
  fields: Partial<{ status: AssignmentStatus; pending_roles: string | null }>,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('gdap_access_assignments')
    .set((eb) => ({ ...fields, last_modified_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

// ── operations ────────────────────────────────────────────────────────────────────────────
export interface OperationRecord {
  id: string
  relationshipId: string
  assignmentId: string | null
  operationType: 'delegatedAdminAccessAssignmentUpdate'
  data: Record<string, unknown>
  status: 'notStarted' | 'running' | 'succeeded' | 'failed'
  createdAt: Date
  lastModifiedAt: Date
  version: number
}

const operationColumns = [
  'id',
  'relationship_id as relationshipId',
  'assignment_id as assignmentId',
  'operation_type as operationType',
  'data',
  'status',
  'created_at as createdAt',
  'last_modified_at as lastModifiedAt',
  'version',
] as const

export async function insertOperation(
  db: Q,
  input: { relationshipId: string; assignmentId: string; data: Record<string, unknown>; now: Date },
): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('gdap_operations')
    .values({
      id,
      relationship_id: input.relationshipId,
      assignment_id: input.assignmentId,
      operation_type: 'delegatedAdminAccessAssignmentUpdate',
      data: JSON.stringify(input.data),
      status: 'notStarted',
      created_at: input.now,
      last_modified_at: input.now,
    })
    .execute()
  return id
}

export function listOperations(db: Q, relationshipId: string): Promise<OperationRecord[]> {
  return db
    .selectFrom('gdap_operations')
    .select(operationColumns)
    .where('relationship_id', '=', relationshipId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export async function findOperation(
  db: Q,
  relationshipId: string,
  id: string,
): Promise<OperationRecord | null> {
  return (
    (await db
      .selectFrom('gdap_operations')
      .select(operationColumns)
      .where('relationship_id', '=', relationshipId)
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  )
}
