import { recordAudit } from '../audit/audit.data.ts'
import { type Actor, isSupportEngineer, auditActor } from '../identity/actor.ts'
import { findUserById } from '../identity/users.data.ts'
import type { AppContext } from '../platform/context.ts'
import type { Kysely } from 'kysely'
import { FIRST_RESPONSE_MINUTES } from '../policy/support-policy.ts'
import type {
  ArmContact,
  Database,
  NoteVisibility,
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
  readAuditOf,
  targetTenantOf,
  type Asked,
} from '../policy/policy.service.ts'
import {
  type AttachmentRecord,
  countAttachments,
  findAttachment,
  findServiceRequest,
  insertAttachment,
  insertNote,
  type AzureTicketFields,
  type NoteRecord,
  type RequestChanges,
  type ServiceRequestRecord,
  updateRequest,
} from './service-requests.data.ts'
import { findRequestThread, threadFor } from './request-thread.data.ts'
import {
  listServiceRequests,
  type RequestFilters,
  type RequestPage,
  type RequestScope,
} from './request-list.data.ts'
import { type Assignee, checkAssignee, listAssignees } from './desk-assignees.data.ts'
import {
  checkAssignment,
  checkNote,
  checkSeverityChange,
  checkStatusMove,
  type DeskRefusal,
  type Side,
  sideOf,
  statusAfterNote,
} from './desk-rules.ts'
import { isAddressee, participantsOf, readerOf } from './waiting-on.ts'
import {
  filingWritesOnlyWebhooks,
  recordRequestEvent,
  requestEventId,
  type RequestEvent,
  type RequestEventActor,
} from './request-events.ts'
import { sendNotice } from '../notifications/notices.ts'
import type { MessageKey } from '../platform/i18n/messages.ts'
import { randomUUID } from 'node:crypto'
import { checkAttachment, MAX_ATTACHMENTS_PER_REQUEST, safeFileName } from './attachments.ts'
import { escalationSource, linkEscalation } from './escalation.ts'
import { type FilingWrite, insertFiling } from './filing.data.ts'

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
  /** The partner's own ticket number in its PSA tool. */
  externalReference?: string | undefined
  /** "Escalate to the vendor": the customer's request, handled by the partner, this one escalates. */
  escalationOf?: string | undefined
}

/** A client's `Idempotency-Key` and a digest of what it asked, so a retry is recognised. */
export interface Idempotency {
  key: string
  requestHash: string
}

const CREATE_SCOPE = 'service_request.create'

class ReplayInstead extends Error {}

/**
 * The request an earlier create with the same key made, if any. The same key with a different
 * body is a client mistake worth telling apart from a retry.
 */
async function replayOf(
  db: Kysely<Database>,
  actor: Actor,
  idempotency: Idempotency,
): Promise<ServiceRequestRecord | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'resource_id'])
    .where('user_id', '=', actor.userId)
    .where('scope', '=', CREATE_SCOPE)
    .where('key', '=', idempotency.key)
    .executeTakeFirst()
  if (!row) return null
  if (row.request_hash !== idempotency.requestHash) {
    throw new AppError(422, 'idempotency_key_reused', 'error.idempotency_key_reused', {
      key: idempotency.key,
    })
  }
  return findServiceRequest(db, row.resource_id)
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
  idempotency?: Idempotency,
): Promise<ServiceRequestRecord & { replayed?: boolean }> {
  if (idempotency) {
    const earlier = await replayOf(ctx.db, actor, idempotency)
    if (earlier) return { ...earlier, replayed: true }
  }
  try {
    return await fileRequest(ctx, actor, input, locale, idempotency)
  } catch (error) {
    if (!(error instanceof ReplayInstead) || !idempotency) throw error
    // a concurrent create with the same key committed first
    const earlier = await replayOf(ctx.db, actor, idempotency)
    if (!earlier) throw error
    return { ...earlier, replayed: true }
  }
}

