/**
 * Start: how long `tramite serve` takes until it listens — on a new data directory (the template
 * unpacked, the demo world written) and on an existing one — against a bare `node -e 0`, each the
 * median of three rounds in one run. The server runs from dist/ (built once, at install); a stale
 * build would fall back to compiling src/, so the bench says which one ran.
 *
 * Each round's first start finds no V8 code cache (removed before it, as after `npm install`):
 * it writes the cache the other starts use. BENCH_START_COMPARE=<another checkout, built> runs
 * that checkout's server too, interleaved in the same rounds (before/after figures in one run).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// @ts-expect-error a plain ES module of the build scripts, without types
import { outfile, serverStaleReason } from '../../scripts/server-build.mjs'
import { fmt, median, startServer } from '../support.ts'

interface Side {
  name: string
  bin: string
  /** Its V8 code cache, removed before each round's first start (none for builds without one). */
  cache: string | null
  first: number[]
  cached: number[]
  again: number[]
}

export async function startBench(log: (line: string) => void, runs = 3): Promise<void> {
  const stale = (serverStaleReason as () => string | null)()
  log(
    `  server code: ${stale ? `compiled at start (${stale}; run npm run build)` : 'dist/tramite.cjs (no TypeScript compiled at start)'}`,
  )
  const sides: Side[] = [
    {
      name: 'this build',
      bin: 'bin/tramite.js',
      cache: `${outfile as string}.v8cache`,
      first: [],
      cached: [],
      again: [],
    },
  ]
  const compare = process.env.BENCH_START_COMPARE
  if (compare) {
    const cache = join(compare, 'dist', 'tramite.cjs.v8cache')
    sides.unshift({
      name: compare,
      bin: join(compare, 'bin', 'tramite.js'),
      cache,
      first: [],
      cached: [],
      again: [],
    })
  }
  const bare: number[] = []
  const nodeStart = () => {
    const t0 = performance.now()
    spawnSync(process.execPath, ['-e', '0'])
    return performance.now() - t0
  }
  nodeStart() // warms the file cache
  const env = (dir: string) => ({ TRAMITE_DATA_DIR: dir, SCHEDULER_INTERVAL_SECONDS: '3600' })
  for (let i = 0; i < runs; i++) {
    for (const side of sides) {
      bare.push(nodeStart())
      const dirs = [1, 2].map(() => mkdtempSync(join(tmpdir(), 'tramite-bench-start-')))
      try {
        if (side.cache) rmSync(side.cache, { force: true })
        const cold = await startServer(env(dirs[0]!), [], side.bin)
        side.first.push(cold.startMs)
        await cold.stop()
        const existing = await startServer(env(dirs[0]!), [], side.bin)
        side.again.push(existing.startMs)
        await existing.stop()
        // a second new directory, now with the code cache the first start wrote (if the build has one)
        const fresh = await startServer(env(dirs[1]!), [], side.bin)
        side.cached.push(fresh.startMs)
        await fresh.stop()
        if (i === 0 && side.cache)
          log(`  ${side.name}: code cache ${existsSync(side.cache) ? 'written by the first start' : 'none'}`)
      } finally {
        for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
      }
    }
  }
  const b = median(bare)
  log(`  bare node -e 0:                         ${fmt(b)} ms (${bare.map((x) => fmt(x)).join(', ')})`)
  const line = (label: string, values: number[], limit: number) => {
    const m = median(values)
    const ratio = m / b
    return `${label} ${fmt(m)} ms = ${ratio.toFixed(1)}× ${ratio <= limit ? 'ok' : `MISSED (≤ ${limit}×)`} (${values.map((x) => fmt(x)).join(', ')})`
  }
  for (const side of sides) {
    log(`  ${side.name}:`)
    log(line('    existing data directory:           ', side.again, 10))
    log(line('    new data directory:                ', side.cached, 25))
    log(line('    new data directory, no code cache: ', side.first, 25))
  }
}
