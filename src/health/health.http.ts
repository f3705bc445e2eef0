import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import { isSupportEngineer } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import type { IncidentStatus, WorkloadId } from '../platform/db/schema.ts'
import { notFound, validationFailed } from '../platform/errors.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { CsvContent, NoContent } from '../platform/http/contract.ts'
import type { App } from '../platform/http/server.ts'
import { streamNotices } from '../notifications/notice-stream.ts'
import {
  type IncidentPost,
  type IncidentRecord,
  listIncidents,
  listPosts,
  tenantHistory,
} from './health.data.ts'
import { createHealthStreamHub } from './health-stream-hub.ts'
import {
  AffectedOverviewSchema,
  ClassificationSchema,
  DirectoryTenantListSchema,
  HealthServiceListSchema,
  HealthStatusSchema,
  IncidentDetailSchema,
  IncidentListSchema,
  IncidentWithPostsSchema,
  PostTypeSchema,
  TenantHealthSchema,
  TenantHistorySchema,
  WorkloadSchema,
} from './health.schema.ts'
import {
  affectedForPartner,
  canReadHealth,
  followIncident,
  incidentForActor,
  publishIncident,
  tenantIncidents,
  updateIncidentAsEngineer,
  visibleFor,
} from './health.service.ts'

const Status = HealthStatusSchema
const Workload = WorkloadSchema
const Classification = ClassificationSchema

export function presentIncident(i: IncidentRecord) {
  return {
    id: i.id,
    title: i.title,
    classification: i.classification,
    origin: i.origin,
    status: i.status,
    isResolved: i.isResolved,
    feature: i.feature,
    featureGroup: i.featureGroup,
    impactDescription: i.impactDescription,
    highImpact: i.highImpact,
    allTenants: i.allTenants,
    startAt: i.startAt.toISOString(),
    endAt: i.endAt?.toISOString() ?? null,
    lastModifiedAt: i.lastModifiedAt.toISOString(),
    version: i.version,
    services: i.services,
  }
}

/** An incident with its posts (publishing, updating, its page). */
export function presentIncidentWithPosts(i: IncidentRecord, posts: IncidentPost[]) {
  return {
    ...presentIncident(i),
    posts: posts.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
  }
}

/** How bad a status is, for a service's overall health. */
const SEVERITY: Partial<Record<IncidentStatus, number>> = {
  serviceInterruption: 5,
  serviceDegradation: 4,
  restoringService: 3,
  extendedRecovery: 3,
  investigating: 2,
  verifyingService: 1,
  confirmed: 2,
  reported: 1,
  mitigated: 1,
  mitigatedExternal: 1,
}

/** Each health service's status for a tenant: the worst active incident's, or operational. */
export async function healthOverview(ctx: AppContext, tenantId: string, active: IncidentRecord[]) {
  const services = await ctx.db.selectFrom('health_services').selectAll().orderBy('sort_order').execute()
  return services.map((s) => {
    const issues = active.filter((i) => i.services.some((x) => x.id === s.id))
    const worst = issues
      .filter((i) => i.classification === 'incident')
      .sort((a, b) => (SEVERITY[b.status] ?? 0) - (SEVERITY[a.status] ?? 0))[0]
    return {
      id: s.id,
      service: s.display_name,
      workload: s.workload_id,
      status: (worst?.status ?? 'serviceOperational') as IncidentStatus,
      issues,
    }
  })
}

