import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrations } from './migrations/index.ts'

/**
 * A new PGlite data directory starts from a template made once at install, beside the server's
 * build (dist/pglite-template.tar, by scripts/build-server.mjs): a database with every
 * migration applied and the catalog written. Unpacking it takes a fraction of a second where
 * initdb and the migrations took some 12 s on a loaded 2-core machine; the demo world (whose dates
 * are relative to the day it is made) is still written at that first start, on top; so is the
 * catalog, when the code's catalog is no longer the template's.
 */
export interface TemplateFiles {
  /** The data-directory dump (a tar; tar-unpack.ts also reads a gzipped one). */
  dump: URL
  /** Beside it: `{ "migrations": [names] }`, what the dump holds. */
  manifest: URL
}

/**
 * The template's path for a new data directory `dir`, or undefined: when the directory already holds a
 * database, when no template was built, or when the template holds a migration this code does not
 * know (a build older than a checkout being edited) — then PGlite makes the directory as before.
 */
export function templateFor(dir: string, files: TemplateFiles): string | undefined {
  if (dir.startsWith('memory://') || existsSync(join(dir, 'PG_VERSION'))) return undefined
  const dump = fileURLToPath(files.dump)
  const manifest = fileURLToPath(files.manifest)
  if (!existsSync(dump) || !existsSync(manifest)) return undefined
  try {
    const held = (JSON.parse(readFileSync(manifest, 'utf8')) as { migrations: string[] }).migrations
    if (!Array.isArray(held) || !held.every((name) => Object.hasOwn(migrations, name))) return undefined
    return dump
  } catch {
    return undefined
  }
}
