import { sql } from 'kysely'
import type { Db } from '../db/database.ts'

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void

/**
 * A @fastify/rate-limit store in the database, so that every instance on one PostgreSQL counts
 * the same attempts (an in-memory counter per instance would multiply the limit).
 */
export function databaseRateLimitStore(db: Db) {
  return class DatabaseRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      const resetAt = new Date(Date.now() + timeWindow)
      sql<{ hits: number; reset_at: Date }>`
        insert into rate_limits (key, hits, reset_at) values (${key}, 1, ${resetAt})
        on conflict (key) do update set
          hits = case when rate_limits.reset_at <= now() then 1 else rate_limits.hits + 1 end,
          reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
        returning hits, reset_at`
        .execute(db)
        .then((result) => {
          const row = result.rows[0]!
          callback(null, { current: row.hits, ttl: Math.max(0, row.reset_at.getTime() - Date.now()) })
        })
        .catch((error: Error) => callback(error))
    }

    child(): DatabaseRateLimitStore {
      return new DatabaseRateLimitStore()
    }
  }
}
