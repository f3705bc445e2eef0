import type { AssignmentRecord, OperationRecord, RelationshipRecord, RequestRecord } from './gdap.data.ts'

/*
 * Graph v1.0's GDAP entities as Graph writes them (@odata.type, @odata.etag, ISO dates, unifiedRoles)
 * from the records gdap.data.ts reads.
 */

/** ETags carry the row's version; weak, opaque, as Graph's are. */
export const etag = (id: string, version: number) =>
  `W/"${Buffer.from(`${id}:${version}`).toString('base64')}"`

const iso = (d: Date | null) => (d ? d.toISOString() : null)
const unifiedRoles = (ids: string[]) => ({
  unifiedRoles: ids.map((roleDefinitionId) => ({ roleDefinitionId })),
})

export function presentRelationship(r: RelationshipRecord) {
  return {
    '@odata.type': '#microsoft.graph.delegatedAdminRelationship' as const,
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

export const presentRequest = (q: RequestRecord) => ({
  '@odata.type': '#microsoft.graph.delegatedAdminRelationshipRequest' as const,
  id: q.id,
  action: q.action,
  status: q.status,
  createdDateTime: q.createdAt.toISOString(),
  lastModifiedDateTime: q.lastModifiedAt.toISOString(),
})

export const presentAssignment = (a: AssignmentRecord) => ({
  '@odata.type': '#microsoft.graph.delegatedAdminAccessAssignment' as const,
  '@odata.etag': etag(a.id, a.version),
  id: a.id,
  status: a.status,
  createdDateTime: a.createdAt.toISOString(),
  lastModifiedDateTime: a.lastModifiedAt.toISOString(),
  accessContainer: { accessContainerId: a.groupId, accessContainerType: 'securityGroup' as const },
  accessDetails: unifiedRoles(a.roles.map((r) => r.id)),
})

export const presentOperation = (o: OperationRecord) => ({
  '@odata.type': '#microsoft.graph.delegatedAdminRelationshipOperation' as const,
  '@odata.etag': etag(o.id, o.version),
  id: o.id,
  operationType: o.operationType,
  data: JSON.stringify(o.data),
  status: o.status,
  createdDateTime: o.createdAt.toISOString(),
  lastModifiedDateTime: o.lastModifiedAt.toISOString(),
})
