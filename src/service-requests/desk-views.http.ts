import type { Static } from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import { NoContent } from '../platform/http/contract.ts'
import type { Actor } from '../identity/actor.ts'
import { findVendorName } from '../identity/vendor.data.ts'
import {
  DeskViewsSchema,
  OwnDeskViewSchema as SavedViewSchema,
  SaveViewBodySchema,
  ViewIdParamsSchema,
  type DeskViewSchema,
} from './desk-views.schema.ts'
import { deleteView, listSavedViews, MAX_SAVED_VIEWS, saveView } from './saved-views.ts'
import { listRequestsForActor } from './service-requests.service.ts'

type ViewId = Static<typeof DeskViewSchema>['id']

/** A saved view: its id and the list's query that shows it (the same filters the list takes). */
const VENDOR_VIEWS: [ViewId, Record<string, string>][] = [
  ['open', { status: 'open', sort: 'due' }],
  ['mine', { status: 'open', assignee: 'me', sort: 'due' }],
  ['unassigned', { status: 'open', assignee: 'none', sort: 'due' }],
  ['at_risk', { sla: 'at_risk', sort: 'due' }],
  ['breached', { sla: 'breached', status: 'open', sort: 'due' }],
  ['waiting', { status: 'attention_needed' }],
]

/**
 * Partner staff: the requests assigned to them, the team's (everything of their organization), the
 * ones their customers sent them (R10) — all and unassigned — and the clocks.
 */
const PARTNER_VIEWS: [ViewId, Record<string, string>][] = [
  ['mine', { status: 'open', assignee: 'me', sort: 'due' }],
  ['team', { status: 'open', sort: 'due' }],
  ['sent_to_you', { handledBy: 'partner', status: 'open', sort: 'due' }],
  ['unassigned', { handledBy: 'partner', status: 'open', assignee: 'none', sort: 'due' }],
  ['waiting', { status: 'attention_needed' }],
  ['at_risk', { sla: 'at_risk', sort: 'due' }],
  ['breached', { sla: 'breached', status: 'open', sort: 'due' }],
]

const CUSTOMER_VIEWS: [ViewId, Record<string, string>][] = [
  ['open', { status: 'open', sort: 'due' }],
  ['waiting', { status: 'attention_needed' }],
  ['at_risk', { sla: 'at_risk', sort: 'due' }],
  ['breached', { sla: 'breached', status: 'open', sort: 'due' }],
]

const VIEWS = { vendor: VENDOR_VIEWS, partner: PARTNER_VIEWS, customer: CUSTOMER_VIEWS }

type SavedStatus = 'open' | 'attention_needed' | 'closed'
type SavedSeverity = 'minimal' | 'moderate' | 'critical'
type SavedWorkload = 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'
type SavedSla = 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'

/** How many requests a view's query shows, counted by the list itself (capped like the list's). */
async function countOf(ctx: AppContext, actor: Actor, query: Record<string, string>) {
  const page = await listRequestsForActor(ctx, actor, {
    tenantId: query.customer,
    partnerTenantId: query.partner,
    status: query.status as SavedStatus | undefined,
    severity: query.severity as SavedSeverity | undefined,
    workload: query.workload as SavedWorkload | undefined,
    azureServiceId: query.azureService,
    classificationId: query.problemClassification,
    sla: query.sla as SavedSla | undefined,
    handledBy: query.handledBy as 'vendor' | 'partner' | undefined,
    assignee: query.assignee === 'me' ? actor.userId : query.assignee,
    awaitingReplyFrom:
      query.awaitingReplyFrom === 'me'
        ? {
            userId: actor.userId,
            email: actor.email,
            tenantId: actor.homeTenantId,
            principal: actor.principal,
          }
        : undefined,
    q: query.q,
    offset: 0,
    limit: 1,
    withTotal: true,
  })
  return { total: page.total ?? 0, totalCapped: page.totalCapped }
}

/** The desk's saved views with their counts (capped like the list's), for the tabs above the queue. */
export function registerDeskViewRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/service-requests/views',
    {
      schema: {
        tags: ['service requests'],
        summary:
          'Saved views of the requests list with their counts (the desk’s: open, mine, unassigned, at risk, breached, waiting on the requester; for partner staff: assigned to me, the team’s, sent to you by your customers)',
        response: { 200: DeskViewsSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const views = VIEWS[actor.homeTenantKind]
      const fixed = await Promise.all(
        views.map(async ([id, query]) => ({ id, query, ...(await countOf(ctx, actor, query)) })),
      )
      const own = await Promise.all(
        (await listSavedViews(ctx.db, actor)).map(async (view) => ({
          ...view,
          own: true as const,
          ...(await countOf(ctx, actor, view.query)),
        })),
      )
      const items = [...fixed, ...own]
      const vendor = await findVendorName(ctx.db)
      const partner =
        actor.homeTenantKind === 'partner'
          ? { tenantId: actor.homeTenantId, name: actor.homeTenantName }
          : null
      return { items, handlers: { vendor: vendor ?? '', partner } }
    },
  )

  app.post(
    '/api/service-requests/views',
    {
      schema: {
        tags: ['service requests'],
        summary: `Save the list's current filters as a view of one's own (at most ${MAX_SAVED_VIEWS}; names unique per person)`,
        body: SaveViewBodySchema,
        response: { 201: SavedViewSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const view = await saveView(ctx.db, actor, request.body, ctx.now())
      return reply.code(201).send({ ...view, own: true as const, ...(await countOf(ctx, actor, view.query)) })
    },
  )

  app.delete(
    '/api/service-requests/views/:id',
    {
      schema: {
        tags: ['service requests'],
        summary: 'Delete a view of one’s own (anyone else’s is not found)',
        params: ViewIdParamsSchema,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deleteView(ctx.db, actorOf(request), request.params.id)
      return reply.code(204).send()
    },
  )
}