async function fileRequest(
  ctx: AppContext,
  actor: Actor,
  input: CreateRequestInput,
  locale: 'it' | 'en',
  idempotency: Idempotency | undefined,
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
  const escalated = input.escalationOf
    ? await escalationSource(
        ctx.db,
        actor,
        input.escalationOf,
        facts.target.tenantId,
        decision.handledBy ?? null,
      )
    : null
  const contact = await contactFor(ctx, actor, input, locale)
  if (input.severity === 'critical' && !contact.phone && !input.azure?.contact?.phoneNumber) {
    throw new AppError(422, 'critical_needs_phone', 'error.critical_needs_phone')
  }
  const now = ctx.now()
  const partnerTenantId =
    decision.handledBy === 'partner'
      ? (decision.partners[0]?.tenantId ?? null)
      : actor.homeTenantKind === 'partner'
        ? actor.homeTenantId
        : null
  const delegated = decision.context === 'delegated' || decision.context === 'provider'

  const write: FilingWrite = {
    request: {
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
      firstResponseDueAt: decision.firstResponseMinutes
        ? new Date(now.getTime() + decision.firstResponseMinutes[input.severity] * 60_000)
        : null,
      azure: input.azure,
      linkedIncidentId: input.linkedIncidentId ?? null,
      externalReference: input.externalReference?.trim() || null,
    },
    audit: {
      ...auditActor(actor),
      tenantId: facts.target.tenantId,
      relationshipId: decision.grant?.relationshipId ?? null,
      roleName: decision.grant?.roleName ?? null,
      action: 'service_request.create',
      rule: decision.rule,
      result: 'allowed',
      reason: decision.reason,
      details: {
        workload: input.workload,
        severity: input.severity,
        handledBy: decision.handledBy,
        ...(escalated ? { escalationOf: escalated.id } : {}),
      },
    },
    idempotency: idempotency
      ? {
          userId: actor.userId,
          key: idempotency.key,
          scope: CREATE_SCOPE,
          requestHash: idempotency.requestHash,
        }
      : null,
    eventType: 'service_request.created',
  }
  const actorOfEvent = eventActor(actor)
  // Nothing but the request, its audit event and maybe webhook deliveries to write: one statement,
  // atomic on its own, no transaction around it (it writes nothing if a subscription wants the
  // event, and the filing is then made in the transaction below, which queues the deliveries).
  if (
    !escalated &&
    !write.idempotency &&
    filingWritesOnlyWebhooks(
      {
        contact,
        armContact: input.azure?.contact ?? null,
        handledBy: write.request.handledBy,
        partnerTenantId,
      },
      actorOfEvent,
    )
  ) {
    const filed = await insertFiling(ctx.db, write, now, { alone: true })
    if (filed) return filed.request
  }

  // one statement writes the request, its audit event and key, and answers the request as committed
  return ctx.db.transaction().execute(async (trx) => {
    const filed = (await insertFiling(trx, write, now))!
    if (!filed.claimed) throw new ReplayInstead()
    let created = filed.request
    if (escalated) {
      await linkEscalation(trx, created.id, escalated, actorOfEvent, now)
      created = (await findServiceRequest(trx, created.id))!
    }
    await recordRequestEvent(
      trx,
      ctx,
      {
        id: requestEventId('service_request.created', created.id, 1),
        type: 'service_request.created',
        at: now,
        request: created,
        actor: actorOfEvent,
        visibility: 'public',
      },
      { webhookSubscribers: filed.webhookSubscribers },
    )
    return created
  })
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
  // the caller's own record was read with this request's credentials: not read again
  const user =
    actor.principal === 'user' && userId === actor.user.id
      ? actor.user
      : isUuid(userId)
        ? await findUserById(ctx.db, userId)
        : null
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
  if (isSupportEngineer(actor)) return { kind: 'all' }
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
): Promise<RequestPage> {
  const scope = scopeOf(actor)
  const tenantId = actor.delegated ? actor.contextTenantId : filters.tenantId
  const empty: RequestPage = { items: [], total: 0, totalCapped: false, nextCursor: null }
  if (actor.delegated && filters.tenantId && filters.tenantId !== actor.contextTenantId) return empty
  if (tenantId && !isUuid(tenantId)) return empty
  const searchInternal = scope.kind === 'all' ? 'vendor' : scope.kind === 'partner' ? 'partner' : undefined
  return listServiceRequests(ctx.db, scope, { ...filters, tenantId, searchInternal, now: ctx.now() })
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
  options: { audit?: boolean } = {},
): Promise<{ request: ServiceRequestRecord; notes: NoteRecord[]; attachments: AttachmentRecord[] }> {
  // the request, its notes and attachments in one statement (request-thread.data.ts), which also
  // writes the read's audit event when the request is in the reader's scope: the answer waits on
  // no commit of its own — GDAP access stays audited, committed before it is answered
  const audit = options.audit !== false ? readAuditOf(ctx, actor, 'service_request.read') : undefined
  const thread = await findRequestThread(
    ctx.db,
    id,
    audit && { ...audit, contextTenantId: actor.delegated ? actor.contextTenantId : null },
  )
  const { request, asked } = await askAbout(
    ctx,
    actor,
    thread?.request ?? null,
    'read',
    'service_request.read',
  )
  // allowed by the rule the statement applied to the same row (read-right.ts): it wrote the event;
  // were the two ever to differ, the read is still recorded before it is answered
  if (audit && !thread!.audited)
    await auditDecision(ctx, actor, asked, 'service_request.read', {
      type: 'service_request',
      id: request.id,
    })
  const { notes, attachments } = threadFor(thread!, sideOfActor(actor, request) === 'responder')
  return { request, notes, attachments }
}

