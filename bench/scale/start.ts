/**
 * Start: how long `tramite serve` takes until it listens — on a new data directory (migrations,
 * catalog, demo world) and on an existing one — against a bare `node -e 0`, each the median of
 * three in one run. The server runs from dist/ (built once, at install); a stale build would fall
 * back to compiling src/, so the bench says which one ran.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// @ts-expect-error a plain ES module of the build scripts, without types
import { serverStaleReason } from '../../scripts/server-build.mjs'
import { fmt, median, startServer } from '../support.ts'

export async function startBench(log: (line: string) => void, runs = 3): Promise<void> {
  const stale = (serverStaleReason as () => string | null)()
  log(
    `  server code: ${stale ? `compiled at start (${stale}; run npm run build)` : 'dist/tramite.js (no TypeScript compiled at start)'}`,
  )
  const bare: number[] = []
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now()
    spawnSync(process.execPath, ['-e', '0'])
    if (i > 0) bare.push(performance.now() - t0)
  }
  const first: number[] = []
  const again: number[] = []
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'tramite-bench-start-'))
    try {
      const fresh = await startServer({ TRAMITE_DATA_DIR: dir, SCHEDULER_INTERVAL_SECONDS: '3600' })
      first.push(fresh.startMs)
      await fresh.stop()
      const existing = await startServer({ TRAMITE_DATA_DIR: dir, SCHEDULER_INTERVAL_SECONDS: '3600' })
      again.push(existing.startMs)
      await existing.stop()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const b = median(bare)
  const e = median(again)
  const f = median(first)
  log(`  bare node -e 0:               ${fmt(b)} ms`)
  log(
    `  existing data directory:      ${fmt(e)} ms = ${(e / b).toFixed(1)}× ${e / b <= 10 ? 'ok' : 'MISSED (≤ 10×)'}`,
  )
  log(
    `  new data directory (first):   ${fmt(f)} ms = ${(f / b).toFixed(1)}× ${f / b <= 25 ? 'ok' : 'MISSED (≤ 25×)'}`,
  )
}
