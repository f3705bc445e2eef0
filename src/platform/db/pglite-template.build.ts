/**
 * Makes the PGlite template (pglite-template.ts): `node dist/pglite-template.build.js <dump> <manifest>`,
 * run by scripts/build-server.mjs right after it bundles this file.
 */
import { writeFileSync } from 'node:fs'
import { ensureCatalog } from '../../catalog/catalog.ts'
import { openDatabase } from './database.ts'
import { migrateToLatest } from './migrate.ts'
import { migrations } from './migrations/index.ts'

const [dumpPath, manifestPath] = process.argv.slice(2)
if (!dumpPath || !manifestPath) throw new Error('usage: pglite-template.build.js <dump> <manifest>')
const handle = await openDatabase({ kind: 'pglite', dir: 'memory://' })
try {
  await migrateToLatest(handle.db)
  // the catalog too (a first start then finds its fingerprint current and writes nothing)
  await ensureCatalog(handle.db)
  // a checkpoint first: the directory unpacked from the dump then opens with nothing to replay
  await handle.pglite!.exec('checkpoint')
  // uncompressed: a first start then reads it without inflating ~40 MB (tar-unpack.ts)
  const dump = await handle.pglite!.dumpDataDir('none')
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()))
  writeFileSync(manifestPath, JSON.stringify({ migrations: Object.keys(migrations) }))
} finally {
  await handle.close()
}
