import { readFileSync } from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { type DatabaseHandle, openDatabase, withDefaultUser } from '../../src/platform/db/database.ts'
import { TEMPLATE_DB_KEY, TEMPLATE_DUMP_KEY } from './constants.ts'
import { type Dialect, postgresUrlFor } from './dialects.ts'
import { admin } from './postgres-admin.ts'

let counter = 0

export interface TestDatabase extends DatabaseHandle {
  dialect: Dialect
  /** For PostgreSQL: the connection string of this database (for server processes under test). */
  url?: string
}

/** A new PostgreSQL database for this test file, from the run's template or empty; close() drops it. */
async function postgresDatabase(fromTemplate: boolean): Promise<TestDatabase> {
  const template = inject(TEMPLATE_DB_KEY)
  const runId = template.replace('tramite_template_', '')
  const name = `tramite_t_${runId}_${process.pid}_${++counter}`
  await admin((c) => c.query(`create database ${name}${fromTemplate ? ` template ${template}` : ''}`))
  const url = postgresUrlFor(name)
  const handle = await openDatabase({ kind: 'postgres', url }, { poolMax: 5 })
  return {
    ...handle,
    dialect: 'postgres',
    url,
    async close() {
      await handle.close()
      await admin((c) => c.query(`drop database if exists ${name} with (force)`))
    },
  }
}

/** A fresh copy of the migrated demo-world database, on the given engine; close() discards it. */
export async function openTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'postgres') return postgresDatabase(true)
  const dump = readFileSync(inject(TEMPLATE_DUMP_KEY))
  const handle = await openDatabase(
    { kind: 'pglite', dir: 'memory://' },
    { pgliteTemplate: new Blob([dump]) },
  )
  return { ...handle, dialect }
}

/** An empty database (no migrations), for migration tests. */
export async function openEmptyDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'postgres') return postgresDatabase(false)
  return { ...(await openDatabase({ kind: 'pglite', dir: 'memory://' })), dialect }
}

/**
 * Runs a statement the way a writer outside the server under test would (a script, the CLI,
 * another instance): its own PostgreSQL connection, or PGlite's handle underneath the server's pool.
 */
export async function writeFromElsewhere(
  db: TestDatabase,
  statement: string,
  values: unknown[],
): Promise<void> {
  if (db.url) {
    const client = new pg.Client({ connectionString: withDefaultUser(db.url) })
    await client.connect()
    try {
      await client.query(statement, values)
    } finally {
      await client.end()
    }
  } else {
    await db.pglite!.query(statement, values)
  }
}
