import { recordAudit } from '../audit/audit.data.ts'
import type { Actor } from '../identity/actor.ts'
import { findUserById } from '../identity/users.data.ts'
import type { AppContext } from '../platform/context.ts'
import type { Kysely } from 'kysely'
import { FIRST_RESPONSE_MINUTES } from '../policy/support-policy.ts'
import type {
  ArmContact,
  Database,
  ProblemType,
  RequestContact,
  RequestStatus,
  Severity,
  SupportPlan,
  WorkloadId,
} from '../platform/db/schema.ts'
import { AppError, forbidden, notFound } from '../platform/errors.ts'
import { isUuid } from '../platform/ids.ts'
import type { EntryPoint, HandledBy, RequestFact } from '../policy/facts.ts'
import {
  ask,
  askRead,
  auditDecision,
  PolicyRefusal,
  targetTenantOf,
  type Asked,
} from '../policy/policy.service.ts'
import {
  findServiceRequest,
  insertNote,
  insertServiceRequest,
  listNotes,
  listServiceRequests,
  type AzureTicketFields,
  type NoteRecord,
  type RequestFilters,
  type RequestScope,
  type ServiceRequestRecord,
  touch,
  updateArmContact,
  updateSeverity,
  updateStatus,
} from './service-requests.data.ts'

export interface CreateRequestInput {
  customerTenantId?: string | undefined
  workload: WorkloadId
  subscriptionId?: string | undefined
  productId?: string | undefined
  problemType?: ProblemType | undefined
  supportTopicId?: string | undefined
  title: string
  description: string
  severity: Severity
  entryPoint?: EntryPoint | undefined
  handledBy?: HandledBy | undefined
  supportPlan?: SupportPlan | undefined
  entitlementId?: string | undefined
  contact?:
    | { userId?: string | undefined; phone?: string | undefined; preferredLanguage?: 'it' | 'en' | undefined }
    | undefined
  /** Fields of an Azure ticket filed through Microsoft.Support (ARM). */
  azure?: AzureTicketFields | undefined
  /** "File anyway, linked to it": one of the active incidents the advice listed first (R4). */
  linkedIncidentId?: string | undefined
}

const unknownSubscription = (subscription: string) =>
  new AppError(404, 'unknown_subscription', 'error.unknown_subscription', { subscription })

/**
 * Files a service request, if the support policy allows it; otherwise records the refusal and
 * throws it (403 with rule, reason and remedy). The request, its audit event and nothing else are
 * written in one transaction.
 */
export async function createServiceRequest(
  ctx: AppContext,
  actor: Actor,
  input: CreateRequestInput,
  locale: 'it' | 'en',
): Promise<ServiceRequestRecord> {
  const target = targetTenantOf(actor, input.customerTenantId)
  const asked = await ask(ctx, actor, target, {
    action: 'file',
    workload: input.workload,
    subscriptionId: input.subscriptionId,
    productId: input.productId,
    problemType: input.problemType,
    entryPoint: input.entryPoint,
    handledBy: input.handledBy,
    supportPlan: input.supportPlan,
    entitlementId: input.entitlementId,
  })
  const { facts, decision } = asked
  if (input.subscriptionId && !facts.target.subscriptions.some((s) => s.id === input.subscriptionId)) {
    throw unknownSubscription(input.subscriptionId)
  }
  if (!decision.allowed) {
    await auditDecision(ctx, actor, asked, 'service_request.create')
    throw new PolicyRefusal(asked, input.workload)
  }
  if (input.linkedIncidentId && !decision.incidents.some((i) => i.id === input.linkedIncidentId)) {
    throw new AppError(400, 'unknown_incident', 'error.unknown_incident', {
      incident: input.linkedIncidentId,
    })
  }
  if (input.supportTopicId) {
    const topic = await ctx.db
      .selectFrom('support_topics')
      .select('id')
      .where('id', '=', input.supportTopicId)
      .where('workload_id', '=', input.workload)
      .executeTakeFirst()
    if (!topic) {
      throw new AppError(400, 'unknown_topic', 'error.unknown_topic', {
        topic: input.supportTopicId,
        workload: input.workload,
      })
    }
  }
  const contact = await contactFor(ctx, actor, input, locale)
  const tenant = await ctx.db
    .selectFrom('tenants')
    .select(['country'])
    .where('id', '=', facts.target.tenantId)
    .executeTakeFirstOrThrow()
  const now = ctx.now()
  const partnerTenantId =
    decision.handledBy === 'partner'
      ? (decision.partners[0]?.tenantId ?? null)
      : actor.homeTenantKind === 'partner'
        ? actor.homeTenantId
        : null
  const delegated = decision.context === 'delegated' || decision.context === 'provider'

  const id = await ctx.db.transaction().execute(async (trx) => {
    const requestId = await insertServiceRequest(
      trx,
      {
        tenantId: facts.target.tenantId,
        partnerTenantId,
        handledBy: decision.handledBy ?? 'vendor',
        workload: input.workload,
        subscriptionId: decision.subscriptionId ?? input.subscriptionId ?? null,
        problemType: input.problemType ?? 'technical',
        supportTopicId: input.supportTopicId ?? null,
        title: input.title.trim(),
        description: input.description.trim(),
        severity: input.severity,
        contact,
        createdByUserId: actor.userId,
        createdByTenantId: actor.homeTenantId,
        delegation: delegated
          ? {
              partnerTenantId: actor.homeTenantId,
              partnerName: actor.homeTenantName,
              relationshipId: decision.grant?.relationshipId ?? null,
              relationshipName: decision.grant?.relationshipName ?? null,
              roleName: decision.grant?.roleName ?? null,
              groupName: decision.grant?.groupName ?? null,
            }
          : null,
        decidedByRule: decision.rule ?? 'none',
        supportPlan: decision.supportPlan?.kind ?? 'customer',
        entitlementId: decision.supportPlan?.entitlementId ?? null,
        locale: contact.preferredLanguage,
        country: tenant.country,
        firstResponseDueAt: decision.firstResponseMinutes
          ? new Date(now.getTime() + decision.firstResponseMinutes[input.severity] * 60_000)
          : null,
        azure: input.azure,
        linkedIncidentId: input.linkedIncidentId ?? null,
      },
      now,
    )
    await recordAudit(trx, {
      actorUserId: actor.userId,
      actorEmail: actor.email,
      actorTenantId: actor.homeTenantId,
      tenantId: facts.target.tenantId,
      relationshipId: decision.grant?.relationshipId ?? null,
      roleName: decision.grant?.roleName ?? null,
      action: 'service_request.create',
      targetType: 'service_request',
      targetId: requestId,
      rule: decision.rule,
      result: 'allowed',
      reason: decision.reason,
      details: { workload: input.workload, severity: input.severity, handledBy: decision.handledBy },
    })
    return requestId
  })
  return (await findServiceRequest(ctx.db, id))!
}

