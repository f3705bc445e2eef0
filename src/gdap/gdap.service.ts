import { recordAudit } from '../audit/audit.data.ts'
import { type Actor, actingUserId, auditActor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import type { GdapRequestAction, GdapStatus } from '../platform/db/schema.ts'
import { AppError, notFound } from '../platform/errors.ts'
import { isUuid } from '../platform/ids.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { gdapMessage } from './gdap-messages.ts'
import {
  asOf,
  type AssignmentRecord,
  deleteRelationship,
  findAssignment,
  findRelationship,
  insertAssignment,
  insertOperation,
  insertRelationship,
  insertRequest,
  listAssignments,
  listRelationships,
  newRelationshipId,
  type RelationshipRecord,
  replaceRelationshipRoles,
  type RequestRecord,
  updateAssignment,
  updateRelationship,
} from './gdap.data.ts'
import {
  canDelete,
  endAfterApproval,
  givesAccess,
  type LifecycleProblem,
  nextStatus,
  type NewRelationship,
  type RelationshipPatch,
  type Side,
  validateNew,
  validatePatch,
} from './lifecycle.ts'

/**
 * GDAP relationships, their requests, access assignments and operations — for the partner that
 * owns them (its staff read; only admin agents change) and for the customer they concern (its
 * administrators approve, reject or terminate). Anyone else gets 404: a partner never learns of
 * another partner's relationships. Every change is an audit event, in the change's transaction.
 */

export type Party =
  { side: 'partner'; tenantId: string; canWrite: boolean } | { side: 'customer'; tenantId: string }

const PARTNER_READERS = ['admin_agent', 'helpdesk_agent', 'global_admin', 'sales_agent']

export class GdapError extends AppError {
  constructor(
    status: number,
    readonly problem: string,
    readonly detail: Record<string, string> = {},
  ) {
    super(status, problem, 'error.forbidden')
  }

  override localize(locale: Locale) {
    return { message: gdapMessage(this.problem, this.detail, locale) }
  }
}

const problem = (status: number, code: LifecycleProblem | string, detail: Record<string, string> = {}) =>
  new GdapError(status, code, detail)

/** Who the actor is to GDAP: a partner (read, or write as admin agent) or a customer administrator. */
export function partyOf(actor: Actor): Party {
  if (actor.delegated) throw problem(403, 'own_context_required')
  if (actor.principal === 'application') {
    // An application on its own acts for its tenant; its route already demanded a GDAP permission.
    const canWrite = actor.permissions?.includes('DelegatedAdminRelationship.ReadWrite.All') ?? false
    if (actor.homeTenantKind === 'partner') return { side: 'partner', tenantId: actor.homeTenantId, canWrite }
    if (actor.homeTenantKind === 'customer') return { side: 'customer', tenantId: actor.homeTenantId }
    throw problem(403, 'gdap_not_allowed')
  }
  if (actor.homeTenantKind === 'partner' && actor.roles.some((r) => PARTNER_READERS.includes(r))) {
    return { side: 'partner', tenantId: actor.homeTenantId, canWrite: actor.roles.includes('admin_agent') }
  }
  if (actor.homeTenantKind === 'customer' && actor.roles.includes('global_admin'))
    return { side: 'customer', tenantId: actor.homeTenantId }
  throw problem(403, 'gdap_not_allowed')
}

function requireWriter(party: Party): asserts party is Extract<Party, { side: 'partner' }> {
  if (party.side !== 'partner' || !party.canWrite) throw problem(403, 'admin_agent_required')
}

/**
 * A relationship the party may see, as of now. The customer side sees relationships with its
 * tenant, and an unbound one (created without a customer) only while it awaits approval — the
 * invitation link gives its id.
 */
export async function visibleRelationship(
  ctx: AppContext,
  party: Party,
  id: string,
): Promise<RelationshipRecord> {
  const record = await findRelationship(ctx.db, id)
  if (!record) throw notFound()
  const r = asOf(record, ctx.now())
  const visible =
    party.side === 'partner'
      ? r.partnerTenantId === party.tenantId
      : r.customerTenantId === party.tenantId ||
        (r.customerTenantId === null && r.status === 'approvalPending')
  if (!visible) throw notFound()
  return r
}

async function knownRoleIds(ctx: AppContext): Promise<Set<string>> {
  const rows = await ctx.db.selectFrom('directory_roles').select('id').execute()
  return new Set(rows.map((r) => r.id))
}

function failIf(problems: LifecycleProblem[]): void {
  if (problems.length > 0) {
    const conflict = problems.some((p) => ['not_editable', 'only_auto_extend_while_active'].includes(p))
    throw problem(conflict ? 409 : 400, problems[0]!, { problems: problems.join(', ') })
  }
}

function audit(
  ctx: AppContext,
  actor: Actor | null,
  r: Pick<RelationshipRecord, 'id' | 'partnerTenantId' | 'customerTenantId'>,
  action: string,
  details: Record<string, unknown> = {},
) {
  return (trx: AppContext['db']) =>
    recordAudit(trx, {
      ...auditActor(actor),
      tenantId: r.customerTenantId ?? r.partnerTenantId,
      relationshipId: r.id,
      action,
      targetType: 'gdap_relationship',
      targetId: r.id,
      result: 'done',
      details: { partnerTenantId: r.partnerTenantId, ...details },
    })
}

const stale = () => problem(412, 'precondition_failed')

export async function listForParty(
  ctx: AppContext,
  party: Party,
  filter: {
    status?: GdapStatus
    displayName?: string
    customerTenantId?: string
    id?: string
    offset: number
    limit: number
  },
): Promise<RelationshipRecord[]> {
  const now = ctx.now()
  if (filter.customerTenantId !== undefined && !isUuid(filter.customerTenantId)) return []
  const rows = await listRelationships(ctx.db, {
    ...filter,
    ...(party.side === 'partner'
      ? { partnerTenantId: party.tenantId }
      : { customerTenantId: party.tenantId }),
    now,
  })
  return rows.map((r) => asOf(r, now))
}

export async function createRelationship(
  ctx: AppContext,
  actor: Actor,
  input: NewRelationship & { customerTenantId?: string | undefined },
): Promise<RelationshipRecord> {
  const party = partyOf(actor)
  requireWriter(party)
  failIf(validateNew(input, await knownRoleIds(ctx)))
  if (input.customerTenantId !== undefined) {
    const customer = isUuid(input.customerTenantId)
      ? await ctx.db
          .selectFrom('tenants')
          .select('id')
          .where('id', '=', input.customerTenantId)
          .where('kind', '=', 'customer')
          .executeTakeFirst()
      : undefined
    if (!customer) throw problem(400, 'unknown_customer', { customer: input.customerTenantId })
  }
  const taken = await listRelationships(ctx.db, {
    partnerTenantId: party.tenantId,
    displayName: input.displayName,
    now: ctx.now(),
    offset: 0,
    limit: 1,
  })
  if (taken.length > 0) throw problem(409, 'display_name_taken')
  const id = newRelationshipId()
  const now = ctx.now()
  await ctx.db.transaction().execute(async (trx) => {
    await insertRelationship(trx, {
      id,
      displayName: input.displayName.trim(),
      partnerTenantId: party.tenantId,
      customerTenantId: input.customerTenantId ?? null,
      duration: input.duration,
      autoExtendDuration: input.autoExtendDuration,
      roleIds: input.roleIds,
      createdByUserId: actingUserId(actor),
      now,
    })
    await audit(
      ctx,
      actor,
      { id, partnerTenantId: party.tenantId, customerTenantId: input.customerTenantId ?? null },
      'gdap.relationship.create',
      {
        roles: input.roleIds,
        duration: input.duration,
      },
    )(trx)
  })
  return (await findRelationship(ctx.db, id))!
}

export async function patchRelationship(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: RelationshipPatch,
): Promise<RelationshipRecord> {
  const party = partyOf(actor)
  const r = await visibleRelationship(ctx, party, id)
  requireWriter(party)
  if (r.version !== expectedVersion) throw stale()
  failIf(validatePatch(r, patch, await knownRoleIds(ctx)))
  if (patch.displayName !== undefined && patch.displayName !== r.displayName) {
    const taken = await listRelationships(ctx.db, {
      partnerTenantId: party.tenantId,
      displayName: patch.displayName,
      now: ctx.now(),
      offset: 0,
      limit: 1,
    })
    if (taken.length > 0) throw problem(409, 'display_name_taken')
  }
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await updateRelationship(
      trx,
      id,
      expectedVersion,
      {
        ...(patch.displayName !== undefined ? { display_name: patch.displayName.trim() } : {}),
        ...(patch.duration !== undefined ? { duration: patch.duration } : {}),
        ...(patch.autoExtendDuration !== undefined ? { auto_extend_duration: patch.autoExtendDuration } : {}),
        // auto-extend changed after the end passed: keep the renewals already earned
        ...(patch.autoExtendDuration !== undefined && r.endAt ? { end_at: r.endAt } : {}),
      },
      ctx.now(),
    )
    if (!ok) throw stale()
    if (patch.roleIds) await replaceRelationshipRoles(trx, id, patch.roleIds)
    await audit(ctx, actor, r, 'gdap.relationship.update', { ...patch })(trx)
  })
  return (await findRelationship(ctx.db, id))!
}

