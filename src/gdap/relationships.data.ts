import type { Db } from '../platform/db/database.ts'
import type { AssignmentStatus, GdapStatus } from '../platform/db/schema.ts'
import { effectiveStatus } from './relationship-status.ts'

export interface RelationshipSummary {
  id: string
  displayName: string
  partnerTenantId: string
  customerTenantId: string
  status: GdapStatus
  duration: string
  autoExtendDuration: string
  createdAt: Date
  activatedAt: Date | null
  endAt: Date | null
  roles: { id: string; displayName: string }[]
  assignments: {
    id: string
    status: AssignmentStatus
    group: { id: string; displayName: string }
    roles: { id: string; displayName: string }[]
  }[]
}

/** The GDAP relationships between one partner and one customer, with roles and assignments. */
export async function listRelationships(
  db: Db,
  partnerTenantId: string,
  customerTenantId: string,
  now: Date,
): Promise<RelationshipSummary[]> {
  const relationships = await db
    .selectFrom('gdap_relationships')
    .selectAll()
    .where('partner_tenant_id', '=', partnerTenantId)
    .where('customer_tenant_id', '=', customerTenantId)
    .orderBy('created_at', 'desc')
    .execute()
  if (relationships.length === 0) return []
  const ids = relationships.map((r) => r.id)
  const [roles, assignments, assignmentRoles] = await Promise.all([
    db
      .selectFrom('gdap_relationship_roles as rr')
      .innerJoin('directory_roles as d', 'd.id', 'rr.role_id')
      .select(['rr.relationship_id', 'd.id', 'd.display_name'])
      .where('rr.relationship_id', 'in', ids)
      .orderBy('d.display_name')
      .execute(),
    db
      .selectFrom('gdap_access_assignments as a')
      .innerJoin('security_groups as g', 'g.id', 'a.security_group_id')
      .select(['a.id', 'a.relationship_id', 'a.status', 'g.id as groupId', 'g.display_name as groupName'])
      .where('a.relationship_id', 'in', ids)
      .orderBy('g.display_name')
      .execute(),
    db
      .selectFrom('gdap_assignment_roles as ar')
      .innerJoin('gdap_access_assignments as a', 'a.id', 'ar.assignment_id')
      .innerJoin('directory_roles as d', 'd.id', 'ar.role_id')
      .select(['ar.assignment_id', 'd.id', 'd.display_name'])
      .where('a.relationship_id', 'in', ids)
      .orderBy('d.display_name')
      .execute(),
  ])
  return relationships.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    partnerTenantId: r.partner_tenant_id,
    customerTenantId: r.customer_tenant_id,
    status: effectiveStatus(r.status, r.end_at, now),
    duration: r.duration,
    autoExtendDuration: r.auto_extend_duration,
    createdAt: r.created_at,
    activatedAt: r.activated_at,
    endAt: r.end_at,
    roles: roles
      .filter((x) => x.relationship_id === r.id)
      .map((x) => ({ id: x.id, displayName: x.display_name })),
    assignments: assignments
      .filter((a) => a.relationship_id === r.id)
      .map((a) => ({
        id: a.id,
        status: a.status,
        group: { id: a.groupId, displayName: a.groupName },
        roles: assignmentRoles
          .filter((x) => x.assignment_id === a.id)
          .map((x) => ({ id: x.id, displayName: x.display_name })),
      })),
  }))
}
