import { type RawBuilder, sql } from 'kysely'
import type { Db } from './database.ts'

/**
 * How many rows a list holds, counted only up to a cap: an exact `count(*)` of a filter that
 * matches most of a million rows reads all of them, while a count that stops at the cap costs the
 * same at any size. Lists show "10,000+" when `capped` is true.
 */
export interface CappedCount {
  count: number
  /** More rows match than `count` says (it is the cap). */
  capped: boolean
}

/** The cap of the lists' totals (the desk, the portals): past it they say "10,000+". */
export const LIST_COUNT_CAP = 10_000

/**
 * Counts the rows of `from` (a table or subquery with its alias, e.g. sql`service_requests r`)
 * matching `where`, up to `cap`. Reusable by any list that shows a total (saved views' counts too).
 */
export async function countUpTo(
  db: Db,
  from: RawBuilder<unknown>,
  where: RawBuilder<boolean>,
  cap: number = LIST_COUNT_CAP,
): Promise<CappedCount> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from (select 1 from ${from} where ${where} limit ${sql.lit(cap + 1)}) capped`.execute(
    db,
  )
  const n = rows[0]?.n ?? 0
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false }
}