function csvCell(value: unknown): string {
  let text =
    value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Every tenant (null), or the named ones — exactly one of the two must be said. */
function affectedTenants(
  allTenants: boolean | undefined,
  tenantIds: string[] | undefined,
): string[] | undefined {
  if (allTenants === true && tenantIds)
    throw validationFailed('give either allTenants: true or tenantIds, not both')
  if (allTenants === true) return undefined
  if (!tenantIds) throw validationFailed('give tenantIds, or allTenants: true')
  return tenantIds
}

const etag = (i: IncidentRecord) => `"${i.id}-${i.version}"`
function ifMatch(request: FastifyRequest, id: string): number | undefined {
  const header = request.headers['if-match']
  if (header === undefined || header === '*') return undefined
  const m = new RegExp(`^(?:W/)?"${id}-(\\d+)"$`).exec(String(header).trim())
  if (!m) throw validationFailed('If-Match must be an ETag this server returned')
  return Number(m[1])
}

export function registerHealthRoutes(app: App, ctx: AppContext): void {
  const tags = ['service health']
  // one per process: each event is worked out once per viewer, not once per open stream
  const hub = createHealthStreamHub(
    ctx,
    (incident) => presentIncident(incident),
    (error) => app.log.warn({ err: error }, 'health stream event failed'),
  )

  app.get(
    '/api/health/services',
    {
      schema: {
        tags,
        summary: 'Services whose health is published, per workload',
        response: { 200: HealthServiceListSchema },
      },
    },
    async () => ({
      items: await ctx.db
        .selectFrom('health_services')
        .select(['id', 'display_name as displayName', 'workload_id as workload'])
        .orderBy('sort_order')
        .execute(),
    }),
  )

  app.get(
    '/api/health/tenant-directory',
    {
      schema: {
        tags,
        summary: 'Customer tenants, for choosing the tenants an incident affects (vendor support engineers)',
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ maxLength: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: DirectoryTenantListSchema },
      },
    },
    async (request) => {
      if (!isSupportEngineer(actorOf(request))) throw notFound()
      let query = ctx.db
        .selectFrom('tenants')
        .select(['id as tenantId', 'display_name as name', 'default_domain as domain'])
        .where('kind', '=', 'customer')
      if (request.query.q)
        query = query.where(
          'display_name',
          'ilike',
          `${request.query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        )
      return { items: await query.orderBy('display_name').limit(200).execute() }
    },
  )

  app.post(
    '/api/health/incidents',
    {
      schema: {
        tags,
        summary: 'Publish an incident or advisory (vendor support engineers)',
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }),
            classification: Classification,
            status: Status,
            impactDescription: Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' }),
            serviceIds: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 20 }),
            allTenants: Type.Optional(
              Type.Boolean({ description: 'true: the incident affects every tenant' }),
            ),
            tenantIds: Type.Optional(
              Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 50000 }),
            ),
            feature: Type.Optional(Type.String({ maxLength: 200 })),
            featureGroup: Type.Optional(Type.String({ maxLength: 200 })),
            highImpact: Type.Optional(Type.Boolean()),
            startAt: Type.Optional(Type.String({ format: 'date-time' })),
            message: Type.String({ minLength: 1, maxLength: 20000, pattern: '\\S' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: IncidentWithPostsSchema },
      },
    },
    async (request, reply) => {
      const { allTenants, tenantIds, ...b } = request.body
      const incident = await publishIncident(ctx, actorOf(request), {
        ...b,
        tenantIds: affectedTenants(allTenants, tenantIds) ?? null,
        startAt: b.startAt ? new Date(b.startAt) : undefined,
      })
      reply
        .status(201)
        .header('location', `/api/health/incidents/${incident.id}`)
        .header('etag', etag(incident))
      return presentIncidentWithPosts(incident, await listPosts(ctx.db, incident.id))
    },
  )

  app.patch(
    '/api/health/incidents/:id',
    {
      schema: {
        tags,
        summary:
          'Update an incident: status, texts, affected tenants, a new post (vendor support engineers; If-Match)',
        params: Type.Object({ id: Type.String({ maxLength: 20 }) }),
        body: Type.Object(
          {
            status: Type.Optional(Status),
            title: Type.Optional(Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' })),
            impactDescription: Type.Optional(Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' })),
            highImpact: Type.Optional(Type.Boolean()),
            allTenants: Type.Optional(Type.Boolean()),
            tenantIds: Type.Optional(
              Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 50000 }),
            ),
            message: Type.Optional(Type.String({ minLength: 1, maxLength: 20000, pattern: '\\S' })),
            postType: Type.Optional(PostTypeSchema),
          },
          { additionalProperties: false },
        ),
        response: { 200: IncidentWithPostsSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const { allTenants, tenantIds, ...update } = request.body
      const affected =
        allTenants === undefined && tenantIds === undefined
          ? undefined
          : (affectedTenants(allTenants, tenantIds) ?? null)
      const incident = await updateIncidentAsEngineer(ctx, actorOf(request), id, ifMatch(request, id), {
        ...update,
        tenantIds: affected,
      })
      reply.header('etag', etag(incident))
      return presentIncidentWithPosts(incident, await listPosts(ctx.db, incident.id))
    },
  )

  app.get(
    '/api/health/incidents',
    {
      schema: {
        tags,
        summary: "Incidents: a tenant's (whose health you may read), or — for the vendor's engineers — all",
        querystring: Type.Object(
          {
            tenant: Type.Optional(Type.String({ maxLength: 64 })),
            workload: Type.Optional(Workload),
            service: Type.Optional(Type.String({ maxLength: 64 })),
            classification: Type.Optional(Classification),
            active: Type.Optional(Type.Boolean()),
            days: Type.Integer({ minimum: 1, maximum: 90, default: 30 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: IncidentListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const q = request.query
      const since = new Date(ctx.now().getTime() - q.days * 86400_000)
      const filter = {
        workload: q.workload as WorkloadId | undefined,
        serviceId: q.service,
        classification: q.classification,
        activeOnly: q.active,
        since,
      }
      const tenant =
        q.tenant ??
        (actor.delegated
          ? actor.contextTenantId
          : actor.homeTenantKind === 'customer'
            ? actor.homeTenantId
            : undefined)
      let items: IncidentRecord[]
      if (tenant !== undefined) items = await tenantIncidents(ctx, actor, tenant, filter)
      else if (isSupportEngineer(actor))
        items = await listIncidents(ctx.db, { ...filter, offset: 0, limit: 500 })
      else throw validationFailed('tenant is required: the tenant whose service health you want to read')
      return { items: items.map((i) => presentIncident(i)) }
    },
  )

  app.get(
    '/api/health/incidents/:id',
    {
      schema: {
        tags,
        summary: 'One incident with its posts',
        params: Type.Object({ id: Type.String({ maxLength: 20 }) }),
        response: { 200: IncidentDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const incident = await incidentForActor(ctx, actor, request.params.id)
      const following = await ctx.db
        .selectFrom('incident_followers')
        .select('user_id')
        .where('incident_id', '=', incident.id)
        .where('user_id', '=', actor.userId)
        .executeTakeFirst()
      const tenants = await visibleFor(ctx, actor, incident)
      reply.header('etag', etag(incident))
      return {
        ...presentIncidentWithPosts(incident, await listPosts(ctx.db, incident.id)),
        following: following !== undefined,
        affectedTenants: tenants === 'all' ? ('all' as const) : await tenantNames(ctx, tenants),
      }
    },
  )

  for (const [method, follow] of [
    ['post', true],
    ['delete', false],
  ] as const) {
    app[method](
      '/api/health/incidents/:id/follow',
      {
        schema: {
          tags,
          summary: follow ? 'Follow an incident (its updates become notifications)' : 'Stop following',
          params: Type.Object({ id: Type.String({ maxLength: 20 }) }),
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await followIncident(ctx, actorOf(request), request.params.id, follow)
        return reply.status(204).send()
      },
    )
  }

  app.get(
    '/api/health/tenants/:tenantId',
    {
      schema: {
        tags,
        summary: "A tenant's service health: each service's status and active issues",
        params: Type.Object({ tenantId: Type.String({ maxLength: 64 }) }),
        response: { 200: TenantHealthSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const active = await tenantIncidents(ctx, actor, request.params.tenantId, { activeOnly: true })
      const overview = await healthOverview(ctx, request.params.tenantId, active)
      return {
        tenantId: request.params.tenantId,
        services: overview.map((s) => ({ ...s, issues: s.issues.map((i) => presentIncident(i)) })),
      }
    },
  )

  app.get(
    '/api/health/tenants/:tenantId/history',
    {
      schema: {
        tags,
        summary: "Incidents per day and service over the last days, for a tenant's health chart",
        params: Type.Object({ tenantId: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object(
          { days: Type.Integer({ minimum: 1, maximum: 90, default: 30 }) },
          { additionalProperties: false },
        ),
        response: { 200: TenantHistorySchema },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      if (!(await canReadHealth(ctx, actor, request.params.tenantId))) throw notFound()
      return {
        days: request.query.days,
        items: await tenantHistory(ctx.db, request.params.tenantId, request.query.days, ctx.now()),
      }
    },
  )

  app.get(
    '/api/health/affected',
    {
      schema: {
        tags,
        summary:
          'Which of my customers are affected right now, by which incident (JSON, or CSV with format=csv)',
        querystring: Type.Object(
          {
            service: Type.Optional(Type.String({ maxLength: 64 })),
            workload: Type.Optional(Workload),
            classification: Type.Optional(Classification),
            format: Type.Enum(['json', 'csv'], { default: 'json' }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'The affected customers (JSON), or the same rows as CSV with format=csv',
            content: { 'application/json': { schema: AffectedOverviewSchema }, ...CsvContent },
          },
        },
      },
    },
    async (request, reply) => {
      const q = request.query
      const rows = await affectedForPartner(ctx, actorOf(request), {
        serviceId: q.service,
        workload: q.workload as WorkloadId | undefined,
        classification: q.classification,
      })
      const everyone = rows.filter((r) => r.tenantId === null)
      const named = rows.filter((r) => r.tenantId !== null)
      if (q.format === 'csv') {
        const header = [
          'customerTenantId',
          'customer',
          'customers',
          'incidentId',
          'title',
          'classification',
          'status',
          'service',
          'workload',
          'startAt',
          'lastModifiedAt',
        ]
        const lines = rows.map((r) =>
          [
            r.tenantId ?? '*',
            r.tenantName ?? '*',
            r.customers,
            r.incidentId,
            r.title,
            r.classification,
            r.status,
            r.serviceName,
            r.workload,
            r.startAt,
            r.lastModifiedAt,
          ]
            .map(csvCell)
            .join(','),
        )
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="affected-customers.csv"')
        return [header.join(','), ...lines].join('\r\n') + '\r\n'
      }
      const present = (r: (typeof rows)[number]) => ({
        ...r,
        startAt: r.startAt.toISOString(),
        lastModifiedAt: r.lastModifiedAt.toISOString(),
      })
      const allCustomers = Math.max(0, ...everyone.map((r) => r.customers))
      const perService = new Map<
        string,
        { serviceId: string; serviceName: string; customers: Set<string>; everyone: number }
      >()
      for (const r of rows) {
        const entry = perService.get(r.serviceId) ?? {
          serviceId: r.serviceId,
          serviceName: r.serviceName,
          customers: new Set<string>(),
          everyone: 0,
        }
        if (r.tenantId) entry.customers.add(r.tenantId)
        else entry.everyone = Math.max(entry.everyone, r.customers)
        perService.set(r.serviceId, entry)
      }
      return {
        items: named.map(present),
        everyone: everyone.map(present),
        customers: allCustomers > 0 ? allCustomers : new Set(named.map((r) => r.tenantId)).size,
        perService: [...perService.values()].map((s) => ({
          serviceId: s.serviceId,
          serviceName: s.serviceName,
          customers: Math.max(s.everyone, s.customers.size),
        })),
      }
    },
  )

  app.get(
    '/api/health/stream',
    {
      schema: {
        tags,
        summary:
          'Live incident updates (server-sent events), only for tenants whose health you may read, and your new notifications (`event: notification`)',
        querystring: Type.Object(
          { tenant: Type.Optional(Type.String({ maxLength: 64 })) },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description:
              'A text/event-stream: `event: incident` (data: {kind, incident, tenants}) and `event: notification`',
            content: { 'text/event-stream': { schema: Type.String() } },
          },
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const only = request.query.tenant
      if (only && !(await canReadHealth(ctx, actor, only))) throw notFound()
      reply.hijack()
      const res = reply.raw
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      })
      const close = hub.open(actor, only, (text) => res.write(text))
      // the same stream carries the signed-in person's new notifications (the bell listens)
      const stopNotices = streamNotices(ctx, actor.userId, (text) => res.write(text))
      await ctx.events.ready()
      res.write(`retry: 5000\n: connected\n\n`)
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000)
      heartbeat.unref()
      request.raw.on('close', () => {
        clearInterval(heartbeat)
        close()
        stopNotices()
      })
    },
  )
}

async function tenantNames(ctx: AppContext, ids: string[]) {
  if (ids.length === 0) return []
  return ctx.db
    .selectFrom('tenants')
    .select(['id as tenantId', 'display_name as name'])
    .where('id', 'in', ids)
    .orderBy('display_name')
    .execute()
}
