/**
 * Memory on PGlite: the server's resident set at idle (after start and a minute of quiet use), and
 * over BENCH_MEMORY_MINUTES (10 by default) of mixed load — lists, get one, advice, filings — read
 * from its own /metrics every BENCH_MEMORY_SAMPLE_SECONDS (30). No growth means the last samples
 * sit where the first ones did once the load had warmed up (caches, the database's buffers).
 *
 * Each sample records the resident set beside what it is made of: the JS heap (used and total),
 * memory outside it (external, of which ArrayBuffers) and PGlite's WebAssembly memory. For an
 * investigation, BENCH_MEMORY_GC=1 forces a full garbage collection before each sample (retained
 * memory, not garbage yet to be collected) and BENCH_MEMORY_SNAPSHOTS=<dir> writes heap snapshots
 * at minute 2 and at the end (compare them with bench/scale/heap-compare.ts); both preload
 * memory-probe.mjs into the server, which Tramite itself never loads.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import autocannon from 'autocannon'
import { tenantIdOf } from '../../src/demo/world.ts'
import { type BenchServer, fmt, median, signIn, startServer } from '../support.ts'

const SERIES = {
  rss: 'tramite_process_resident_memory_bytes',
  heapUsed: 'tramite_nodejs_heap_size_used_bytes',
  heapTotal: 'tramite_nodejs_heap_size_total_bytes',
  external: 'tramite_nodejs_external_memory_bytes',
  arrayBuffers: 'tramite_nodejs_array_buffers_bytes',
  wasm: 'tramite_pglite_wasm_memory_bytes',
} as const
type Series = keyof typeof SERIES | 'mallocHeap'
/** `beforeGc`: the same read just before the forced collection (BENCH_MEMORY_GC=1). */
type Sample = Record<Series, number> & { minute: number; beforeGc?: Sample }

/**
 * The resident part of the C allocator's main heap (Linux: the `[heap]` mapping of
 * /proc/<pid>/smaps): native memory that is neither the JS heap nor WebAssembly memory, and that
 * glibc returns to the system only from its top, so freed but fragmented memory stays resident.
 */
function mallocHeapMb(pid: number | undefined): number {
  try {
    const smaps = readFileSync(`/proc/${pid}/smaps`, 'utf8')
    const at = smaps.indexOf(' [heap]\n')
    if (at < 0) return 0
    return Number(/\nRss:\s+(\d+) kB/.exec(smaps.slice(at))?.[1] ?? 0) / 1024
  } catch {
    return 0
  }
}

const metric = (text: string, name: string): number =>
  Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0) / 1024 / 1024

async function read(server: BenchServer, minute: number): Promise<Sample> {
  const text = await (await fetch(`${server.url}/metrics`)).text()
  const sample = { minute, mallocHeap: mallocHeapMb(server.child.pid) } as Sample
  for (const [key, name] of Object.entries(SERIES)) sample[key as Series] = metric(text, name)
  return sample
}

/** Sends the probe a signal and waits for its answer line on the server's stdout. */
function probe(server: BenchServer, signal: NodeJS.Signals, answer: string): Promise<string> {
  return new Promise((done) => {
    const listen = (chunk: Buffer) => {
      const line = chunk
        .toString()
        .split('\n')
        .find((l) => l.startsWith(`memory-probe ${answer}`))
      if (!line) return
      server.child.stdout!.off('data', listen)
      done(line.slice(`memory-probe ${answer} `.length))
    }
    server.child.stdout!.on('data', listen)
    server.child.kill(signal)
  })
}

/** Highest and median of the first and last thirds of a series, and the growth between highests. */
function thirds(values: number[]) {
  const third = Math.max(1, Math.floor(values.length / 3))
  const first = values.slice(0, third)
  const last = values.slice(-third)
  const early = Math.max(...first)
  const late = Math.max(...last)
  return { early, late, growth: (late - early) / early, earlyMedian: median(first), lateMedian: median(last) }
}

