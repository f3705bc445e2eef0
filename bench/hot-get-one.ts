/**
 * `node --import tsx bench/hot-get-one.ts`: what keeping authenticated sessions in memory
 * (AUTH_CACHE_SECONDS) does to a call's cost. Two demo-world servers, the cache off and on, are
 * measured in turns, round after round: get-one (a partner's delegated, audited read, and the
 * engineer's, by cookie and by a bearer token of the engineer's own tenant), a partner's list,
 * each as a ratio to /healthz on the same server just before.
 * DATABASE_URL runs both on one PostgreSQL database (made and seeded by the first); otherwise each
 * has its own PGlite data directory. HOT_ARGS passes node flags to the servers (e.g. --cpu-prof).
 * HOT_COMPARE=<a built checkout> measures that checkout against this one instead, both with the
 * cache on (a change's before and after in one run). HOT_ROUTES=<names, separated by ;> measures
 * only those routes. Besides req/s, each line gives the server process's CPU per request (from
 * /proc) as a ratio to /healthz's: it moves far less with the machine's load than req/s does.
 */
import { tenantIdOf } from '../src/demo/world.ts'
import { cpuMs, fmt, load, median, signIn, startServer, type BenchServer, type Session } from './support.ts'

const seconds = Number(process.env.HOT_SECONDS ?? 3)
const rounds = Number(process.env.HOT_ROUNDS ?? 3)
const args = process.env.HOT_ARGS?.split(' ').filter(Boolean) ?? []
const compare = process.env.HOT_COMPARE
const only = process.env.HOT_ROUTES?.split(';').map((r) => r.trim())
const variants: { name: string; env: Record<string, string>; bin?: string }[] = compare
  ? [
      { name: 'before', env: { AUTH_CACHE_SECONDS: '60' }, bin: `${compare}/bin/tramite.js` },
      { name: 'after', env: { AUTH_CACHE_SECONDS: '60' } },
    ]
  : [
      { name: 'cache off', env: { AUTH_CACHE_SECONDS: '0' } },
      { name: 'cache on', env: { AUTH_CACHE_SECONDS: '60' } },
    ]

interface Target {
  name: string
  server: BenchServer
  routes: { name: string; path: string; session: Pick<Session, 'headers'> }[]
}

async function target(name: string, env: Record<string, string>, i: number, bin?: string): Promise<Target> {
  const dir = `/tmp/hotpath-bench-${process.pid}-${i}`
  const server = await startServer(
    { TRAMITE_DATA_DIR: dir, SCHEDULER_INTERVAL_SECONDS: '3600', ...env },
    args,
    bin,
  )
  const partner = await signIn(server.url, 'anna@fabrikam.example')
  const engineer = await signIn(server.url, 'engineer@contoso.example')
  const list = await fetch(`${server.url}/api/service-requests?limit=1`, { headers: partner.headers })
  const id = ((await list.json()) as { items: { id: string }[] }).items[0]!.id
  const bearer = { headers: { authorization: `Bearer ${await ownToken(server.url, engineer)}` } }
  // the partner's token delegated to Rossi: its GDAP roles are resolved on every call it makes
  const delegated = {
    headers: { authorization: `Bearer ${await ownToken(server.url, partner, tenantIdOf('rossi.example'))}` },
  }
  return {
    name,
    server,
    routes: [
      { name: 'get one, partner', path: `/api/service-requests/${id}`, session: partner },
      { name: 'get one, engineer', path: `/api/service-requests/${id}`, session: engineer },
      { name: 'get one, engineer, bearer', path: `/api/service-requests/${id}`, session: bearer },
      { name: 'get one, partner, delegated bearer', path: `/api/service-requests/${id}`, session: delegated },
      { name: "partner's list", path: '/api/service-requests?limit=50', session: partner },
    ].filter((r) => !only || only.includes(r.name)),
  }
}

/** A bearer token of the signed-in person's own tenant, or of `tenant` (the portal's delegation endpoint). */
async function ownToken(url: string, session: Session, tenant?: string): Promise<string> {
  const me = await fetch(`${url}/api/session`, { headers: session.headers })
  const tenantId = tenant ?? ((await me.json()) as { user: { tenantId: string } }).user.tenantId
  const res = await fetch(`${url}/api/session/delegation`, {
    method: 'POST',
    headers: { ...session.headers, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId }),
  })
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}

const targets: Target[] = []
try {
  // one after the other: on PostgreSQL the first makes and seeds the database
  for (const [i, v] of variants.entries()) targets.push(await target(v.name, v.env, i, v.bin))
  const costs = new Map<string, number[]>()
  const cpuCosts = new Map<string, number[]>()
  for (let round = 0; round < rounds; round++) {
    for (const t of targets) {
      for (const r of t.routes) {
        const pid = t.server.child.pid!
        const cpu0 = cpuMs(pid)
        const base = await load('healthz', { url: `${t.server.url}/healthz`, duration: seconds / 2 })
        const cpu1 = cpuMs(pid)
        const res = await load(r.name, {
          url: `${t.server.url}${r.path}`,
          headers: r.session.headers,
          duration: seconds,
        })
        if (res.non2xx || res.errors) throw new Error(`${r.name}: ${JSON.stringify(res.statusCodes)}`)
        const baseCpu = (cpu1 - cpu0) / (base.rps * (seconds / 2))
        const routeCpu = (cpuMs(pid) - cpu1) / (res.rps * seconds)
        const key = `${r.name} | ${t.name}`
        costs.set(key, [...(costs.get(key) ?? []), base.rps / res.rps])
        cpuCosts.set(key, [...(cpuCosts.get(key) ?? []), routeCpu / baseCpu])
        console.log(
          `round ${round + 1} ${key}: ${fmt(res.rps)} req/s, /healthz ${fmt(base.rps)}, ${(base.rps / res.rps).toFixed(1)}×; server CPU ${routeCpu.toFixed(2)} ms per call, /healthz ${baseCpu.toFixed(2)}, ${(routeCpu / baseCpu).toFixed(1)}×`,
        )
      }
    }
  }
  console.log(`\nmedian of ${rounds} rounds (cost × /healthz)`)
  for (const [key, c] of costs)
    console.log(
      `  ${key.padEnd(42)} ${median(c).toFixed(1)}×; server CPU ${median(cpuCosts.get(key)!).toFixed(1)}×`,
    )
} finally {
  for (const t of targets) await t.server.stop()
}
