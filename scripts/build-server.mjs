#!/usr/bin/env node
// Builds dist/tramite.cjs from src/ and its packages (run by npm's `prepare` at install and by
// `npm start`). --if-stale: only when a source or package-lock.json changed since the last build.
// Prints one line saying what it did; when esbuild is not installed it says so and exits 0
// (bin/tramite.js then compiles at run time).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  bundleOptions,
  metafile,
  outfile,
  packageLockHash,
  root,
  serverStaleReason,
  sourcesFile,
} from './server-build.mjs'

const reason = serverStaleReason({ packages: true })
if (process.argv.includes('--if-stale') && !reason) {
  console.log('server: dist/tramite.cjs is up to date, build skipped')
  process.exit(0)
}
let esbuild
try {
  esbuild = await import('esbuild')
} catch {
  console.log('server: esbuild is not installed; Tramite will compile src/ when it starts')
  process.exit(0)
}
const started = performance.now()
try {
  mkdirSync(dirname(outfile), { recursive: true })
  // the previous build's code cache describes other code (scripts/server-run.mjs checks too)
  rmSync(`${outfile}.v8cache`, { force: true })
  // the ES module build of before
  for (const old of ['tramite.js', 'tramite.js.map']) rmSync(join(root, 'dist', old), { force: true })
  const result = await esbuild.build(bundleOptions())
  writeFileSync(metafile, JSON.stringify(result.metafile))
  asciiOnly(outfile)
  const sources = Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/'))
  writeFileSync(sourcesFile, JSON.stringify({ sources, packageLock: packageLockHash() }))
  await buildTemplate(esbuild)
} catch (error) {
  console.error(`server: build failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
}
console.log(
  `server: built dist/tramite.cjs in ${((performance.now() - started) / 1000).toFixed(1)} s${reason ? ` (${reason})` : ''}`,
)

/**
 * esbuild writes strings, templates and regular expressions in ASCII (charset: 'ascii', its
 * default) but keeps the comments it keeps as they are: the bundle's few non-ASCII characters
 * (dashes, ellipses, § in packages' comments) made Node read all of it as a two-byte UTF-8 string.
 * Each is written as a \uXXXX escape, which means the same character wherever JavaScript reads
 * one, so the file is ASCII and scripts/server-run.mjs reads it as Latin-1.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8')
  const ascii = text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  if (ascii !== text) writeFileSync(file, ascii)
}

/**
 * The template of a new PGlite data directory (src/platform/db/pglite-template.ts): the migrated,
 * empty database, dumped once here so that a first start does not run initdb and every migration.
 * Without it Tramite still starts, only slower the first time; so a failure here is a warning.
 */
async function buildTemplate(esbuild) {
  const builder = join(root, 'dist', 'pglite-template.build.js')
  const dump = join(root, 'dist', 'pglite-template.tar')
  const manifest = join(root, 'dist', 'pglite-template.json')
  // (the gzipped template earlier builds wrote: no longer read)
  rmSync(join(root, 'dist', 'pglite-template.tar.gz'), { force: true })
  rmSync(dump, { force: true })
  rmSync(manifest, { force: true })
  await esbuild.build({
    entryPoints: [join(root, 'src', 'platform', 'db', 'pglite-template.build.ts')],
    outfile: builder,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    legalComments: 'none',
  })
  const made = spawnSync(process.execPath, [builder, dump, manifest], { encoding: 'utf8' })
  if (made.status !== 0) {
    rmSync(dump, { force: true })
    rmSync(manifest, { force: true })
    console.log(`server: no PGlite template (a first start runs initdb): ${(made.stderr || '').trim()}`)
  }
}
