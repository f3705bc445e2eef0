/**
 * Back-pressure under overload: the server runs with its default limits (MAX_IN_FLIGHT,
 * MAX_EVENT_LOOP_DELAY_MS). Its sustainable rate is what 10 closed-loop connections get through a
 * mix of partner calls (advice, get one, list); then requests arrive open-loop, each on its own
 * schedule whatever the server answers — at a quarter of that rate (unloaded) and at twice it.
 * Target: at twice the rate, the accepted requests' p99 within 5× the unloaded p99, no request
 * waiting past 10 s, refusals answered 503 with Retry-After, /healthz answering throughout.
 */
import { rmSync } from 'node:fs'
import { Pool } from 'undici'
import { loadConfig } from '../../src/config/config.ts'
import { tenantIdOf } from '../../src/demo/world.ts'
import { fmt, load, quantile, signIn, startServer } from '../support.ts'

interface Outcome {
  status: number
  ms: number
  retryAfter: string | null
}

/** Sends `rate` requests per second for `seconds`, on schedule, whatever the answers. */
async function openLoop(
  pool: Pool,
  paths: string[],
  headers: Record<string, string>,
  rate: number,
  seconds: number,
): Promise<Outcome[]> {
  const total = Math.round(rate * seconds)
  const interval = 1000 / rate
  const started = performance.now()
  const pending: Promise<Outcome>[] = []
  for (let i = 0; i < total; i++) {
    const due = started + i * interval
    const wait = due - performance.now()
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait))
    const sent = performance.now()
    pending.push(
      pool
        .request({ path: paths[i % paths.length]!, method: 'GET', headers, headersTimeout: 30_000 })
        .then(async (response) => {
          await response.body.dump()
          const retry = response.headers['retry-after']
          return {
            status: response.statusCode,
            ms: performance.now() - sent,
            retryAfter: typeof retry === 'string' ? retry : null,
          }
        })
        .catch(() => ({ status: 0, ms: performance.now() - sent, retryAfter: null })),
    )
  }
  return Promise.all(pending)
}

const summary = (outcomes: Outcome[]) => {
  const accepted = outcomes.filter((o) => o.status >= 200 && o.status < 300)
  const refused = outcomes.filter((o) => o.status === 503)
  return {
    accepted,
    refused,
    failed: outcomes.length - accepted.length - refused.length,
    p50: accepted.length
      ? quantile(
          accepted.map((o) => o.ms),
          0.5,
        )
      : NaN,
    p99: accepted.length
      ? quantile(
          accepted.map((o) => o.ms),
          0.99,
        )
      : NaN,
    longest: Math.max(...outcomes.map((o) => o.ms)),
    refusedP99: refused.length
      ? quantile(
          refused.map((o) => o.ms),
          0.99,
        )
      : NaN,
    withRetryAfter: refused.filter((o) => o.retryAfter !== null).length,
  }
}

export async function overloadBench(log: (line: string) => void, seconds: number): Promise<void> {
  const defaults = loadConfig({})
  const dataDir = `/tmp/tramite-bench-overload-${process.pid}`
  const server = await startServer({
    TRAMITE_DATA_DIR: dataDir,
    SCHEDULER_INTERVAL_SECONDS: '3600',
    MAX_IN_FLIGHT: String(defaults.MAX_IN_FLIGHT),
    MAX_EVENT_LOOP_DELAY_MS: String(defaults.MAX_EVENT_LOOP_DELAY_MS),
  })
  const pool = new Pool(server.url, { connections: 2048, pipelining: 1 })
  try {
    const session = await signIn(server.url, 'anna@fabrikam.example')
    const rossi = tenantIdOf('rossi.example')
    const list = (await (
      await fetch(`${server.url}/api/service-requests?limit=5&customer=${rossi}`, {
        headers: session.headers,
      })
    ).json()) as { items: { id: string }[] }
    const paths = [
      `/api/advice?customer=${rossi}&workload=azure`,
      ...(list.items[0] ? [`/api/service-requests/${list.items[0].id}`] : []),
      '/api/service-requests?limit=20',
    ]
    // connections are opened beforehand, as a busy site's clients and proxies keep theirs open:
    // what is measured is the server's queue, not TCP handshakes
    await Promise.all(
      Array.from({ length: 800 }, () =>
        pool.request({ path: '/healthz', method: 'GET' }).then((r) => r.body.dump()),
      ),
    )
    // the sustainable rate: closed loop, 10 connections, round robin over the mix
    let n = 0
    const closed = await load('mix', {
      url: server.url,
      connections: 10,
      duration: seconds,
      headers: session.headers,
      requests: [{ setupRequest: (request) => ({ ...request, path: paths[n++ % paths.length]! }) }],
    })
    const sustainable = closed.rps
    log(
      `  sustainable (10 connections, closed loop): ${fmt(sustainable)} req/s, p99 ${closed.p99} ms; limits MAX_IN_FLIGHT=${defaults.MAX_IN_FLIGHT}, MAX_EVENT_LOOP_DELAY_MS=${defaults.MAX_EVENT_LOOP_DELAY_MS}`,
    )
    const light = summary(await openLoop(pool, paths, session.headers, sustainable / 4, seconds * 2))
    log(
      `  unloaded (${fmt(sustainable / 4, 1)} req/s open loop): p50 ${fmt(light.p50)} ms, p99 ${fmt(light.p99)} ms, ${light.refused.length} refused`,
    )
    // /healthz every 250 ms while overloaded
    const probes: Outcome[] = []
    let probing = true
    let peakInFlight = 0
    let peakDelay = 0
    const prober = (async () => {
      while (probing) {
        const sent = performance.now()
        const status = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(10_000) })
          .then((r) => r.status)
          .catch(() => 0)
        probes.push({ status, ms: performance.now() - sent, retryAfter: null })
        const metrics = await fetch(`${server.url}/metrics`)
          .then((r) => r.text())
          .catch(() => '')
        const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1] ?? 0)
        peakInFlight = Math.max(peakInFlight, gauge('tramite_http_in_flight'))
        peakDelay = Math.max(peakDelay, gauge('tramite_event_loop_delay_seconds') * 1000)
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    })()
    const heavy = summary(await openLoop(pool, paths, session.headers, sustainable * 2, seconds * 2))
    probing = false
    await prober
    const ratio = heavy.p99 / light.p99
    const total = heavy.accepted.length + heavy.refused.length + heavy.failed
    log(
      `  overloaded (${fmt(sustainable * 2, 1)} req/s open loop, ${total} requests): ${heavy.accepted.length} accepted, ${heavy.refused.length} refused 503 (${heavy.withRetryAfter} with Retry-After, p99 ${fmt(heavy.refusedP99)} ms), ${heavy.failed} failed`,
    )
    log(
      `    accepted p50 ${fmt(heavy.p50)} ms, p99 ${fmt(heavy.p99)} ms = ${ratio.toFixed(1)}× the unloaded p99 ${ratio <= 5 ? 'ok' : 'MISSED (≤ 5×)'}; longest wait ${fmt(heavy.longest)} ms ${heavy.longest <= 10_000 ? 'ok' : 'MISSED (≤ 10 s)'}`,
    )
    const healthy = probes.filter((p) => p.status === 200).length
    log(
      `    /healthz while overloaded: ${healthy}/${probes.length} answered 200, slowest ${fmt(Math.max(...probes.map((p) => p.ms)))} ms; peak in flight ${peakInFlight}, peak event-loop delay ${fmt(peakDelay)} ms`,
    )
  } finally {
    await pool.close()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
