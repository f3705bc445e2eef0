import type { AppContext } from '../platform/context.ts'
import type { GraphScope } from '../platform/http/graph-surface.ts'
import { graphAssignmentRoutes } from './graph-assignments.http.ts'
import { graphRelationshipRoutes } from './graph-relationships.http.ts'
import { graphOperationRoutes, graphRequestRoutes } from './graph-requests.http.ts'

/**
 * Microsoft Graph v1.0's GDAP API, `/v1.0/tenantRelationships/delegatedAdminRelationships`, in its
 * wire shapes: @odata.context, @odata.etag with If-Match on PATCH/DELETE, $filter / $top /
 * @odata.nextLink, Graph's error body. The partner side uses a partner user's token; the customer
 * side (approve, reject, terminate) a customer administrator's token. The pieces: graph-wire.ts
 * (paths, If-Match, $select), graph-presenters.ts, graph-entities.ts (query options per list),
 * graph-list-routes.ts (a list and its $count).
 */
export function gdapGraphRoutes(graph: GraphScope, ctx: AppContext): void {
  graphRelationshipRoutes(graph, ctx)
  graphRequestRoutes(graph, ctx)
  graphAssignmentRoutes(graph, ctx)
  graphOperationRoutes(graph, ctx)
}
