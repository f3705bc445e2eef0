import { apiRequest } from '../../shared/api/client.ts'

/** The relationship's lifecycle states (Graph's delegatedAdminRelationshipStatus). */
export type GdapStatus =
  | 'created'
  | 'approvalPending'
  | 'approved'
  | 'activating'
  | 'active'
  | 'expiring'
  | 'expired'
  | 'terminationRequested'
  | 'terminating'
  | 'terminated'

export const FLAGS = ['expiring_soon', 'lost_access', 'no_support_role', 'global_admin'] as const
export type GdapFlag = (typeof FLAGS)[number]

export type AssignmentStatus = 'pending' | 'active' | 'deleting' | 'deleted' | 'error'
export type RequestAction = 'lockForApproval' | 'approve' | 'reject' | 'terminate'

export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10'
export const MIN_DAYS = 1
export const MAX_DAYS = 730
export const MAX_NAME_LENGTH = 50
export const AUTO_EXTEND = 'P180D'
export const NO_AUTO_EXTEND = 'PT0S'

/** Statuses in which the relationship's roles reach the assigned groups. */
export const givesAccess = (status: GdapStatus): boolean => status === 'active' || status === 'expiring'

/** Statuses the scheduler moves on by itself within seconds. */
export const isTransitional = (status: GdapStatus): boolean =>
  status === 'approved' ||
  status === 'activating' ||
  status === 'terminationRequested' ||
  status === 'terminating'

export const isEnded = (status: GdapStatus): boolean => status === 'expired' || status === 'terminated'

// The API gives "no auto-extension" as a zero ISO duration.
export const autoExtends = (iso: string): boolean => !/^P(T0S|0D)$/.test(iso)

/** Days of an ISO 8601 duration made of years (365 days), weeks and days; null for anything else. */
export function durationDays(iso: string): number | null {
  const match = /^P(?:(\d+)Y)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso)
  if (!match || iso === 'P') return null
  return Number(match[1] ?? 0) * 365 + Number(match[2] ?? 0) * 7 + Number(match[3] ?? 0)
}

// ── Portal views (/api/gdap/…) ───────────────────────────────────────────────────────────

export interface RoleRef {
  id: string
  displayName: string
}

export interface GdapRole {
  id: string
  displayName: string
  description: string
  /** Carries the support-ticket permission for Office 365, EMS and Dynamics (R9). */
  filesM365Tickets: boolean
  readsServiceHealth: boolean
  privileged: boolean
  recommendedForSupport: boolean
}

/**
 * Whether a role lets an admin agent open Office 365, EMS and Dynamics requests (R9). For Azure any
 * role opens the customer's tenant; the ticket permission comes from Azure RBAC (R6).
 */
export const canFileTickets = (role: GdapRole): boolean => role.filesM365Tickets

export interface RelationshipSummary {
  id: string
  displayName: string
  partner: { tenantId: string; name: string }
  customer: { tenantId: string; name: string } | null
  status: GdapStatus
  duration: string
  autoExtendDuration: string
  createdAt: string
  activatedAt: string | null
  endAt: string | null
  version: number
  roles: RoleRef[]
  assignments: { id: string; status: AssignmentStatus; group: RoleRef; roles: RoleRef[] }[]
  flags: GdapFlag[]
}

export interface RelationshipOverview {
  counts: Record<GdapFlag, number>
  total: number
  items: RelationshipSummary[]
}

export function listRelationshipOverview(
  flag: GdapFlag | undefined,
  signal: AbortSignal,
): Promise<RelationshipOverview> {
  return apiRequest<RelationshipOverview>('/api/gdap/relationships', { query: { flag }, signal })
}

export function listRoles(signal: AbortSignal): Promise<GdapRole[]> {
  return apiRequest<{ items: GdapRole[] }>('/api/gdap/roles', { signal }).then((page) => page.items)
}

export interface SecurityGroup {
  id: string
  displayName: string
  description: string | null
}

export function listGroups(signal: AbortSignal): Promise<SecurityGroup[]> {
  return apiRequest<{ items: SecurityGroup[] }>('/api/gdap/groups', { signal }).then((page) => page.items)
}

export interface PartnerUser {
  id: string
  email: string
  displayName: string
}

export function listUsers(signal: AbortSignal): Promise<PartnerUser[]> {
  return apiRequest<{ items: PartnerUser[] }>('/api/gdap/users', { signal }).then((page) => page.items)
}

export interface CustomerChoice {
  tenantId: string
  displayName: string
  defaultDomain: string
}

export function listCustomerChoices(signal: AbortSignal): Promise<CustomerChoice[]> {
  return apiRequest<{ items: CustomerChoice[] }>('/api/customers', { query: { limit: 200 }, signal }).then(
    (page) => page.items,
  )
}

