import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext } from '../../src/app.ts'
import { loadConfig } from '../../src/config/config.ts'
import { tenantIdOf } from '../../src/demo/world.ts'
import { runGdapJobs } from '../../src/gdap/gdap.jobs.ts'
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.ts'
import { openTestDatabase, type TestDatabase } from '../support/database.ts'
import { dialects } from '../support/dialects.ts'

const DAY = 86400_000

// On PostgreSQL: four instances, each with its own pool, on one database. On PGlite (one process
// per data directory): four overlapping runs in the process.
describe.each(dialects())('scheduled GDAP work run concurrently (%s)', (dialect) => {
  let t: TestDatabase
  let instances: DatabaseHandle[] = []
  beforeAll(async () => {
    t = await openTestDatabase(dialect)
    instances =
      dialect === 'postgres'
        ? await Promise.all(
            [1, 2, 3, 4].map(() => openDatabase({ kind: 'postgres', url: t.url! }, { poolMax: 3 })),
          )
        : [t, t, t, t]
  })
  afterAll(async () => {
    if (dialect === 'postgres') await Promise.all(instances.map((i) => i.close()))
    await t?.close()
  })

  it('when four runs of the jobs overlap, then each transition and each notice happens exactly once', async () => {
    const rossi = tenantIdOf('rossi.example')
    const bianchi = tenantIdOf('bianchi.example')
    await t.db
      .updateTable('gdap_relationships')
      .set({ end_at: new Date(Date.now() + 5 * DAY) })
      .where('customer_tenant_id', '=', rossi)
      .execute()
    await t.db
      .updateTable('gdap_relationships')
      .set({ status: 'activating' })
      .where('customer_tenant_id', '=', bianchi)
      .execute()
    const bianchiRelationships = (
      await t.db
        .selectFrom('gdap_relationships')
        .select('id')
        .where('customer_tenant_id', '=', bianchi)
        .execute()
    ).map((r) => r.id)
    await t.db
      .updateTable('gdap_access_assignments')
      .set({ status: 'pending' })
      .where('relationship_id', 'in', bianchiRelationships)
      .execute()

    // the demo world's own notices are not the jobs': only those sent from here on count
    const { last } = await t.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('last'))
      .executeTakeFirstOrThrow()
    const config = loadConfig({ ...(t.url ? { DATABASE_URL: t.url } : {}), LOG_LEVEL: 'silent' })
    const contexts = instances.map((i) => createContext(config, i))
    for (let round = 0; round < 3; round++) await Promise.all(contexts.map((ctx) => runGdapJobs(ctx)))

    const count = async (action: string) =>
      (
        await t.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n
    expect(await count('gdap.relationship.activate')).toBe(2) // Adatum-Bianchi and Northwind-Bianchi
    const assignments = await t.db
      .selectFrom('gdap_access_assignments')
      .select('status')
      .where('relationship_id', 'in', bianchiRelationships)
      .execute()
    expect(new Set(assignments.map((a) => a.status))).toEqual(new Set(['active']))
    expect(await count('gdap.assignment.activate')).toBe(assignments.length)

    const notices = await t.db
      .selectFrom('notifications')
      .select(['kind', 'user_id'])
      .where('id', '>', Number(last))
      .execute()
    const perUser = new Map<string, number>()
    for (const n of notices)
      perUser.set(`${n.user_id}:${n.kind}`, (perUser.get(`${n.user_id}:${n.kind}`) ?? 0) + 1)
    expect(notices.length).toBeGreaterThanOrEqual(2) // Fabrikam's admin agent and Rossi's administrator
    expect([...perUser.values()].every((n) => n === 1)).toBe(true)
  })
})
