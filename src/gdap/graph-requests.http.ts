import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { graphBase, graphContext, type GraphScope } from '../platform/http/graph-surface.ts'
import { odataContextPath, odataQuerystring, parseODataQuery } from '../platform/http/odata-query.ts'
import { findOperation, findRequest, listOperations, listRequests } from './gdap.data.ts'
import { GdapError, partyOf, requestAction, visibleRelationship } from './gdap.service.ts'
import { OPERATION, REQUEST } from './graph-entities.ts'
import { listRoutes } from './graph-list-routes.ts'
import { presentOperation, presentRequest } from './graph-presenters.ts'
import { GraphOperationSchema, GraphRequestSchema } from './graph.schema.ts'
import { Id, open, relationshipPath, ROOT, selected, TAGS } from './graph-wire.ts'

/**
 * A relationship's requests (lockForApproval, approve, reject, terminate: how its status moves) and
 * its long-running operations (an access assignment's change of roles), as Graph serves them.
 */
export function graphRequestRoutes(graph: GraphScope, ctx: AppContext): void {
  listRoutes(graph, {
    path: `${ROOT}/:id/requests`,
    entity: REQUEST,
    item: GraphRequestSchema,
    summary: 'List the relationship’s requests',
    load: async (request, id) => {
      await visibleRelationship(ctx, partyOf(actorOf(request)), id)
      return (await listRequests(ctx.db, id)).map(presentRequest)
    },
    contextPath: (id) => relationshipPath(id, 'requests'),
  })

  graph.get(
    `${ROOT}/:id/requests/:requestId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Get a request ($select)',
        params: Type.Object({ id: Id, requestId: Id }),
        querystring: odataQuerystring,
        response: { 200: GraphRequestSchema },
      },
    },
    async (request) => {
      const q = parseODataQuery(request.query, REQUEST, { allow: ['select'] })
      await visibleRelationship(ctx, partyOf(actorOf(request)), request.params.id)
      const found = await findRequest(ctx.db, request.params.id, request.params.requestId)
      if (!found) throw new GdapError(404, 'not_found')
      return {
        '@odata.context': graphContext(
          request,
          odataContextPath(relationshipPath(request.params.id, 'requests/$entity'), q),
        ),
        ...selected(presentRequest(found), q),
      }
    },
  )

  graph.post(
    `${ROOT}/:id/requests`,
    {
      schema: {
        tags: TAGS,
        summary: 'lockForApproval (partner), approve or reject (customer), terminate (either)',
        params: Type.Object({ id: Id }),
        body: Type.Object({ action: Type.Enum(['lockForApproval', 'approve', 'reject', 'terminate']) }, open),
        response: { 201: GraphRequestSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const { request: created } = await requestAction(ctx, actorOf(request), id, request.body.action)
      reply.status(201).header('location', `${graphBase(request)}${ROOT}/${id}/requests/${created.id}`)
      return {
        '@odata.context': graphContext(
          request,
          `tenantRelationships/delegatedAdminRelationships('${id}')/requests/$entity`,
        ),
        ...presentRequest(created),
      }
    },
  )
}

export function graphOperationRoutes(graph: GraphScope, ctx: AppContext): void {
  listRoutes(graph, {
    path: `${ROOT}/:id/operations`,
    entity: OPERATION,
    item: GraphOperationSchema,
    summary: 'List long-running operations',
    load: async (request, id) => {
      await visibleRelationship(ctx, partyOf(actorOf(request)), id)
      return (await listOperations(ctx.db, id)).map(presentOperation)
    },
    contextPath: (id) => relationshipPath(id, 'operations'),
  })

  graph.get(
    `${ROOT}/:id/operations/:operationId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Get an operation ($select)',
        params: Type.Object({ id: Id, operationId: Id }),
        querystring: odataQuerystring,
        response: { 200: GraphOperationSchema },
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
        '@odata.context': graphContext(
          request,
          odataContextPath(relationshipPath(request.params.id, 'operations/$entity'), q),
        ),
        ...selected(presentOperation(op), q),
      }
    },
  )
}