/** What stops an assignment from reaching the user, the first cause first (gdap/access-trace.ts). */
export type AssignmentBlock = 'relationship' | 'assignment' | 'membership' | 'roles'

export interface TraceAssignment {
  id: string
  /** `inactive` when its relationship gives no access (expired, terminated…), whatever is stored. */
  status: AssignmentStatus | 'inactive'
  /** The assignment's own stored status. */
  assignmentStatus?: AssignmentStatus
  group: RoleRef
  roles: RoleRef[]
  /** The user belongs to the assigned group (directly or nested). */
  memberOfGroup?: boolean
  /** The assignment gives the user a role now: live relationship, active assignment, member. */
  reachesUser: boolean
  blockedBy?: AssignmentBlock | null
  path: string[]
}

export type TraceStep = 'user' | 'relationship' | 'groups' | 'assignments' | 'roles'
/** The first link that fails is `broken`; the ones after it are not reached. */
export type TraceStepState = 'ok' | 'broken' | 'after_break'

export interface TraceRelationship {
  id: string
  displayName: string
  status: GdapStatus
  givesAccess: boolean
  endAt: string | null
  roles: RoleRef[]
  assignments: TraceAssignment[]
}

export type TraceWorkload = 'office365' | 'dynamics' | 'ems' | 'azure'

export interface TraceVerdict {
  workload: TraceWorkload
  allowed: boolean
  rule: string | null
  reason: string
  message: string
  remedy: string | null
}

export interface AccessTrace {
  user: { id: string; email: string; displayName: string; roles: string[]; adminAgent: boolean }
  customer: { tenantId: string; name: string }
  /** Each link of the chain, in the order the policy checks them. */
  steps: { step: TraceStep; state: TraceStepState }[]
  /**
   * `path`: how the user belongs, from a direct membership to this group (the shortest way).
   * `paths` (every way, when the server sends them) shows nesting even when the user is also a
   * direct member.
   */
  groups: { id: string; displayName: string; path: string[]; paths?: string[][] }[]
  relationships: TraceRelationship[]
  grants: {
    relationshipId: string
    relationshipName: string
    assignmentId: string
    groupName: string
    roleId: string
    roleName: string
  }[]
  verdicts: TraceVerdict[]
}

export function getTrace(user: string, customer: string, signal: AbortSignal): Promise<AccessTrace> {
  return apiRequest<AccessTrace>('/api/gdap/trace', { query: { user, customer }, signal })
}

// ── Microsoft Graph v1.0 (/v1.0/tenantRelationships/delegatedAdminRelationships) ─────────

const ROOT = '/v1.0/tenantRelationships/delegatedAdminRelationships'
const relationshipPath = (id: string) => `${ROOT}/${encodeURIComponent(id)}`
const assignmentPath = (id: string, assignmentId: string) =>
  `${relationshipPath(id)}/accessAssignments/${encodeURIComponent(assignmentId)}`

interface UnifiedRoles {
  unifiedRoles: { roleDefinitionId: string }[]
}

const unifiedRoles = (roleIds: string[]): UnifiedRoles => ({
  unifiedRoles: roleIds.map((roleDefinitionId) => ({ roleDefinitionId })),
})

export const roleIdsOf = (details: UnifiedRoles | undefined): string[] =>
  details?.unifiedRoles.map((r) => r.roleDefinitionId) ?? []

export interface GraphRelationship {
  '@odata.etag': string
  id: string
  displayName: string
  duration: string
  status: GdapStatus
  autoExtendDuration: string
  createdDateTime: string
  lastModifiedDateTime: string
  activatedDateTime: string | null
  endDateTime: string | null
  customer: { tenantId: string; displayName: string | null } | null
  accessDetails: UnifiedRoles
}

export interface GraphRequest {
  id: string
  action: RequestAction
  status: 'created' | 'pending' | 'succeeded' | 'failed'
  createdDateTime: string
  lastModifiedDateTime: string
}

export interface GraphAssignment {
  '@odata.etag': string
  id: string
  status: AssignmentStatus
  createdDateTime: string
  lastModifiedDateTime: string
  accessContainer: { accessContainerId: string; accessContainerType: 'securityGroup' }
  accessDetails: UnifiedRoles
}

export interface GraphOperation {
  id: string
  operationType: string
  status: 'notStarted' | 'running' | 'succeeded' | 'failed'
  data: string
  createdDateTime: string
  lastModifiedDateTime: string
}

/** The assignment a long-running operation changes (its `data` is a JSON string). */
export function operationAssignmentId(operation: GraphOperation): string | null {
  try {
    const data = JSON.parse(operation.data) as { accessAssignmentId?: unknown }
    return typeof data.accessAssignmentId === 'string' ? data.accessAssignmentId : null
  } catch {
    return null
  }
}