export async function removeRelationship(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expectedVersion: number,
): Promise<void> {
  const party = partyOf(actor)
  const r = await visibleRelationship(ctx, party, id)
  requireWriter(party)
  if (r.version !== expectedVersion) throw stale()
  if (!canDelete(r)) throw problem(409, 'not_deletable')
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteRelationship(trx, id, expectedVersion))) throw stale()
    await audit(ctx, actor, r, 'gdap.relationship.delete')(trx)
  })
}

/**
 * A request on the relationship: lockForApproval (the partner), approve or reject (the customer),
 * terminate (either). Approval and termination complete asynchronously (activating, terminating);
 * the scheduler finishes them and marks the request succeeded.
 */
export async function requestAction(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: GdapRequestAction,
): Promise<{ relationship: RelationshipRecord; request: RequestRecord }> {
  const party = partyOf(actor)
  const r = await visibleRelationship(ctx, party, id)
  if (party.side === 'partner') requireWriter(party)
  const side: Side = party.side
  const next = nextStatus(r.status, action, side)
  if (!next) throw problem(409, 'action_not_allowed', { action, status: r.status })
  const now = ctx.now()
  const request = await ctx.db.transaction().execute(async (trx) => {
    const fields =
      action === 'lockForApproval'
        ? { status: next, approval_requested_at: now }
        : action === 'approve'
          ? {
              status: next,
              customer_tenant_id: party.tenantId,
              activated_at: now,
              end_at: endAfterApproval(r.duration, now),
            }
          : { status: next }
    if (!(await updateRelationship(trx, id, r.version, fields, now))) throw stale()
    const completesLater = next === 'activating' || next === 'terminating'
    const req = await insertRequest(trx, {
      relationshipId: id,
      action,
      status: completesLater ? 'pending' : 'succeeded',
      userId: actingUserId(actor),
      tenantId: actor.homeTenantId,
      now,
    })
    await audit(
      ctx,
      actor,
      { ...r, customerTenantId: action === 'approve' ? party.tenantId : r.customerTenantId },
      `gdap.relationship.${action}`,
      {
        from: r.status,
        to: next,
      },
    )(trx)
    return req
  })
  return { relationship: asOf((await findRelationship(ctx.db, id))!, ctx.now()), request }
}

