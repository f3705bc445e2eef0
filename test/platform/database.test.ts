import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../src/platform/db/migrate.ts'
import { migrations } from '../../src/platform/db/migrations/index.ts'
import { openDatabase } from '../../src/platform/db/database.ts'
import { openEmptyDatabase, openTestDatabase, type TestDatabase } from '../support/database.ts'
import { dialects } from '../support/dialects.ts'

describe.each(dialects())('database (%s)', (dialect) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await openTestDatabase(dialect)
  })
  afterAll(() => t?.close())

  it('when values of every type are read, then they parse the same way on both engines', async () => {
    const row = (
      await sql<Record<string, unknown>>`
        select count(*) as n, 9007199254740991::int8 as big, 12.50::numeric as amount,
               date '2026-03-01' as day, timestamptz '2026-03-01 10:00:00+01' as at,
               '{"a":[1,2]}'::jsonb as doc, true as flag, gen_random_uuid() as id`.execute(t.db)
    ).rows[0]!
    expect(row.n).toBe(1)
    expect(row.big).toBe(9007199254740991)
    expect(row.amount).toBe('12.50')
    expect(row.day).toBe('2026-03-01')
    expect(row.at).toBeInstanceOf(Date)
    expect((row.at as Date).toISOString()).toBe('2026-03-01T09:00:00.000Z')
    expect(row.doc).toEqual({ a: [1, 2] })
    expect(row.flag).toBe(true)
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('when a bigint beyond 2^53 is read as a number, then it fails loudly instead of rounding', async () => {
    await expect(sql`select 9007199254740993::int8 as too_big`.execute(t.db)).rejects.toThrow(/beyond 2\^53/)
  })

  it('when migrations run again on a migrated database, then nothing is applied', async () => {
    expect(await migrateToLatest(t.db)).toEqual([])
  })

  it('when a unique key is violated, then the error code is 23505 on both engines and the transaction rolls back', async () => {
    const before = await t.db
      .selectFrom('tenants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const attempt = t.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('tenants')
        .values({
          id: crypto.randomUUID(),
          kind: 'customer',
          display_name: 'X',
          default_domain: 'x.example',
          locale: 'en-US',
          country: 'US',
        })
        .execute()
      await trx
        .insertInto('tenants')
        .values({
          id: crypto.randomUUID(),
          kind: 'customer',
          display_name: 'Y',
          default_domain: 'x.example',
          locale: 'en-US',
          country: 'US',
        })
        .execute()
    })
    await expect(attempt).rejects.toMatchObject({ code: '23505' })
    const after = await t.db
      .selectFrom('tenants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })

  it('when a transaction is open, then a concurrent write outside it neither joins it nor is lost with its rollback', async () => {
    let release!: () => void
    let inserted!: () => void
    const hold = new Promise<void>((r) => (release = r))
    const insideDone = new Promise<void>((r) => (inserted = r))
    const tx = t.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('app_meta')
        .values({ key: 'isolation-probe', value: JSON.stringify(1) })
        .execute()
      inserted()
      await hold
      throw new Error('roll back')
    })
    await insideDone
    // issued while the transaction is open; must not be awaited before the transaction ends (one connection)
    const outside = t.db
      .insertInto('app_meta')
      .values({ key: 'outside-write', value: JSON.stringify(2) })
      .execute()
    await new Promise((r) => setTimeout(r, 50))
    release()
    await expect(tx).rejects.toThrow('roll back')
    await outside
    const keys = (await t.db.selectFrom('app_meta').select('key').execute()).map((r) => r.key)
    expect(keys).toContain('outside-write')
    expect(keys).not.toContain('isolation-probe')
  })
})

describe.each(dialects().filter((d) => d === 'postgres'))('migrations on PostgreSQL (%s)', (dialect) => {
  it('when several instances start at once on an empty database, then each migration is applied exactly once', async () => {
    const empty = await openEmptyDatabase(dialect)
    try {
      const instances = await Promise.all(
        [1, 2, 3, 4].map(() => openDatabase({ kind: 'postgres', url: empty.url! })),
      )
      const results = await Promise.all(instances.map((i) => migrateToLatest(i.db)))
      await Promise.all(instances.map((i) => i.close()))
      const applied = results.flat()
      expect(applied.sort()).toEqual(Object.keys(migrations).sort())
      const rows = await sql<{ name: string }>`select name from schema_migrations`.execute(empty.db)
      expect(rows.rows.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort())
    } finally {
      await empty.close()
    }
  })
})
