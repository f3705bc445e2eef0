/**
 * Where a filing's CPU goes, on PostgreSQL: CPU time per request of the server process and of the
 * database's backends (read from /proc, so PostgreSQL must run on this machine), for Tramite's
 * `POST /api/service-requests` and the reference route of bench/scale/filing.ts, under the same
 * load (10 connections), in turns. CPU per request moves far less with the machine's load than
 * requests per second do. `BASE_BIN=<another checkout>/bin/tramite.js` adds that build's filing,
 * measured in the same turns.
 *
 *   DATABASE_URL=postgres://127.0.0.1:5432/test ROUNDS=3 SECONDS=4 node --import tsx bench/filing-cpu.ts
 *   PROF=/tmp/filing-prof …: also a CPU profile of the server (`--cpu-prof`)
 */
import pg from 'pg'
import { withDefaultUser } from '../src/platform/db/database.ts'
import { adminQuery, cpuMs, databaseUrl, load, signIn, startServer, type BenchServer } from './support.ts'
import { ownIds, referenceServer, templateRows } from './scale/filing.ts'
import { tenantIdOf } from '../src/demo/world.ts'

const postgres = process.env.DATABASE_URL
if (!postgres) throw new Error('set DATABASE_URL (a PostgreSQL server on this machine)')
const rounds = Number(process.env.ROUNDS ?? 3)
const seconds = Number(process.env.SECONDS ?? 4)

const body = JSON.stringify({
  customerTenantId: tenantIdOf('rossi.example'),
  workload: 'office365',
  title: 'Filing CPU probe',
  description: 'Filed by bench/filing-cpu.ts.',
  severity: 'minimal',
})

async function backends(url: string, database: string): Promise<number[]> {
  const { rows } = await adminQuery(url, `select pid from pg_stat_activity where datname = '${database}'`)
  return rows.map((r: { pid: number }) => r.pid)
}

interface Side {
  name: string
  url: string
  method: 'POST' | 'GET'
  headers: Record<string, string>
  database: string
  /** The process serving it, or null for this one (the reference runs here, beside autocannon). */
  pid: number | null
}

async function tramite(
  name: string,
  bin: string | undefined,
  args: string[] = [],
): Promise<{ side: Side; server: BenchServer; url: string }> {
  await adminQuery(postgres!, `drop database if exists ${name} with (force)`)
  await adminQuery(postgres!, `create database ${name}`)
  const url = databaseUrl(postgres!, name)
  const server = await startServer(
    { TRAMITE_DATA_DIR: `/tmp/${name}`, DATABASE_URL: url, SCHEDULER_INTERVAL_SECONDS: '3600' },
    args,
    bin,
  )
  const anna = await signIn(server.url, 'anna@fabrikam.example')
  const headers = { ...anna.headers, 'x-csrf-token': anna.csrfToken, 'content-type': 'application/json' }
  return {
    side: {
      name,
      url: `${server.url}/api/service-requests`,
      method: 'POST',
      headers,
      database: name,
      pid: server.child.pid!,
    },
    server,
    url,
  }
}

const names = [
  `filing_cpu_${process.pid}`,
  ...(process.env.BASE_BIN ? [`filing_cpu_base_${process.pid}`] : []),
]
const servers: BenchServer[] = []
let reference: Awaited<ReturnType<typeof referenceServer>> | null = null
try {
  const sides: Side[] = []
  // PROF=<dir>: a CPU profile of this build's server under the load (written when it stops)
  const prof = process.env.PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF}`] : []
  const mine = await tramite(names[0]!, undefined, prof)
  servers.push(mine.server)
  sides.push({ ...mine.side, name: 'filing' })
  if (process.env.BASE_BIN) {
    const base = await tramite(names[1]!, process.env.BASE_BIN)
    servers.push(base.server)
    sides.push({ ...base.side, name: 'filing (base)' })
  }
  const first = await fetch(mine.side.url, { method: 'POST', headers: mine.side.headers, body })
  const { id } = (await first.json()) as { id: string }
  const client = new pg.Client({ connectionString: withDefaultUser(mine.url) })
  await client.connect()
  const rows = await templateRows(client, id).finally(() => client.end())
  reference = await referenceServer(mine.url, rows, ownIds(rows, id), 10)
  if (process.env.HEALTHZ)
    sides.push({
      ...mine.side,
      name: '/healthz',
      url: mine.side.url.replace('/api/service-requests', '/healthz'),
      method: 'GET',
    })
  sides.push({
    name: 'reference',
    url: `${reference.url}/file`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    database: names[0]!,
    pid: null,
  })

  const results = new Map<string, { rps: number[]; server: number[]; db: number[]; here: number[] }>()
  for (let round = 0; round <= rounds; round++) {
    for (const side of sides) {
      const pids = await backends(postgres, side.database)
      const before = { server: side.pid ? cpuMs(side.pid) : 0, db: pids.map(cpuMs), here: process.cpuUsage() }
      const r = await load(side.name, {
        url: side.url,
        method: side.method,
        headers: side.headers,
        ...(side.method === 'POST' ? { body } : {}),
        duration: seconds,
      })
      if (r.non2xx || r.errors) throw new Error(`${side.name}: ${JSON.stringify(r.statusCodes)}`)
      const after = await backends(postgres, side.database)
      const requests = r.rps * seconds
      const db = pids.reduce((sum, pid, i) => sum + (after.includes(pid) ? cpuMs(pid) - before.db[i]! : 0), 0)
      const here = process.cpuUsage(before.here)
      if (round === 0) continue // warm-up: connections, prepared statements, JIT
      const entry = results.get(side.name) ?? { rps: [], server: [], db: [], here: [] }
      entry.rps.push(r.rps)
      entry.server.push(side.pid ? (cpuMs(side.pid) - before.server) / requests : 0)
      entry.db.push(db / requests)
      entry.here.push((here.user + here.system) / 1000 / requests)
      results.set(side.name, entry)
    }
  }
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!
  for (const [name, e] of results) {
    console.log(
      `${name.padEnd(14)} req/s ${e.rps.map((x) => x.toFixed(0)).join('/')}; CPU ms per request: server ${e.server.map((x) => x.toFixed(2)).join('/')}, database ${e.db.map((x) => x.toFixed(2)).join('/')}, this process (autocannon${name === 'reference' ? ' + reference' : ''}) ${e.here.map((x) => x.toFixed(2)).join('/')}; median total ${(med(e.server) + med(e.db) + med(e.here)).toFixed(2)}`,
    )
  }
} finally {
  await reference?.close()
  for (const s of servers) await s.stop()
  for (const n of names) await adminQuery(postgres, `drop database if exists ${n} with (force)`)
}
