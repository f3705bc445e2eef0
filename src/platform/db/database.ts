import { mkdirSync } from 'node:fs'
import { userInfo } from 'node:os'
import { dirname } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  PGliteDialect,
  PostgresDialect,
  type TransactionSettings,
} from 'kysely'
import pg from 'pg'
import type { Database } from './schema.ts'
import { textParsers } from './type-parsers.ts'

export type Db = Kysely<Database>

export type DatabaseTarget = { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string }

export interface DatabaseHandle {
  readonly db: Db
  readonly kind: DatabaseTarget['kind']
  close(): Promise<void>
}

/**
 * PGlite is one connection. Kysely's PGlite driver hands the same connection to every caller,
 * so a query issued while another caller's transaction is open would run inside it. This driver
 * lends the connection to one caller at a time (queries queue, as they would in PGlite anyway).
 */
class ExclusivePGliteDriver implements Driver {
  #queue: Promise<void> = Promise.resolve()
  #release: (() => void) | null = null

  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init()
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue
    let release!: () => void
    this.#queue = new Promise((resolve) => (release = resolve))
    await previous
    this.#release = release
    return this.inner.acquireConnection()
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(connection)
    const release = this.#release
    this.#release = null
    release?.()
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings)
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection)
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection)
  }

  async destroy(): Promise<void> {
    await this.#queue
    await this.inner.destroy()
  }
}

class ExclusivePGliteDialect extends PGliteDialect {
  override createDriver(): Driver {
    return new ExclusivePGliteDriver(super.createDriver())
  }
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return textParsers[oid] ?? pg.types.getTypeParser(oid, format)
  },
}

/** Like libpq (psql), a URL without a user name connects as PGUSER or the operating-system user. */
function withDefaultUser(url: string): string {
  const parsed = new URL(url)
  if (!parsed.username) parsed.username = encodeURIComponent(process.env.PGUSER || userInfo().username)
  return parsed.toString()
}

export interface OpenOptions {
  poolMax?: number
  /** A PGlite data-directory dump to start from (tests start from a migrated, seeded template). */
  pgliteTemplate?: Blob
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<DatabaseHandle> {
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
  const db = new Kysely<Database>({ dialect: new ExclusivePGliteDialect({ pglite }) })
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy()
      if (!pglite.closed) await pglite.close()
    },
  }
}