export const operationInProgress = (operation: GraphOperation): boolean =>
  operation.status === 'notStarted' || operation.status === 'running'

interface GraphList<T> {
  value: T[]
  '@odata.nextLink'?: string
}

/** Every page of a Graph list (the next link is absolute; we follow its path on this origin). */
async function allPages<T>(path: string, signal: AbortSignal): Promise<T[]> {
  const items: T[] = []
  let next = path
  for (;;) {
    const page: GraphList<T> = await apiRequest<GraphList<T>>(next, { signal })
    items.push(...page.value)
    const link = page['@odata.nextLink']
    if (!link) break
    const url = new URL(link, window.location.origin)
    next = `${url.pathname}${url.search}`
  }
  return items
}

export function listGraphRelationships(signal: AbortSignal): Promise<GraphRelationship[]> {
  return allPages<GraphRelationship>(`${ROOT}?$top=300`, signal)
}

export function getRelationship(id: string, signal: AbortSignal): Promise<GraphRelationship> {
  return apiRequest<GraphRelationship>(relationshipPath(id), { signal })
}

export interface NewRelationship {
  displayName: string
  /** Whole days, sent as P{n}D. */
  days: number
  customerTenantId: string | null
  roleIds: string[]
  autoExtend: boolean
}

export function createRelationship(input: NewRelationship): Promise<GraphRelationship> {
  return apiRequest<GraphRelationship>(ROOT, {
    method: 'POST',
    body: {
      displayName: input.displayName,
      duration: `P${input.days}D`,
      ...(input.customerTenantId ? { customer: { tenantId: input.customerTenantId } } : {}),
      accessDetails: unifiedRoles(input.roleIds),
      autoExtendDuration: input.autoExtend ? AUTO_EXTEND : NO_AUTO_EXTEND,
    },
  })
}

export interface RelationshipPatch {
  displayName?: string
  days?: number
  roleIds?: string[]
  autoExtend?: boolean
}

export function patchRelationship(
  relationship: GraphRelationship,
  patch: RelationshipPatch,
): Promise<GraphRelationship> {
  return apiRequest<GraphRelationship>(relationshipPath(relationship.id), {
    method: 'PATCH',
    headers: { 'If-Match': relationship['@odata.etag'] },
    body: {
      ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
      ...(patch.days !== undefined ? { duration: `P${patch.days}D` } : {}),
      ...(patch.roleIds !== undefined ? { accessDetails: unifiedRoles(patch.roleIds) } : {}),
      ...(patch.autoExtend !== undefined
        ? { autoExtendDuration: patch.autoExtend ? AUTO_EXTEND : NO_AUTO_EXTEND }
        : {}),
    },
  })
}

export function deleteRelationship(relationship: GraphRelationship): Promise<void> {
  return apiRequest<void>(relationshipPath(relationship.id), {
    method: 'DELETE',
    headers: { 'If-Match': relationship['@odata.etag'] },
  })
}

export function requestAction(id: string, action: RequestAction): Promise<GraphRequest> {
  return apiRequest<GraphRequest>(`${relationshipPath(id)}/requests`, { method: 'POST', body: { action } })
}

export function listRequests(id: string, signal: AbortSignal): Promise<GraphRequest[]> {
  return allPages<GraphRequest>(`${relationshipPath(id)}/requests`, signal)
}

export function listOperations(id: string, signal: AbortSignal): Promise<GraphOperation[]> {
  return allPages<GraphOperation>(`${relationshipPath(id)}/operations`, signal)
}

export function listAssignments(id: string, signal: AbortSignal): Promise<GraphAssignment[]> {
  return allPages<GraphAssignment>(`${relationshipPath(id)}/accessAssignments`, signal)
}

export function createAssignment(id: string, groupId: string, roleIds: string[]): Promise<GraphAssignment> {
  return apiRequest<GraphAssignment>(`${relationshipPath(id)}/accessAssignments`, {
    method: 'POST',
    body: {
      accessContainer: { accessContainerId: groupId, accessContainerType: 'securityGroup' },
      accessDetails: unifiedRoles(roleIds),
    },
  })
}

/** Answered 202: the change is an operation that the relationship's operations list shows. */
export async function changeAssignmentRoles(
  id: string,
  assignment: GraphAssignment,
  roleIds: string[],
): Promise<void> {
  await apiRequest<void>(assignmentPath(id, assignment.id), {
    method: 'PATCH',
    headers: { 'If-Match': assignment['@odata.etag'] },
    body: { accessDetails: unifiedRoles(roleIds) },
  })
}

export function removeAssignment(id: string, assignment: GraphAssignment): Promise<void> {
  return apiRequest<void>(assignmentPath(id, assignment.id), {
    method: 'DELETE',
    headers: { 'If-Match': assignment['@odata.etag'] },
  })
}
