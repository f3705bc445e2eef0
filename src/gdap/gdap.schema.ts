import Type from 'typebox'
import { DateTime, Nullable } from '../platform/http/contract.ts'
import { GDAP_STATUSES } from './lifecycle.ts'

/**
 * The contract of the portal's GDAP views (/api/gdap, gdap.http.ts): what each route answers.
 * Fastify sends only what these schemas name, and the OpenAPI document (from which the portal's
 * types come) says exactly this. Changes go through the Graph-compatible API (graph.http.ts).
 * Pure TypeBox.
 */

export const GdapStatusSchema = Type.Enum([...GDAP_STATUSES])
export const AssignmentStatusSchema = Type.Enum(['pending', 'active', 'deleting', 'deleted', 'error'])
export const GDAP_FLAGS = ['expiring_soon', 'lost_access', 'no_support_role', 'global_admin'] as const
export const GdapFlagSchema = Type.Enum([...GDAP_FLAGS])

export const RoleRefSchema = Type.Object({ id: Type.String(), displayName: Type.String() })

export const GdapRoleSchema = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  description: Type.String(),
  /** Carries the support-ticket permission for Office 365, EMS and Dynamics (R9). */
  filesM365Tickets: Type.Boolean(),
  readsServiceHealth: Type.Boolean(),
  privileged: Type.Boolean(),
  recommendedForSupport: Type.Boolean(),
})
export const GdapRoleListSchema = Type.Object({ items: Type.Array(GdapRoleSchema) })

export const SecurityGroupListSchema = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.String(), displayName: Type.String(), description: Nullable(Type.String()) }),
  ),
})

export const PartnerUserListSchema = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), email: Type.String(), displayName: Type.String() })),
})

export const RelationshipSummarySchema = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  partner: Type.Object({ tenantId: Type.String(), name: Type.String() }),
  customer: Nullable(Type.Object({ tenantId: Type.String(), name: Nullable(Type.String()) })),
  status: GdapStatusSchema,
  /** ISO 8601 duration. */
  duration: Type.String(),
  /** ISO 8601 duration; PT0S: no auto-extension. */
  autoExtendDuration: Type.String(),
  createdAt: DateTime,
  activatedAt: Nullable(DateTime),
  endAt: Nullable(DateTime),
  version: Type.Integer(),
  roles: Type.Array(RoleRefSchema),
  assignments: Type.Array(
    Type.Object({
      id: Type.String(),
      status: AssignmentStatusSchema,
      group: RoleRefSchema,
      roles: Type.Array(RoleRefSchema),
    }),
  ),
  flags: Type.Array(GdapFlagSchema),
})

export const RelationshipOverviewSchema = Type.Object({
  /** Relationships carrying each flag, among all of them (whatever the filter). */
  counts: Type.Object(
    Object.fromEntries(GDAP_FLAGS.map((f) => [f, Type.Integer()])) as Record<
      (typeof GDAP_FLAGS)[number],
      ReturnType<typeof Type.Integer>
    >,
  ),
  total: Type.Integer(),
  items: Type.Array(RelationshipSummarySchema),
})

/** Who asks, for the customer's approval page. */
export const GdapInvitationSchema = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  status: GdapStatusSchema,
  duration: Type.String(),
  roles: Type.Array(RoleRefSchema),
  partner: Type.Object({
    tenantId: Type.String(),
    name: Type.String(),
    domain: Type.String(),
    mpnId: Type.String(),
    partnerType: Type.Enum(['direct', 'indirect_provider', 'indirect_reseller', 'advisor']),
  }),
})

/** What stops an assignment from reaching the user, the first cause first (access-trace.ts). */
export const AssignmentBlockSchema = Type.Enum(['relationship', 'assignment', 'membership', 'roles'])

export const TraceAssignmentSchema = Type.Object({
  id: Type.String(),
  /** `inactive` when its relationship gives no access (expired, terminated…), whatever is stored. */
  status: Type.Union([AssignmentStatusSchema, Type.Literal('inactive')]),
  /** The assignment's own stored status. */
  assignmentStatus: AssignmentStatusSchema,
  group: RoleRefSchema,
  roles: Type.Array(RoleRefSchema),
  /** The user belongs to the assigned group (directly or nested). */
  memberOfGroup: Type.Boolean(),
  /** The assignment gives the user a role now: live relationship, active assignment, member. */
  reachesUser: Type.Boolean(),
  blockedBy: Nullable(AssignmentBlockSchema),
  /** How the user belongs to the group, by the shortest way ([] when not a member). */
  path: Type.Array(Type.String()),
  /** Every way the user belongs to the group. */
  paths: Type.Array(Type.Array(Type.String())),
})

export const TraceRelationshipSchema = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  status: GdapStatusSchema,
  givesAccess: Type.Boolean(),
  endAt: Nullable(DateTime),
  roles: Type.Array(RoleRefSchema),
  assignments: Type.Array(TraceAssignmentSchema),
})

export const TraceStepSchema = Type.Enum(['user', 'relationship', 'groups', 'assignments', 'roles'])
export const TraceWorkloadSchema = Type.Enum(['office365', 'dynamics', 'ems', 'azure'])

export const AccessTraceSchema = Type.Object({
  user: Type.Object({
    id: Type.String(),
    email: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(Type.String()),
    adminAgent: Type.Boolean(),
  }),
  customer: Type.Object({ tenantId: Type.String(), name: Type.String() }),
  /** Each link of the chain, in the order the policy checks them; the first that fails is `broken`. */
  steps: Type.Array(
    Type.Object({ step: TraceStepSchema, state: Type.Enum(['ok', 'broken', 'after_break']) }),
  ),
  /** The user's groups: `path` the shortest way from a direct membership, `paths` every way. */
  groups: Type.Array(
    Type.Object({
      id: Type.String(),
      displayName: Type.String(),
      path: Type.Array(Type.String()),
      paths: Type.Array(Type.Array(Type.String())),
    }),
  ),
  relationships: Type.Array(TraceRelationshipSchema),
  grants: Type.Array(
    Type.Object({
      relationshipId: Type.String(),
      relationshipName: Type.String(),
      assignmentId: Type.String(),
      groupName: Type.String(),
      roleId: Type.String(),
      roleName: Type.String(),
    }),
  ),
  /** The policy's answer for filing in each workload (rule, reason, message and remedy). */
  verdicts: Type.Array(
    Type.Object({
      workload: TraceWorkloadSchema,
      allowed: Type.Boolean(),
      rule: Nullable(Type.String()),
      reason: Type.String(),
      message: Type.String(),
      remedy: Nullable(Type.String()),
    }),
  ),
})