// ── access assignments ────────────────────────────────────────────────────────────────────

export async function assignmentsOf(
  ctx: AppContext,
  actor: Actor,
  relationshipId: string,
): Promise<AssignmentRecord[]> {
  const party = partyOf(actor)
  await visibleRelationship(ctx, party, relationshipId)
  return listAssignments(ctx.db, relationshipId)
}

export async function assignmentOf(
  ctx: AppContext,
  actor: Actor,
  relationshipId: string,
  id: string,
): Promise<AssignmentRecord> {
  const party = partyOf(actor)
  await visibleRelationship(ctx, party, relationshipId)
  const assignment = isUuid(id) ? await findAssignment(ctx.db, relationshipId, id) : null
  if (!assignment) throw notFound()
  return assignment
}

async function checkRoles(r: RelationshipRecord, roleIds: string[]): Promise<void> {
  if (roleIds.length === 0) throw problem(400, 'no_roles')
  const outside = roleIds.filter((id) => !r.roleIds.includes(id))
  if (outside.length > 0) throw problem(400, 'roles_not_in_relationship', { roles: outside.join(', ') })
}

export async function createAssignment(
  ctx: AppContext,
  actor: Actor,
  relationshipId: string,
  input: { groupId: string; roleIds: string[] },
): Promise<AssignmentRecord> {
  const party = partyOf(actor)
  const r = await visibleRelationship(ctx, party, relationshipId)
  requireWriter(party)
  if (!givesAccess(r.status)) throw problem(409, 'relationship_not_active', { status: r.status })
  await checkRoles(r, input.roleIds)
  const group = isUuid(input.groupId)
    ? await ctx.db
        .selectFrom('security_groups')
        .select('id')
        .where('id', '=', input.groupId)
        .where('tenant_id', '=', party.tenantId)
        .executeTakeFirst()
    : undefined
  if (!group) throw problem(400, 'unknown_group', { group: input.groupId })
  const existing = (await listAssignments(ctx.db, relationshipId)).find(
    (a) => a.groupId === input.groupId && a.status !== 'deleted' && a.status !== 'error',
  )
  if (existing) throw problem(409, 'group_already_assigned')
  const id = await ctx.db.transaction().execute(async (trx) => {
    const assignmentId = await insertAssignment(trx, {
      relationshipId,
      groupId: input.groupId,
      roleIds: input.roleIds,
      now: ctx.now(),
    })
    await audit(ctx, actor, r, 'gdap.assignment.create', {
      assignmentId,
      groupId: input.groupId,
      roles: input.roleIds,
    })(trx)
    return assignmentId
  })
  return (await findAssignment(ctx.db, relationshipId, id))!
}