const versionConflict = () => new AppError(412, 'version_conflict', 'error.version_conflict')

const DESK_REFUSAL_STATUS: Record<DeskRefusal, number> = {
  request_closed: 409,
  already_in_status: 409,
  status_move_not_allowed: 403,
  severity_raise_by_responder: 403,
  critical_needs_phone: 422,
  internal_notes_responder_only: 403,
  assignment_vendor_only: 403,
  assignment_responder_only: 403,
  onlooker_cannot_change: 403,
  answer_by_addressee_only: 403,
}

function refuseDesk(refusal: DeskRefusal, request: ServiceRequestRecord, closedKey: MessageKey): never {
  const key: MessageKey = refusal === 'request_closed' ? closedKey : `error.${refusal}`
  throw new AppError(DESK_REFUSAL_STATUS[refusal], refusal, key, {
    status: request.status,
    requester: request.createdByTenantName,
    handler: request.handlerName ?? '',
  })
}

function sideOfActor(actor: Actor, request: ServiceRequestRecord): Side {
  return sideOf({
    actorTenantKind: actor.homeTenantKind,
    actorTenantId: actor.homeTenantId,
    handledBy: request.handledBy,
    partnerTenantId: request.partnerTenantId,
  })
}

function eventActor(actor: Actor): RequestEventActor {
  return {
    userId: actor.userId,
    email: actor.email,
    name: actor.displayName,
    tenantId: actor.homeTenantId,
    side: actor.homeTenantKind,
  }
}

/** One event of a change, built once the request is read back inside the change's transaction. */
type PendingEvent = Omit<RequestEvent, 'id' | 'at' | 'request' | 'actor'> & { discriminator?: string }

/** What a change does inside its transaction: the columns it sets and the events it records. */
interface Applied {
  changes: RequestChanges
  events: PendingEvent[]
  /** What the audit keeps beyond the changed columns (the reason of a close or reopen). */
  auditDetails?: Record<string, unknown>
}

async function change(
  ctx: AppContext,
  actor: Actor,
  id: string,
  auditAction: string,
  expectedVersion: number | undefined,
  apply: (request: ServiceRequestRecord, trx: Kysely<Database>, side: Side) => Promise<Applied>,
): Promise<ServiceRequestRecord> {
  const { request, asked } = await askAbout(
    ctx,
    actor,
    await findServiceRequest(ctx.db, id),
    'change',
    auditAction,
  )
  if (expectedVersion !== undefined && expectedVersion !== request.version) throw versionConflict()
  const side = sideOfActor(actor, request)
  const now = ctx.now()
  await ctx.db.transaction().execute(async (trx) => {
    const { changes, events, auditDetails: extra } = await apply(request, trx, side)
    if (!(await updateRequest(trx, request.id, request.version, changes, now))) throw versionConflict()
    await recordAudit(trx, {
      ...auditActor(actor),
      tenantId: request.tenantId,
      relationshipId: asked.decision.grant?.relationshipId ?? null,
      roleName: asked.decision.grant?.roleName ?? null,
      action: auditAction,
      targetType: 'service_request',
      targetId: request.id,
      rule: asked.decision.rule,
      result: 'allowed',
      reason: asked.decision.reason,
      details: { ...auditDetails(request, changes), ...extra },
    })
    if (events.length === 0) return
    const after = (await findServiceRequest(trx, request.id))!
    for (const { discriminator, ...event } of events) {
      await recordRequestEvent(trx, ctx, {
        ...event,
        id: requestEventId(event.type, request.id, discriminator ?? after.version),
        at: now,
        request: after,
        actor: eventActor(actor),
      })
    }
  })
  return (await findServiceRequest(ctx.db, id))!
}

