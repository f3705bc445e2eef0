/**
 * Where a call's CPU goes: the server process, the PostgreSQL backends of its database, the load
 * generator. Each growth route (and /healthz) is loaded for a few seconds against a server on a
 * scale database while /proc says how much CPU each side used; the figures are per call, so a
 * route's cost × /healthz splits into the server's share and the database's.
 *
 *   DATABASE_URL=postgres://127.0.0.1:5432/test BENCH_SCALE_DB_PREFIX=lists \
 *     node --import tsx bench/scale/cpu-split.ts 1m [route name filter,…]
 *
 * CPU_SPLIT_BASE=<another checkout>/bin/tramite.js also runs that build on the same database, and
 * the two are measured in turns, route by route (before/after in one run). The database must exist
 * (the growth suite loads it). CPU_SPLIT_SECONDS sets each load's length, CPU_SPLIT_ROUNDS the rounds.
 */
import pg from 'pg'
import { withDefaultUser } from '../../src/platform/db/database.ts'
import {
  type BenchServer,
  cpuMs,
  databaseUrl,
  load,
  median,
  signIn,
  startServer,
  type Session,
} from '../support.ts'
import { dbPrefix } from './databases.ts'
import { ROUTES } from './growth.ts'
import { ROSSI } from './volumes.ts'

const serverUrl = process.env.DATABASE_URL
if (!serverUrl) throw new Error('cpu-split.ts runs on PostgreSQL: set DATABASE_URL')
const volume = process.argv[2] ?? '1m'
const only = process.argv[3]?.split(',').filter(Boolean)
const seconds = Number(process.env.CPU_SPLIT_SECONDS ?? 4)
const rounds = Number(process.env.CPU_SPLIT_ROUNDS ?? 1)
const url = databaseUrl(serverUrl, `${dbPrefix}_${volume}`)

const admin = new pg.Client({ connectionString: withDefaultUser(url) })
await admin.connect()
/**
 * The database's backends but this one, just after a warm-up filled the measured server's pool (the
 * other server, idle meanwhile, adds nothing).
 */
async function backends(): Promise<number[]> {
  const { rows } = await admin.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  )
  return rows.map((r) => r.pid)
}

interface Target {
  name: string
  server: BenchServer
  personas: Record<string, Session>
  rossiRequest: string
}

async function target(name: string, bin: string): Promise<Target> {
  const server = await startServer(
    {
      DATABASE_URL: url,
      TRAMITE_DATA_DIR: `/tmp/${dbPrefix}-cpu-split-${name}`,
      SCHEDULER_INTERVAL_SECONDS: '3600',
    },
    [],
    bin,
  )
  const personas: Record<string, Session> = {
    engineer: await signIn(server.url, 'engineer@contoso.example'),
    partner: await signIn(server.url, 'anna@fabrikam.example'),
    customer: await signIn(server.url, 'admin@rossi.example'),
  }
  const newest = await fetch(`${server.url}/api/service-requests?limit=1&customer=${ROSSI}`, {
    headers: personas.partner!.headers,
  })
  const rossiRequest = ((await newest.json()) as { items: { id: string }[] }).items[0]!.id
  return { name, server, personas, rossiRequest }
}

interface Sample {
  rps: number
  /** × /healthz, measured on the same server just before. */
  cost: number
  server: number
  db: number
  bench: number
}

async function measure(t: Target, path: string, headers: Record<string, string>): Promise<Sample> {
  await load('warm', { url: `${t.server.url}${path}`, headers, duration: 1 }) // pool, caches
  const pids = await backends()
  const serverBefore = cpuMs(t.server.child.pid!)
  const dbBefore = pids.map(cpuMs)
  const selfBefore = process.cpuUsage()
  const result = await load(path, { url: `${t.server.url}${path}`, headers, duration: seconds })
  if (result.non2xx || result.errors) throw new Error(`${path}: ${JSON.stringify(result.statusCodes)}`)
  const self = process.cpuUsage(selfBefore)
  const calls = result.rps * seconds
  const db = pids.reduce((sum, pid, i) => sum + cpuMs(pid) - dbBefore[i]!, 0)
  const healthz = await load('/healthz', {
    url: `${t.server.url}/healthz`,
    duration: Math.max(1, seconds / 2),
  })
  return {
    rps: result.rps,
    cost: healthz.rps / result.rps,
    server: (cpuMs(t.server.child.pid!) - serverBefore) / calls,
    db: db / calls,
    bench: (self.user + self.system) / 1000 / calls,
  }
}

const targets: Target[] = []
try {
  const base = process.env.CPU_SPLIT_BASE
  if (base) targets.push(await target('base', base))
  targets.push(await target('this', 'bin/tramite.js'))
  const routes = ROUTES.filter((r) => !only || only.some((o) => r.name.includes(o)))
  console.log(`\nCPU per call at ${volume} (ms; ${seconds} s each, 10 connections, median of ${rounds})\n`)
  const head = targets.map((t) => `${t.name}: calls/s | × /healthz | server | PostgreSQL | load`).join(' | ')
  console.log(`| Route | ${head} |`)
  for (const route of [{ name: '/healthz', persona: 'none', path: '/healthz' }, ...routes]) {
    const samples: Sample[][] = targets.map(() => [])
    for (let round = 0; round < rounds; round++) {
      for (const [i, t] of targets.entries()) {
        const path =
          typeof route.path === 'string' ? route.path : route.path({ rossiRequest: t.rossiRequest })
        samples[i]!.push(await measure(t, path, t.personas[route.persona]?.headers ?? {}))
      }
    }
    const cells = samples.map((s) => {
      const m = (k: keyof Sample) => median(s.map((x) => x[k]))
      return `${m('rps').toFixed(0)} | ${m('cost').toFixed(1)} | ${m('server').toFixed(2)} | ${m('db').toFixed(2)} | ${m('bench').toFixed(2)}`
    })
    console.log(`| ${route.name} | ${cells.join(' | ')} |`)
  }
} finally {
  for (const t of targets) await t.server.stop()
  await admin.end()
}
