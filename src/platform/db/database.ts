import { mkdirSync } from 'node:fs'
import { userInfo } from 'node:os'
import { dirname } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema.ts'
import { textParsers } from './type-parsers.ts'

export type Db = Kysely<Database>

export type DatabaseTarget = { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string }

export interface DatabaseHandle {
  readonly db: Db
  readonly kind: DatabaseTarget['kind']
  /** The embedded engine, when the database is PGlite (tests dump and load its data directory). */
  readonly pglite?: PGlite
  close(): Promise<void>
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return textParsers[oid] ?? pg.types.getTypeParser(oid, format)
  },
}

/** Like libpq (psql), a URL without a user name connects as PGUSER or the operating-system user. */
export function withDefaultUser(url: string): string {
  const parsed = new URL(url)
  if (!parsed.username) parsed.username = encodeURIComponent(process.env.PGUSER || userInfo().username)
  return parsed.toString()
}

export interface OpenOptions {
  poolMax?: number
  /** A PGlite data-directory dump to start from (tests start from a migrated, seeded template). */
  pgliteTemplate?: Blob
}

export async function openDatabase(
  target: DatabaseTarget,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: withDefaultUser(target.url),
      max: options.poolMax ?? 10,
      types: pgTypes,
      application_name: 'tramite',
    })
    // An idle client losing its server (restart, network) must not crash the process.
    pool.on('error', () => undefined)
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgres', close: () => db.destroy() }
  }

  if (!target.dir.startsWith('memory://')) mkdirSync(dirname(target.dir), { recursive: true, mode: 0o700 })
  const pglite = await PGlite.create(target.dir, {
    parsers: textParsers,
    ...(options.pgliteTemplate ? { loadDataDir: options.pgliteTemplate } : {}),
  })
  // PGlite is a single connection; Kysely's PGlite adapter lends it to one caller at a time, so a
  // query issued while a transaction is open waits for it instead of running inside it.
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) })
  return {
    db,
    kind: 'pglite',
    pglite,
    async close() {
      await db.destroy()
      if (!pglite.closed) await pglite.close()
    },
  }
}
