import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { graphBase, graphContext, type GraphScope } from '../platform/http/graph-surface.ts'
import {
  applyODataQuery,
  COUNT_OPTIONS,
  LIST_OPTIONS,
  type ODataEntity,
  odataCollection,
  odataContextPath,
  odataEntity,
  odataQuerystring,
  parseODataQuery,
  selectProperties,
  sendODataCount,
} from '../platform/http/odata-query.ts'
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

const RELATIONSHIP_STATUSES = [
  'created',
  'approvalPending',
  'approved',
  'activating',
  'active',
  'expiring',
  'expired',
  'terminationRequested',
  'terminating',
  'terminated',
  'unknownFutureValue',
] as const

const iso = (d: Date | null) => (d ? d.toISOString() : null)
const unifiedRoles = (ids: string[]) => ({
  unifiedRoles: ids.map((roleDefinitionId) => ({ roleDefinitionId })),
})

function presentRelationship(r: RelationshipRecord) {
  return {
    '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
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
  '@odata.type': '#microsoft.graph.delegatedAdminRelationshipRequest',
  id: q.id,
  action: q.action,
  status: q.status,
  createdDateTime: q.createdAt.toISOString(),
  lastModifiedDateTime: q.lastModifiedAt.toISOString(),
})

const presentAssignment = (a: AssignmentRecord) => ({
  '@odata.type': '#microsoft.graph.delegatedAdminAccessAssignment',
  '@odata.etag': etag(a.id, a.version),
  id: a.id,
  status: a.status,
  createdDateTime: a.createdAt.toISOString(),
  lastModifiedDateTime: a.lastModifiedAt.toISOString(),
  accessContainer: { accessContainerId: a.groupId, accessContainerType: 'securityGroup' },
  accessDetails: unifiedRoles(a.roles.map((r) => r.id)),
})

const presentOperation = (o: OperationRecord) => ({
  '@odata.type': '#microsoft.graph.delegatedAdminRelationshipOperation',
  '@odata.etag': etag(o.id, o.version),
  id: o.id,
  operationType: o.operationType,
  data: JSON.stringify(o.data),
  status: o.status,
  createdDateTime: o.createdAt.toISOString(),
  lastModifiedDateTime: o.lastModifiedAt.toISOString(),
})

const ISO = { type: 'dateTime', filter: true, orderby: true } as const

/** What each list serves to $filter / $orderby / $select (Graph documents these options on every GDAP list). */
const RELATIONSHIP = odataEntity<ReturnType<typeof presentRelationship>>({
  type: 'microsoft.graph.delegatedAdminRelationship',
  key: 'id',
  maxTop: 300,
  defaultTop: 100,
  defaultOrderBy: [{ property: 'createdDateTime', desc: true }],
  properties: {
    id: { type: 'string', filter: true, orderby: true },
    displayName: { type: 'string', filter: ['eq', 'ne', 'in', 'startswith'], orderby: true },
    duration: { type: 'string', filter: ['eq', 'ne', 'in'] },
    status: { type: 'enum', values: RELATIONSHIP_STATUSES, filter: true, orderby: true },
    autoExtendDuration: { type: 'string', filter: ['eq', 'ne', 'in'] },
    createdDateTime: ISO,
    lastModifiedDateTime: ISO,
    activatedDateTime: ISO,
    endDateTime: ISO,
    customer: {},
    'customer/tenantId': { type: 'guid', filter: ['eq', 'ne', 'in'], select: false },
    'customer/displayName': {
      type: 'string',
      filter: ['eq', 'ne', 'in', 'startswith'],
      orderby: true,
      select: false,
    },
    accessDetails: {},
  },
})

const ASSIGNMENT = odataEntity<ReturnType<typeof presentAssignment>>({
  type: 'microsoft.graph.delegatedAdminAccessAssignment',
  key: 'id',
  maxTop: 300,
  defaultTop: 100,
  defaultOrderBy: [{ property: 'createdDateTime', desc: false }],
  properties: {
    id: { type: 'string', filter: true, orderby: true },
    status: {
      type: 'enum',
      values: ['pending', 'active', 'deleting', 'deleted', 'error', 'unknownFutureValue'],
      filter: true,
      orderby: true,
    },
    createdDateTime: ISO,
    lastModifiedDateTime: ISO,
    accessContainer: {},
    'accessContainer/accessContainerId': { type: 'guid', filter: ['eq', 'ne', 'in'], select: false },
    'accessContainer/accessContainerType': {
      type: 'enum',
      values: ['securityGroup', 'unknownFutureValue'],
      filter: ['eq', 'ne'],
      select: false,
    },
    accessDetails: {},
  },
})