function auditDetails(request: ServiceRequestRecord, changes: RequestChanges): Record<string, unknown> {
  const details: Record<string, unknown> = {}
  if (changes.status !== undefined && changes.status !== request.status)
    details.status = { from: request.status, to: changes.status }
  if (changes.severity !== undefined && changes.severity !== request.severity)
    details.severity = { from: request.severity, to: changes.severity }
  if (changes.assignedToUserId !== undefined) details.assignedTo = changes.assignedToUserId
  if (changes.externalReference !== undefined) details.externalReference = changes.externalReference
  if (changes.armDetails !== undefined) details.armDetails = changes.armDetails
  return details
}

function statusEvent(request: ServiceRequestRecord, to: RequestStatus, reason?: string): PendingEvent[] {
  return to === request.status
    ? []
    : [
        {
          type: 'service_request.status_changed',
          visibility: 'public',
          previous: { status: request.status },
          reason,
        },
      ]
}

export interface NoteOptions {
  armName?: string | undefined
  subject?: string | undefined
  /** Internal notes are the responder's working papers: the requester never sees them. */
  visibility?: NoteVisibility | undefined
  /** The responder asks the requester for information: the request waits on them (attention needed). */
  requestInformation?: boolean | undefined
}

/**
 * Adds a note. A public note by the vendor's engineer is the first response (R14) if none was
 * given; the requester's note answers a request for information and reopens the work.
 */
export function addNoteAsActor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  text: string,
  expectedVersion?: number,
  options: NoteOptions = {},
): Promise<ServiceRequestRecord> {
  const internal = options.visibility === 'internal'
  return change(ctx, actor, id, 'service_request.note', expectedVersion, async (request, trx, side) => {
    const addressee = isAddressee(participantsOf(request), readerOf(actor))
    const refusal = checkNote(side, request.status, internal, addressee)
    if (refusal) refuseDesk(refusal, request, 'error.request_closed')
    const now = ctx.now()
    const noteId = await insertNote(
      trx,
      request.id,
      { userId: actor.userId, name: actor.displayName, tenantId: actor.homeTenantId },
      text.trim(),
      now,
      {
        armName: options.armName,
        subject: options.subject,
        sender: actor.email,
        visibility: internal ? 'internal' : 'public',
      },
    )
    const status = statusAfterNote(side, request.status, internal, options.requestInformation === true)
    const changes: RequestChanges = { status }
    if (side === 'responder' && !internal && request.firstResponseDueAt && !request.firstResponseAt) {
      changes.firstResponseAt = now
    }
    return {
      changes,
      events: [
        {
          type: 'service_request.note_added',
          visibility: internal ? 'internal' : 'public',
          note: { id: noteId, text: text.trim() },
          discriminator: `note-${noteId}`,
        },
        ...statusEvent(request, status),
      ],
    }
  })
}

export function setStatusAsActor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  status: RequestStatus,
  expectedVersion?: number,
  options: StatusOptions = {},
): Promise<ServiceRequestRecord> {
  return updateRequestAsActor(ctx, actor, id, { status }, expectedVersion, options)
}

export interface StatusOptions {
  onlyFromClosed?: boolean | undefined
  /** Why it is closed or reopened: kept on the request's timeline and in the audit. */
  reason?: string | undefined
}

/** A new severity: the first-response target (R14) restarts from now for the new level. */
export function changeSeverityAsActor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  severity: Severity,
  expectedVersion?: number,
): Promise<ServiceRequestRecord> {
  return updateRequestAsActor(ctx, actor, id, { severity }, expectedVersion)
}

export interface RequestUpdate {
  status?: RequestStatus | undefined
  severity?: Severity | undefined
  /** A user id, or null to unassign. */
  assignedTo?: string | null | undefined
  /** The partner's own ticket number in its PSA tool; null clears it. */
  externalReference?: string | null | undefined
}

