import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import Type from 'typebox'
import { Value } from 'typebox/value'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { AppError, validationFailed } from '../platform/errors.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import {
  EntryPointSchema,
  HandledBySchema,
  ProblemTypeSchema,
  SupportPlanSchema,
  WorkloadSchema,
} from '../policy/advice.http.ts'
import { listAllClassifications, listServices } from '../azure/azure-catalog.data.ts'
import type { AttachmentRecord, NoteRecord, ServiceRequestRecord } from './service-requests.data.ts'
import {
  addAttachmentAsActor,
  addNoteAsActor,
  getAttachmentForActor,
  createServiceRequest,
  getRequestForActor,
  listEngineers,
  listPartnerDirectory,
  listRequestsForActor,
  setStatusAsActor,
  updateRequestAsActor,
} from './service-requests.service.ts'
import { presentSla, SLA_STATES } from './sla.ts'
import { CloseBodySchema, ReopenBodySchema } from './timeline.schema.ts'
import { waitingOnFor } from './waiting-on.ts'
import {
  AzureServiceListSchema,
  EngineerListSchema,
  PartnerDirectorySchema,
  ServiceRequestPageSchema,
  ServiceRequestSchema,
  SupportTopicListSchema,
  type AttachmentView,
  type ServiceRequestView,
} from './service-request.schema.ts'
import { registerSlaGauge } from './sla.jobs.ts'

const SeveritySchema = Type.Enum(['minimal', 'moderate', 'critical'])
const StatusSchema = Type.Enum(['open', 'attention_needed', 'closed'])
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) })

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** The Azure service and problem classification chosen in the Azure portal or over ARM. */
export function presentAzureClassification(r: ServiceRequestRecord, locale: Locale) {
  if (!r.azureServiceId) return null
  const it = locale === 'it'
  return {
    service: { id: r.azureServiceId, name: (it ? r.azureServiceNameIt : r.azureServiceNameEn) ?? '' },
    problemClassification: r.classificationId
      ? { id: r.classificationId, name: (it ? r.classificationNameIt : r.classificationNameEn) ?? '' }
      : null,
  }
}

/**
 * A request as `actor` reads it: `waitingOn` says whom it waits on from where the actor stands
 * (waiting-on.ts) — "you" only for whoever must act.
 */
export function presentRequest(
  r: ServiceRequestRecord,
  locale: Locale,
  now: Date,
  actor: Actor,
  notes?: NoteRecord[],
): ServiceRequestView {
  return {
    id: r.id,
    tenant: { tenantId: r.tenantId, name: r.tenantName },
    partner: r.partnerTenantId ? { tenantId: r.partnerTenantId, name: r.partnerName } : null,
    handledBy: r.handledBy,
    /** Who works it, by name: the vendor, or the partner a trial customer contacted (R10). */
    handler: {
      kind: r.handledBy,
      tenantId: r.handledBy === 'partner' ? r.partnerTenantId : null,
      name: r.handlerName ?? '',
    },
    /** The organization that filed it: the party a request for information waits on. */
    requester: { tenantId: r.createdByTenantId, name: r.createdByTenantName },
    waitingOn: waitingOnFor(r, actor),
    workload: r.workload,
    subscription: r.subscriptionId ? { id: r.subscriptionId, name: r.subscriptionName } : null,
    problemType: r.problemType,
    supportTopic: r.supportTopicId
      ? { id: r.supportTopicId, name: locale === 'it' ? r.supportTopicNameIt : r.supportTopicNameEn }
      : null,
    azure: presentAzureClassification(r, locale),
    title: r.title,
    description: r.description,
    severity: r.severity,
    status: r.status,
    contact: r.contact,
    createdBy: { userId: r.createdByUserId, name: r.createdByName, tenantId: r.createdByTenantId },
    delegation: r.delegation,
    rule: r.decidedByRule,
    supportPlan: r.supportPlan,
    entitlementId: r.entitlementId,
    // Azure tickets filed with Microsoft.Support 2024-04-01: may the engineer collect advanced diagnostics?
    advancedDiagnosticConsent: (r.armDetails?.advancedDiagnosticConsent as 'Yes' | 'No' | undefined) ?? null,
    locale: r.locale,
    country: r.country,
    createdAt: r.createdAt.toISOString(),
    modifiedAt: r.modifiedAt.toISOString(),
    closedAt: iso(r.closedAt),
    firstResponseDueAt: iso(r.firstResponseDueAt),
    version: r.version,
    linkedIncident: r.linkedIncidentId
      ? { id: r.linkedIncidentId, title: r.linkedIncidentTitle, status: r.linkedIncidentStatus }
      : null,
    assignedTo: r.assignedToUserId ? { userId: r.assignedToUserId, name: r.assignedToName } : null,
    externalReference: r.externalReference,
    sla: presentSla(r, now),
    ...(notes
      ? {
          notes: notes.map((n) => ({
            id: n.id,
            authorName: n.authorName,
            authorTenantId: n.authorTenantId,
            text: n.text,
            visibility: n.visibility,
            createdAt: n.createdAt.toISOString(),
          })),
        }
      : {}),
  }
}

