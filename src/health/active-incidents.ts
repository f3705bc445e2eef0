import type { Db } from '../platform/db/database.ts'
import type { WorkloadId } from '../platform/db/schema.ts'
import type { IncidentFact } from '../policy/facts.ts'
import { listIncidents } from './health.data.ts'

/**
 * R4: the unresolved incidents and advisories affecting `tenantId` in `workload`. The policy lists
 * them first in every decision: check service health before escalating with a service request.
 */
export async function activeIncidents(
  db: Db,
  tenantId: string,
  workload: WorkloadId,
  _now: Date,
): Promise<IncidentFact[]> {
  if (workload === 'marketplace') return []
  const incidents = await listIncidents(db, { tenantId, workload, activeOnly: true, offset: 0, limit: 50 })
  return incidents.map((i) => ({
    id: i.id,
    title: i.title,
    status: i.status,
    workload,
    startedAt: i.startAt,
  }))
}
