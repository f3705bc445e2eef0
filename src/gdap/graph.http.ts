import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import type { GdapStatus } from '../platform/db/schema.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { graphBase, graphContext, type GraphScope } from '../platform/http/graph-surface.ts'
import {
  type AssignmentRecord,
  findOperation,
  findRequest,
  listOperations,
  listRequests,
  type OperationRecord,
  type RelationshipRecord,
  type RequestRecord,
} from './gdap.data.ts'
import {
  assignmentOf,
  assignmentsOf,
  createAssignment,
  createRelationship,
  deleteAssignment,
  GdapError,
  listForParty,
  partyOf,
  patchRelationship,
  removeRelationship,
  requestAction,
  updateAssignmentRoles,
  visibleRelationship,
} from './gdap.service.ts'

/**
 * Microsoft Graph v1.0's GDAP API, `/v1.0/tenantRelationships/delegatedAdminRelationships`, in its
 * wire shapes: @odata.context, @odata.etag with If-Match on PATCH/DELETE, $filter / $top /
 * @odata.nextLink, Graph's error body. The partner side uses a partner user's token; the customer
 * side (approve, reject, terminate) a customer administrator's token.
 */

const ROOT = '/tenantRelationships/delegatedAdminRelationships'

const baseUrl = graphBase
const context = graphContext

/** ETags carry the row's version; weak, opaque, as Graph's are. */
const etag = (id: string, version: number) => `W/"${Buffer.from(`${id}:${version}`).toString('base64')}"`

function ifMatch(request: FastifyRequest, id: string): number | 'any' {
  const header = request.headers['if-match']
  if (header === undefined) throw new GdapError(428, 'precondition_required')
  const value = String(header).trim()
  if (value === '*') return 'any'
  const match = /^(?:W\/)?"([A-Za-z0-9+/=]+)"$/.exec(value)
  const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : ''
  const [tagId, version] = [
    decoded.slice(0, decoded.lastIndexOf(':')),
    decoded.slice(decoded.lastIndexOf(':') + 1),
  ]
  if (tagId !== id || !/^\d+$/.test(version)) throw new GdapError(412, 'precondition_failed')
  return Number(version)
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)
const unifiedRoles = (ids: string[]) => ({
  unifiedRoles: ids.map((roleDefinitionId) => ({ roleDefinitionId })),
})

function presentRelationship(r: RelationshipRecord) {
  return {
    '@odata.etag': etag(r.id, r.version),
    id: r.id,
    displayName: r.displayName,
    duration: r.duration,
    status: r.status,
    autoExtendDuration: r.autoExtendDuration,
    createdDateTime: r.createdAt.toISOString(),
    lastModifiedDateTime: r.lastModifiedAt.toISOString(),
    activatedDateTime: iso(r.activatedAt),
    endDateTime: iso(r.endAt),
    customer: r.customerTenantId ? { tenantId: r.customerTenantId, displayName: r.customerName } : null,
    accessDetails: unifiedRoles(r.roleIds),
  }
}

const presentRequest = (q: RequestRecord) => ({
  id: q.id,
  action: q.action,
  status: q.status,
  createdDateTime: q.createdAt.toISOString(),
  lastModifiedDateTime: q.lastModifiedAt.toISOString(),
})

const presentAssignment = (a: AssignmentRecord) => ({
  '@odata.etag': etag(a.id, a.version),
  id: a.id,
  status: a.status,
  createdDateTime: a.createdAt.toISOString(),
  lastModifiedDateTime: a.lastModifiedAt.toISOString(),
  accessContainer: { accessContainerId: a.groupId, accessContainerType: 'securityGroup' },
  accessDetails: unifiedRoles(a.roles.map((r) => r.id)),
})

const presentOperation = (o: OperationRecord) => ({
  '@odata.etag': etag(o.id, o.version),
  id: o.id,
  operationType: o.operationType,
  data: JSON.stringify(o.data),
  status: o.status,
  createdDateTime: o.createdAt.toISOString(),
  lastModifiedDateTime: o.lastModifiedAt.toISOString(),
})

/** `$select=a,b`: the listed properties only (with id and @odata.etag). */
function select<T extends Record<string, unknown>>(item: T, fields: string | undefined): Partial<T> {
  if (!fields) return item
  const keep = new Set(['id', '@odata.etag', ...fields.split(',').map((f) => f.trim())])
  return Object.fromEntries(Object.entries(item).filter(([k]) => keep.has(k))) as Partial<T>
}

type Filter = { status?: GdapStatus; displayName?: string; customerTenantId?: string; id?: string }
const FILTER_FIELDS: Record<string, keyof Filter> = {
  status: 'status',
  displayname: 'displayName',
  'customer/tenantid': 'customerTenantId',
  id: 'id',
}