const auditActionOf = (update: RequestUpdate): string => {
  const parts = Object.entries(update).filter(([, v]) => v !== undefined)
  if (parts.length !== 1) return 'service_request.update'
  const [key, value] = parts[0]!
  if (key === 'status')
    return value === 'closed'
      ? 'service_request.close'
      : value === 'attention_needed'
        ? 'service_request.request_information'
        : 'service_request.reopen'
  if (key === 'severity') return 'service_request.severity'
  if (key === 'assignedTo') return 'service_request.assign'
  return 'service_request.external_reference'
}

/**
 * Changes a request's status, severity, assignee or external reference, all or nothing, only if
 * it is still the version the caller saw. The desk rules (desk-rules.ts) say who may move it how.
 */
export function updateRequestAsActor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  update: RequestUpdate,
  expectedVersion?: number,
  options: StatusOptions = {},
): Promise<ServiceRequestRecord> {
  const reason = options.reason?.trim() || undefined
  return change(ctx, actor, id, auditActionOf(update), expectedVersion, async (request, trx, side) => {
    const changes: RequestChanges = {}
    const events: PendingEvent[] = []
    const now = ctx.now()
    if (options.onlyFromClosed && request.status !== 'closed')
      refuseDesk('already_in_status', request, 'error.request_closed_change')
    if (update.status !== undefined) {
      const refusal = checkStatusMove(side, request.status, update.status)
      if (refusal) refuseDesk(refusal, request, 'error.request_closed_change')
      changes.status = update.status
      events.push(...statusEvent(request, update.status, reason))
    }
    const statusAfter = changes.status ?? request.status
    if (update.severity !== undefined && update.severity !== request.severity) {
      const hasPhone = Boolean(request.contact.phone || request.armContact?.phoneNumber)
      const refusal = checkSeverityChange(side, statusAfter, request.severity, update.severity, hasPhone)
      if (refusal) refuseDesk(refusal, request, 'error.request_closed_change')
      changes.severity = update.severity
      // the clock restarts for the new level while no first response has been given
      if (request.firstResponseDueAt && !request.firstResponseAt && !request.slaBreachedAt) {
        changes.firstResponseDueAt = new Date(
          now.getTime() + FIRST_RESPONSE_MINUTES[update.severity] * 60_000,
        )
        changes.slaStartedAt = now
      }
      events.push({
        type: 'service_request.severity_changed',
        visibility: 'public',
        previous: { severity: request.severity },
      })
    }
    if (update.assignedTo !== undefined && update.assignedTo !== request.assignedToUserId) {
      const refusal = checkAssignment(side, request.handledBy)
      if (refusal) refuseDesk(refusal, request, 'error.request_closed_change')
      if (update.assignedTo !== null) await checkAssignee(trx, actor, update.assignedTo)
      changes.assignedToUserId = update.assignedTo
      events.push({
        type: 'service_request.assigned',
        visibility: 'internal',
        previous: { assignedToUserId: request.assignedToUserId },
      })
      if (update.assignedTo !== null && update.assignedTo !== actor.userId) {
        await sendNotice(trx, ctx, {
          userId: update.assignedTo,
          kind: 'service_request.assigned',
          params: { request: request.id, title: request.title, by: actor.displayName },
          link: `/service-requests/${request.id}`,
          dedupeKey: `assigned:${request.id}:${request.version}:${update.assignedTo}`,
        })
      }
    }
    if (update.externalReference !== undefined && update.externalReference !== request.externalReference) {
      if (side === 'onlooker') refuseDesk('onlooker_cannot_change', request, 'error.request_closed_change')
      changes.externalReference = update.externalReference
      events.push({ type: 'service_request.external_reference_changed', visibility: 'public' })
    }
    return { changes, events, ...(reason && update.status !== undefined ? { auditDetails: { reason } } : {}) }
  })
}

export function updateArmContactAsActor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  contact: ArmContact,
  expectedVersion?: number,
): Promise<ServiceRequestRecord> {
  return change(ctx, actor, id, 'service_request.contact', expectedVersion, async () => ({
    changes: { armContact: contact },
    events: [],
  }))
}

/**
 * Changes what an Azure ticket carries beyond the request's columns (ARM's consents): the given
 * keys replace theirs, the others stay.
 */
