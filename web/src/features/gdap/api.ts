import { apiRequest } from '../../shared/api/client.ts'
import { api, type ResponseOf } from '../../shared/api/typed.ts'

// The server's OpenAPI document is the contract: these types come from the generated
// openapi.gen.ts (npm run api:types), never retyped.

export type RelationshipOverview = ResponseOf<'/api/gdap/relationships', 'get'>
export type RelationshipSummary = RelationshipOverview['items'][number]
export type RoleRef = RelationshipSummary['roles'][number]
/** The relationship's lifecycle states (Graph's delegatedAdminRelationshipStatus). */
export type GdapStatus = RelationshipSummary['status']
export type GdapFlag = RelationshipSummary['flags'][number]
export type AssignmentStatus = RelationshipSummary['assignments'][number]['status']

export const FLAGS = [
  'expiring_soon',
  'lost_access',
  'no_support_role',
  'global_admin',
] as const satisfies readonly GdapFlag[]

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

export type GdapRole = ResponseOf<'/api/gdap/roles', 'get'>['items'][number]

/**
 * Whether a role lets an admin agent open Office 365, EMS and Dynamics requests (R9). For Azure any
 * role opens the customer's tenant; the ticket permission comes from Azure RBAC (R6).
 */
export const canFileTickets = (role: GdapRole): boolean => role.filesM365Tickets

export function listRelationshipOverview(
  flag: GdapFlag | undefined,
  signal: AbortSignal,
): Promise<RelationshipOverview> {
  return api.get('/api/gdap/relationships', { query: { flag }, signal })
}

export function listRoles(signal: AbortSignal): Promise<GdapRole[]> {
  return api.get('/api/gdap/roles', { signal }).then((page) => page.items)
}

export type SecurityGroup = ResponseOf<'/api/gdap/groups', 'get'>['items'][number]

export function listGroups(signal: AbortSignal): Promise<SecurityGroup[]> {
  return api.get('/api/gdap/groups', { signal }).then((page) => page.items)
}

export type PartnerUser = ResponseOf<'/api/gdap/users', 'get'>['items'][number]

export function listUsers(signal: AbortSignal): Promise<PartnerUser[]> {
  return api.get('/api/gdap/users', { signal }).then((page) => page.items)
}

export type CustomerChoice = Pick<
  ResponseOf<'/api/customers', 'get'>['items'][number],
  'tenantId' | 'displayName' | 'defaultDomain'
>

export function listCustomerChoices(signal: AbortSignal): Promise<CustomerChoice[]> {
  return api.get('/api/customers', { query: { limit: 200 }, signal }).then((page) => page.items)
}

export type AccessTrace = ResponseOf<'/api/gdap/trace', 'get'>
export type TraceRelationship = AccessTrace['relationships'][number]
export type TraceAssignment = TraceRelationship['assignments'][number]
/** What stops an assignment from reaching the user, the first cause first (gdap/access-trace.ts). */
export type AssignmentBlock = NonNullable<TraceAssignment['blockedBy']>
export type TraceStep = AccessTrace['steps'][number]['step']
/** The first link that fails is `broken`; the ones after it are not reached. */
export type TraceStepState = AccessTrace['steps'][number]['state']
export type TraceVerdict = AccessTrace['verdicts'][number]
export type TraceWorkload = TraceVerdict['workload']

export function getTrace(user: string, customer: string, signal: AbortSignal): Promise<AccessTrace> {
  return api.get('/api/gdap/trace', { query: { user, customer }, signal })
}

// ── Microsoft Graph v1.0 (/v1.0/tenantRelationships/delegatedAdminRelationships) ─────────

const ROOT = '/v1.0/tenantRelationships/delegatedAdminRelationships'
type Root = typeof ROOT

export type GraphRelationship = ResponseOf<`${Root}/{id}`, 'get'>
export type GraphRequest = ResponseOf<`${Root}/{id}/requests`, 'post'>
export type RequestAction = GraphRequest['action']
export type GraphAssignment = ResponseOf<`${Root}/{id}/accessAssignments/{assignmentId}`, 'get'>
export type GraphOperation = ResponseOf<`${Root}/{id}/operations/{operationId}`, 'get'>
type UnifiedRoles = GraphRelationship['accessDetails']

const unifiedRoles = (roleIds: string[]): UnifiedRoles => ({
  unifiedRoles: roleIds.map((roleDefinitionId) => ({ roleDefinitionId })),
})

export const roleIdsOf = (details: UnifiedRoles | undefined): string[] =>
  details?.unifiedRoles.map((r) => r.roleDefinitionId) ?? []

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

interface GraphPage<T> {
  value: T[]
  '@odata.nextLink'?: string | undefined
}

/**
 * Every page of a Graph list: the first through the typed client, the next ones by following
 * `@odata.nextLink` (absolute; we follow its path on this origin), pages of the same type.
 */
async function allPages<T>(first: Promise<GraphPage<T>>, signal: AbortSignal): Promise<T[]> {
  const items: T[] = []
  let page = await first
  for (;;) {
    items.push(...page.value)
    const link = page['@odata.nextLink']
    if (!link) break
    const url = new URL(link, window.location.origin)
    page = await apiRequest<GraphPage<T>>(`${url.pathname}${url.search}`, { signal })
  }
  return items
}

export function listGraphRelationships(signal: AbortSignal): Promise<GraphRelationship[]> {
  return allPages(api.get(ROOT, { query: { $top: 300 }, signal }), signal)
}

export function getRelationship(id: string, signal: AbortSignal): Promise<GraphRelationship> {
  return api.get(`${ROOT}/{id}`, { path: { id }, signal })
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
  return api.post(ROOT, {
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
  return api.patch(`${ROOT}/{id}`, {
    path: { id: relationship.id },
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
  return api.delete(`${ROOT}/{id}`, {
    path: { id: relationship.id },
    headers: { 'If-Match': relationship['@odata.etag'] },
  })
}

export function requestAction(id: string, action: RequestAction): Promise<GraphRequest> {
  return api.post(`${ROOT}/{id}/requests`, { path: { id }, body: { action } })
}

export function listRequests(id: string, signal: AbortSignal): Promise<GraphRequest[]> {
  return allPages(api.get(`${ROOT}/{id}/requests`, { path: { id }, signal }), signal)
}

export function listOperations(id: string, signal: AbortSignal): Promise<GraphOperation[]> {
  return allPages(api.get(`${ROOT}/{id}/operations`, { path: { id }, signal }), signal)
}

export function listAssignments(id: string, signal: AbortSignal): Promise<GraphAssignment[]> {
  return allPages(api.get(`${ROOT}/{id}/accessAssignments`, { path: { id }, signal }), signal)
}

export function createAssignment(id: string, groupId: string, roleIds: string[]): Promise<GraphAssignment> {
  return api.post(`${ROOT}/{id}/accessAssignments`, {
    path: { id },
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
  await api.patch(`${ROOT}/{id}/accessAssignments/{assignmentId}`, {
    path: { id, assignmentId: assignment.id },
    headers: { 'If-Match': assignment['@odata.etag'] },
    body: { accessDetails: unifiedRoles(roleIds) },
  })
}

export function removeAssignment(id: string, assignment: GraphAssignment): Promise<void> {
  return api.delete(`${ROOT}/{id}/accessAssignments/{assignmentId}`, {
    path: { id, assignmentId: assignment.id },
    headers: { 'If-Match': assignment['@odata.etag'] },
  })
}
