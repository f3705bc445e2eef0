import { mkdirSync, readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { UnpackSync } from 'tar'

/**
 * Unpacks the gzipped tar `file` (what PGlite's dumpDataDir writes: regular files and directories)
 * into `dir` with node-tar. Only files and directories are taken, and every warning node-tar gives
 * (a path with `..`, a bad header, a truncated archive) fails the unpacking, so the caller — which
 * unpacks into a directory of its own and drops it on failure — never keeps half a template. The
 * one notice let through is node-tar's stripping of the leading `/` that PGlite writes on every path.
 */
export function unpackTarGz(file: string, dir: string): void {
  const tarGz = readFileSync(file)
  const tar = gunzipSync(tarGz, { chunkSize: outputSize(tarGz) })
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const refused: string[] = []
  new UnpackSync({
    cwd: dir,
    preservePaths: false,
    onwarn: (code, message) => {
      if (code !== 'TAR_ENTRY_INFO') refused.push(`${code}: ${String(message)}`)
    },
    filter: (path, entry) => {
      const type = 'type' in entry ? entry.type : undefined
      const kept = type === 'File' || type === 'Directory'
      if (!kept) refused.push(`unsupported entry ${path} (${String(type)})`)
      return kept
    },
  }).end(tar)
  if (refused.length) throw new Error(`tar: ${refused.join('; ')}`)
}

/**
 * The output's size as gzip's trailer gives it (modulo 4 GiB), so that it is decompressed into one
 * buffer: in zlib's default 16 KB chunks, a template's ~40 MB left some 60 MB of small allocations
 * the process kept after a first start (docs/benchmarks.md).
 */
function outputSize(tarGz: Buffer): number {
  const size = tarGz.length >= 4 ? tarGz.readUInt32LE(tarGz.length - 4) : 0
  return Math.min(Math.max(size + 1, 64 * 1024), 1024 * 1024 * 1024)
}
