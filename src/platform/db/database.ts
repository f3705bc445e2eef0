import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { userInfo } from 'node:os'
import { dirname, join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import pg from 'pg'
import { startPhase } from '../start-timing.ts'
import { raiseWasmTieringBudget } from '../wasm-tiering.ts'
import { preparing, preparingPglite } from './prepared.ts'
import type { Database } from './schema.ts'
import { unpackTar } from './tar-unpack.ts'
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
  /**
   * A PGlite data-directory dump (a tar, plain or gzipped) a new directory is made from (pglite-template.ts): its
   * files are unpacked straight into the directory.
   */
  pgliteTemplateFile?: string | undefined
  /** PGlite's shared_buffers in MB (PGLITE_SHARED_BUFFERS_MB); 16 unless given. */
  pgliteSharedBuffersMb?: number
  /**
   * A server's start: an existing PGlite directory is opened with a raised WebAssembly tiering
   * budget, V8's own once it listens (wasm-tiering.ts).
   */
  deferWasmTierUp?: boolean
}

/**
 * PGlite's WebAssembly memory grows to what PostgreSQL touches and never gives it back; its
 * default shared_buffers (128 MB) alone makes an idle server weigh ~130 MB more (docs/benchmarks.md).
 */
export const pgliteStartParams = (sharedBuffersMb = 16): string[] => [
  ...PGlite.defaultStartParams,
  '-c',
  `shared_buffers=${sharedBuffersMb}MB`,
]

/** The size of a PGlite engine's WebAssembly memory in bytes (0 before it started or after it closed). */
export function pgliteWasmMemoryBytes(pglite: PGlite): number {
  // `mod` (the Emscripten module) is protected in PGlite's types; its memory is what it grew to
  const mod = (pglite as unknown as { mod?: { HEAPU8?: Uint8Array } }).mod
  return mod?.HEAPU8?.buffer.byteLength ?? 0
}

export async function openDatabase(
  target: DatabaseTarget,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = preparing(
      new pg.Pool({
        connectionString: withDefaultUser(target.url),
        max: options.poolMax ?? 10,
        types: pgTypes,
        application_name: 'tramite',
      }),
    )
    // An idle client losing its server (restart, network) must not crash the process.
    pool.on('error', () => undefined)
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgres', close: () => db.destroy() }
  }

  if (!target.dir.startsWith('memory://')) {
    if (options.deferWasmTierUp && existsSync(join(target.dir, 'PG_VERSION'))) raiseWasmTieringBudget()
    mkdirSync(dirname(target.dir), { recursive: true, mode: 0o700 })
    if (!options.pgliteTemplate) await initdbApart(target.dir, options.pgliteTemplateFile)
    startPhase('data directory ready')
  }
  const pglite = await PGlite.create(target.dir, {
    parsers: textParsers,
    startParams: pgliteStartParams(options.pgliteSharedBuffersMb),
    ...(options.pgliteTemplate ? { loadDataDir: options.pgliteTemplate } : {}),
  })
  // PGlite is a single connection; Kysely's PGlite adapter lends it to one caller at a time, so a
  // query issued while a transaction is open waits for it instead of running inside it.
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: preparingPglite(pglite) }) })
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

/**
 * A new PGlite data directory is made by initdb, which PGlite runs in a second WebAssembly
 * instance and then copies through a tarball in memory: some 450 MB the process never gives back
 * to the system once freed (an idle server weighed 886 MB after a first start); loading a template
 * dump through PGlite costs ~100 MB the same way. So a template's files are unpacked straight into
 * the new directory (no PostgreSQL needed: the dump is the directory's files); without one, or
 * when it cannot be unpacked, a short child process runs initdb. This process then opens the
 * directory like any existing one.
 * Where the child cannot be started (no module resolution), PGlite makes it here as before.
 */
async function initdbApart(dir: string, templateFile: string | undefined): Promise<void> {
  if (existsSync(join(dir, 'PG_VERSION'))) return
  if (templateFile && unpackTemplate(templateFile, dir)) return
  let pglitePath: string
  try {
    pglitePath = createRequire(import.meta.url).resolve('@electric-sql/pglite')
  } catch {
    return
  }
  const code = `const { PGlite } = require(${JSON.stringify(pglitePath)})
PGlite.create(process.argv[1])
  .then((db) => db.close())
  .catch((error) => {
    console.error(error)
    process.exit(1)
  })`
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code, dir], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (status) =>
      status === 0
        ? resolve()
        : reject(new Error(`creating the PGlite database in ${dir} failed (${status}): ${stderr.trim()}`)),
    )
  })
}

/**
 * Makes the new data directory `dir` from the template dump, whole or not at all: unpacked beside
 * it, then renamed into place (replacing an empty directory). False when that failed (a dump this
 * code cannot read, a directory already holding files); the caller then lets PGlite make it.
 */
function unpackTemplate(templateFile: string, dir: string): boolean {
  const partial = `${dir}.unpacking-${process.pid}`
  try {
    unpackTar(templateFile, partial)
    renameSync(partial, dir)
    return true
  } catch {
    rmSync(partial, { recursive: true, force: true })
    return false
  }
}
