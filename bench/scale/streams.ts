/**
 * Live health streams: publish-to-receive latency with one open stream and with 1,000 (three
 * viewers: a partner agent, a customer administrator and a vendor engineer, round robin), then
 * 10,000 streams held by one server process, all receiving an event. The latency runs from the
 * moment the engineer's POST is sent to the moment a stream has read the event.
 */
import { rmSync } from 'node:fs'
import { Pool } from 'undici'
import { tenantIdOf } from '../../src/demo/world.ts'
import { fmt, median, signIn, startServer, type Session } from '../support.ts'

interface Streams {
  /** Per incident id: when each stream received it (ms, performance.now()). */
  arrivals: Map<string, number[]>
  count: number
  close(): Promise<void>
}

async function openStreams(url: string, sessions: Session[], count: number): Promise<Streams> {
  const pool = new Pool(url, {
    connections: count + 8,
    pipelining: 1,
    bodyTimeout: 0,
    headersTimeout: 120_000,
  })
  const arrivals = new Map<string, number[]>()
  const opening: Promise<void>[] = []
  const batch = 200
  for (let i = 0; i < count; i++) {
    const session = sessions[i % sessions.length]!
    opening.push(
      (async () => {
        const response = await pool.request({
          path: '/api/health/stream',
          method: 'GET',
          headers: { ...session.headers, accept: 'text/event-stream' },
        })
        let connected!: () => void
        const ready = new Promise<void>((resolve) => (connected = resolve))
        let buffer = ''
        response.body.setEncoding('utf8')
        response.body.on('data', (chunk: string) => {
          const at = performance.now()
          buffer += chunk
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            if (block.includes(': connected')) connected()
            const data = /^data: (.+)$/m.exec(block)?.[1]
            const id = data ? (JSON.parse(data) as { incident: { id: string } }).incident.id : null
            if (id) {
              const list = arrivals.get(id) ?? []
              list.push(at)
              arrivals.set(id, list)
            }
          }
        })
        response.body.on('error', () => undefined)
        await ready
      })(),
    )
    // open in batches, as many users do over a morning, not all in the same millisecond
    if (opening.length % batch === 0) await Promise.all(opening.slice(-batch))
  }
  await Promise.all(opening)
  return {
    arrivals,
    count,
    async close() {
      await pool.destroy()
    },
  }
}

async function publish(url: string, engineer: Session, title: string): Promise<{ id: string; sent: number }> {
  const sent = performance.now()
  const response = await fetch(`${url}/api/health/incidents`, {
    method: 'POST',
    headers: { ...engineer.headers, 'x-csrf-token': engineer.csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({
      title,
      classification: 'incident',
      status: 'investigating',
      impactDescription: 'Bench',
      serviceIds: ['Exchange'],
      tenantIds: [tenantIdOf('rossi.example')],
      message: 'Investigating.',
    }),
  })
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`publish: ${response.status} ${await response.text()}`)
  return { id: ((await response.json()) as { id: string }).id, sent }
}

/** Publishes `events` incidents one after another; answers per event the median and last arrival. */
async function measure(url: string, engineer: Session, streams: Streams, events: number) {
  const firsts: number[] = []
  const lasts: number[] = []
  let missing = 0
  for (let i = 0; i < events; i++) {
    const { id, sent } = await publish(url, engineer, `Bench stream event ${i}`)
    const deadline = performance.now() + 30_000
    while ((streams.arrivals.get(id)?.length ?? 0) < streams.count && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5))
    const got = (streams.arrivals.get(id) ?? []).map((at) => at - sent)
    missing += streams.count - got.length
    firsts.push(median(got))
    lasts.push(Math.max(...got))
  }
  return { median: median(firsts), last: median(lasts), missing }
}

const rssOf = async (url: string): Promise<number> => {
  const text = await (await fetch(`${url}/metrics`)).text()
  return Number(/^tramite_process_resident_memory_bytes (\S+)$/m.exec(text)?.[1] ?? 0) / 1024 / 1024
}

export async function streamsBench(log: (line: string) => void): Promise<void> {
  const dataDir = `/tmp/tramite-bench-streams-${process.pid}`
  const server = await startServer({ TRAMITE_DATA_DIR: dataDir, SCHEDULER_INTERVAL_SECONDS: '3600' })
  try {
    const engineer = await signIn(server.url, 'engineer@contoso.example')
    const viewers = [
      await signIn(server.url, 'anna@fabrikam.example'),
      await signIn(server.url, 'admin@rossi.example'),
      engineer,
    ]
    const events = Number(process.env.BENCH_STREAM_EVENTS ?? 7)
    const one = await openStreams(server.url, [viewers[0]!], 1)
    await measure(server.url, engineer, one, 2) // warm-up
    const single = await measure(server.url, engineer, one, events)
    await one.close()
    const many = await openStreams(server.url, viewers, 1000)
    await measure(server.url, engineer, many, 2)
    const thousand = await measure(server.url, engineer, many, events)
    await many.close()
    const ratio = thousand.last / single.last
    log(`  1 stream:      publish-to-receive ${fmt(single.last, 1)} ms (median of ${events} events)`)
    log(
      `  1,000 streams: median stream ${fmt(thousand.median, 1)} ms, last stream ${fmt(thousand.last, 1)} ms = ${ratio.toFixed(2)}× one stream ${ratio <= 2 ? 'ok' : 'MISSED (≤ 2×)'}${thousand.missing ? `; ${thousand.missing} deliveries missing` : ''}`,
    )
    const target = Number(process.env.BENCH_STREAMS_HELD ?? 10_000)
    const rssBefore = await rssOf(server.url)
    const t0 = performance.now()
    const held = await openStreams(server.url, viewers, target)
    const openedIn = (performance.now() - t0) / 1000
    const all = await measure(server.url, engineer, held, 1)
    const rssAfter = await rssOf(server.url)
    log(
      `  ${fmt(target)} streams held by one process (opened in ${fmt(openedIn, 1)} s): one event reached ${fmt(target - all.missing)} of them, the last after ${fmt(all.last)} ms; server RSS ${fmt(rssBefore)} MB → ${fmt(rssAfter)} MB ${all.missing === 0 ? 'ok' : 'MISSED'}`,
    )
    await held.close()
  } finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
