import Type from 'typebox'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { AppError, notFound } from '../platform/errors.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { graphBase, graphContext, type GraphScope } from '../platform/http/graph-surface.ts'
import { type IncidentPost, type IncidentRecord, listPosts } from './health.data.ts'
import { healthOverview } from './health.http.ts'
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

const withPosts = async (ctx: AppContext, incidents: IncidentRecord[]) =>
  Promise.all(incidents.map(async (i) => presentIssue(i, await listPosts(ctx.db, i.id))))

const skip = {
  encode: (o: number) => Buffer.from(JSON.stringify({ o })).toString('base64url'),
  decode(token: string | undefined): number {
    if (!token) return 0
    try {
      const { o } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown }
      if (typeof o === 'number' && Number.isSafeInteger(o) && o >= 0) return o
    } catch {
      // fall through
    }
    throw notFound()
  },
}

export function healthGraphRoutes(graph: GraphScope, ctx: AppContext): void {
  const tags = ['Microsoft Graph v1.0: service health']
  const expand = Type.Object(
    { $expand: Type.Optional(Type.Literal('issues')) },
    { additionalProperties: true },
  )

  async function overviews(actor: Actor) {
    const tenant = await tenantOf(ctx, actor)
    const active = await tenantIncidents(ctx, actor, tenant, { activeOnly: true })
    return healthOverview(ctx, tenant, active)
  }

  graph.get(
    `${ROOT}/healthOverviews`,
    {
      schema: {
        tags,
        summary: 'Health of every service for the tenant ($expand=issues)',
        querystring: expand,
      },
    },
    async (request) => {
      const items = await overviews(actorOf(request))
      const expanded = request.query.$expand === 'issues'
      return {
        '@odata.context': graphContext(
          request,
          `admin/serviceAnnouncement/healthOverviews${expanded ? '(issues())' : ''}`,
        ),
        value: await Promise.all(
          items.map(async (s) => ({
            id: s.id,
            service: s.service,
            status: s.status,
            ...(expanded ? { issues: await withPosts(ctx, s.issues) } : {}),
          })),
        ),
      }
    },
  )

  graph.get(
    `${ROOT}/healthOverviews/:serviceName`,
    {
      schema: {
        tags,
        summary: "One service's health",
        params: Type.Object({ serviceName: Type.String({ maxLength: 64 }) }),
        querystring: expand,
      },
    },
    async (request) => {
      const s = (await overviews(actorOf(request))).find(
        (x) => x.id.toLowerCase() === request.params.serviceName.toLowerCase(),
      )
      if (!s) throw notFound()
      return {
        '@odata.context': graphContext(request, 'admin/serviceAnnouncement/healthOverviews/$entity'),
        id: s.id,
        service: s.service,
        status: s.status,
        ...(request.query.$expand === 'issues' ? { issues: await withPosts(ctx, s.issues) } : {}),
      }
    },
  )

  graph.get(
    `${ROOT}/issues`,
    {
      schema: {
        tags,
        summary: "The tenant's issues of the last 30 days ($top, @odata.nextLink)",
        querystring: Type.Object(
          {
            $top: Type.Integer({ minimum: 1, maximum: 100, default: 100 }),
            $skiptoken: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: true },
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const tenant = await tenantOf(ctx, actor)
      const all = await tenantIncidents(ctx, actor, tenant, {
        since: new Date(ctx.now().getTime() - 30 * 86400_000),
      })
      const offset = skip.decode(request.query.$skiptoken)
      const page = all.slice(offset, offset + request.query.$top)
      return {
        '@odata.context': graphContext(request, 'admin/serviceAnnouncement/issues'),
        value: await withPosts(ctx, page),
        ...(offset + page.length < all.length
          ? {
              '@odata.nextLink': `${graphBase(request)}${ROOT}/issues?$top=${request.query.$top}&$skiptoken=${skip.encode(offset + page.length)}`,
            }
          : {}),
      }
    },
  )

  graph.get(
    `${ROOT}/issues/:id`,
    {
      schema: {
        tags,
        summary: 'One issue, with its posts',
        params: Type.Object({ id: Type.String({ maxLength: 20 }) }),
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const tenant = await tenantOf(ctx, actor)
      const incident = await incidentForActor(ctx, actor, request.params.id, tenant)
      return {
        '@odata.context': graphContext(request, 'admin/serviceAnnouncement/issues/$entity'),
        ...presentIssue(incident, await listPosts(ctx.db, incident.id)),
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
