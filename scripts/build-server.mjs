#!/usr/bin/env node
// Builds dist/tramite.js from src/ (run by npm's `prepare` at install and by `npm start`).
// --if-stale: only when a source changed since the last build. Prints one line saying what it did;
// when esbuild is not installed it says so and exits 0 (bin/tramite.js then compiles at run time).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { entry, metafile, outfile, serverStaleReason } from './server-build.mjs'

const reason = serverStaleReason()
if (process.argv.includes('--if-stale') && !reason) {
  console.log('server: dist/tramite.js is up to date, build skipped')
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
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  })
  writeFileSync(metafile, JSON.stringify(result.metafile))
} catch (error) {
  console.error(`server: build failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
}
console.log(
  `server: built dist/tramite.js in ${((performance.now() - started) / 1000).toFixed(1)} s${reason ? ` (${reason})` : ''}`,
)