/** The part of OData $filter Graph documents for these lists: `field eq 'value'` joined by `and`. */
export function parseFilter(raw: string | undefined): Filter {
  if (!raw) return {}
  const filter: Filter = {}
  const clause = /\s*([A-Za-z/]+)\s+eq\s+'((?:[^']|'')*)'\s*/y
  let at = 0
  for (;;) {
    clause.lastIndex = at
    const m = clause.exec(raw)
    if (!m) throw new GdapError(400, 'invalid_filter', { detail: raw })
    const field = FILTER_FIELDS[m[1]!.toLowerCase()]
    if (!field) throw new GdapError(400, 'invalid_filter', { detail: `${m[1]} cannot be filtered` })
    ;(filter as Record<string, string>)[field] = m[2]!.replace(/''/g, "'")
    at = clause.lastIndex
    if (at === raw.length) return filter
    const and = /and\s+/iy
    and.lastIndex = at
    if (!and.exec(raw)) throw new GdapError(400, 'invalid_filter', { detail: raw })
    at = and.lastIndex
  }
}

const skipToken = {
  encode: (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64url'),
  decode(token: string | undefined): number {
    if (!token) return 0
    try {
      const { o } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown }
      if (typeof o === 'number' && Number.isSafeInteger(o) && o >= 0) return o
    } catch {
      // fall through
    }
    throw new GdapError(400, 'invalid_filter', { detail: '$skiptoken' })
  },
}

const Id = Type.String({ maxLength: 100 })
const RolesBody = Type.Object({
  unifiedRoles: Type.Array(Type.Object({ roleDefinitionId: Type.String({ maxLength: 64 }) }), {
    maxItems: 100,
  }),
})
const open = { additionalProperties: true }

