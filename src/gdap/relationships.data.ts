import type { Db } from '../platform/db/database.ts'
import type { AssignmentStatus, GdapStatus } from '../platform/db/schema.ts'
import { asOf, listAssignments, listRelationships as listRecords } from './gdap.data.ts'

/** A relationship as the portal's customer page shows it: effective status, roles and assignments. */
export interface RelationshipSummary {
  id: string
  displayName: string
  partnerTenantId: string
  customerTenantId: string | null
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

/** The GDAP relationships between one partner and one customer, with roles and assignments, as of `now`. */
export async function listRelationships(
  db: Db,
  partnerTenantId: string,
  customerTenantId: string,
  now: Date,
): Promise<RelationshipSummary[]> {
  const records = await listRecords(db, { partnerTenantId, customerTenantId, now, offset: 0, limit: 500 })
  return Promise.all(
    records.map(async (record) => {
      const r = asOf(record, now)
      const assignments = await listAssignments(db, r.id)
      return {
        id: r.id,
        displayName: r.displayName,
        partnerTenantId: r.partnerTenantId,
        customerTenantId: r.customerTenantId,
        status: r.status,
        duration: r.duration,
        autoExtendDuration: r.autoExtendDuration,
        createdAt: r.createdAt,
        activatedAt: r.activatedAt,
        endAt: r.endAt,
        roles: r.roles,
        assignments: assignments.map((a) => ({
          id: a.id,
          status: a.status,
          group: { id: a.groupId, displayName: a.groupName },
          roles: a.roles,
        })),
      }
    }),
  )
}
