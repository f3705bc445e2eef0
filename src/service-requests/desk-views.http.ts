import type { Static } from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import type { Actor } from '../identity/actor.ts'
import { DeskViewsSchema, type DeskViewSchema } from './desk-views.schema.ts'
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

async function countOf(ctx: AppContext, actor: Actor, query: Record<string, string>) {
  const page = await listRequestsForActor(ctx, actor, {
    status: query.status as 'open' | 'attention_needed' | undefined,
    sla: query.sla as 'at_risk' | 'breached' | undefined,
    handledBy: query.handledBy as 'partner' | undefined,
    assignee: query.assignee === 'me' ? actor.userId : query.assignee,
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
      const items = await Promise.all(
        views.map(async ([id, query]) => ({ id, query, ...(await countOf(ctx, actor, query)) })),
      )
      const vendor = await ctx.db
        .selectFrom('tenants')
        .select('display_name')
        .where('kind', '=', 'vendor')
        .orderBy('created_at')
        .executeTakeFirst()
      const partner =
        actor.homeTenantKind === 'partner'
          ? { tenantId: actor.homeTenantId, name: actor.homeTenantName }
          : null
      return { items, handlers: { vendor: vendor?.display_name ?? '', partner } }
    },
  )
}
