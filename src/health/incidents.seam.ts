import type { Db } from '../platform/db/database.ts'
import type { WorkloadId } from '../platform/db/schema.ts'
import type { IncidentFact } from '../policy/facts.ts'

/**
 * R4's seam: the active service incidents affecting `tenantId` for `workload` at `now`. Service
 * health (incidents, advisories, affected tenants) is its own issue; until it lands there are none.
 * The policy lists whatever this answers first in every decision, so nothing else changes then.
 */
export async function activeIncidents(
  _db: Db,
  _tenantId: string,
  _workload: WorkloadId,
  _now: Date,
): Promise<IncidentFact[]> {
  return []
}
