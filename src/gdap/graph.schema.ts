import Type from 'typebox'
import { DateTime, Nullable } from '../platform/http/contract.ts'
import { GDAP_STATUSES } from './lifecycle.ts'

/**
 * Microsoft Graph v1.0's GDAP wire shapes (graph.http.ts) for the OpenAPI document: what a default
 * answer holds. `$select` narrows an entity to the chosen properties (the @odata annotations stay),
 * so on the Graph surface these schemas document and never filter (graph-surface.ts). Pure TypeBox.
 */

const ODataContext = Type.String({ description: "The answer's @odata.context URL" })
const ODataEtag = Type.String({ description: 'The version, for If-Match' })

const UnifiedRolesSchema = Type.Object({
  unifiedRoles: Type.Array(Type.Object({ roleDefinitionId: Type.String() })),
})

export const GraphRelationshipSchema = Type.Object({
  '@odata.context': Type.Optional(ODataContext),
  '@odata.type': Type.Literal('#microsoft.graph.delegatedAdminRelationship'),
  '@odata.etag': ODataEtag,
  id: Type.String(),
  displayName: Type.String(),
  /** ISO 8601 duration. */
  duration: Type.String(),
  status: Type.Enum([...GDAP_STATUSES]),
  /** ISO 8601 duration; PT0S: no auto-extension. */
  autoExtendDuration: Type.String(),
  createdDateTime: DateTime,
  lastModifiedDateTime: DateTime,
  activatedDateTime: Nullable(DateTime),
  endDateTime: Nullable(DateTime),
  customer: Nullable(Type.Object({ tenantId: Type.String(), displayName: Nullable(Type.String()) })),
  accessDetails: UnifiedRolesSchema,
})

export const GraphRequestSchema = Type.Object({
  '@odata.context': Type.Optional(ODataContext),
  '@odata.type': Type.Literal('#microsoft.graph.delegatedAdminRelationshipRequest'),
  id: Type.String(),
  action: Type.Enum(['lockForApproval', 'approve', 'reject', 'terminate']),
  status: Type.Enum(['created', 'pending', 'succeeded', 'failed']),
  createdDateTime: DateTime,
  lastModifiedDateTime: DateTime,
})

export const GraphAssignmentSchema = Type.Object({
  '@odata.context': Type.Optional(ODataContext),
  '@odata.type': Type.Literal('#microsoft.graph.delegatedAdminAccessAssignment'),
  '@odata.etag': ODataEtag,
  id: Type.String(),
  status: Type.Enum(['pending', 'active', 'deleting', 'deleted', 'error']),
  createdDateTime: DateTime,
  lastModifiedDateTime: DateTime,
  accessContainer: Type.Object({
    accessContainerId: Type.String(),
    accessContainerType: Type.Literal('securityGroup'),
  }),
  accessDetails: UnifiedRolesSchema,
})

export const GraphOperationSchema = Type.Object({
  '@odata.context': Type.Optional(ODataContext),
  '@odata.type': Type.Literal('#microsoft.graph.delegatedAdminRelationshipOperation'),
  '@odata.etag': ODataEtag,
  id: Type.String(),
  operationType: Type.Enum(['delegatedAdminAccessAssignmentUpdate', 'delegatedAdminRelationshipUpdate']),
  status: Type.Enum(['notStarted', 'running', 'succeeded', 'failed']),
  /** A JSON string: the change's data (`accessAssignmentId` for an assignment's update). */
  data: Type.String(),
  createdDateTime: DateTime,
  lastModifiedDateTime: DateTime,
})

/** A page of a Graph list: `@odata.nextLink` (absolute) while more follow, `@odata.count` with $count=true. */
export const graphList = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({
    '@odata.context': ODataContext,
    '@odata.count': Type.Optional(Type.Integer()),
    value: Type.Array(item),
    '@odata.nextLink': Type.Optional(Type.String()),
  })

/** `$count`: the number, as text. */
export const ODataCountContent = { 'text/plain': { schema: Type.Integer() } }