/** GDAP routes in the Graph v1.0 scope (see platform/http/graph-surface.ts). */
export function gdapGraphRoutes(graph: GraphScope, ctx: AppContext): void {
  const tags = ['Microsoft Graph v1.0: GDAP']

  graph.get(
    ROOT,
    {
      schema: {
        tags,
        summary: 'List delegated admin relationships ($filter, $top, $select, @odata.nextLink)',
        querystring: Type.Object({
          $filter: Type.Optional(Type.String({ maxLength: 500 })),
          $top: Type.Integer({ minimum: 1, maximum: 300, default: 100 }),
          $skiptoken: Type.Optional(Type.String({ maxLength: 200 })),
          $select: Type.Optional(Type.String({ maxLength: 500 })),
        }),
      },
    },
    async (request) => {
      const party = partyOf(actorOf(request))
      const q = request.query
      const offset = skipToken.decode(q.$skiptoken)
      const rows = await listForParty(ctx, party, {
        ...parseFilter(q.$filter),
        offset,
        limit: q.$top + 1,
      })
      const page = rows.slice(0, q.$top)
      const next = new URLSearchParams({
        ...(q.$filter ? { $filter: q.$filter } : {}),
        ...(q.$select ? { $select: q.$select } : {}),
        $top: String(q.$top),
        $skiptoken: skipToken.encode(offset + q.$top),
      })
      return {
        '@odata.context': context(request, 'tenantRelationships/delegatedAdminRelationships'),
        value: page.map((r) => select(presentRelationship(r), q.$select)),
        ...(rows.length > q.$top ? { '@odata.nextLink': `${baseUrl(request)}${ROOT}?${next}` } : {}),
      }
    },
  )

  graph.post(
    ROOT,
    {
      schema: {
        tags,
        summary: 'Create a delegated admin relationship (status created)',
        body: Type.Object(
          {
            displayName: Type.String({ maxLength: 200 }),
            duration: Type.String({ maxLength: 40 }),
            customer: Type.Optional(Type.Object({ tenantId: Type.String({ maxLength: 64 }) }, open)),
            accessDetails: RolesBody,
            autoExtendDuration: Type.Optional(Type.String({ maxLength: 20 })),
          },
          open,
        ),
      },
    },
    async (request, reply) => {
      const b = request.body
      const r = await createRelationship(ctx, actorOf(request), {
        displayName: b.displayName,
        duration: b.duration,
        autoExtendDuration: b.autoExtendDuration ?? 'PT0S',
        roleIds: b.accessDetails.unifiedRoles.map((x) => x.roleDefinitionId),
        customerTenantId: b.customer?.tenantId,
      })
      reply
        .status(201)
        .header('location', `${baseUrl(request)}${ROOT}/${r.id}`)
        .header('etag', etag(r.id, r.version))
      return {
        '@odata.context': context(request, 'tenantRelationships/delegatedAdminRelationships/$entity'),
        ...presentRelationship(r),
      }
    },
  )

  graph.get(
    `${ROOT}/:id`,
    {
      schema: {
        tags,
        summary: 'Get a delegated admin relationship',
        params: Type.Object({ id: Id }),
        querystring: Type.Object({ $select: Type.Optional(Type.String({ maxLength: 500 })) }),
      },
    },
    async (request, reply) => {
      const r = await visibleRelationship(ctx, partyOf(actorOf(request)), request.params.id)
      reply.header('etag', etag(r.id, r.version))
      return {
        '@odata.context': context(request, 'tenantRelationships/delegatedAdminRelationships/$entity'),
        ...select(presentRelationship(r), request.query.$select),
      }
    },
  )

  graph.patch(
    `${ROOT}/:id`,
    {
      schema: {
        tags,
        summary: 'Update a relationship (If-Match; only while created — auto-extend also while active)',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ maxLength: 200 })),
            duration: Type.Optional(Type.String({ maxLength: 40 })),
            autoExtendDuration: Type.Optional(Type.String({ maxLength: 20 })),
            accessDetails: Type.Optional(RolesBody),
          },
          open,
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { id } = request.params
      const current = await visibleRelationship(ctx, partyOf(actor), id)
      const version = ifMatch(request, id)
      const b = request.body
      const r = await patchRelationship(ctx, actor, id, version === 'any' ? current.version : version, {
        displayName: b.displayName,
        duration: b.duration,
        autoExtendDuration: b.autoExtendDuration,
        roleIds: b.accessDetails?.unifiedRoles.map((x) => x.roleDefinitionId),
      })
      reply.header('etag', etag(r.id, r.version))
      return {
        '@odata.context': context(request, 'tenantRelationships/delegatedAdminRelationships/$entity'),
        ...presentRelationship(r),
      }
    },
  )

  graph.delete(
    `${ROOT}/:id`,
    {
      schema: {
        tags,
        summary: 'Delete a relationship that is still in the created state (If-Match)',
        params: Type.Object({ id: Id }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { id } = request.params
      const current = await visibleRelationship(ctx, partyOf(actor), id)
      const version = ifMatch(request, id)
      await removeRelationship(ctx, actor, id, version === 'any' ? current.version : version)
      return reply.status(204).send()
    },
  )

  // ── requests ────────────────────────────────────────────────────────────────────────
  graph.get(
    `${ROOT}/:id/requests`,
    { schema: { tags, summary: 'List the relationship’s requests', params: Type.Object({ id: Id }) } },
    async (request) => {
      await visibleRelationship(ctx, partyOf(actorOf(request)), request.params.id)
      return {
        '@odata.context': context(
          request,
          `tenantRelationships/delegatedAdminRelationships('${request.params.id}')/requests`,
        ),
        value: (await listRequests(ctx.db, request.params.id)).map(presentRequest),
      }
    },
  )

  graph.get(
    `${ROOT}/:id/requests/:requestId`,
    { schema: { tags, summary: 'Get a request', params: Type.Object({ id: Id, requestId: Id }) } },
    async (request) => {
      await visibleRelationship(ctx, partyOf(actorOf(request)), request.params.id)
      const found = await findRequest(ctx.db, request.params.id, request.params.requestId)
      if (!found) throw new GdapError(404, 'not_found')
      return {
        '@odata.context': context(
          request,
          `tenantRelationships/delegatedAdminRelationships('${request.params.id}')/requests/$entity`,
        ),
        ...presentRequest(found),
      }
    },
  )

  graph.post(
    `${ROOT}/:id/requests`,
    {
      schema: {
        tags,
        summary: 'lockForApproval (partner), approve or reject (customer), terminate (either)',
        params: Type.Object({ id: Id }),
        body: Type.Object({ action: Type.Enum(['lockForApproval', 'approve', 'reject', 'terminate']) }, open),
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const { request: created } = await requestAction(ctx, actorOf(request), id, request.body.action)
      reply.status(201).header('location', `${baseUrl(request)}${ROOT}/${id}/requests/${created.id}`)
      return {
        '@odata.context': context(
          request,
          `tenantRelationships/delegatedAdminRelationships('${id}')/requests/$entity`,
        ),
        ...presentRequest(created),
      }
    },
  )

  // ── access assignments ─────────────────────────────────────────────────────────────
  graph.get(
    `${ROOT}/:id/accessAssignments`,
    {
      schema: {
        tags,
        summary: 'List access assignments',
        params: Type.Object({ id: Id }),
        querystring: Type.Object({ $filter: Type.Optional(Type.String({ maxLength: 200 })) }),
      },
    },
    async (request) => {
      const status = request.query.$filter ? parseFilter(request.query.$filter).status : undefined
      const items = (await assignmentsOf(ctx, actorOf(request), request.params.id)).filter(
        (a) => !status || a.status === status,
      )
      return {
        '@odata.context': context(
          request,
          `tenantRelationships/delegatedAdminRelationships('${request.params.id}')/accessAssignments`,
        ),
        value: items.map(presentAssignment),
      }
    },
  )

  graph.post(
    `${ROOT}/:id/accessAssignments`,
    {
      schema: {
        tags,
        summary: 'Assign a security group a subset of the relationship’s roles (status pending, then active)',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          {
            accessContainer: Type.Object(
              {
                accessContainerId: Type.String({ maxLength: 64 }),
                accessContainerType: Type.Literal('securityGroup'),
              },
              open,
            ),
            accessDetails: RolesBody,
          },
          open,
        ),
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const a = await createAssignment(ctx, actorOf(request), id, {
        groupId: request.body.accessContainer.accessContainerId,
        roleIds: request.body.accessDetails.unifiedRoles.map((x) => x.roleDefinitionId),
      })
      reply
        .status(201)
        .header('location', `${baseUrl(request)}${ROOT}/${id}/accessAssignments/${a.id}`)
        .header('etag', etag(a.id, a.version))
      return {
        '@odata.context': context(
          request,
          `tenantRelationships/delegatedAdminRelationships('${id}')/accessAssignments/$entity`,
        ),
        ...presentAssignment(a),
      }
    },
  )

  graph.get(
    `${ROOT}/:id/accessAssignments/:assignmentId`,
    {
      schema: {
        tags,
        summary: 'Get an access assignment',
        params: Type.Object({ id: Id, assignmentId: Id }),
      },
    },
    async (request, reply) => {
      const a = await assignmentOf(ctx, actorOf(request), request.params.id, request.params.assignmentId)
      reply.header('etag', etag(a.id, a.version))
      return {
        '@odata.context': context(
          request,
          `tenantRelationships/delegatedAdminRelationships('${request.params.id}')/accessAssignments/$entity`,
        ),
        ...presentAssignment(a),
      }
    },
  )

  graph.patch(
    `${ROOT}/:id/accessAssignments/:assignmentId`,
    {
      schema: {
        tags,
        summary: 'Change an assignment’s roles (If-Match; 202 with the operation in Location)',
        params: Type.Object({ id: Id, assignmentId: Id }),
        body: Type.Object({ accessDetails: RolesBody }, open),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { id, assignmentId } = request.params
      const current = await assignmentOf(ctx, actor, id, assignmentId)
      const version = ifMatch(request, assignmentId)
      const operationId = await updateAssignmentRoles(
        ctx,
        actor,
        id,
        assignmentId,
        version === 'any' ? current.version : version,
        request.body.accessDetails.unifiedRoles.map((x) => x.roleDefinitionId),
      )
      return reply
        .status(202)
        .header('location', `${baseUrl(request)}${ROOT}/${id}/operations/${operationId}`)
        .send()
    },
  )

  graph.delete(
    `${ROOT}/:id/accessAssignments/:assignmentId`,
    {
      schema: {
        tags,
        summary: 'Remove an access assignment (If-Match; status deleting, then deleted)',
        params: Type.Object({ id: Id, assignmentId: Id }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { id, assignmentId } = request.params
      const current = await assignmentOf(ctx, actor, id, assignmentId)
      const version = ifMatch(request, assignmentId)
      await deleteAssignment(ctx, actor, id, assignmentId, version === 'any' ? current.version : version)
      return reply.status(204).send()
    },
  )

  // ── operations ─────────────────────────────────────────────────────────────────────
  graph.get(
    `${ROOT}/:id/operations`,
    { schema: { tags, summary: 'List long-running operations', params: Type.Object({ id: Id }) } },
    async (request) => {
      await visibleRelationship(ctx, partyOf(actorOf(request)), request.params.id)
      return {
        '@odata.context': context(
          request,
          `tenantRelationships/delegatedAdminRelationships('${request.params.id}')/operations`,
        ),
        value: (await listOperations(ctx.db, request.params.id)).map(presentOperation),
      }
    },
  )

  graph.get(
    `${ROOT}/:id/operations/:operationId`,
    { schema: { tags, summary: 'Get an operation', params: Type.Object({ id: Id, operationId: Id }) } },
    async (request) => {
      await visibleRelationship(ctx, partyOf(actorOf(request)), request.params.id)
      const op = /^[0-9a-f-]{36}$/i.test(request.params.operationId)
        ? await findOperation(ctx.db, request.params.id, request.params.operationId)
        : null
      if (!op) throw new GdapError(404, 'not_found')
      return {
        '@odata.context': context(
          request,
          `tenantRelationships/delegatedAdminRelationships('${request.params.id}')/operations/$entity`,
        ),
        ...presentOperation(op),
      }
    },
  )
}
