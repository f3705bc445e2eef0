import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asOf, listRelationships } from '../../src/gdap/gdap.data.ts'
import { openTestDatabase, type TestDatabase } from '../support/database.ts'
import { dialects } from '../support/dialects.ts'

const DAY = 86400_000
const STATUSES = [
  'created',
  'approvalPending',
  'activating',
  'active',
  'expiring',
  'terminating',
  'terminated',
  'expired',
] as const

describe.each(dialects())('effective GDAP status: SQL filters and lifecycle.ts agree (%s)', (dialect) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await openTestDatabase(dialect)
  })
  afterAll(() => t?.close())

  it('when stored statuses, end dates, auto-extend and approval dates vary, then filtering by status finds exactly what effectiveState says', async () => {
    const ids = (await t.db.selectFrom('gdap_relationships').select('id').execute()).map((r) => r.id)
    const now = new Date()
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(
          ...ids.map(() =>
            fc.record({
              status: fc.constantFrom(...STATUSES),
              endDays: fc.option(fc.integer({ min: -300, max: 300 })),
              autoExtend: fc.boolean(),
              approvalDays: fc.option(fc.integer({ min: -120, max: 0 })),
            }),
          ),
        ),
        async (rows) => {
          for (const [i, row] of rows.entries()) {
            await t.db
              .updateTable('gdap_relationships')
              .set({
                status: row.status,
                end_at: row.endDays === null ? null : new Date(now.getTime() + row.endDays * DAY),
                auto_extend_duration: row.autoExtend ? 'P180D' : 'PT0S',
                approval_requested_at:
                  row.approvalDays === null ? null : new Date(now.getTime() + row.approvalDays * DAY),
              })
              .where('id', '=', ids[i]!)
              .execute()
          }
          const all = await listRelationships(t.db, { now, offset: 0, limit: 100 })
          for (const status of STATUSES) {
            const bySql = (await listRelationships(t.db, { now, status, offset: 0, limit: 100 }))
              .map((r) => r.id)
              .sort()
            const byLifecycle = all
              .filter((r) => asOf(r, now).status === status)
              .map((r) => r.id)
              .sort()
            expect(bySql, status).toEqual(byLifecycle)
          }
        },
      ),
      { numRuns: 20 },
    )
  })
})
