import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join, normalize, sep } from 'node:path'
import { gunzipSync } from 'node:zlib'

/**
 * Unpacks the tar `file` — plain, or gzipped (what PGlite's dumpDataDir writes): regular files and
 * directories — into `dir`. Anything else (a link, a device, a path leaving `dir`, a bad header or
 * checksum, a truncated archive) fails the unpacking, so the caller — which unpacks into a directory
 * of its own and drops it on failure — never keeps half a template. PGlite writes every path with a
 * leading `/`; it is taken as relative to `dir`.
 *
 * A data directory is mostly 8 KB pages, and many of them are zeros (the WAL segment's unused
 * tail, empty pages of the catalogs): those are not written, the file is sized with ftruncate and
 * reads them back as zeros (a sparse file). A first start used node-tar here, at ~0.6 s for the
 * template's 1,357 files on a loaded 2-core machine (docs/benchmarks.md, "Start: a new directory").
 */
export function unpackTar(file: string, dir: string): void {
  const archive = readFileSync(file)
  const tar = isGzip(archive) ? gunzipSync(archive, { chunkSize: outputSize(archive) }) : archive
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  let longName: string | null = null
  for (let at = 0; ;) {
    if (at + BLOCK > tar.length) throw new Error('tar: truncated archive (no end marker)')
    const header = tar.subarray(at, at + BLOCK)
    if (isZero(header)) return // the end-of-archive marker
    checkChecksum(header)
    const size = octal(header, 124, 12)
    const type = String.fromCharCode(header[156]!)
    const body = at + BLOCK
    if (body + size > tar.length) throw new Error('tar: truncated archive')
    at = body + Math.ceil(size / BLOCK) * BLOCK
    if (type === 'x') {
      longName = paxPath(tar.subarray(body, body + size)) ?? longName
      continue
    }
    const name = longName ?? headerName(header)
    longName = null
    const target = inside(dir, name)
    const mode = octal(header, 100, 8) & 0o777
    if (type === '5') {
      if (target !== dir) mkdirSync(target, { recursive: true, mode: mode | 0o700 })
    } else if (type === '0' || type === '\0') {
      writeSparse(target, tar.subarray(body, body + size), mode | 0o600)
    } else {
      throw new Error(`tar: unsupported entry ${name} (type ${JSON.stringify(type)})`)
    }
  }
}

const BLOCK = 512
/** Runs of zeros at least this long (a PostgreSQL page) are left as holes. */
const PAGE = 8192
const ZEROS = Buffer.alloc(PAGE)

function writeSparse(path: string, data: Buffer, mode: number): void {
  const fd = openSync(path, 'wx', mode)
  try {
    let start = -1 // the first byte of the run of data not yet written
    for (let at = 0; at < data.length; at += PAGE) {
      const page = data.subarray(at, at + PAGE)
      const zero = page.length === PAGE && page.equals(ZEROS)
      if (!zero && start < 0) start = at
      if (zero && start >= 0) {
        writeAll(fd, data, start, at)
        start = -1
      }
    }
    if (start >= 0) writeAll(fd, data, start, data.length)
    ftruncateSync(fd, data.length)
  } finally {
    closeSync(fd)
  }
}

function writeAll(fd: number, data: Buffer, from: number, to: number): void {
  for (let at = from; at < to;) at += writeSync(fd, data, at, to - at, at)
}

/** `name` (PGlite's `/base/5/1259`) as a path under `dir`; an entry that would leave it is refused. */
function inside(dir: string, name: string): string {
  const relative = normalize(name.replace(/^\/+/, ''))
  if (relative === '.' || relative === '') return dir
  if (relative.split(sep).includes('..') || relative.startsWith(sep))
    throw new Error(`tar: entry ${name} leaves the directory (..)`)
  return join(dir, relative)
}

function headerName(header: Buffer): string {
  const name = text(header, 0, 100)
  const prefix = header.subarray(257, 262).toString('latin1') === 'ustar' ? text(header, 345, 155) : ''
  return prefix ? `${prefix}/${name}` : name
}

/** The `path` record of a pax extended header (`<length> path=<value>\n` records), if any. */
function paxPath(records: Buffer): string | null {
  let path: string | null = null
  for (let at = 0; at < records.length;) {
    const space = records.indexOf(0x20, at)
    const length = Number(records.subarray(at, space).toString('latin1'))
    if (space < 0 || !Number.isInteger(length) || length <= 0) throw new Error('tar: bad pax header')
    const record = records.subarray(space + 1, at + length - 1).toString('utf8')
    const eq = record.indexOf('=')
    if (record.slice(0, eq) === 'path') path = record.slice(eq + 1)
    at += length
  }
  return path
}

function checkChecksum(header: Buffer): void {
  let sum = 0
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!
  if (sum !== octal(header, 148, 8)) throw new Error('tar: bad header checksum (not a tar archive?)')
}

function octal(header: Buffer, offset: number, length: number): number {
  const digits = text(header, offset, length).trim()
  if (!/^[0-7]*$/.test(digits)) throw new Error('tar: bad number in a header')
  return digits ? parseInt(digits, 8) : 0
}

function text(header: Buffer, offset: number, length: number): string {
  const field = header.subarray(offset, offset + length)
  const end = field.indexOf(0)
  return field.subarray(0, end < 0 ? length : end).toString('utf8')
}

const isZero = (block: Buffer): boolean => block.equals(ZEROS.subarray(0, BLOCK))

const isGzip = (data: Buffer): boolean => data.length > 2 && data[0] === 0x1f && data[1] === 0x8b

/**
 * The output's size as gzip's trailer gives it (modulo 4 GiB), so that it is decompressed into one
 * buffer: in zlib's default 16 KB chunks, a template's ~40 MB left some 60 MB of small allocations
 * the process kept after a first start (docs/benchmarks.md).
 */
function outputSize(tarGz: Buffer): number {
  const size = tarGz.length >= 4 ? tarGz.readUInt32LE(tarGz.length - 4) : 0
  return Math.min(Math.max(size + 1, 64 * 1024), 1024 * 1024 * 1024)
}