const etag = (r: ServiceRequestRecord) => `"${r.id}-${r.version}"`

/**
 * `If-Match: "<id>-<version>"` (as sent back from ETag) → the version the caller saw; none (or `*`)
 * → undefined. Anything else throws `invalid()` (each API answers in its own error shape).
 */
export function expectedVersion(
  request: FastifyRequest,
  id: string,
  invalid: () => Error = () => validationFailed('If-Match must be an ETag this server returned'),
): number | undefined {
  const header = request.headers['if-match']
  if (header === undefined || header === '*') return undefined
  // a fixed pattern, then the id compared as text: the id comes from the URL and is no regex
  const match = /^(?:W\/)?"(.{1,40})-(\d{1,9})"$/.exec(String(header).trim())
  if (!match || match[1] !== id) throw invalid()
  return Number(match[2])
}

const presentAttachment =
  (requestId: string) =>
  (a: AttachmentRecord): AttachmentView => ({
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    visibility: a.visibility,
    uploadedBy: { name: a.uploadedByName, tenantId: a.uploadedByTenantId },
    createdAt: a.createdAt.toISOString(),
    url: `/api/service-requests/${requestId}/attachments/${a.id}`,
  })

/** Updates from the portal must say which version they change: a blind overwrite is refused. */
function requiredVersion(request: FastifyRequest, id: string): number {
  const version = expectedVersion(request, id)
  if (version === undefined) throw new AppError(428, 'precondition_required', 'error.precondition_required')
  return version
}

const SlaStateSchema = Type.Enum([...SLA_STATES])
const VisibilitySchema = Type.Enum(['public', 'internal'])
const ExternalReferenceSchema = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/

/** A digest of what a create asked for: the same key with another body is not a retry. */
const digest = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('base64url')

