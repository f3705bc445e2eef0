/**
 * Makes the PGlite template (pglite-template.ts): `node dist/pglite-template.build.js <dump> <manifest>`,
 * run by scripts/build-server.mjs right after it bundles this file.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { create } from 'tar'
import { ensureCatalog } from '../../catalog/catalog.ts'
import { openDatabase } from './database.ts'
import { migrateToLatest } from './migrate.ts'
import { migrations } from './migrations/index.ts'

const [dumpPath, manifestPath] = process.argv.slice(2)
if (!dumpPath || !manifestPath) throw new Error('usage: pglite-template.build.js <dump> <manifest>')
const work = mkdtempSync(join(tmpdir(), 'tramite-template-'))
try {
  const dir = join(work, 'pglite')
  const handle = await openDatabase({ kind: 'pglite', dir })
  try {
    await migrateToLatest(handle.db)
    // the catalog too (a first start then finds its fingerprint current and writes nothing)
    await ensureCatalog(handle.db)
  } finally {
    await handle.close()
  }
  // The directory's files once PGlite has shut PostgreSQL down: its control file then says so, and
  // a directory unpacked from them opens as an existing one does. (A dump of the running engine,
  // PGlite's dumpDataDir, said "in production": every first start ran crash recovery and a checkpoint.)
  // A plain tar: a first start reads it without inflating ~40 MB (tar-unpack.ts).
  create({ sync: true, portable: true, file: dumpPath, cwd: dir }, readdirSync(dir))
  writeFileSync(manifestPath, JSON.stringify({ migrations: Object.keys(migrations) }))
} finally {
  rmSync(work, { recursive: true, force: true })
}
