/**
 * Growth: what each list, search and get-one costs over HTTP at two volumes (100 k and 1 M requests
 * on PostgreSQL, 10 k and 100 k on PGlite), each as a ratio to GET /healthz measured on the same
 * server just before it. Both servers run at once and are measured in turns, round after round, so
 * that the noise of the shared machine falls on both volumes alike; the figure is the median round.
 */
import { createHash } from 'node:crypto'
import { fmt, load, median, signIn, startServer, type BenchServer, type Session } from '../support.ts'
import { dbPrefix, label, pgliteVolume, postgresVolume } from './databases.ts'
import {
  COMMON_EN,
  COMMON_IT,
  FABRIKAM,
  FIXED_EN,
  FIXED_IT,
  FIXED_MATCHES,
  RARE_EN,
  RARE_IT,
  ROSSI,
} from './volumes.ts'

/** The id PostgreSQL's md5(text)::uuid gives. */
export const md5Uuid = (text: string): string => {
  const h = createHash('md5').update(text).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

type Persona = 'engineer' | 'partner' | 'customer'

export interface Route {
  name: string
  persona: Persona
  path: string | ((ids: KnownIds) => string)
  /** The target's ceiling on its cost at the larger volume, × /healthz. */
  ceiling: number
}

interface KnownIds {
  rossiRequest: string
}

const FABRIKAM_CUSTOMER = md5Uuid('bench-customer-200') // customer 200 is served by partner 0, Fabrikam

/**
 * The routes measured. A growth ratio compares the same work at both volumes only when the page is
 * full at the smaller one: the rare words of volumes.ts (1 in 2,000 requests), Fabrikam's open
 * list and its customer 200's closed list hold fewer than 50 rows at the smaller volume, so each
 * has a twin whose page is full at every volume (the fixed rare words, the closed list, Rossi).
 */
export const ROUTES: Route[] = [
  {
    name: 'desk queue, newest first',
    persona: 'engineer',
    path: '/api/service-requests?limit=50',
    ceiling: 20,
  },
  {
    name: 'desk queue, last modified first',
    persona: 'engineer',
    path: '/api/service-requests?limit=50&sort=modified',
    ceiling: 20,
  },
  {
    name: 'desk queue, due first',
    persona: 'engineer',
    path: '/api/service-requests?limit=50&sort=due',
    ceiling: 20,
  },
  {
    name: 'desk queue, open, due first',
    persona: 'engineer',
    path: '/api/service-requests?limit=50&status=open&sort=due',
    ceiling: 20,
  },
  {
    name: `desk search, rare it "${RARE_IT}"`,
    persona: 'engineer',
    path: `/api/service-requests?limit=50&q=${RARE_IT}`,
    ceiling: 20,
  },
  {
    name: `desk search, common it "${COMMON_IT}"`,
    persona: 'engineer',
    path: `/api/service-requests?limit=50&q=${COMMON_IT}`,
    ceiling: 20,
  },
  {
    name: `desk search, rare en "${RARE_EN}"`,
    persona: 'engineer',
    path: `/api/service-requests?limit=50&q=${RARE_EN}`,
    ceiling: 20,
  },
  {
    name: `desk search, rare it "${FIXED_IT}" (${FIXED_MATCHES})`,
    persona: 'engineer',
    path: `/api/service-requests?limit=50&q=${FIXED_IT}`,
    ceiling: 20,
  },
  {
    name: `desk search, rare en "${FIXED_EN}" (${FIXED_MATCHES})`,
    persona: 'engineer',
    path: `/api/service-requests?limit=50&q=${FIXED_EN}`,
    ceiling: 20,
  },
  {
    name: `desk search, common en "${COMMON_EN}"`,
    persona: 'engineer',
    path: `/api/service-requests?limit=50&q=${COMMON_EN}`,
    ceiling: 20,
  },
  { name: "partner's list", persona: 'partner', path: '/api/service-requests?limit=50', ceiling: 20 },
  {
    name: "partner's list, status open",
    persona: 'partner',
    path: '/api/service-requests?limit=50&status=open',
    ceiling: 20,
  },
  {
    name: "partner's list, status closed",
    persona: 'partner',
    path: '/api/service-requests?limit=50&status=closed',
    ceiling: 20,
  },
  {
    name: "partner's list, one customer, closed",
    persona: 'partner',
    path: `/api/service-requests?limit=50&customer=${FABRIKAM_CUSTOMER}&status=closed`,
    ceiling: 20,
  },
  {
    name: "partner's list, Rossi, closed",
    persona: 'partner',
    path: `/api/service-requests?limit=50&customer=${ROSSI}&status=closed`,
    ceiling: 20,
  },
  { name: "customer's list", persona: 'customer', path: '/api/service-requests?limit=50', ceiling: 20 },
  {
    name: 'get one (delegated read, audited)',
    persona: 'partner',
    path: (ids) => `/api/service-requests/${ids.rossiRequest}`,
    ceiling: 3,
  },
]

const PERSONAS: Record<Persona, string> = {
  engineer: 'engineer@contoso.example',
  partner: 'anna@fabrikam.example',
  customer: 'admin@rossi.example',
}

interface Target {
  requests: number
  server: BenchServer
  sessions: Record<Persona, Session>
  ids: KnownIds
}

async function target(requests: number, env: Record<string, string>): Promise<Target> {
  const server = await startServer({ ...env, SCHEDULER_INTERVAL_SECONDS: '3600' })
  const sessions = {} as Record<Persona, Session>
  for (const [persona, email] of Object.entries(PERSONAS)) {
    sessions[persona as Persona] = await signIn(server.url, email)
  }
  const newest = await fetch(`${server.url}/api/service-requests?limit=1&customer=${ROSSI}`, {
    headers: sessions.partner.headers,
  })
  const body = (await newest.json()) as { items: { id: string }[] }
  if (!body.items[0]) throw new Error('no Rossi request to read')
  return { requests, server, sessions, ids: { rossiRequest: body.items[0].id } }
}

export interface GrowthRow {
  route: Route
  /** Per volume: median requests/s, median cost × /healthz, median p50 latency (ms). */
  at: { requests: number; rps: number; cost: number; p50: number; p99: number }[]
  growth: number
}

export async function growthBench(options: {
  engine: 'postgres' | 'pglite'
  serverUrl?: string | undefined
  volumes: number[]
  seconds: number
  rounds: number
  routes?: Route[] | undefined
  log: (line: string) => void
}): Promise<GrowthRow[]> {
  const { engine, volumes, log } = options
  const envs: Record<string, string>[] = []
  for (const requests of volumes) {
    log(`Preparing ${label(requests)} requests on ${engine}`)
    if (engine === 'postgres') {
      const url = await postgresVolume(options.serverUrl!, requests, volumes, log)
      envs.push({ DATABASE_URL: url, TRAMITE_DATA_DIR: `/tmp/${dbPrefix}-run-${label(requests)}` })
    } else {
      envs.push({ TRAMITE_DATA_DIR: await pgliteVolume(requests, volumes, log) })
    }
  }
  const targets: Target[] = []
  try {
    for (const [i, requests] of volumes.entries()) targets.push(await target(requests, envs[i]!))
    // BENCH_SCALE_ROUTES=a,b measures only the routes whose names contain a or b (a re-run of a few)
    const only = process.env.BENCH_SCALE_ROUTES?.split(',').filter(Boolean)
    const routes = options.routes ?? ROUTES.filter((r) => !only || only.some((o) => r.name.includes(o)))
    const rows: GrowthRow[] = []
    for (const route of routes) {
      const samples = targets.map(() => ({
        rps: [] as number[],
        cost: [] as number[],
        p50: [] as number[],
        p99: [] as number[],
      }))
      for (let round = 0; round < options.rounds; round++) {
        for (const [i, t] of targets.entries()) {
          const base = await load('healthz', {
            url: `${t.server.url}/healthz`,
            duration: Math.max(1, options.seconds / 2),
          })
          const path = typeof route.path === 'string' ? route.path : route.path(t.ids)
          const result = await load(route.name, {
            url: `${t.server.url}${path}`,
            headers: t.sessions[route.persona].headers,
            duration: options.seconds,
          })
          if (result.non2xx || result.errors)
            throw new Error(
              `${route.name} at ${label(t.requests)}: ${JSON.stringify(result.statusCodes)}, ${result.errors} errors`,
            )
          samples[i]!.rps.push(result.rps)
          samples[i]!.cost.push(base.rps / result.rps)
          samples[i]!.p50.push(result.p50)
          samples[i]!.p99.push(result.p99)
        }
      }
      const at = targets.map((t, i) => ({
        requests: t.requests,
        rps: median(samples[i]!.rps),
        cost: median(samples[i]!.cost),
        p50: median(samples[i]!.p50),
        p99: median(samples[i]!.p99),
      }))
      const row = { route, at, growth: at[at.length - 1]!.cost / at[0]!.cost }
      rows.push(row)
      log(formatRow(row))
    }
    return rows
  } finally {
    for (const t of targets) await t.server.stop()
  }
}

export function formatRow(row: GrowthRow): string {
  const cells = row.at.map(
    (a) =>
      `${label(a.requests).padStart(4)}: ${fmt(a.rps).padStart(6)} req/s ${a.cost.toFixed(1).padStart(6)}× p50 ${String(a.p50).padStart(4)} ms`,
  )
  const last = row.at[row.at.length - 1]!
  const ok = row.growth <= 2 && last.cost <= row.route.ceiling
  return `  ${row.route.name.padEnd(40)} ${cells.join(' | ')} | growth ×${row.growth.toFixed(2)} ${ok ? 'ok' : `MISSED (≤ 2, ≤ ${row.route.ceiling}×)`}`
}

export { FABRIKAM }
