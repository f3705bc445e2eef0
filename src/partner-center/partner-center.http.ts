import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import Type from 'typebox'
import {
  customerForActor,
  customersForActor,
  partnerTenantOf,
  relationshipsForActor,
} from '../customers/customers.service.ts'
import { givesAccess } from '../gdap/lifecycle.ts'
import { findIncident, listPosts } from '../health/health.data.ts'
import { affectedForPartner, tenantIncidents } from '../health/health.service.ts'
import type { AppContext } from '../platform/context.ts'
import { validationFailed } from '../platform/errors.ts'
import { t } from '../platform/i18n/i18n.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { normalizeError, type NormalizedError } from '../platform/http/http-errors.ts'
import type { App } from '../platform/http/server.ts'
import { collection, link, presentCustomer, presentIncidentDetail } from './presenters.ts'
import { registerPartnerCenterCommerceRoutes } from './commerce.http.ts'
import { registerPartnerCenterProfileRoutes } from './profiles.http.ts'
import { registerPartnerCenterServiceRequestRoutes } from './servicerequests.http.ts'
import { registerPartnerCenterSubscriptionRoutes } from './subscriptions.http.ts'

/** Partner Center's error body: `code`, `description`, `data`, `source`. */
function sendPartnerCenterError(
  reply: FastifyReply,
  request: FastifyRequest,
  error: NormalizedError,
): FastifyReply {
  return reply.status(error.status).send({
    code: error.code,
    description: error.message,
    data: error.details === undefined ? [] : Array.isArray(error.details) ? error.details : [error.details],
    source: 'Tramite',
    requestId: request.id,
  })
}

const CONTINUATION_HEADER = 'ms-continuationtoken'
const encodeToken = (offset: number): string =>
  Buffer.from(JSON.stringify({ o: offset })).toString('base64url')
function decodeToken(token: string): number {
  try {
    const { o } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown }
    if (typeof o === 'number' && Number.isSafeInteger(o) && o >= 0) return o
  } catch {
    // fall through
  }
  throw validationFailed('MS-ContinuationToken is not a token this server issued')
}

/** Partner Center's `filter` query: a JSON object such as {"Field":"CompanyName","Value":"Ros","Operator":"starts_with"}. */
function parseFilter(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  let filter: { Field?: unknown; Value?: unknown; Operator?: unknown }
  try {
    filter = JSON.parse(raw) as typeof filter
  } catch {
    throw validationFailed('filter must be a JSON object with Field, Value and Operator')
  }
  const field = String(filter.Field ?? '').toLowerCase()
  if (!['companyname', 'domain', 'defaultdomainname', 'displayname'].includes(field)) {
    throw validationFailed('filter.Field must be CompanyName or Domain')
  }
  if (String(filter.Operator ?? '').toLowerCase() !== 'starts_with')
    throw validationFailed('filter.Operator must be starts_with')
  if (typeof filter.Value !== 'string' || filter.Value.length === 0 || filter.Value.length > 100) {
    throw validationFailed('filter.Value must be a non-empty string of at most 100 characters')
  }
  return filter.Value
}

const CustomerId = Type.Object({ customerTenantId: Type.String({ maxLength: 64 }) })
const looseObject = Type.Object({}, { additionalProperties: true })

/**
 * Partner Center v1, in its documented shapes: the partner's customers and their subscriptions.
 * Only the signed-in partner's own customers are visible; any other id answers 404.
 */
