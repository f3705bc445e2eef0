import type { AssignmentStatus, GdapStatus } from '../platform/db/schema.ts'
import { givesAccess } from './lifecycle.ts'

/**
 * The links of the access trace, in the order the support policy checks them (R1, then R6/R9):
 * the user's Admin agent role, a live relationship with the customer, the user's groups, an
 * assignment that reaches the user, and a role that assignment gives. Pure: the service gathers
 * the rows; this says which link holds, and which is the first that breaks.
 */
export const TRACE_STEPS = ['user', 'relationship', 'groups', 'assignments', 'roles'] as const
export type TraceStep = (typeof TRACE_STEPS)[number]

/** `broken` is the first link that fails; the links after it are not reached (`after_break`). */
export type StepState = 'ok' | 'broken' | 'after_break'

/** What stops an assignment from reaching the user, the first cause first. */
export type AssignmentBlock = 'relationship' | 'assignment' | 'membership' | 'roles'

/**
 * An assignment as the trace shows it: `inactive` when its relationship gives no access (expired,
 * terminated, not yet approved) whatever its own stored status says.
 */
export type TracedAssignmentStatus = AssignmentStatus | 'inactive'

export interface AssignmentLinkInput {
  status: AssignmentStatus
  groupId: string
  roleIds: string[]
}

export interface RelationshipLinkInput {
  /** The relationship's status now (effectiveState), not only as stored. */
  status: GdapStatus
  roleIds: string[]
}

export interface AssignmentLink {
  status: TracedAssignmentStatus
  memberOfGroup: boolean
  reachesUser: boolean
  blockedBy: AssignmentBlock | null
}

/** Whether one assignment gives the user a role in the customer's tenant, and if not, why not. */
export function assignmentLink(
  assignment: AssignmentLinkInput,
  relationship: RelationshipLinkInput,
  userGroupIds: ReadonlySet<string>,
): AssignmentLink {
  const live = givesAccess(relationship.status)
  const memberOfGroup = userGroupIds.has(assignment.groupId)
  const grantsARole = assignment.roleIds.some((id) => relationship.roleIds.includes(id))
  const blockedBy: AssignmentBlock | null = !live
    ? 'relationship'
    : assignment.status !== 'active'
      ? 'assignment'
      : !memberOfGroup
        ? 'membership'
        : !grantsARole
          ? 'roles'
          : null
  return {
    status: live ? assignment.status : 'inactive',
    memberOfGroup,
    reachesUser: blockedBy === null,
    blockedBy,
  }
}

export interface ChainInput {
  adminAgent: boolean
  relationships: { status: GdapStatus }[]
  groupCount: number
  assignments: AssignmentLink[]
  grantCount: number
}

/** Each link's state: the first that fails is `broken`, every later one `after_break`. */
export function chainSteps(input: ChainInput): { step: TraceStep; state: StepState }[] {
  const holds: Record<TraceStep, boolean> = {
    user: input.adminAgent,
    relationship: input.relationships.some((r) => givesAccess(r.status)),
    groups: input.groupCount > 0,
    assignments: input.assignments.some((a) => a.reachesUser),
    roles: input.grantCount > 0,
  }
  let broken = false
  return TRACE_STEPS.map((step) => {
    if (broken) return { step, state: 'after_break' as const }
    if (holds[step]) return { step, state: 'ok' as const }
    broken = true
    return { step, state: 'broken' as const }
  })
}
