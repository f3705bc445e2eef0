import type { FastifyReply, FastifyRequest } from 'fastify'
import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { validationFailed } from '../platform/errors.ts'
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
import type { NoteRecord, ServiceRequestRecord } from './service-requests.data.ts'
import {
  addNoteAsActor,
  createServiceRequest,
  getRequestForActor,
  listRequestsForActor,
  setStatusAsActor,
} from './service-requests.service.ts'

const SeveritySchema = Type.Enum(['minimal', 'moderate', 'critical'])
const StatusSchema = Type.Enum(['open', 'attention_needed', 'closed'])
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) })
const looseObject = Type.Object({}, { additionalProperties: true })

const iso = (d: Date | null) => (d ? d.toISOString() : null)

export function presentRequest(r: ServiceRequestRecord, locale: Locale, notes?: NoteRecord[]) {
  return {
    id: r.id,
    tenant: { tenantId: r.tenantId, name: r.tenantName },
    partner: r.partnerTenantId ? { tenantId: r.partnerTenantId, name: r.partnerName } : null,
    handledBy: r.handledBy,
    workload: r.workload,
    subscription: r.subscriptionId ? { id: r.subscriptionId, name: r.subscriptionName } : null,
    problemType: r.problemType,
    supportTopic: r.supportTopicId
      ? { id: r.supportTopicId, name: locale === 'it' ? r.supportTopicNameIt : r.supportTopicNameEn }
      : null,
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
    ...(notes
      ? {
          notes: notes.map((n) => ({
            id: n.id,
            authorName: n.authorName,
            authorTenantId: n.authorTenantId,
            text: n.text,
            createdAt: n.createdAt.toISOString(),
          })),
        }
      : {}),
  }
}

const etag = (r: ServiceRequestRecord) => `"${r.id}-${r.version}"`

/** `If-Match: "<id>-<version>"` (as sent back from ETag) → the version the caller saw. */
function expectedVersion(request: FastifyRequest, id: string): number | undefined {
  const header = request.headers['if-match']
  if (header === undefined || header === '*') return undefined
  const match = new RegExp(`^(?:W/)?"${id}-(\\d+)"$`).exec(String(header).trim())
  if (!match) throw validationFailed('If-Match must be an ETag this server returned')
  return Number(match[1])
}

function sendRequest(reply: FastifyReply, r: ServiceRequestRecord, locale: Locale, notes?: NoteRecord[]) {
  reply.header('etag', etag(r))
  return presentRequest(r, locale, notes)
}

export function registerServiceRequestRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/support-topics',
    {
      schema: {
        tags: ['service requests'],
        summary: 'Support categories of a workload (the uncommon ones are common=false: behind “More…”)',
        querystring: Type.Object({ workload: WorkloadSchema }, { additionalProperties: false }),
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

  app.post(
    '/api/service-requests',
    {
      schema: {
        tags: ['service requests'],
        summary: 'File a service request (for a customer, or for your own subscriptions)',
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
        response: { 201: looseObject },
      },
    },
    async (request, reply) => {
      const created = await createServiceRequest(ctx, actorOf(request), request.body, request.locale)
      reply.status(201).header('location', `/api/service-requests/${created.id}`)
      return sendRequest(reply, created, request.locale)
    },
  )

  app.get(
    '/api/service-requests',
    {
      schema: {
        tags: ['service requests'],
        summary: 'Service requests the signed-in user may see, newest first',
        querystring: Type.Object(
          {
            customer: Type.Optional(Type.String({ maxLength: 64 })),
            status: Type.Optional(StatusSchema),
            severity: Type.Optional(SeveritySchema),
            workload: Type.Optional(WorkloadSchema),
            offset: Type.Integer({ minimum: 0, default: 0 }),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const q = request.query
      const page = await listRequestsForActor(ctx, actorOf(request), {
        tenantId: q.customer,
        status: q.status,
        severity: q.severity,
        workload: q.workload,
        offset: q.offset,
        limit: q.limit,
      })
      return { total: page.total, items: page.items.map((r) => presentRequest(r, request.locale)) }
    },
  )

  app.get(
    '/api/service-requests/:id',
    {
      schema: {
        tags: ['service requests'],
        summary: 'One service request with its notes',
        params: IdParams,
        response: { 200: looseObject },
      },
    },
    async (request, reply) => {
      const { request: found, notes } = await getRequestForActor(ctx, actorOf(request), request.params.id)
      return sendRequest(reply, found, request.locale, notes)
    },
  )

  app.post(
    '/api/service-requests/:id/notes',
    {
      schema: {
        tags: ['service requests'],
        summary: 'Add a note (notes are append-only)',
        params: IdParams,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: 20000, pattern: '\\S' }) },
          { additionalProperties: false },
        ),
        response: { 200: looseObject },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const updated = await addNoteAsActor(
        ctx,
        actorOf(request),
        id,
        request.body.text,
        expectedVersion(request, id),
      )
      const { notes } = await getRequestForActor(ctx, actorOf(request), id)
      return sendRequest(reply, updated, request.locale, notes)
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
          summary: status === 'closed' ? 'Close the request' : 'Reopen a closed request',
          params: IdParams,
          response: { 200: looseObject },
        },
      },
      async (request, reply) => {
        const { id } = request.params
        const updated = await setStatusAsActor(
          ctx,
          actorOf(request),
          id,
          status,
          expectedVersion(request, id),
        )
        return sendRequest(reply, updated, request.locale)
      },
    )
  }
}
