/**
 * Memory on PGlite: the server's resident set at idle (after start and a minute of quiet use), and
 * over BENCH_MEMORY_MINUTES (10 by default) of mixed load — lists, get one, advice, filings — read
 * from its own /metrics every 30 s. No growth means the last samples sit where the first ones
 * did once the load had warmed up (caches, the database's buffers).
 */
import { rmSync } from 'node:fs'
import autocannon from 'autocannon'
import { tenantIdOf } from '../../src/demo/world.ts'
import { fmt, signIn, startServer } from '../support.ts'

const rss = async (url: string): Promise<number> => {
  const text = await (await fetch(`${url}/metrics`)).text()
  return Number(/^tramite_process_resident_memory_bytes (\S+)$/m.exec(text)?.[1] ?? 0) / 1024 / 1024
}

export async function memoryBench(log: (line: string) => void): Promise<void> {
  const minutes = Number(process.env.BENCH_MEMORY_MINUTES ?? 10)
  const dataDir = `/tmp/tramite-bench-memory-${process.pid}`
  const server = await startServer({ TRAMITE_DATA_DIR: dataDir, SCHEDULER_INTERVAL_SECONDS: '5' })
  try {
    await new Promise((resolve) => setTimeout(resolve, 5000))
    const idle = await rss(server.url)
    log(`  idle after start: ${fmt(idle)} MB ${idle <= 300 ? 'ok' : 'MISSED (≤ 300 MB)'}`)
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
    const list = (await (
      await fetch(`${server.url}/api/service-requests?limit=1&customer=${rossi}`, { headers: anna.headers })
    ).json()) as { items: { id: string }[] }
    const requests: autocannon.Request[] = [
      { method: 'GET', path: '/api/service-requests?limit=50', headers: anna.headers },
      { method: 'GET', path: `/api/service-requests/${list.items[0]!.id}`, headers: anna.headers },
      { method: 'GET', path: `/api/advice?customer=${rossi}&workload=azure`, headers: anna.headers },
      { method: 'GET', path: '/api/customers', headers: anna.headers },
      { method: 'POST', path: '/api/service-requests', headers: write, body: filing },
    ]
    const samples: number[] = []
    const started = Date.now()
    const sampler = setInterval(() => void rss(server.url).then((mb) => samples.push(mb)), 30_000)
    const result = await autocannon({ url: server.url, connections: 4, duration: minutes * 60, requests })
    clearInterval(sampler)
    const after = await rss(server.url)
    const third = Math.max(1, Math.floor(samples.length / 3))
    const early = Math.max(...samples.slice(0, third))
    const late = Math.max(...samples.slice(-third))
    const growth = (late - early) / early
    log(
      `  ${minutes} min mixed load (${fmt(result.requests.total)} requests, ${result.non2xx} non-2xx): RSS samples ${samples.map((s) => fmt(s)).join(', ')} MB`,
    )
    log(
      `  highest of the first third ${fmt(early)} MB, of the last third ${fmt(late)} MB (${(growth * 100).toFixed(1)}%) ${growth <= 0.1 ? 'ok (no growth)' : 'MISSED (grows)'}; after ${fmt(after)} MB; ${((Date.now() - started) / 60000).toFixed(1)} min`,
    )
  } finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