export function updateArmDetailsAsActor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  details: Record<string, unknown>,
): Promise<ServiceRequestRecord> {
  return change(ctx, actor, id, 'service_request.arm_details', undefined, async (request) => ({
    changes: { armDetails: { ...(request.armDetails ?? {}), ...details } },
    events: [],
  }))
}

/** The vendor's engineers a request can be assigned to; only the vendor's engineers ask. */
export async function listEngineers(ctx: AppContext, actor: Actor): Promise<Assignee[]> {
  if (!isSupportEngineer(actor)) throw forbidden()
  return listAssignees(ctx.db, actor)
}

/** The partner organizations the desk's queue can be filtered by (vendor engineers only). */
export async function listPartnerDirectory(
  ctx: AppContext,
  actor: Actor,
): Promise<{ tenantId: string; name: string; partnerType: string }[]> {
  if (!isSupportEngineer(actor)) throw forbidden()
  return ctx.db
    .selectFrom('tenants as t')
    .innerJoin('partners as p', 'p.tenant_id', 't.id')
    .select(['t.id as tenantId', 't.display_name as name', 'p.partner_type as partnerType'])
    .orderBy('t.display_name')
    .execute()
}

/**
 * Attaches a file, under the same rules as a note (internal files are the responder's). The type is
 * decided from the bytes (attachments.ts); the size limit is the configuration's.
 */
export function addAttachmentAsActor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  file: { fileName: string; bytes: Uint8Array; visibility?: NoteVisibility | undefined },
  expectedVersion?: number,
): Promise<{ request: ServiceRequestRecord; attachmentId: string }> {
  const attachmentId = randomUUID()
  const internal = file.visibility === 'internal'
  return change(ctx, actor, id, 'service_request.attachment', expectedVersion, async (request, trx, side) => {
    const refusal = checkNote(side, request.status, internal)
    if (refusal) refuseDesk(refusal, request, 'error.request_closed')
    if (file.bytes.length > ctx.config.ATTACHMENT_MAX_BYTES) {
      throw new AppError(413, 'attachment_too_large', 'error.attachment_too_large', {
        limit: ctx.config.ATTACHMENT_MAX_BYTES,
      })
    }
    if ((await countAttachments(trx, request.id)) >= MAX_ATTACHMENTS_PER_REQUEST) {
      throw new AppError(409, 'too_many_attachments', 'error.too_many_attachments', {
        limit: MAX_ATTACHMENTS_PER_REQUEST,
      })
    }
    const checked = await checkAttachment(file.fileName, file.bytes)
    if (!checked.ok) {
      throw new AppError(
        checked.code === 'attachment_empty' ? 400 : 415,
        checked.code,
        `error.${checked.code}`,
        {
          type: checked.type,
          file: safeFileName(file.fileName),
        },
      )
    }
    await insertAttachment(
      trx,
      {
        id: attachmentId,
        requestId: request.id,
        fileName: checked.fileName,
        contentType: checked.contentType,
        sha256: checked.sha256,
        content: file.bytes,
        visibility: internal ? 'internal' : 'public',
        uploader: { userId: actor.userId, name: actor.displayName, tenantId: actor.homeTenantId },
      },
      ctx.now(),
    )
    return {
      changes: {},
      events: [
        {
          type: 'service_request.attachment_added',
          visibility: internal ? 'internal' : 'public',
          attachment: { id: attachmentId, fileName: checked.fileName, sizeBytes: file.bytes.length },
          discriminator: `attachment-${attachmentId}`,
        },
      ],
    }
  }).then((request) => ({ request, attachmentId }))
}

/** An attachment's bytes, for whoever may read the request (internal files: the responder only). */
export async function getAttachmentForActor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  attachmentId: string,
): Promise<AttachmentRecord & { content: Uint8Array }> {
  const { request, asked } = await askAbout(
    ctx,
    actor,
    await findServiceRequest(ctx.db, id),
    'read',
    'service_request.attachment.read',
  )
  const found = isUuid(attachmentId) ? await findAttachment(ctx.db, request.id, attachmentId) : null
  if (!found) throw notFound()
  if (found.visibility === 'internal' && sideOfActor(actor, request) !== 'responder') throw notFound()
  await auditDecision(ctx, actor, asked, 'service_request.attachment.read', {
    type: 'service_request_attachment',
    id: attachmentId,
  })
  return found
}