const REQUEST = odataEntity<ReturnType<typeof presentRequest>>({
  type: 'microsoft.graph.delegatedAdminRelationshipRequest',
  key: 'id',
  maxTop: 300,
  defaultTop: 100,
  defaultOrderBy: [{ property: 'createdDateTime', desc: false }],
  properties: {
    id: { type: 'string', filter: true, orderby: true },
    action: {
      type: 'enum',
      values: ['lockForApproval', 'approve', 'terminate', 'unknownFutureValue', 'reject'],
      filter: true,
      orderby: true,
    },
    status: {
      type: 'enum',
      values: ['created', 'pending', 'succeeded', 'failed', 'unknownFutureValue'],
      filter: true,
      orderby: true,
    },
    createdDateTime: ISO,
    lastModifiedDateTime: ISO,
  },
})

const OPERATION = odataEntity<ReturnType<typeof presentOperation>>({
  type: 'microsoft.graph.delegatedAdminRelationshipOperation',
  key: 'id',
  maxTop: 300,
  defaultTop: 100,
  defaultOrderBy: [{ property: 'createdDateTime', desc: false }],
  properties: {
    id: { type: 'string', filter: true, orderby: true },
    operationType: {
      type: 'enum',
      values: [
        'delegatedAdminAccessAssignmentUpdate',
        'unknownFutureValue',
        'delegatedAdminRelationshipUpdate',
      ],
      filter: true,
    },
    status: {
      type: 'enum',
      values: ['notStarted', 'running', 'succeeded', 'failed', 'unknownFutureValue'],
      filter: true,
      orderby: true,
    },
    data: {},
    createdDateTime: ISO,
    lastModifiedDateTime: ISO,
  },
})

const Id = Type.String({ maxLength: 100 })
/** Seconds a client should wait before polling an operation (the scheduler applies it within seconds). */
const OPERATION_RETRY_AFTER_SECONDS = 5
const relationshipPath = (id: string, nav: string) =>
  `tenantRelationships/delegatedAdminRelationships('${id}')/${nav}`
const idOf = (request: FastifyRequest) => (request.params as { id?: string }).id ?? ''
/** The most relationships one list reads before its query options apply. */
const LIST_LIMIT = 20_000
const RolesBody = Type.Object({
  unifiedRoles: Type.Array(Type.Object({ roleDefinitionId: Type.String({ maxLength: 64 }) }), {
    maxItems: 100,
  }),
})
const open = { additionalProperties: true }

