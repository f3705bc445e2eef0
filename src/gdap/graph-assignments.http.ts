import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { NoContent } from '../platform/http/contract.ts'
import { graphBase, graphContext, type GraphScope } from '../platform/http/graph-surface.ts'
import { odataContextPath, odataQuerystring, parseODataQuery } from '../platform/http/odata-query.ts'
import {
  assignmentOf,
  assignmentsOf,
  createAssignment,
  deleteAssignment,
  updateAssignmentRoles,
} from './gdap.service.ts'
import { ASSIGNMENT } from './graph-entities.ts'
import { listRoutes } from './graph-list-routes.ts'
import { etag, presentAssignment } from './graph-presenters.ts'
import { GraphAssignmentSchema } from './graph.schema.ts'
import { Id, ifMatch, open, relationshipPath, RolesBody, ROOT, selected, TAGS } from './graph-wire.ts'

/** Seconds a client should wait before polling an operation (the scheduler applies it within seconds). */
const OPERATION_RETRY_AFTER_SECONDS = 5

/**
 * A relationship's access assignments: security groups given a subset of its roles. A change of
 * roles is long-running (202 and an operation to poll); a removal goes through deleting.
 */
export function graphAssignmentRoutes(graph: GraphScope, ctx: AppContext): void {
  listRoutes(graph, {
    path: `${ROOT}/:id/accessAssignments`,
    entity: ASSIGNMENT,
    item: GraphAssignmentSchema,
    summary: 'List access assignments',
    load: async (request, id) => (await assignmentsOf(ctx, actorOf(request), id)).map(presentAssignment),
    contextPath: (id) => relationshipPath(id, 'accessAssignments'),
  })

  graph.post(
    `${ROOT}/:id/accessAssignments`,
    {
      schema: {
        tags: TAGS,
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
        response: { 201: GraphAssignmentSchema },
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
        .header('location', `${graphBase(request)}${ROOT}/${id}/accessAssignments/${a.id}`)
        .header('etag', etag(a.id, a.version))
      return {
        '@odata.context': graphContext(
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
        tags: TAGS,
        summary: 'Get an access assignment ($select)',
        params: Type.Object({ id: Id, assignmentId: Id }),
        querystring: odataQuerystring,
        response: { 200: GraphAssignmentSchema },
      },
    },
    async (request, reply) => {
      const q = parseODataQuery(request.query, ASSIGNMENT, { allow: ['select'] })
      const a = await assignmentOf(ctx, actorOf(request), request.params.id, request.params.assignmentId)
      reply.header('etag', etag(a.id, a.version))
      return {
        '@odata.context': graphContext(
          request,
          odataContextPath(relationshipPath(request.params.id, 'accessAssignments/$entity'), q),
        ),
        ...selected(presentAssignment(a), q),
      }
    },
  )

  graph.patch(
    `${ROOT}/:id/accessAssignments/:assignmentId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Change an assignment’s roles (If-Match; 202 with the operation in Location)',
        params: Type.Object({ id: Id, assignmentId: Id }),
        body: Type.Object({ accessDetails: RolesBody }, open),
        response: {
          200: GraphAssignmentSchema,
          202: Type.Object({}, { description: 'Accepted: the operation is in Location; poll it' }),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { id, assignmentId } = request.params
      const current = await assignmentOf(ctx, actor, id, assignmentId)
      const version = ifMatch(request, assignmentId, current.version)
      const operationId = await updateAssignmentRoles(
        ctx,
        actor,
        id,
        assignmentId,
        version,
        request.body.accessDetails.unifiedRoles.map((x) => x.roleDefinitionId),
      )
      if (!operationId) {
        // the same roles as now: nothing to do, the assignment as it is (Graph's 200)
        reply.header('etag', etag(current.id, current.version))
        return {
          '@odata.context': graphContext(request, relationshipPath(id, 'accessAssignments/$entity')),
          ...presentAssignment(current),
        }
      }
      // Graph's long-running answer: 202, the operation in Location, when to poll, a JSON body
      return reply
        .status(202)
        .header('location', `${graphBase(request)}${ROOT}/${id}/operations/${operationId}`)
        .header('retry-after', String(OPERATION_RETRY_AFTER_SECONDS))
        .type('application/json')
        .send({})
    },
  )

  graph.delete(
    `${ROOT}/:id/accessAssignments/:assignmentId`,
    {
      schema: {
        tags: TAGS,
        summary: 'Remove an access assignment (If-Match; status deleting, then deleted)',
        params: Type.Object({ id: Id, assignmentId: Id }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { id, assignmentId } = request.params
      const current = await assignmentOf(ctx, actor, id, assignmentId)
      const version = ifMatch(request, assignmentId, current.version)
      await deleteAssignment(ctx, actor, id, assignmentId, version)
      return reply.status(204).send()
    },
  )
}