/** Changing an assignment's roles is a long-running operation: answered with the operation's id. */
export async function updateAssignmentRoles(
  ctx: AppContext,
  actor: Actor,
  relationshipId: string,
  id: string,
  expectedVersion: number,
  roleIds: string[],
): Promise<string> {
  const party = partyOf(actor)
  const r = await visibleRelationship(ctx, party, relationshipId)
  requireWriter(party)
  const assignment = await assignmentOf(ctx, actor, relationshipId, id)
  if (assignment.version !== expectedVersion) throw stale()
  if (assignment.status !== 'active')
    throw problem(409, 'assignment_not_active', { status: assignment.status })
  await checkRoles(r, roleIds)
  return ctx.db.transaction().execute(async (trx) => {
    if (
      !(await updateAssignment(
        trx,
        id,
        expectedVersion,
        { pending_roles: JSON.stringify(roleIds) },
        ctx.now(),
      ))
    )
      throw stale()
    const operationId = await insertOperation(trx, {
      relationshipId,
      assignmentId: id,
      data: {
        accessAssignmentId: id,
        accessDetails: { unifiedRoles: roleIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
      },
      now: ctx.now(),
    })
    await audit(ctx, actor, r, 'gdap.assignment.update', { assignmentId: id, roles: roleIds, operationId })(
      trx,
    )
    return operationId
  })
}

export async function deleteAssignment(
  ctx: AppContext,
  actor: Actor,
  relationshipId: string,
  id: string,
  expectedVersion: number,
): Promise<void> {
  const party = partyOf(actor)
  const r = await visibleRelationship(ctx, party, relationshipId)
  requireWriter(party)
  const assignment = await assignmentOf(ctx, actor, relationshipId, id)
  if (assignment.version !== expectedVersion) throw stale()
  if (assignment.status === 'deleting' || assignment.status === 'deleted')
    throw problem(409, 'assignment_already_deleted')
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateAssignment(trx, id, expectedVersion, { status: 'deleting' }, ctx.now()))) throw stale()
    await audit(ctx, actor, r, 'gdap.assignment.delete', { assignmentId: id })(trx)
  })
}
