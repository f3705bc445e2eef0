import pg from 'pg'
import { withDefaultUser } from '../../src/platform/db/database.ts'
import { postgresUrl } from './dialects.ts'

/** Runs statements on the PostgreSQL server as the admin connection (create/drop databases). */
export async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDefaultUser(postgresUrl()) })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
