import Type from 'typebox'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { AppError, notFound } from '../platform/errors.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { IncidentStatus } from '../platform/db/schema.ts'
import { graphContext, type GraphScope } from '../platform/http/graph-surface.ts'
import {
  applyODataQuery,
  COUNT_OPTIONS,
  LIST_OPTIONS,
  odataCollection,
  odataContextPath,
  odataEntity,
  odataQuerystring,
  parseODataQuery,
  selectProperties,
  sendODataCount,
} from '../platform/http/odata-query.ts'
import { type IncidentPost, type IncidentRecord, listPosts } from './health.data.ts'
import { healthOverview } from './health.http.ts'
import { HEALTH_STATUSES } from './health.schema.ts'
import { canReadHealth, incidentForActor, tenantIncidents } from './health.service.ts'

/**
 * Microsoft Graph v1.0's service announcements, in the tenant of the token: a customer's
 * administrator, or a partner user whose delegated token for that customer carries a GDAP role
 * with the service-health permission (R4).
 */

const ROOT = '/admin/serviceAnnouncement'

async function tenantOf(ctx: AppContext, actor: Actor): Promise<string> {
  const tenant = actor.contextTenantId
  if (!(await canReadHealth(ctx, actor, tenant))) {
    throw Object.assign(new AppError(403, 'Forbidden', 'error.forbidden'), {
      localize: (locale: string) => ({
        message:
          locale === 'it'
            ? "Per leggere lo stato dei servizi di questo tenant serve un ruolo con l'autorizzazione allo stato dei servizi."
            : "Reading this tenant's service health needs a role with the service-health permission.",
      }),
    })
  }
  return tenant
}

export function presentIssue(i: IncidentRecord, posts: IncidentPost[]) {
  return {
    id: i.id,
    title: i.title,
    impactDescription: i.impactDescription,
    classification: i.classification,
    origin: i.origin,
    status: i.status,
    service: i.services.find((s) => s.primary)?.displayName ?? i.services[0]?.displayName ?? '',
    feature: i.feature,
    featureGroup: i.featureGroup,
    isResolved: i.isResolved,
    highImpact: i.highImpact,
    startDateTime: i.startAt.toISOString(),
    endDateTime: i.endAt?.toISOString() ?? null,
    lastModifiedDateTime: i.lastModifiedAt.toISOString(),
    details:
      i.services.length > 1
        ? [{ name: 'AffectedServices', value: i.services.map((s) => s.displayName).join(', ') }]
        : [],
    posts: posts.map((p) => ({
      createdDateTime: p.createdAt.toISOString(),
      postType: p.postType,
      description: { contentType: 'text', content: p.content },
    })),
  }
}

type IssueView = ReturnType<typeof presentIssue>
type OverviewView = { id: string; service: string; status: string; issues: IncidentRecord[] }

// Graph's serviceHealthStatus values, as the portal's contract names them
const ISSUE_STATUSES: readonly IncidentStatus[] = HEALTH_STATUSES

/** serviceHealthIssue as its query options see it: what may be filtered, sorted, selected. */
const ISSUE = odataEntity<IssueView>({
  type: 'microsoft.graph.serviceHealthIssue',
  key: 'id',
  maxTop: 100,
  defaultOrderBy: [{ property: 'startDateTime', desc: true }],
  properties: {
    id: { type: 'string', filter: true, orderby: true },
    title: { type: 'string', filter: ['eq', 'ne', 'in', 'startswith'], orderby: true },
    service: { type: 'string', filter: ['eq', 'ne', 'in', 'startswith'], orderby: true },
    status: { type: 'enum', values: ISSUE_STATUSES, filter: true, orderby: true },
    classification: { type: 'enum', values: ['advisory', 'incident'], filter: true, orderby: true },
    origin: { type: 'enum', values: ['microsoft', 'thirdParty', 'customer'], filter: true },
    isResolved: { type: 'boolean', filter: true },
    feature: { type: 'string', filter: ['eq', 'ne', 'in'] },
    featureGroup: { type: 'string', filter: ['eq', 'ne', 'in'] },
    startDateTime: { type: 'dateTime', filter: true, orderby: true },
    endDateTime: { type: 'dateTime', filter: true, orderby: true },
    lastModifiedDateTime: { type: 'dateTime', filter: true, orderby: true },
    impactDescription: {},
    highImpact: { type: 'boolean', filter: true },
    details: {},
    posts: {},
  },
})

