import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prepared } from '../../src/platform/db/prepared.ts'
import { openEmptyDatabase, type TestDatabase } from '../support/database.ts'
import { dialects } from '../support/dialects.ts'

describe.each(dialects())('Prepared statements (%s)', (dialect) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await openEmptyDatabase(dialect)
  })
  afterAll(() => t?.close())

  it('when a marked statement runs with different values, then each run answers for its own values', async () => {
    const ask = (n: number, word: string) =>
      sql<{ n: number; word: string }>`${prepared} select ${n}::int4 as n, ${word}::text as word`.execute(
        t.db,
      )
    for (const [n, word] of [
      [1, 'uno'],
      [2, 'due'],
      [3, 'tre'],
    ] as const) {
      expect((await ask(n, word)).rows).toEqual([{ n, word }])
    }
    const ended = await t.db
      .selectNoFrom(sql<number>`${7}::int4`.as('n'))
      .modifyEnd(prepared)
      .execute()
    expect(ended).toEqual([{ n: 7 }])
  })

  it('when a marked statement runs in a transaction, then PostgreSQL keeps it prepared on the connection (PGlite runs it as it comes) and never an unmarked one', async () => {
    const kept = await t.db.transaction().execute(async (trx) => {
      await sql`${prepared} select 'alpha-kept' as m`.execute(trx)
      await sql`select 'beta-unnamed' as m`.execute(trx)
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
        trx,
      )
      return rows.map((r) => r.statement)
    })
    expect(kept.filter((s) => s.includes("'alpha-kept'"))).toHaveLength(dialect === 'postgres' ? 1 : 0)
    expect(kept.filter((s) => s.includes("'beta-unnamed'"))).toEqual([])
  })

  it('when a marked statement fails, then the error is the database’s and the next call runs', async () => {
    const cast = (text: string) => sql<{ id: string }>`${prepared} select ${text}::uuid as id`.execute(t.db)
    await expect(cast('not-a-uuid')).rejects.toMatchObject({ code: '22P02' })
    const id = '6f1d3c2a-8a53-4b8e-9d7e-3c1b2a4f5e60'
    expect((await cast(id)).rows).toEqual([{ id }])
  })
})

/** PGlite's one session keeps marked statements prepared itself (PostgreSQL's pool: pg does). */
describe('Prepared statements on PGlite', () => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await openEmptyDatabase('pglite')
  })
  afterAll(() => t?.close())

  it('when a marked statement runs outside a transaction, then the session keeps it prepared, and prepares it again once the session lost it', async () => {
    const ask = (word: string) =>
      sql<{ word: string }>`${prepared} select ${word}::text as word, 'gamma-kept' as m`.execute(t.db)
    const keptNow = async () =>
      (
        await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(t.db)
      ).rows.filter((r) => r.statement.includes("'gamma-kept'"))
    expect((await ask('uno')).rows).toEqual([{ word: 'uno', m: 'gamma-kept' }])
    expect(await keptNow()).toHaveLength(1)
    await sql`deallocate all`.execute(t.db)
    expect(await keptNow()).toHaveLength(0)
    expect((await ask('due')).rows).toEqual([{ word: 'due', m: 'gamma-kept' }])
    expect(await keptNow()).toHaveLength(1)
  })
})
