// The server's build: src/ and the packages it uses bundled once into dist/tramite.cjs (esbuild),
// so that starting Tramite never compiles TypeScript and reads one file instead of resolving and
// reading some two thousand. bin/tramite.js runs the build when it is current (scripts/server-run.mjs,
// with a V8 code cache) and falls back to compiling src/ on the fly (tsx) when it is missing or older
// than a source it was made from (a checkout being edited; `npm start` rebuilds first).
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const entry = join(root, 'src', 'cli', 'main.ts')
export const outfile = join(root, 'dist', 'tramite.cjs')
/** esbuild's metafile of the last build (what went into the bundle, for inspection). */
export const metafile = join(root, 'dist', 'tramite.meta.json')
/**
 * What a start checks: the bundle's own sources (src/, not node_modules), and the package-lock
 * the build saw (only `build-server.mjs --if-stale` compares that one: npm's `prepare` builds after
 * node_modules is in place, so a bundle is never older than the packages npm installed with it).
 */
export const sourcesFile = join(root, 'dist', 'tramite.sources.json')
const packageLock = join(root, 'package-lock.json')

/** The package-lock's SHA-256, or null without one. */
export function packageLockHash() {
  try {
    return createHash('sha256').update(readFileSync(packageLock)).digest('hex')
  } catch {
    return null
  }
}

/**
 * Packages left in node_modules, loaded with require(): PGlite reads its WebAssembly and data
 * files beside itself, and argon2 is native code. (Swagger UI is bundled and told where its
 * static files are: src/platform/http/server.ts.) So are those a start never loads (src/ imports
 * them on first use): bundled, they only made the bundle bigger, and the process heavier.
 */
export const external = [
  '@electric-sql/pglite',
  '@node-rs/argon2',
  // loaded on first use
  '@simplewebauthn/server',
  'qrcode',
  'file-type',
  'selfsigned',
]

/** The esbuild options of the server's bundle. */
export function bundleOptions() {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external,
    // import() of an external package becomes require() (Node 20.19+ requires ES modules too):
    // the bundle runs through vm.Script, where import() has no module loader to turn to
    supported: { 'dynamic-import': false },
    // src/ is ES modules: `import.meta.url` is the bundle's own URL (dist/ sits beside src/, so
    // paths relative to it, like ../package.json, mean the same from both)
    define: { 'import.meta.url': '__tramite_import_meta_url' },
    banner: { js: 'var __tramite_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    // non-ASCII characters escaped in code; build-server.mjs escapes those of the comments too
    charset: 'ascii',
  }
}

/**
 * Why dist/tramite.cjs cannot be used as it is, or null when it is current. With `packages`, a
 * package-lock that changed since the build makes it stale too (node_modules changed without
 * npm's `prepare`, as with --ignore-scripts).
 */
export function serverStaleReason({ packages = false } = {}) {
  if (!existsSync(outfile) || !existsSync(sourcesFile)) return 'dist/tramite.cjs is missing'
  let builtAt
  let built
  try {
    builtAt = statSync(outfile).mtimeMs
    built = JSON.parse(readFileSync(sourcesFile, 'utf8'))
  } catch {
    return 'dist/tramite.sources.json is unreadable'
  }
  if (!Array.isArray(built.sources)) return 'dist/tramite.sources.json is unreadable'
  for (const input of built.sources) {
    let stats
    try {
      stats = statSync(join(root, input))
    } catch {
      return `${input} is gone`
    }
    if (stats.mtimeMs > builtAt) return `${input} changed`
  }
  if (packages && built.packageLock !== packageLockHash()) return 'package-lock.json changed'
  return null
}
