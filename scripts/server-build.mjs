// The server's build: src/ bundled once into dist/tramite.js (esbuild; packages stay in
// node_modules), so that starting Tramite never compiles TypeScript. bin/tramite.js runs the build
// when it is current and falls back to compiling src/ on the fly (tsx) when it is missing or older
// than a source it was made from (a checkout being edited; `npm start` rebuilds first).
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const entry = join(root, 'src', 'cli', 'main.ts')
export const outfile = join(root, 'dist', 'tramite.js')
export const metafile = join(root, 'dist', 'tramite.meta.json')

/** Why dist/tramite.js cannot be used as it is, or null when it is current. */
export function serverStaleReason() {
  if (!existsSync(outfile) || !existsSync(metafile)) return 'dist/tramite.js is missing'
  let builtAt
  let inputs
  try {
    builtAt = statSync(outfile).mtimeMs
    inputs = Object.keys(JSON.parse(readFileSync(metafile, 'utf8')).inputs)
  } catch {
    return 'dist/tramite.meta.json is unreadable'
  }
  for (const input of inputs) {
    let stats
    try {
      stats = statSync(join(root, input))
    } catch {
      return `${input} is gone`
    }
    if (stats.mtimeMs > builtAt) return `${input} changed`
  }
  return null
}
