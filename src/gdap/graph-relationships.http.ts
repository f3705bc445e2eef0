import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { NoContent } from '../platform/http/contract.ts'
import { graphBase, graphContext, type GraphScope } from '../platform/http/graph-surface.ts'
import { odataContextPath, odataQuerystring, parseODataQuery } from '../platform/http/odata-query.ts'
import {
  createRelationship,
  listForParty,
  partyOf,
  patchRelationship,
  removeRelationship,
  visibleRelationship,
} from './gdap.service.ts'
import { RELATIONSHIP } from './graph-entities.ts'
import { listRoutes } from './graph-list-routes.ts'
import { etag, presentRelationship } from './graph-presenters.ts'
import { GraphRelationshipSchema } from './graph.schema.ts'
import { Id, ifMatch, open, RolesBody, ROOT, selected, TAGS } from './graph-wire.ts'

/** The most relationships one list reads before its query options apply. */
const LIST_LIMIT = 20_000

/** Graph's delegatedAdminRelationships: list, create, get, update and delete (while created). */
export function graphRelationshipRoutes(graph: GraphScope, ctx: AppContext): void {
  listRoutes(graph, {
    path: ROOT,
    entity: RELATIONSHIP,
    item: GraphRelationshipSchema,
    summary: 'List delegated admin relationships',
    load: async (request) =>
      (await listForParty(ctx, partyOf(actorOf(request)), { offset: 0, limit: LIST_LIMIT })).map(
        presentRelationship,
      ),
    contextPath: () => 'tenantRelationships/delegatedAdminRelationships',
  })

  graph.post(
    ROOT,
    {
      schema: {
        tags: TAGS,
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
        response: { 201: GraphRelationshipSchema },
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
        .header('location', `${graphBase(request)}${ROOT}/${r.id}`)
        .header('etag', etag(r.id, r.version))
      return {
        '@odata.context': graphContext(request, 'tenantRelationships/delegatedAdminRelationships/$entity'),
        ...presentRelationship(r),
      }
    },
  )

  graph.get(
    `${ROOT}/:id`,
    {
      schema: {
        tags: TAGS,
        summary: 'Get a delegated admin relationship ($select)',
        params: Type.Object({ id: Id }),
        querystring: odataQuerystring,
        response: { 200: GraphRelationshipSchema },
      },
    },
    async (request, reply) => {
      const q = parseODataQuery(request.query, RELATIONSHIP, { allow: ['select'] })
      const r = await visibleRelationship(ctx, partyOf(actorOf(request)), request.params.id)
      reply.header('etag', etag(r.id, r.version))
      return {
        '@odata.context': graphContext(
          request,
          odataContextPath('tenantRelationships/delegatedAdminRelationships/$entity', q),
        ),
        ...selected(presentRelationship(r), q),
      }
    },
  )

  graph.patch(
    `${ROOT}/:id`,
    {
      schema: {
        tags: TAGS,
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
        response: { 200: GraphRelationshipSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { id } = request.params
      const current = await visibleRelationship(ctx, partyOf(actor), id)
      const version = ifMatch(request, id, current.version)
      const b = request.body
      const r = await patchRelationship(ctx, actor, id, version, {
        displayName: b.displayName,
        duration: b.duration,
        autoExtendDuration: b.autoExtendDuration,
        roleIds: b.accessDetails?.unifiedRoles.map((x) => x.roleDefinitionId),
      })
      reply.header('etag', etag(r.id, r.version))
      return {
        '@odata.context': graphContext(request, 'tenantRelationships/delegatedAdminRelationships/$entity'),
        ...presentRelationship(r),
      }
    },
  )

  graph.delete(
    `${ROOT}/:id`,
    {
      schema: {
        tags: TAGS,
        summary: 'Delete a relationship that is still in the created state (If-Match)',
        params: Type.Object({ id: Id }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { id } = request.params
      const current = await visibleRelationship(ctx, partyOf(actor), id)
      const version = ifMatch(request, id, current.version)
      await removeRelationship(ctx, actor, id, version)
      return reply.status(204).send()
    },
  )
}
