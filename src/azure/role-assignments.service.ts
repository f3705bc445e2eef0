import { recordAudit } from '../audit/audit.data.ts'
import { actingUserId, auditActor, type Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import type { AzureRoleName } from '../platform/db/schema.ts'
import { AppError } from '../platform/errors.ts'
import { isUuid } from '../platform/ids.ts'
import {
  type AssignablePrincipal,
  assignablePrincipals,
  findAssignment,
  listAssignments,
  type PrincipalType,
  principalsOf,
  resolvePrincipal,
  type RoleAssignmentRecord,
} from './role-assignments.data.ts'
import { definitionById, definitionIdOf } from './role-definitions.ts'

/**
 * Azure RBAC on a subscription (Microsoft.Authorization): who may read and change role
 * assignments, as Azure decides it — reading needs any role on the subscription, changing needs
 * Owner; the tenant's global administrator may always (Azure's elevated access). The support
 * policy (R6) reads the same rows, so an assignment counts at once.
 */

/** An ARM error: its code and English message are ARM's. */
export class ArmProblem extends AppError {
  constructor(
    status: number,
    code: string,
    readonly armMessage: string,
  ) {
    super(status, code, 'error.validation', { detail: armMessage })
  }

  override localize() {
    return { message: this.armMessage }
  }
}

interface SubscriptionScope {
  id: string
  tenantId: string
}

async function scopeFor(ctx: AppContext, actor: Actor, subscriptionId: string): Promise<SubscriptionScope> {
  const sub = isUuid(subscriptionId)
    ? await ctx.db
        .selectFrom('subscriptions')
        .select(['id', 'tenant_id as tenantId'])
        .where('id', '=', subscriptionId.toLowerCase())
        .where('workload_id', '=', 'azure')
        .where('status', '!=', 'deleted')
        .executeTakeFirst()
    : undefined
  if (!sub || sub.tenantId !== actor.contextTenantId) {
    throw new ArmProblem(
      404,
      'SubscriptionNotFound',
      `The subscription '${subscriptionId}' could not be found.`,
    )
  }
  return sub
}

async function callerRoles(
  ctx: AppContext,
  actor: Actor,
  scope: SubscriptionScope,
): Promise<AzureRoleName[]> {
  if (actor.principal !== 'user') return []
  const mine = await listAssignments(ctx.db, scope.id, {
    principalIds: await principalsOf(ctx.db, actor.userId),
  })
  return mine.map((a) => a.roleName)
}

const isTenantAdmin = (actor: Actor, scope: SubscriptionScope) =>
  actor.principal === 'user' &&
  !actor.delegated &&
  actor.homeTenantId === scope.tenantId &&
  actor.roles.includes('global_admin')

function authorizationFailed(actor: Actor, action: string, scope: SubscriptionScope): ArmProblem {
  return new ArmProblem(
    403,
    'AuthorizationFailed',
    `The client '${actor.email || actor.userId}' with object id '${actor.userId}' does not have authorization to perform action '${action}' over scope '/subscriptions/${scope.id}' or the scope is invalid.`,
  )
}

async function authorize(ctx: AppContext, actor: Actor, subscriptionId: string, write: boolean) {
  const scope = await scopeFor(ctx, actor, subscriptionId)
  if (isTenantAdmin(actor, scope)) return scope
  const roles = await callerRoles(ctx, actor, scope)
  if (write ? roles.includes('Owner') : roles.length > 0) return scope
  throw authorizationFailed(
    actor,
    write ? 'Microsoft.Authorization/roleAssignments/write' : 'Microsoft.Authorization/roleAssignments/read',
    scope,
  )
}

/** Which subscription's role definitions and assignments a caller may read (any role there, or the tenant's admin). */
export async function readableScope(
  ctx: AppContext,
  actor: Actor,
  subscriptionId: string,
): Promise<SubscriptionScope> {
  return authorize(ctx, actor, subscriptionId, false)
}

/** Whom a role on the subscription can be given to (its tenant's users and groups, its partners' groups). */
export async function assignablePrincipalsAsActor(
  ctx: AppContext,
  actor: Actor,
  subscriptionId: string,
): Promise<AssignablePrincipal[]> {
  const scope = await authorize(ctx, actor, subscriptionId, false)
  return assignablePrincipals(ctx.db, scope.tenantId)
}

export interface AssignmentFilter {
  atScope: boolean
  principalId?: string | undefined
  /** Assignments that reach this principal: its own and its groups' (nested). */
  assignedTo?: string | undefined
}

export async function listAssignmentsAsActor(
  ctx: AppContext,
  actor: Actor,
  subscriptionId: string,
  filter: AssignmentFilter,
): Promise<RoleAssignmentRecord[]> {
  const scope = await authorize(ctx, actor, subscriptionId, false)
  let principalIds: string[] | undefined
  if (filter.principalId) principalIds = [filter.principalId.toLowerCase()]
  if (filter.assignedTo) {
    const id = filter.assignedTo.toLowerCase()
    const reach = isUuid(id) ? await principalsOf(ctx.db, id) : []
    principalIds = principalIds ? principalIds.filter((p) => reach.includes(p)) : reach
  }
  return listAssignments(ctx.db, scope.id, { principalIds })
}

export async function getAssignmentAsActor(
  ctx: AppContext,
  actor: Actor,
  subscriptionId: string,
  name: string,
): Promise<RoleAssignmentRecord> {
  const scope = await authorize(ctx, actor, subscriptionId, false)
  const found = await findAssignment(ctx.db, scope.id, name)
  if (!found) {
    throw new ArmProblem(404, 'RoleAssignmentNotFound', `The role assignment '${name}' is not found.`)
  }
  return found
}

export interface AssignmentInput {
  roleDefinitionId: string
  principalId: string
  principalType?: PrincipalType | undefined
  description?: string | undefined
}

/** PUT: creates the assignment named `name`; the same assignment again is idempotent, a duplicate under another name is 409. */
export async function createAssignmentAsActor(
  ctx: AppContext,
  actor: Actor,
  subscriptionId: string,
  name: string,
  input: AssignmentInput,
): Promise<{ assignment: RoleAssignmentRecord; created: boolean }> {
  if (!isUuid(name)) {
    throw new ArmProblem(
      400,
      'InvalidRoleAssignmentId',
      `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`,
    )
  }
  const scope = await authorize(ctx, actor, subscriptionId, true)
  const definitionId = definitionIdOf(input.roleDefinitionId)
  const definition = definitionId ? definitionById(definitionId) : undefined
  if (!definition) {
    throw new ArmProblem(
      400,
      'RoleDefinitionDoesNotExist',
      `The specified role definition with ID '${definitionId ?? input.roleDefinitionId}' does not exist.`,
    )
  }
  const principal = await resolvePrincipal(ctx.db, scope.tenantId, input.principalId.toLowerCase())
  if (!principal) {
    throw new ArmProblem(
      400,
      'PrincipalNotFound',
      `Principal ${input.principalId.replace(/-/g, '')} does not exist in the directory ${scope.tenantId}.`,
    )
  }
  if (input.principalType && input.principalType !== principal.type) {
    throw new ArmProblem(
      400,
      'UnmatchedPrincipalType',
      `The PrincipalId '${input.principalId}' has type '${principal.type}', which is different from specified PrincipalType '${input.principalType}'.`,
    )
  }
  const id = name.toLowerCase()
  const existing = await findAssignment(ctx.db, scope.id, id)
  if (existing) {
    if (
      existing.principalId === input.principalId.toLowerCase() &&
      existing.roleName === definition.roleName
    ) {
      return { assignment: existing, created: false }
    }
    throw new ArmProblem(
      400,
      'RoleAssignmentUpdateNotPermitted',
      'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.',
    )
  }
  const duplicate = await listAssignments(ctx.db, scope.id, {
    principalIds: [input.principalId.toLowerCase()],
  })
  if (duplicate.some((d) => d.roleName === definition.roleName)) {
    throw new ArmProblem(409, 'RoleAssignmentExists', 'The role assignment already exists.')
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('azure_role_assignments')
      .values({
        id,
        subscription_id: scope.id,
        principal_kind: principal.kind,
        principal_id: input.principalId.toLowerCase(),
        role_name: definition.roleName,
        created_at: ctx.now(),
        created_by_user_id: actingUserId(actor),
        description: input.description ?? null,
      })
      .execute()
    await recordAudit(trx, {
      ...auditActor(actor),
      tenantId: scope.tenantId,
      action: 'azure.role_assignment.create',
      targetType: 'role_assignment',
      targetId: id,
      result: 'done',
      details: {
        subscriptionId: scope.id,
        principalId: input.principalId.toLowerCase(),
        principalType: principal.type,
        role: definition.roleName,
      },
    })
  })
  return { assignment: (await findAssignment(ctx.db, scope.id, id))!, created: true }
}

/** DELETE: answers the removed assignment, or null when there was none (ARM's 204). */
export async function deleteAssignmentAsActor(
  ctx: AppContext,
  actor: Actor,
  subscriptionId: string,
  name: string,
): Promise<RoleAssignmentRecord | null> {
  const scope = await authorize(ctx, actor, subscriptionId, true)
  const existing = await findAssignment(ctx.db, scope.id, name)
  if (!existing) return null
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('azure_role_assignments').where('id', '=', existing.id).execute()
    await recordAudit(trx, {
      ...auditActor(actor),
      tenantId: scope.tenantId,
      action: 'azure.role_assignment.delete',
      targetType: 'role_assignment',
      targetId: existing.id,
      result: 'done',
      details: {
        subscriptionId: scope.id,
        principalId: existing.principalId,
        principalType: existing.principalType,
        role: existing.roleName,
      },
    })
  })
  return existing
}