/** serviceHealth (a healthOverviews item). */
const OVERVIEW = odataEntity<OverviewView>({
  type: 'microsoft.graph.serviceHealth',
  key: 'id',
  maxTop: 100,
  defaultOrderBy: [],
  properties: {
    id: { type: 'string', filter: true, orderby: true },
    service: { type: 'string', filter: ['eq', 'ne', 'in', 'startswith'], orderby: true },
    status: { type: 'enum', values: ISSUE_STATUSES, filter: true, orderby: true },
    issues: {},
  },
})

const withPosts = async (ctx: AppContext, incidents: IncidentRecord[]) =>
  Promise.all(incidents.map(async (i) => presentIssue(i, await listPosts(ctx.db, i.id))))

export function healthGraphRoutes(graph: GraphScope, ctx: AppContext): void {
  const tags = ['Microsoft Graph v1.0: service health']

  async function overviews(actor: Actor): Promise<OverviewView[]> {
    const tenant = await tenantOf(ctx, actor)
    const active = await tenantIncidents(ctx, actor, tenant, { activeOnly: true })
    return (await healthOverview(ctx, tenant, active)).map(({ id, service, status, issues }) => ({
      id,
      service,
      status,
      issues,
    }))
  }

  /** The tenant's issues of the last 30 days, presented without their posts (added per page). */
  async function issues(actor: Actor): Promise<{ view: IssueView; record: IncidentRecord }[]> {
    const tenant = await tenantOf(ctx, actor)
    const all = await tenantIncidents(ctx, actor, tenant, {
      since: new Date(ctx.now().getTime() - 30 * 86400_000),
    })
    return all.map((record) => ({ view: presentIssue(record, []), record }))
  }

  const presentOverview = async (o: OverviewView, expanded: boolean) => ({
    id: o.id,
    service: o.service,
    status: o.status,
    ...(expanded ? { issues: await withPosts(ctx, o.issues) } : {}),
  })

  graph.get(
    `${ROOT}/healthOverviews`,
    {
      schema: {
        tags,
        summary:
          'Health of every service for the tenant ($filter, $select, $orderby, $top, $count, $expand=issues)',
        querystring: odataQuerystring,
      },
    },
    async (request) => {
      const q = parseODataQuery(request.query, OVERVIEW, {
        allow: [...LIST_OPTIONS, 'expand'],
        expand: ['issues'],
      })
      const page = applyODataQuery(await overviews(actorOf(request)), q)
      const expanded = q.expand.includes('issues')
      return odataCollection(
        request,
        q,
        page,
        graphContext(
          request,
          odataContextPath(`admin/serviceAnnouncement/healthOverviews${expanded ? '(issues())' : ''}`, q),
        ),
        (items) => Promise.all(items.map((o) => presentOverview(o, expanded))),
      )
    },
  )

  graph.get(
    `${ROOT}/healthOverviews/$count`,
    { schema: { tags, summary: 'How many services ($filter)', querystring: odataQuerystring } },
    async (request, reply) => {
      const q = parseODataQuery(request.query, OVERVIEW, { allow: COUNT_OPTIONS })
      return sendODataCount(reply, applyODataQuery(await overviews(actorOf(request)), q).count)
    },
  )

  graph.get(
    `${ROOT}/healthOverviews/:serviceName`,
    {
      schema: {
        tags,
        summary: "One service's health, by its name as Graph documents it (Exchange Online) or its id",
        params: Type.Object({ serviceName: Type.String({ maxLength: 100 }) }),
        querystring: odataQuerystring,
      },
    },
    async (request) => {
      const q = parseODataQuery(request.query, OVERVIEW, { allow: ['select', 'expand'], expand: ['issues'] })
      const wanted = request.params.serviceName.trim().toLowerCase()
      const s = (await overviews(actorOf(request))).find(
        (x) => x.service.toLowerCase() === wanted || x.id.toLowerCase() === wanted,
      )
      if (!s) throw notFound()
      const expanded = q.expand.includes('issues')
      return {
        '@odata.context': graphContext(
          request,
          odataContextPath(
            `admin/serviceAnnouncement/healthOverviews${expanded ? '(issues())' : ''}/$entity`,
            q,
          ),
        ),
        ...selectProperties(await presentOverview(s, expanded), q),
      }
    },
  )

  graph.get(
    `${ROOT}/issues`,
    {
      schema: {
        tags,
        summary:
          "The tenant's issues of the last 30 days ($filter, $select, $orderby, $top, $count, @odata.nextLink)",
        querystring: odataQuerystring,
      },
    },
    async (request) => {
      const q = parseODataQuery(request.query, ISSUE, { allow: LIST_OPTIONS })
      const all = await issues(actorOf(request))
      const records = new Map(all.map((x) => [x.view.id, x.record]))
      const page = applyODataQuery(
        all.map((x) => x.view),
        q,
      )
      return odataCollection(
        request,
        q,
        page,
        graphContext(request, odataContextPath('admin/serviceAnnouncement/issues', q)),
        (items) =>
          withPosts(
            ctx,
            items.map((i) => records.get(i.id)!),
          ),
      )
    },
  )

  graph.get(
    `${ROOT}/issues/$count`,
    { schema: { tags, summary: 'How many issues ($filter)', querystring: odataQuerystring } },
    async (request, reply) => {
      const q = parseODataQuery(request.query, ISSUE, { allow: COUNT_OPTIONS })
      const all = await issues(actorOf(request))
      return sendODataCount(
        reply,
        applyODataQuery(
          all.map((x) => x.view),
          q,
        ).count,
      )
    },
  )

  graph.get(
    `${ROOT}/issues/:id`,
    {
      schema: {
        tags,
        summary: 'One issue, with its posts ($select)',
        params: Type.Object({ id: Type.String({ maxLength: 20 }) }),
        querystring: odataQuerystring,
      },
    },
    async (request) => {
      const q = parseODataQuery(request.query, ISSUE, { allow: ['select'] })
      const actor = actorOf(request)
      const tenant = await tenantOf(ctx, actor)
      const incident = await incidentForActor(ctx, actor, request.params.id, tenant)
      return {
        '@odata.context': graphContext(
          request,
          odataContextPath('admin/serviceAnnouncement/issues/$entity', q),
        ),
        ...selectProperties(presentIssue(incident, await listPosts(ctx.db, incident.id)), q),
      }
    },
  )

  graph.get(
    `${ROOT}/issues/:id/incidentReport`,
    {
      schema: {
        tags,
        summary: 'The post-incident report (once published)',
        params: Type.Object({ id: Type.String({ maxLength: 20 }) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const tenant = await tenantOf(ctx, actor)
      const incident = await incidentForActor(ctx, actor, request.params.id, tenant)
      if (incident.status !== 'postIncidentReviewPublished') throw notFound()
      const posts = await listPosts(ctx.db, incident.id)
      const report = [
        `${incident.id} — ${incident.title}`,
        `Service: ${incident.services.map((s) => s.displayName).join(', ')}`,
        `Start: ${incident.startAt.toISOString()}  End: ${incident.endAt?.toISOString() ?? ''}`,
        '',
        `Impact: ${incident.impactDescription}`,
        '',
        ...posts.map((p) => `[${p.createdAt.toISOString()}] ${p.content}`),
      ].join('\n')
      reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename="${incident.id}.txt"`)
      return Buffer.from(report, 'utf8')
    },
  )
}
