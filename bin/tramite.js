#!/usr/bin/env node
// Runs the built CLI, dist/tramite.js (made at install by npm's `prepare`, and by `npm start`).
// In a checkout whose sources changed since that build, compiles src/ on the fly instead (tsx),
// so an edit is never run stale; `npm run build` makes the fast path current again.
import { serverStaleReason } from '../scripts/server-build.mjs'

if (serverStaleReason() === null) {
  await import('../dist/tramite.js')
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/cli/main.ts')
}