export function registerServiceRequestRoutes(app: App, ctx: AppContext): void {
  registerSlaGauge(ctx)
  const present = (r: ServiceRequestRecord, request: FastifyRequest, notes?: NoteRecord[]) =>
    presentRequest(r, request.locale, ctx.now(), actorOf(request), notes)
  const sendRequest = (
    reply: FastifyReply,
    request: FastifyRequest,
    r: ServiceRequestRecord,
    notes?: NoteRecord[],
    attachments?: AttachmentRecord[],
  ) => {
    reply.header('etag', etag(r))
    const presented = present(r, request, notes)
    return attachments ? { ...presented, attachments: attachments.map(presentAttachment(r.id)) } : presented
  }
  /** The request as the caller may now see it, with its notes (internal ones for the responder). */
  const sendWithNotes = async (reply: FastifyReply, request: FastifyRequest, id: string) => {
    const {
      request: found,
      notes,
      attachments,
    } = await getRequestForActor(ctx, actorOf(request), id, {
      audit: false,
    })
    return sendRequest(reply, request, found, notes, attachments)
  }

  app.get(
    '/api/support-topics',
    {
      schema: {
        tags: ['service requests'],
        summary: 'Support categories of a workload (the uncommon ones are common=false: behind “More…”)',
        querystring: Type.Object({ workload: WorkloadSchema }, { additionalProperties: false }),
        response: { 200: SupportTopicListSchema },
      },
    },
    async (request) => {
      const rows = await ctx.db
        .selectFrom('support_topics')
        .select(['id', 'name_en', 'name_it', 'common'])
        .where('workload_id', '=', request.query.workload)
        .orderBy('sort_order')
        .execute()
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: request.locale === 'it' ? r.name_it : r.name_en,
          common: r.common,
        })),
      }
    },
  )

  app.get(
    '/api/azure-services',
    {
      schema: {
        tags: ['service requests'],
        summary:
          'The Azure services a ticket is filed under, with their problem classifications (to filter the queue by)',
        response: { 200: AzureServiceListSchema },
      },
    },
    async (request) => {
      const it = request.locale === 'it'
      const [services, classifications] = await Promise.all([
        listServices(ctx.db),
        listAllClassifications(ctx.db),
      ])
      return {
        items: services.map((s) => ({
          id: s.id,
          name: it ? s.displayNameIt : s.displayNameEn,
          problemClassifications: classifications
            .filter((c) => c.serviceId === s.id)
            .map((c) => ({
              id: c.id,
              name: it ? c.displayNameIt : c.displayNameEn,
            })),
        })),
      }
    },
  )

  app.post(
    '/api/service-requests',
    {
      schema: {
        tags: ['service requests'],
        summary: 'File a service request (for a customer, or for your own subscriptions)',
        description:
          'Send an `Idempotency-Key` header (any printable ASCII, up to 255 characters) to make a retry safe: a create repeated with the same key and body answers the request the first one made, with `Idempotent-Replayed: true`; the same key with a different body answers 422.',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 255 })) }),
        body: Type.Object(
          {
            customerTenantId: Type.Optional(Type.String({ maxLength: 64 })),
            workload: WorkloadSchema,
            subscriptionId: Type.Optional(Type.String({ format: 'uuid' })),
            productId: Type.Optional(Type.String({ format: 'uuid' })),
            problemType: Type.Optional(ProblemTypeSchema),
            supportTopicId: Type.Optional(Type.String({ maxLength: 64 })),
            title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
            description: Type.String({ minLength: 1, maxLength: 20000, pattern: '\\S' }),
            severity: SeveritySchema,
            entryPoint: Type.Optional(EntryPointSchema),
            handledBy: Type.Optional(HandledBySchema),
            supportPlan: Type.Optional(SupportPlanSchema),
            entitlementId: Type.Optional(Type.String({ format: 'uuid' })),
            linkedIncidentId: Type.Optional(Type.String({ maxLength: 20 })),
            escalationOf: Type.Optional(Type.String({ maxLength: 40 })),
            externalReference: Type.Optional(ExternalReferenceSchema),
            contact: Type.Optional(
              Type.Object(
                {
                  userId: Type.Optional(Type.String({ format: 'uuid' })),
                  phone: Type.Optional(Type.String({ maxLength: 40 })),
                  preferredLanguage: Type.Optional(Type.Enum(['it', 'en'])),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: ServiceRequestSchema },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key']
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
        throw validationFailed('Idempotency-Key must be 1 to 255 printable ASCII characters')
      }
      const actor = actorOf(request)
      const created = await createServiceRequest(
        ctx,
        actor,
        request.body,
        request.locale,
        key === undefined ? undefined : { key, requestHash: digest(request.body) },
      )
      reply.status(201).header('location', `/api/service-requests/${created.id}`)
      if (created.replayed) reply.header('idempotent-replayed', 'true')
      return sendRequest(reply, request, created)
    },
  )

  app.get(
    '/api/service-requests',
    {
      schema: {
        tags: ['service requests'],
        summary: 'Service requests the signed-in user may see (the vendor’s desk: all), newest first',
        description:
          '`q` searches titles, descriptions and notes in Italian and English (stems: “stampante” finds “stampanti”), or finds a request by number; the vendor’s engineers also search internal notes; the newest 500 matches are ranked by relevance. `assignee` is a user id, `me` or `none`. `sort=due` puts the first-response clocks that run out first on top. Page on with `cursor=<nextCursor>` (what a page costs does not grow with its depth); `total` counts up to 10,000, a search’s up to 1,000 (`totalCapped: true` past that: show “10,000+”, “1,000+”).',
        querystring: Type.Object(
          {
            customer: Type.Optional(Type.String({ maxLength: 64 })),
            partner: Type.Optional(Type.String({ format: 'uuid' })),
            status: Type.Optional(StatusSchema),
            severity: Type.Optional(SeveritySchema),
            workload: Type.Optional(WorkloadSchema),
            azureService: Type.Optional(
              Type.String({
                format: 'uuid',
                description: 'The id of an Azure service (GET /api/azure/services): its Azure tickets only.',
              }),
            ),
            problemClassification: Type.Optional(
              Type.String({ format: 'uuid', description: 'The id of an Azure problem classification.' }),
            ),
            sla: Type.Optional(SlaStateSchema),
            handledBy: Type.Optional(
              Type.Enum(['vendor', 'partner'], {
                description:
                  'Who works the requests: `vendor` (the vendor’s desk) or `partner` (requests customers sent to their partner, R10).',
              }),
            ),
            assignee: Type.Optional(Type.String({ pattern: '^(me|none|[0-9a-fA-F-]{36})$' })),
            awaitingReplyFrom: Type.Optional(
              Type.Literal('me', {
                description:
                  'me: the requests waiting for your reply — a request for information addressed to you (you filed it, or are its contact).',
              }),
            ),
            q: Type.Optional(Type.String({ maxLength: 200 })),
            sort: Type.Optional(Type.Enum(['created', 'modified', 'due', 'relevance'])),
            cursor: Type.Optional(
              Type.String({
                maxLength: 400,
                pattern: '^[A-Za-z0-9_-]+$',
                description: 'The `nextCursor` of the previous page (same filters and sort): the next page.',
              }),
            ),
            offset: Type.Integer({ minimum: 0, default: 0 }),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: ServiceRequestPageSchema },
      },
    },
    async (request) => {
      const q = request.query
      const actor = actorOf(request)
      const page = await listRequestsForActor(ctx, actor, {
        tenantId: q.customer,
        partnerTenantId: q.partner,
        status: q.status,
        severity: q.severity,
        workload: q.workload,
        azureServiceId: q.azureService,
        classificationId: q.problemClassification,
        sla: q.sla,
        handledBy: q.handledBy,
        assignee: q.assignee === 'me' ? actor.userId : q.assignee,
        awaitingReplyFrom:
          q.awaitingReplyFrom === 'me'
            ? {
                userId: actor.userId,
                email: actor.email,
                tenantId: actor.homeTenantId,
                principal: actor.principal,
              }
            : undefined,
        q: q.q,
        sort: q.sort,
        cursor: q.cursor,
        offset: q.offset,
        limit: q.limit,
      })
      return {
        total: page.total ?? 0,
        totalCapped: page.totalCapped,
        nextCursor: page.nextCursor,
        items: page.items.map((r) => present(r, request)),
      }
    },
  )

  app.get(
    '/api/service-requests/:id',
    {
      schema: {
        tags: ['service requests'],
        summary: 'One service request with its notes (internal notes only for whoever works it)',
        params: IdParams,
        response: { 200: ServiceRequestSchema },
      },
    },
    async (request, reply) => {
      const {
        request: found,
        notes,
        attachments,
      } = await getRequestForActor(ctx, actorOf(request), request.params.id)
      return sendRequest(reply, request, found, notes, attachments)
    },
  )

  app.patch(
    '/api/service-requests/:id',
    {
      schema: {
        tags: ['service requests'],
        summary: 'Change status, severity, assignee or external reference (If-Match required)',
        description:
          'All or nothing. Status moves: open → attention_needed (only whoever works the request: it waits on the requester) → open → closed; a closed request may be reopened. Severity: the requester may change it either way (critical needs a contact phone number); whoever works it may only lower it. Assignment: the vendor’s engineers, to an engineer (null unassigns).',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: Type.Object(
          {
            status: Type.Optional(StatusSchema),
            severity: Type.Optional(SeveritySchema),
            assignedTo: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
            externalReference: Type.Optional(Type.Union([ExternalReferenceSchema, Type.Null()])),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: ServiceRequestSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const version = requiredVersion(request, id)
      const b = request.body
      await updateRequestAsActor(
        ctx,
        actorOf(request),
        id,
        {
          status: b.status,
          severity: b.severity,
          assignedTo: b.assignedTo,
          externalReference: b.externalReference === null ? null : b.externalReference?.trim(),
        },
        version,
      )
      return sendWithNotes(reply, request, id)
    },
  )

  app.post(
    '/api/service-requests/:id/notes',
    {
      schema: {
        tags: ['service requests'],
        summary: 'Add a note (notes are append-only)',
        description:
          'A public note reaches the request’s contacts by email. `internal` notes are for whoever works the request and are never shown to the requester. `requestInformation` (whoever works the request) asks the requester for information: the request becomes attention_needed until the requester answers with a note.',
        params: IdParams,
        body: Type.Object(
          {
            text: Type.String({ minLength: 1, maxLength: 20000, pattern: '\\S' }),
            visibility: Type.Optional(VisibilitySchema),
            requestInformation: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: ServiceRequestSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const b = request.body
      await addNoteAsActor(ctx, actorOf(request), id, b.text, expectedVersion(request, id), {
        visibility: b.visibility,
        requestInformation: b.requestInformation,
      })
      return sendWithNotes(reply, request, id)
    },
  )

  for (const [path, status] of [
    ['close', 'closed'],
    ['reopen', 'open'],
  ] as const) {
    app.post(
      `/api/service-requests/:id/${path}`,
      {
        schema: {
          tags: ['service requests'],
          summary:
            status === 'closed'
              ? 'Close the request (optionally saying why)'
              : 'Reopen a closed request (saying why)',
          description: 'The reason shows on the request’s timeline (GET …/timeline) to both sides.',
          params: IdParams,
          // the reason is required to reopen; closing takes no body at all, or a JSON one with a reason
          // (a schema per content type: Fastify validates it only when a JSON body is sent)
          body:
            status === 'open'
              ? ReopenBodySchema
              : { content: { 'application/json': { schema: CloseBodySchema } }, required: false },
          response: { 200: ServiceRequestSchema },
        },
      },
      async (request, reply) => {
        const { id } = request.params
        const body = request.body ?? {}
        if (!Value.Check(CloseBodySchema, body))
          throw validationFailed('the body may hold only a reason (text)')
        const updated = await setStatusAsActor(
          ctx,
          actorOf(request),
          id,
          status,
          expectedVersion(request, id),
          {
            onlyFromClosed: status === 'open',
            reason: body.reason,
          },
        )
        return sendRequest(reply, request, updated)
      },
    )
  }

  app.post(
    '/api/service-requests/:id/attachments',
    {
      schema: {
        tags: ['service requests'],
        summary: 'Attach a file (multipart/form-data, one file per call)',
        description:
          'Screenshots (PNG, JPEG, GIF, WebP), PDF, ZIP/GZIP, and UTF-8 text files (.txt, .log, .csv, .json, .har, .xml, .md); the type is decided from the content, not the name. `visibility=internal` keeps the file among the working papers of whoever works the request.',
        params: IdParams,
        querystring: Type.Object(
          { visibility: Type.Optional(VisibilitySchema) },
          { additionalProperties: false },
        ),
        consumes: ['multipart/form-data'],
        response: { 201: ServiceRequestSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      if (!request.isMultipart()) {
        throw new AppError(415, 'unsupported_media_type', 'error.unsupported_media_type', {
          expected: 'multipart/form-data',
        })
      }
      const file = await request.file()
      if (!file) throw new AppError(400, 'attachment_empty', 'error.attachment_empty')
      let bytes: Buffer
      try {
        bytes = await file.toBuffer()
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError(413, 'attachment_too_large', 'error.attachment_too_large', {
            limit: ctx.config.ATTACHMENT_MAX_BYTES,
          })
        }
        throw error
      }
      const { attachmentId } = await addAttachmentAsActor(
        ctx,
        actorOf(request),
        id,
        { fileName: file.filename, bytes, visibility: request.query.visibility },
        expectedVersion(request, id),
      )
      reply.status(201).header('location', `/api/service-requests/${id}/attachments/${attachmentId}`)
      return sendWithNotes(reply, request, id)
    },
  )

  app.get(
    '/api/service-requests/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['service requests'],
        summary: 'Download an attachment (whoever may read the request; internal files: whoever works it)',
        params: Type.Object({
          id: Type.String({ maxLength: 40 }),
          attachmentId: Type.String({ maxLength: 40 }),
        }),
      },
    },
    async (request, reply) => {
      const found = await getAttachmentForActor(
        ctx,
        actorOf(request),
        request.params.id,
        request.params.attachmentId,
      )
      // always a download, never rendered in the portal's origin
      const textual =
        found.contentType.startsWith('text/') ||
        found.contentType.endsWith('/json') ||
        found.contentType.endsWith('/xml')
      reply
        .header('content-type', textual ? 'text/plain; charset=utf-8' : found.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${found.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .header('digest', `sha-256=${Buffer.from(found.sha256, 'hex').toString('base64')}`)
      return reply.send(Buffer.from(found.content))
    },
  )

  app.get(
    '/api/desk/engineers',
    {
      schema: {
        tags: ['service requests'],
        summary: 'The vendor’s support engineers (to assign requests to); vendor engineers only',
        response: { 200: EngineerListSchema },
      },
    },
    async (request) => ({ items: await listEngineers(ctx, actorOf(request)) }),
  )

  app.get(
    '/api/desk/partners',
    {
      schema: {
        tags: ['service requests'],
        summary: 'The partner organizations (to filter the queue by); vendor engineers only',
        response: { 200: PartnerDirectorySchema },
      },
    },
    async (request) => ({ items: await listPartnerDirectory(ctx, actorOf(request)) }),
  )
}