export async function memoryBench(log: (line: string) => void): Promise<void> {
  const minutes = Number(process.env.BENCH_MEMORY_MINUTES ?? 10)
  const every = Number(process.env.BENCH_MEMORY_SAMPLE_SECONDS ?? 30)
  const forceGc = process.env.BENCH_MEMORY_GC === '1'
  const snapshotDir = process.env.BENCH_MEMORY_SNAPSHOTS ? resolve(process.env.BENCH_MEMORY_SNAPSHOTS) : ''
  const probing = forceGc || snapshotDir !== ''
  if (snapshotDir) mkdirSync(snapshotDir, { recursive: true })
  const dataDir = `/tmp/tramite-bench-memory-${process.pid}`
  const server = await startServer(
    {
      TRAMITE_DATA_DIR: dataDir,
      SCHEDULER_INTERVAL_SECONDS: '5',
      ...(snapshotDir ? { MEMORY_PROBE_DIR: snapshotDir } : {}),
    },
    probing ? ['--expose-gc', '--import', resolve('bench/scale/memory-probe.mjs')] : [],
  )
  const sample = async (minute: number): Promise<Sample> => {
    if (!forceGc) return read(server, minute)
    const beforeGc = await read(server, minute)
    await probe(server, 'SIGUSR2', 'gc')
    return { ...(await read(server, minute)), beforeGc }
  }
  const describe = (s: Sample) =>
    `RSS ${fmt(s.rss)}, heap used ${fmt(s.heapUsed)} of ${fmt(s.heapTotal)}, external ${fmt(s.external)} (array buffers ${fmt(s.arrayBuffers)}), wasm ${fmt(s.wasm)}, malloc heap ${fmt(s.mallocHeap)} MB`
  try {
    await new Promise((done) => setTimeout(done, 5000))
    const idle = await read(server, 0)
    log(
      `  idle after start: ${fmt(idle.rss)} MB ${idle.rss <= 300 ? 'ok' : 'MISSED (≤ 300 MB)'} (${describe(idle)})`,
    )
    const anna = await signIn(server.url, 'anna@fabrikam.example')
    const rossi = tenantIdOf('rossi.example')
    const write = { ...anna.headers, 'x-csrf-token': anna.csrfToken, 'content-type': 'application/json' }
    const filing = JSON.stringify({
      customerTenantId: rossi,
      workload: 'office365',
      title: 'Memory bench',
      description: 'Filed by the memory bench.',
      severity: 'minimal',
    })
    const filed = (await (
      await fetch(`${server.url}/api/service-requests`, { method: 'POST', headers: write, body: filing })
    ).json()) as { id: string }
    const requests: autocannon.Request[] = [
      { method: 'GET', path: '/api/service-requests?limit=50', headers: anna.headers },
      { method: 'GET', path: `/api/service-requests/${filed.id}`, headers: anna.headers },
      { method: 'GET', path: `/api/advice?customer=${rossi}&workload=azure`, headers: anna.headers },
      { method: 'GET', path: '/api/customers', headers: anna.headers },
      { method: 'POST', path: '/api/service-requests', headers: write, body: filing },
    ]
    const samples: Sample[] = []
    const started = Date.now()
    const elapsed = () => (Date.now() - started) / 60000
    let sampling = Promise.resolve()
    const sampler = setInterval(() => {
      sampling = sampling.then(async () => void samples.push(await sample(elapsed())))
    }, every * 1000)
    const snapshots: string[] = []
    const early = snapshotDir
      ? setTimeout(() => {
          sampling = sampling.then(async () => void snapshots.push(await probe(server, 'SIGPWR', 'snapshot')))
        }, 120_000)
      : undefined
    const result = await autocannon({ url: server.url, connections: 4, duration: minutes * 60, requests })
    clearInterval(sampler)
    clearTimeout(early)
    await sampling
    const after = await sample(elapsed())
    if (snapshotDir) snapshots.push(await probe(server, 'SIGPWR', 'snapshot'))
    log(
      `  ${minutes} min mixed load (${fmt(result.requests.total)} requests, ${result.non2xx} non-2xx, ${result.errors} errors)${forceGc ? ', a full GC before each sample' : ''}:`,
    )
    for (const key of [...Object.keys(SERIES), 'mallocHeap'] as Series[]) {
      const t = thirds(samples.map((s) => s[key]))
      log(
        `    ${key.padEnd(12)} ${samples.map((s) => fmt(s[key])).join(', ')} MB; highest first/last third ${fmt(t.early)} → ${fmt(t.late)} (${(t.growth * 100).toFixed(1)}%), medians ${fmt(t.earlyMedian)} → ${fmt(t.lateMedian)}`,
      )
    }
    if (forceGc) {
      for (const key of ['rss', 'heapUsed'] as const) {
        log(`    ${key} before each GC: ${samples.map((s) => fmt(s.beforeGc![key])).join(', ')} MB`)
      }
    }
    const { early: first, late, growth } = thirds(samples.map((s) => s.rss))
    log(
      `  RSS: highest of the first third ${fmt(first)} MB, of the last third ${fmt(late)} MB (${(growth * 100).toFixed(1)}%) ${growth <= 0.1 ? 'ok (no growth)' : 'MISSED (grows)'}; after: ${describe(after)}; ${elapsed().toFixed(1)} min`,
    )
    if (snapshots.length) log(`  heap snapshots: ${snapshots.join(', ')}`)
    if (process.env.BENCH_MEMORY_JSON) {
      writeFileSync(
        process.env.BENCH_MEMORY_JSON,
        JSON.stringify({ idle, samples, after, snapshots }, null, 1),
      )
    }
  } finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
