import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CompiledOnce } from '../../src/platform/db/compiled-once.ts'
import { openEmptyDatabase, type TestDatabase } from '../support/database.ts'
import { dialects } from '../support/dialects.ts'

describe.each(dialects())('Statements compiled once per shape (%s)', (dialect) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await openEmptyDatabase(dialect)
  })
  afterAll(() => t?.close())

  it('when a shape runs with different values, then it is built once and each run answers for its own values, constants kept', async () => {
    let builds = 0
    const statement = new CompiledOnce<
      { n: number; word: string | null },
      { n: number; word: string | null; k: string }
    >((v, shape, db) => {
      builds++
      const upper = shape === 'upper'
      return sql<{ n: number; word: string | null; k: string }>`select ${v.n}::int4 as n,
          ${upper ? sql`upper(${v.word}::text)` : sql`${v.word}::text`} as word, ${'constant'}::text as k`.compile(
        db,
      )
    })
    expect((await statement.execute(t.db, 'plain', { n: 1, word: 'uno' })).rows).toEqual([
      { n: 1, word: 'uno', k: 'constant' },
    ])
    expect((await statement.execute(t.db, 'plain', { n: 2, word: null })).rows).toEqual([
      { n: 2, word: null, k: 'constant' },
    ])
    expect((await statement.execute(t.db, 'upper', { n: 3, word: 'tre' })).rows).toEqual([
      { n: 3, word: 'TRE', k: 'constant' },
    ])
    expect((await statement.execute(t.db, 'upper', { n: 4, word: 'quattro' })).rows).toEqual([
      { n: 4, word: 'QUATTRO', k: 'constant' },
    ])
    expect(builds).toBe(2)
    // in a transaction as well
    const inside = await t.db
      .transaction()
      .execute(async (trx) => (await statement.execute(trx, 'plain', { n: 5, word: 'cinque' })).rows)
    expect(inside).toEqual([{ n: 5, word: 'cinque', k: 'constant' }])
  })

  it('when a call lacks a value its shape takes, then it fails before anything is sent', () => {
    const statement = new CompiledOnce<Record<string, unknown>, { a: string }>((v, _shape, db) =>
      sql<{ a: string }>`select ${v.a}::text as a`.compile(db),
    )
    statement.query(t.db, 'one', { a: 'x' })
    expect(() => statement.query(t.db, 'one', { b: 'x' })).toThrow(/no value for the slot a/)
  })
})