/**
 * The request's contact: a person of the caller's own organization — for a partner, never the
 * customer's (R7, R9); by default the caller.
 */
async function contactFor(
  ctx: AppContext,
  actor: Actor,
  input: CreateRequestInput,
  locale: 'it' | 'en',
): Promise<RequestContact> {
  const userId = input.contact?.userId ?? actor.userId
  const user = isUuid(userId) ? await findUserById(ctx.db, userId) : null
  if (!user || user.disabled || user.tenantId !== actor.homeTenantId) {
    throw new AppError(400, 'invalid_contact', 'error.invalid_contact', { tenant: actor.homeTenantName })
  }
  return {
    userId: user.id,
    name: user.displayName,
    email: user.email,
    phone: input.contact?.phone ?? user.phone,
    tenantId: user.tenantId,
    preferredLanguage: input.contact?.preferredLanguage ?? locale,
  }
}

/** The requests an actor's lists hold: the policy's read rule, as a query scope. */
function scopeOf(actor: Actor): RequestScope {
  if (actor.homeTenantKind === 'vendor' && actor.roles.includes('support_engineer')) return { kind: 'all' }
  if (actor.homeTenantKind === 'customer' && actor.roles.includes('global_admin')) {
    return { kind: 'tenant', tenantId: actor.homeTenantId }
  }
  if (
    actor.homeTenantKind === 'partner' &&
    actor.roles.some((r) => ['admin_agent', 'helpdesk_agent', 'global_admin'].includes(r))
  ) {
    return { kind: 'partner', partnerTenantId: actor.homeTenantId }
  }
  throw forbidden()
}

export async function listRequestsForActor(
  ctx: AppContext,
  actor: Actor,
  filters: RequestFilters,
): Promise<{ total: number; items: ServiceRequestRecord[] }> {
  const scope = scopeOf(actor)
  const tenantId = actor.delegated ? actor.contextTenantId : filters.tenantId
  if (actor.delegated && filters.tenantId && filters.tenantId !== actor.contextTenantId)
    return { total: 0, items: [] }
  if (tenantId && !isUuid(tenantId)) return { total: 0, items: [] }
  return listServiceRequests(ctx.db, scope, { ...filters, tenantId })
}

const requestFact = (r: ServiceRequestRecord): RequestFact => ({
  tenantId: r.tenantId,
  partnerTenantId: r.partnerTenantId,
  handledBy: r.handledBy,
  workload: r.workload,
  subscriptionId: r.subscriptionId,
  problemType: r.problemType,
  decidedByRule: r.decidedByRule,
})

/**
 * Asks the policy about an existing request. A caller who may not even read it gets 404 (its
 * existence is not revealed); one who may read but not change it gets the policy's 403.
 */
