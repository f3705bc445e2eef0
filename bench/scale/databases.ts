/**
 * The scale suite's databases, kept between runs (loading a million requests takes minutes):
 * on PostgreSQL one database per volume on the server of DATABASE_URL (tramite_bench_scale_100k,
 * tramite_bench_scale_1m; BENCH_SCALE_DB_PREFIX names them otherwise, for several people on one server), on PGlite one data directory per volume under BENCH_SCALE_DIR. A larger
 * volume starts as a copy of the largest smaller one and grows from there. BENCH_SCALE_RELOAD=1
 * rebuilds them; a database left by another loader version is rebuilt by itself.
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { ensureCatalog } from '../../src/catalog/catalog.ts'
import { seedDemoWorld } from '../../src/demo/seed.ts'
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrate.ts'
import { adminQuery, databaseUrl, PASSWORD } from '../support.ts'
import { BENCH_PARTNERS, LOADER_VERSION, loadedVolume, loadVolume, type Volume } from './volumes.ts'

export const CUSTOMERS = 20_000

export const label = (requests: number): string =>
  requests >= 1_000_000 && requests % 1_000_000 === 0
    ? `${requests / 1_000_000}m`
    : requests % 1000 === 0
      ? `${requests / 1000}k`
      : String(requests)

const reload = process.env.BENCH_SCALE_RELOAD === '1'
export const scaleDir = process.env.BENCH_SCALE_DIR ?? '/tmp/tramite-bench-scale'
export const dbPrefix = process.env.BENCH_SCALE_DB_PREFIX ?? 'tramite_bench_scale'
if (!/^[a-z_][a-z0-9_]*$/.test(dbPrefix))
  throw new Error('BENCH_SCALE_DB_PREFIX: lower-case letters, digits and _')

const volumeOf = (requests: number): Volume => ({ requests, customers: CUSTOMERS, partners: BENCH_PARTNERS })

/** Migrates (a reused database may miss newer migrations), then loads what is missing. */
async function prepare(handle: DatabaseHandle, requests: number, log: (line: string) => void): Promise<void> {
  const db = handle.db
  const applied = await migrateToLatest(db)
  if (applied.length) log(`  applied migrations ${applied.join(', ')}`)
  await ensureCatalog(db)
  const seed = await seedDemoWorld(db, { password: PASSWORD })
  if (seed.created) log('  demo world created')
  const before = (await loadedVolume(db))?.requests ?? 0
  if (before < requests) {
    const seconds = await loadVolume(db, volumeOf(requests), log)
    log(`  loaded ${(requests - before).toLocaleString('en')} requests in ${seconds.toFixed(0)} s`)
  }
  if (before < requests || applied.length) {
    // what autovacuum does to a table after a bulk load: statistics and the visibility map
    await sql`vacuum analyze`.execute(db)
  }
}

async function usable(open: () => Promise<DatabaseHandle>, requests: number): Promise<number | null> {
  const handle = await open()
  try {
    const loaded = await loadedVolume(handle.db).catch(() => null)
    if (!loaded || loaded.version !== LOADER_VERSION || loaded.requests > requests) return null
    return loaded.requests
  } finally {
    await handle.close()
  }
}

/** A PostgreSQL database holding `requests` requests; answers its URL. */
export async function postgresVolume(
  serverUrl: string,
  requests: number,
  smaller: number[],
  log: (line: string) => void,
): Promise<string> {
  const name = `${dbPrefix}_${label(requests)}`
  const url = databaseUrl(serverUrl, name)
  const exists = async (db: string) =>
    (await adminQuery(serverUrl, `select 1 from pg_database where datname = '${db}'`)).rowCount === 1
  const openAt = (target: string) => () => openDatabase({ kind: 'postgres', url: target }, { poolMax: 4 })
  if (reload || ((await exists(name)) && (await usable(openAt(url), requests)) === null)) {
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`)
  }
  if (!(await exists(name))) {
    const source = [...smaller].sort((a, b) => b - a).find((n) => n < requests)
    const sourceName = source ? `${dbPrefix}_${label(source)}` : null
    if (sourceName && (await exists(sourceName))) {
      log(`  ${name}: a copy of ${sourceName}`)
      await adminQuery(serverUrl, `create database ${name} template ${sourceName}`)
    } else {
      log(`  ${name}: a new database`)
      await adminQuery(serverUrl, `create database ${name}`)
    }
  }
  const handle = await openAt(url)()
  try {
    await prepare(handle, requests, log)
  } finally {
    await handle.close()
  }
  return url
}

/** A PGlite data directory (TRAMITE_DATA_DIR) holding `requests` requests; answers its path. */
export async function pgliteVolume(
  requests: number,
  smaller: number[],
  log: (line: string) => void,
): Promise<string> {
  const dataDir = join(scaleDir, `pglite-${label(requests)}`)
  const openAt = (dir: string) => () => openDatabase({ kind: 'pglite', dir: join(dir, 'pglite') })
  if (reload || (existsSync(dataDir) && (await usable(openAt(dataDir), requests)) === null)) {
    rmSync(dataDir, { recursive: true, force: true })
  }
  if (!existsSync(dataDir)) {
    const source = [...smaller].sort((a, b) => b - a).find((n) => n < requests)
    const sourceDir = source ? join(scaleDir, `pglite-${label(source)}`) : null
    if (sourceDir && existsSync(join(sourceDir, 'pglite'))) {
      log(`  ${dataDir}: a copy of ${sourceDir}`)
      cpSync(join(sourceDir, 'pglite'), join(dataDir, 'pglite'), { recursive: true })
    } else {
      log(`  ${dataDir}: a new data directory`)
      mkdirSync(dataDir, { recursive: true })
    }
  }
  const handle = await openAt(dataDir)()
  try {
    await prepare(handle, requests, log)
  } finally {
    await handle.close()
  }
  return dataDir
}
