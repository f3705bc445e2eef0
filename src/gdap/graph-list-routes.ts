import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import { graphContext, type GraphScope } from '../platform/http/graph-surface.ts'
import {
  applyODataQuery,
  COUNT_OPTIONS,
  LIST_OPTIONS,
  type ODataEntity,
  odataCollection,
  odataContextPath,
  odataQuerystring,
  parseODataQuery,
  sendODataCount,
} from '../platform/http/odata-query.ts'
import { graphList, ODataCountContent } from './graph.schema.ts'
import { Id, ROOT, TAGS } from './graph-wire.ts'

const idOf = (request: FastifyRequest) => (request.params as { id?: string }).id ?? ''

/**
 * A GDAP list route and its `/$count` twin: what `load` reads for the caller, through the entity's
 * query options ($filter, $select, $orderby, $top, @odata.nextLink).
 */
export function listRoutes<T extends Record<string, unknown>>(
  graph: GraphScope,
  list: {
    path: string
    entity: ODataEntity<T>
    item: Parameters<typeof graphList>[0]
    summary: string
    /** The items the caller may see; `relationshipId` is '' on the root list. */
    load: (request: FastifyRequest, relationshipId: string) => Promise<T[]>
    contextPath: (relationshipId: string) => string
  },
): void {
  const { path, entity, item, summary, load, contextPath } = list
  const params = path === ROOT ? {} : { params: Type.Object({ id: Id }) }
  graph.get(
    path,
    {
      schema: {
        tags: TAGS,
        summary: `${summary} ($filter, $select, $orderby, $top, $count)`,
        ...params,
        querystring: odataQuerystring,
        response: { 200: graphList(item) },
      },
    },
    async (request) => {
      const id = idOf(request)
      const q = parseODataQuery(request.query, entity, { allow: LIST_OPTIONS })
      const page = applyODataQuery(await load(request, id), q)
      return odataCollection(request, q, page, graphContext(request, odataContextPath(contextPath(id), q)))
    },
  )
  graph.get(
    `${path}/$count`,
    {
      schema: {
        tags: TAGS,
        summary: `How many (${summary.toLowerCase()}; $filter)`,
        ...params,
        querystring: odataQuerystring,
        response: { 200: { description: 'The number', content: ODataCountContent } },
      },
    },
    async (request, reply) => {
      const q = parseODataQuery(request.query, entity, { allow: COUNT_OPTIONS })
      return sendODataCount(reply, applyODataQuery(await load(request, idOf(request)), q).count)
    },
  )
}
