#!/usr/bin/env node
// Runs the built CLI, dist/tramite.cjs (made at install by npm's `prepare`, and by `npm start`),
// with a V8 code cache (scripts/server-run.mjs). In a checkout whose sources changed since that
// build, compiles src/ on the fly instead (tsx), so an edit is never run stale; `npm run build`
// makes the fast path current again.
import { outfile, serverStaleReason } from '../scripts/server-build.mjs'

if (serverStaleReason() === null) {
  const { runBundle } = await import('../scripts/server-run.mjs')
  // the cache is written by a server once it is up: what a start compiles is what it should hold
  const command = process.argv[2]
  runBundle(outfile, { writeCache: command === undefined || command === 'serve' })
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/cli/main.ts')
}
