import { sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import { rateLimited } from '../platform/errors.ts'

/**
 * The one spelling of a sign-in name: Unicode NFKC (a full-width space or letter becomes its plain
 * form), trimmed of any white space, lower-cased. Throttles and look-ups key on it, so
 * `" Nora@Northwind.example"` and `"nora@northwind.example"` are one account, one bucket.
 */
export function normaliseIdentity(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase()
}

const ACCOUNT_WINDOW_MS = 15 * 60_000

/**
 * Failed sign-ins per account from every address together. Up to `limit` failures in 15 minutes
 * are allowed; then the account's password sign-in waits until those 15 minutes are over (429
 * with the time left; single sign-on and "forgot password" still work). Kept in the database (rate_limits) so every instance counts
 * the same attempts. An unknown account is counted like a known one (nothing tells them apart).
 */
export async function assertAccountNotLocked(
  db: Db,
  identity: string,
  limit: number,
  now: Date,
): Promise<void> {
  const row = await db
    .selectFrom('rate_limits')
    .select(['hits', 'reset_at'])
    .where('key', '=', accountKey(identity))
    .executeTakeFirst()
  if (row && row.hits >= limit && row.reset_at > now) {
    throw rateLimited(Math.ceil((row.reset_at.getTime() - now.getTime()) / 1000))
  }
}

export async function recordFailedSignIn(db: Db, identity: string, now: Date): Promise<void> {
  const windowEnd = new Date(now.getTime() + ACCOUNT_WINDOW_MS)
  await sql`
    insert into rate_limits (key, hits, reset_at) values (${accountKey(identity)}, 1, ${windowEnd})
    on conflict (key) do update set
      hits = case when rate_limits.reset_at <= ${now} then 1 else rate_limits.hits + 1 end,
      reset_at = case when rate_limits.reset_at <= ${now} then excluded.reset_at else rate_limits.reset_at end`.execute(
    db,
  )
}

/** A successful sign-in (password and, when asked, the second factor) clears the account's count. */
export async function clearFailedSignIns(db: Db, identity: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', accountKey(identity)).execute()
}

const accountKey = (identity: string): string => `signin-account:${normaliseIdentity(identity)}`
