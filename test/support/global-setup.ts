import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { ensureCatalog } from '../../src/catalog/catalog.ts'
import { seedDemoWorld } from '../../src/demo/seed.ts'
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts'
import { admin } from './postgres-admin.ts'
import { migrateToLatest } from '../../src/platform/db/migrate.ts'
import { TEMPLATE_DB_KEY, TEMPLATE_DUMP_KEY, TEST_PASSWORD } from './constants.ts'
import { dialects, postgresUrlFor } from './dialects.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string
    postgresTemplateDb: string
  }
}

async function prepare(handle: DatabaseHandle): Promise<void> {
  await migrateToLatest(handle.db)
  await ensureCatalog(handle.db)
  await seedDemoWorld(handle.db, { password: TEST_PASSWORD })
}

/**
 * Builds, once per run, a migrated database holding the demo world; every test file starts from a
 * fresh copy of it: a PGlite data-directory dump, or a PostgreSQL template database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: (() => Promise<void>)[] = []
  const selected = dialects()

  if (selected.includes('pglite')) {
    const dir = mkdtempSync(join(tmpdir(), 'tramite-template-'))
    const handle = await openDatabase({ kind: 'pglite', dir: 'memory://' })
    await prepare(handle)
    const dump = await handle.pglite!.dumpDataDir('none')
    const path = join(dir, 'template.tar')
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()))
    await handle.close()
    project.provide(TEMPLATE_DUMP_KEY, path)
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
  }

  if (selected.includes('postgres')) {
    const name = `tramite_template_${process.pid}`
    await admin(async (c) => {
      await c.query(`drop database if exists ${name}`)
      await c.query(`create database ${name}`)
    })
    const handle = await openDatabase({ kind: 'postgres', url: postgresUrlFor(name) })
    await prepare(handle)
    await handle.close()
    project.provide(TEMPLATE_DB_KEY, name)
    cleanups.push(async () => {
      await admin(async (c) => {
        const leftovers = await c.query<{ datname: string }>(
          `select datname from pg_database where datname like 'tramite_t_${process.pid}_%' or datname = $1`,
          [name],
        )
        for (const row of leftovers.rows) await c.query(`drop database if exists ${row.datname} with (force)`)
      })
    })
  }

  return async () => {
    for (const cleanup of cleanups) await cleanup()
  }
}
