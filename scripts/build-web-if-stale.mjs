#!/usr/bin/env node
// Builds the web portal (web/dist) only when its sources are newer than the last build.
// Run by `npm start` and by npm's `prepare`, so it must be quick when nothing changed, and must
// not fail in an install without devDependencies (no vite) as long as a build is already there.
// Prints one line saying what it did; exits 1 only when a build was needed, possible and failed.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const web = join(root, 'web')
const builtIndex = join(web, 'dist', 'index.html')
const configFile = join(web, 'vite.config.ts')
const sources = [
  join(web, 'src'),
  join(web, 'public'),
  join(web, 'index.html'),
  configFile,
  join(web, 'tsconfig.json'),
]

/** The newest modification time under `path` (directories count: a deleted file changes its folder). */
function newestChange(path, found = { mtimeMs: 0, path: null }) {
  let stats
  try {
    stats = statSync(path)
  } catch {
    return found // an optional source (web/public) that does not exist
  }
  if (stats.mtimeMs > found.mtimeMs) Object.assign(found, { mtimeMs: stats.mtimeMs, path })
  if (stats.isDirectory()) {
    for (const entry of readdirSync(path)) newestChange(join(path, entry), found)
  }
  return found
}

function staleReason() {
  if (!existsSync(builtIndex)) return 'web/dist/index.html is missing'
  const builtAt = statSync(builtIndex).mtimeMs
  const newest = { mtimeMs: 0, path: null }
  for (const source of sources) newestChange(source, newest)
  return newest.mtimeMs > builtAt ? `${relative(root, newest.path)} changed` : null
}

function viteInstalled() {
  try {
    import.meta.resolve('vite')
    return true
  } catch {
    return false
  }
}

const reason = staleReason()
if (!reason) {
  console.log('web: web/dist is up to date, build skipped')
  process.exit(0)
}

if (!viteInstalled()) {
  // An install without devDependencies: use the build that is there, or run API-only.
  const what = existsSync(builtIndex)
    ? 'using the existing web/dist'
    : 'the portal is not built, the API still works'
  console.log(`web: ${reason} but vite is not installed (devDependencies missing); ${what}`)
  process.exit(0)
}

const started = performance.now()
try {
  const { build } = await import('vite')
  await build({ configFile, logLevel: 'warn' })
} catch (error) {
  console.error(`web: build failed (${reason}): ${error instanceof Error ? error.message : error}`)
  process.exit(1)
}
console.log(`web: built web/dist in ${((performance.now() - started) / 1000).toFixed(1)} s (${reason})`)
