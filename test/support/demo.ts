import { DEMO_INCIDENTS, DEMO_REQUESTS } from '../../src/demo/activity.ts'
import type { TestApp } from './app.ts'

/** The id of one of the demo world's own incidents (src/demo/activity.ts), by its fixed title. */
export async function demoIncidentId(t: TestApp, which: keyof typeof DEMO_INCIDENTS): Promise<string> {
  const row = await t.db.db
    .selectFrom('incidents')
    .select('id')
    .where('title', '=', DEMO_INCIDENTS[which])
    .executeTakeFirstOrThrow()
  return row.id
}

/** The ids of the demo world's own service requests (anna's at Rossi), which lists also hold. */
export async function demoRequestIds(t: TestApp): Promise<string[]> {
  const rows = await t.db.db
    .selectFrom('service_requests')
    .select('id')
    .where('title', 'in', Object.values(DEMO_REQUESTS))
    .execute()
  return rows.map((r) => r.id)
}