/** GDAP routes in the Graph v1.0 scope (see platform/http/graph-surface.ts). */
export function gdapGraphRoutes(graph: GraphScope, ctx: AppContext): void {
  const tags = ['Microsoft Graph v1.0: GDAP']

  /** A list route and its `/$count` twin: the party's items, through the entity's query options. */
  function listRoutes<T extends Record<string, unknown>>(
    path: string,
    entity: ODataEntity<T>,
    summary: string,
    load: (request: FastifyRequest, relationshipId: string) => Promise<T[]>,
    contextPath: (relationshipId: string) => string,
  ): void {
    const params = path === ROOT ? {} : { params: Type.Object({ id: Id }) }
    graph.get(
      path,
      {
        schema: {
          tags,
          summary: `${summary} ($filter, $select, $orderby, $top, $count)`,
          ...params,
          querystring: odataQuerystring,
        },
      },
      async (request) => {
        const id = idOf(request)
        const q = parseODataQuery(request.query, entity, { allow: LIST_OPTIONS })
        const page = applyODataQuery(await load(request, id), q)
        return odataCollection(request, q, page, context(request, odataContextPath(contextPath(id), q)))
      },
    )
    graph.get(
      `${path}/$count`,
      {
        schema: {
          tags,
          summary: `How many (${summary.toLowerCase()}; $filter)`,
          ...params,
          querystring: odataQuerystring,
        },
      },
      async (request, reply) => {
        const q = parseODataQuery(request.query, entity, { allow: COUNT_OPTIONS })
        return sendODataCount(reply, applyODataQuery(await load(request, idOf(request)), q).count)
      },
    )
  }

  listRoutes(
    ROOT,
    RELATIONSHIP,
    'List delegated admin relationships',
    async (request) =>
      (await listForParty(ctx, partyOf(actorOf(request)), { offset: 0, limit: LIST_LIMIT })).map(
        presentRelationship,
      ),
    () => 'tenantRelationships/delegatedAdminRelationships',
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
        summary: 'Get a delegated admin relationship ($select)',
        params: Type.Object({ id: Id }),
        querystring: odataQuerystring,
      },
    },
    async (request, reply) => {
      const q = parseODataQuery(request.query, RELATIONSHIP, { allow: ['select'] })
      const r = await visibleRelationship(ctx, partyOf(actorOf(request)), request.params.id)
      reply.header('etag', etag(r.id, r.version))
      return {
        '@odata.context': context(
          request,
          odataContextPath('tenantRelationships/delegatedAdminRelationships/$entity', q),
        ),
        ...selectProperties(presentRelationship(r), q),
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
  listRoutes(
    `${ROOT}/:id/requests`,
    REQUEST,
    'List the relationship’s requests',
    async (request, id) => {
      await visibleRelationship(ctx, partyOf(actorOf(request)), id)
      return (await listRequests(ctx.db, id)).map(presentRequest)
    },
    (id) => relationshipPath(id, 'requests'),
  )

  graph.get(
    `${ROOT}/:id/requests/:requestId`,
    {
      schema: {
        tags,
        summary: 'Get a request ($select)',
        params: Type.Object({ id: Id, requestId: Id }),
        querystring: odataQuerystring,
      },
    },
    async (request) => {
      const q = parseODataQuery(request.query, REQUEST, { allow: ['select'] })
      await visibleRelationship(ctx, partyOf(actorOf(request)), request.params.id)
      const found = await findRequest(ctx.db, request.params.id, request.params.requestId)
      if (!found) throw new GdapError(404, 'not_found')
      return {
        '@odata.context': context(
          request,
          odataContextPath(relationshipPath(request.params.id, 'requests/$entity'), q),
        ),
        ...selectProperties(presentRequest(found), q),
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
  listRoutes(
    `${ROOT}/:id/accessAssignments`,
    ASSIGNMENT,
    'List access assignments',
    async (request, id) => (await assignmentsOf(ctx, actorOf(request), id)).map(presentAssignment),
    (id) => relationshipPath(id, 'accessAssignments'),
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
        summary: 'Get an access assignment ($select)',
        params: Type.Object({ id: Id, assignmentId: Id }),
        querystring: odataQuerystring,
      },
    },
    async (request, reply) => {
      const q = parseODataQuery(request.query, ASSIGNMENT, { allow: ['select'] })
      const a = await assignmentOf(ctx, actorOf(request), request.params.id, request.params.assignmentId)
      reply.header('etag', etag(a.id, a.version))
      return {
        '@odata.context': context(
          request,
          odataContextPath(relationshipPath(request.params.id, 'accessAssignments/$entity'), q),
        ),
        ...selectProperties(presentAssignment(a), q),
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
      if (!operationId) {
        // the same roles as now: nothing to do, the assignment as it is (Graph's 200)
        reply.header('etag', etag(current.id, current.version))
        return {
          '@odata.context': context(request, relationshipPath(id, 'accessAssignments/$entity')),
          ...presentAssignment(current),
        }
      }
      // Graph's long-running answer: 202, the operation in Location, when to poll, a JSON body
      return reply
        .status(202)
        .header('location', `${baseUrl(request)}${ROOT}/${id}/operations/${operationId}`)
        .header('retry-after', String(OPERATION_RETRY_AFTER_SECONDS))
        .type('application/json')
        .send({})
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
  listRoutes(
    `${ROOT}/:id/operations`,
    OPERATION,
    'List long-running operations',
    async (request, id) => {
      await visibleRelationship(ctx, partyOf(actorOf(request)), id)
      return (await listOperations(ctx.db, id)).map(presentOperation)
    },
    (id) => relationshipPath(id, 'operations'),
  )

  graph.get(
    `${ROOT}/:id/operations/:operationId`,
    {
      schema: {
        tags,
        summary: 'Get an operation ($select)',
        params: Type.Object({ id: Id, operationId: Id }),
        querystring: odataQuerystring,
      },
    },
    async (request) => {
      const q = parseODataQuery(request.query, OPERATION, { allow: ['select'] })
      await visibleRelationship(ctx, partyOf(actorOf(request)), request.params.id)
      const op = /^[0-9a-f-]{36}$/i.test(request.params.operationId)
        ? await findOperation(ctx.db, request.params.id, request.params.operationId)
        : null
      if (!op) throw new GdapError(404, 'not_found')
      return {
        '@odata.context': context(
          request,
          odataContextPath(relationshipPath(request.params.id, 'operations/$entity'), q),
        ),
        ...selectProperties(presentOperation(op), q),
      }
    },
  )
}