async function askAbout(
  ctx: AppContext,
  actor: Actor,
  request: ServiceRequestRecord | null,
  action: 'read' | 'change',
  auditAction: string,
): Promise<{ request: ServiceRequestRecord; asked: Asked }> {
  if (!request) throw notFound()
  if (actor.delegated && request.tenantId !== actor.contextTenantId) throw notFound()
  const onBehalf = actor.homeTenantKind === 'partner' && request.tenantId !== actor.homeTenantId
  const question = { action, workload: request.workload, request: requestFact(request) } as const
  const readAsked = askRead(ctx, actor, question)
  if (!readAsked.decision.allowed) {
    await auditDecision(ctx, actor, readAsked, auditAction, { type: 'service_request', id: request.id })
    throw notFound()
  }
  if (action === 'read') return { request, asked: readAsked }
  const asked =
    onBehalf && request.handledBy !== 'partner'
      ? await askForCustomer(ctx, actor, request, question)
      : readAsked
  if (!asked.decision.allowed) {
    await auditDecision(ctx, actor, asked, auditAction, { type: 'service_request', id: request.id })
    throw new PolicyRefusal(asked, request.workload)
  }
  return { request, asked }
}

async function askForCustomer(
  ctx: AppContext,
  actor: Actor,
  request: ServiceRequestRecord,
  question: { action: 'read' | 'change'; workload: WorkloadId; request: RequestFact },
): Promise<Asked> {
  try {
    return await ask(ctx, actor, request.tenantId, question)
  } catch (error) {
    // the partner no longer serves the customer at all
    if (error instanceof AppError && error.code === 'not_found') throw notFound()
    throw error
  }
}

export async function getRequestForActor(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ request: ServiceRequestRecord; notes: NoteRecord[] }> {
  const { request, asked } = await askAbout(
    ctx,
    actor,
    await findServiceRequest(ctx.db, id),
    'read',
    'service_request.read',
  )
  await auditDecision(ctx, actor, asked, 'service_request.read', { type: 'service_request', id: request.id })
  return { request, notes: await listNotes(ctx.db, request.id) }
}

const versionConflict = () => new AppError(412, 'version_conflict', 'error.version_conflict')

async function change(
  ctx: AppContext,
  actor: Actor,
  id: string,
  auditAction: string,
  expectedVersion: number | undefined,
  apply: (request: ServiceRequestRecord, trx: Kysely<Database>) => Promise<boolean>,
): Promise<ServiceRequestRecord> {
  const { request, asked } = await askAbout(
    ctx,
    actor,
    await findServiceRequest(ctx.db, id),
    'change',
    auditAction,
  )
  if (expectedVersion !== undefined && expectedVersion !== request.version) throw versionConflict()
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await apply(request, trx))) throw versionConflict()
    await recordAudit(trx, {
      actorUserId: actor.userId,
      actorEmail: actor.email,
      actorTenantId: actor.homeTenantId,
      tenantId: request.tenantId,
      relationshipId: asked.decision.grant?.relationshipId ?? null,
      roleName: asked.decision.grant?.roleName ?? null,
      action: auditAction,
      targetType: 'service_request',
      targetId: request.id,
      rule: asked.decision.rule,
      result: 'allowed',
      reason: asked.decision.reason,
    })
  })
  return (await findServiceRequest(ctx.db, id))!
}

export function addNoteAsActor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  text: string,
  expectedVersion?: number,
  extra: { armName?: string; subject?: string } = {},
): Promise<ServiceRequestRecord> {
  return change(ctx, actor, id, 'service_request.note', expectedVersion, async (request, trx) => {
    if (request.status === 'closed') throw new AppError(409, 'request_closed', 'error.request_closed')
    const now = ctx.now()
    await insertNote(
      trx,
      request.id,
      { userId: actor.userId, name: actor.displayName, tenantId: actor.homeTenantId },
      text.trim(),
      now,
      { ...extra, sender: actor.email },
    )
    return touch(trx, request.id, request.version, now)
  })
}

export function setStatusAsActor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  status: Extract<RequestStatus, 'open' | 'closed'>,
  expectedVersion?: number,
): Promise<ServiceRequestRecord> {
  return change(
    ctx,
    actor,
    id,
    status === 'closed' ? 'service_request.close' : 'service_request.reopen',
    expectedVersion,
    async (request, trx) => {
      const already = status === 'closed' ? request.status === 'closed' : request.status !== 'closed'
      if (already)
        throw new AppError(409, 'already_in_status', 'error.already_in_status', { status: request.status })
      return updateStatus(trx, request.id, request.version, status, ctx.now())
    },
  )
}

/** A new severity: the first-response target (R14) restarts from now for the new level. */
export function changeSeverityAsActor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  severity: Severity,
  expectedVersion?: number,
): Promise<ServiceRequestRecord> {
  return change(ctx, actor, id, 'service_request.severity', expectedVersion, async (request, trx) => {
    if (request.status === 'closed') throw new AppError(409, 'request_closed', 'error.request_closed')
    const now = ctx.now()
    const due = request.firstResponseDueAt
      ? new Date(now.getTime() + FIRST_RESPONSE_MINUTES[severity] * 60_000)
      : null
    return updateSeverity(trx, request.id, request.version, severity, due, now)
  })
}

export function updateArmContactAsActor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  contact: ArmContact,
  expectedVersion?: number,
): Promise<ServiceRequestRecord> {
  return change(ctx, actor, id, 'service_request.contact', expectedVersion, (request, trx) =>
    updateArmContact(trx, request.id, request.version, contact, ctx.now()),
  )
}