export async function registerPartnerCenterRoutes(app: App, ctx: AppContext): Promise<void> {
  await app.register(
    async (plugin) => {
      const pc = plugin.withTypeProvider<TypeBoxTypeProvider>()
      pc.setErrorHandler((error, request, reply) => {
        const normalized = normalizeError(error, request)
        if (normalized.status >= 500) request.log.error({ err: error }, 'request failed')
        return sendPartnerCenterError(reply, request, normalized)
      })
      pc.setNotFoundHandler((request, reply) =>
        sendPartnerCenterError(reply, request, {
          status: 404,
          code: 'route_not_found',
          message: t(request.locale, 'error.route_not_found', { method: request.method, url: request.url }),
        }),
      )

      pc.get(
        '/customers',
        {
          schema: {
            tags: ['Partner Center v1'],
            summary: "The partner's customers (Get Customers)",
            querystring: Type.Object({
              size: Type.Integer({ minimum: 1, maximum: 500, default: 200 }),
              seekOperation: Type.Optional(Type.String({ maxLength: 20 })),
              filter: Type.Optional(Type.String({ maxLength: 500 })),
            }),
            response: { 200: looseObject },
          },
        },
        async (request) => {
          const actor = actorOf(request)
          const token = request.headers[CONTINUATION_HEADER]
          const offset =
            typeof token === 'string' && request.query.seekOperation?.toLowerCase() === 'next'
              ? decodeToken(token)
              : 0
          const size = request.query.size
          const page = await customersForActor(ctx, actor, {
            offset,
            limit: size,
            nameStartsWith: parseFilter(request.query.filter),
          })
          const next =
            offset + page.items.length < page.total
              ? link(`/customers?size=${size}&seekOperation=Next`, [
                  { key: 'MS-ContinuationToken', value: encodeToken(offset + page.items.length) },
                ])
              : undefined
          return collection(
            page.items.map((c) => presentCustomer(c)),
            `/customers?size=${size}`,
            next,
          )
        },
      )

      pc.get(
        '/customers/:customerTenantId',
        {
          schema: {
            tags: ['Partner Center v1'],
            summary: 'One customer (Get a customer by ID)',
            params: CustomerId,
            response: { 200: looseObject },
          },
        },
        async (request) => {
          const actor = actorOf(request)
          const customer = await customerForActor(ctx, actor, request.params.customerTenantId)
          // delegated admin privileges: a GDAP relationship that gives access now
          const relationships = await relationshipsForActor(ctx, actor, customer.tenantId)
          return presentCustomer(customer, {
            allowDelegatedAccess: relationships.some((r) => givesAccess(r.status)),
          })
        },
      )

      // Office service incidents: those affecting the partner's customers whose health it may read (R4)
      const officeIncidents = async (request: FastifyRequest) => {
        const actor = actorOf(request)
        partnerTenantOf(actor)
        const rows = (await affectedForPartner(ctx, actor, {})).filter((r) => r.workload !== 'azure')
        const byIncident = new Map<string, Set<string>>()
        const everyone = new Map(
          rows.filter((r) => r.tenantId === null).map((r) => [r.incidentId, r.customers]),
        )
        for (const r of rows) {
          if (r.tenantId)
            byIncident.set(r.incidentId, (byIncident.get(r.incidentId) ?? new Set()).add(r.tenantId))
          else byIncident.set(r.incidentId, byIncident.get(r.incidentId) ?? new Set())
        }
        const incidents = await Promise.all([...byIncident.keys()].map((id) => findIncident(ctx.db, id)))
        return Promise.all(
          incidents
            .filter((i) => i !== null)
            .map(async (i) =>
              presentIncidentDetail(
                i,
                await listPosts(ctx.db, i.id),
                everyone.get(i.id) ?? byIncident.get(i.id)!.size,
              ),
            ),
        )
      }

      pc.get(
        '/serviceincidents/office',
        {
          schema: {
            tags: ['Partner Center v1'],
            summary: "Office service incidents affecting the partner's customers",
            response: { 200: looseObject },
          },
        },
        async (request) => collection(await officeIncidents(request), '/serviceincidents/office'),
      )

      pc.get(
        '/serviceincidents/office/count',
        {
          schema: {
            tags: ['Partner Center v1'],
            summary: "Number of office service incidents affecting the partner's customers",
          },
        },
        async (request) => (await officeIncidents(request)).length,
      )

      pc.get(
        '/customers/:customerTenantId/serviceincidents/office',
        {
          schema: {
            tags: ['Partner Center v1'],
            summary: "A customer's office service incidents",
            params: CustomerId,
            response: { 200: looseObject },
          },
        },
        async (request) => {
          const actor = actorOf(request)
          const customer = await customerForActor(ctx, actor, request.params.customerTenantId)
          const incidents = (
            await tenantIncidents(ctx, actor, customer.tenantId, { activeOnly: true })
          ).filter((i) => i.services.some((x) => x.workload !== 'azure'))
          return collection(
            await Promise.all(
              incidents.map(async (i) => presentIncidentDetail(i, await listPosts(ctx.db, i.id), 1)),
            ),
            `/customers/${customer.tenantId}/serviceincidents/office`,
          )
        },
      )

      registerPartnerCenterSubscriptionRoutes(pc, ctx)
      registerPartnerCenterCommerceRoutes(pc, ctx)
      registerPartnerCenterProfileRoutes(pc, ctx)
      registerPartnerCenterServiceRequestRoutes(pc, ctx)
    },
    { prefix: '/v1' },
  )
}
