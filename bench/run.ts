/**
 * `npm run bench`: how fast the policy decides, and what the main calls cost over HTTP.
 *
 * The machines are shared and noisy, so every figure comes with a ratio to a baseline measured in
 * the same run (GET /healthz for HTTP; one database round trip for the policy). The server runs
 * in its own process on a fresh PGlite directory (or on DATABASE_URL), loaded from this one.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { ensureCatalog } from '../src/catalog/catalog.ts'
import { seedDemoWorld } from '../src/demo/seed.ts'
import { ROLE_IDS } from '../src/catalog/catalog.ts'
import { affectedCustomers, insertIncident } from '../src/health/health.data.ts'
import { demoId, tenantIdOf } from '../src/demo/world.ts'
import { findUserByEmail } from '../src/identity/users.data.ts'
import pg from 'pg'
import { openDatabase, withDefaultUser } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { gatherFacts } from '../src/policy/policy.data.ts'
import { decide } from '../src/policy/support-policy.ts'
import { countOpenBySla } from '../src/service-requests/service-requests.data.ts'
import { listServiceRequests } from '../src/service-requests/request-list.data.ts'
import { scaleBench } from './scale/scale.ts'

const PASSWORD = 'bench-password-1'
const ROSSI = tenantIdOf('rossi.example')
const seconds = Number(process.env.BENCH_SECONDS ?? 5)

async function policyBench(): Promise<void> {
  const handle = await openDatabase({ kind: 'pglite', dir: 'memory://' })
  await migrateToLatest(handle.db)
  await ensureCatalog(handle.db)
  await seedDemoWorld(handle.db, { password: PASSWORD })
  const anna = (await findUserByEmail(handle.db, 'anna@fabrikam.example'))!
  const facts = (await gatherFacts(
    handle.db,
    anna,
    { customerTenantId: ROSSI, workload: 'azure' },
    new Date(),
  ))!
  const questions = (['azure', 'office365', 'marketplace'] as const).map((workload) => ({
    action: 'file' as const,
    workload,
  }))

  const n = 200_000
  let t0 = performance.now()
  for (let i = 0; i < n; i++) decide(facts, questions[i % questions.length]!)
  const decideMs = performance.now() - t0

  const gathers = 300
  t0 = performance.now()
  for (let i = 0; i < gathers; i++)
    await gatherFacts(handle.db, anna, { customerTenantId: ROSSI, workload: 'azure' }, new Date())
  const gatherMs = performance.now() - t0

  const trips = 1000
  t0 = performance.now()
  for (let i = 0; i < trips; i++) await sql`select 1`.execute(handle.db)
  const tripMs = performance.now() - t0
  await handle.close()

  const perDecision = decideMs / n
  console.log('\nPolicy (in process, PGlite in memory)')
  console.log(
    `  decide():        ${Math.round(n / (decideMs / 1000)).toLocaleString('en')} decisions/s (${(perDecision * 1000).toFixed(2)} µs each)`,
  )
  console.log(
    `  gatherFacts():   ${(gatherMs / gathers).toFixed(2)} ms each = ${(gatherMs / gathers / (tripMs / trips)).toFixed(1)}× one database round trip`,
  )
  console.log(
    `  a decision costs ${((perDecision / (gatherMs / gathers)) * 100).toFixed(3)}% of gathering its facts`,
  )
}

function startServer(env: Record<string, string>): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['bin/tramite.js', 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TRAMITE_DEMO_PASSWORD: PASSWORD,
      SIGNIN_RATE_LIMIT: '10000',
      // costs are measured without shedding; the overload bench sets its own limits
      MAX_IN_FLIGHT: '0',
      MAX_EVENT_LOOP_DELAY_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let url = ''
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const m = /^Tramite (http:\/\/\S+)/.exec(line)
        if (m) url = m[1]!.replace('localhost', '127.0.0.1')
        if (line.startsWith('API reference') && url) resolve({ url, stop: () => child.kill('SIGTERM') })
      }
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
}

async function load(
  name: string,
  options: autocannon.Options,
): Promise<{ name: string; rps: number; p99: number; errors: number }> {
  const result = await autocannon({ connections: 10, duration: seconds, ...options })
  const errors = result.errors + result.non2xx
  return { name, rps: result.requests.average, p99: result.latency.p99, errors }
}

async function httpBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tramite-bench-'))
  const scratch = process.env.DATABASE_URL ? await scratchDatabase(process.env.DATABASE_URL) : null
  const server = await startServer({
    TRAMITE_DATA_DIR: dataDir,
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  })
  try {
    const signIn = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'anna@fabrikam.example', password: PASSWORD }),
    })
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
    const { csrfToken } = (await signIn.json()) as { csrfToken: string }
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }
    const body = JSON.stringify({
      customerTenantId: ROSSI,
      workload: 'office365',
      title: 'Bench request',
      description: 'Created by npm run bench.',
      severity: 'minimal',
    })
    const results = [
      await load('GET /healthz (baseline)', { url: `${server.url}/healthz` }),
      await load('GET /api/advice (Rossi, Azure)', {
        url: `${server.url}/api/advice?customer=${ROSSI}&workload=azure`,
        headers,
      }),
      await load('POST /api/service-requests', {
        url: `${server.url}/api/service-requests`,
        method: 'POST',
        headers,
        body,
      }),
      await load('GET /api/service-requests (50 newest)', {
        url: `${server.url}/api/service-requests?limit=50`,
        headers,
      }),
    ]
    const baseline = results[0]!.rps
    console.log(
      `\nHTTP (one server process, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; 10 connections, ${seconds} s each)`,
    )
    for (const r of results) {
      console.log(
        `  ${r.name.padEnd(40)} ${Math.round(r.rps).toString().padStart(7)} req/s  p99 ${String(r.p99).padStart(4)} ms  ` +
          `${(baseline / r.rps).toFixed(1).padStart(5)}× the baseline's cost${r.errors ? `  (${r.errors} errors)` : ''}`,
      )
    }
  } finally {
    server.stop()
    await new Promise((r) => setTimeout(r, 500))
    rmSync(dataDir, { recursive: true, force: true })
    await scratch?.drop()
  }
}

/**
 * "Which of my customers are affected right now" at 20,000 customers: Fabrikam gets 20,000 more
 * customers, each with an active GDAP relationship whose assignment gives Tier1 Support the
 * Service Support Administrator role; 20 active incidents (5 for every tenant, 15 naming 500
 * customers each) and 200 resolved ones.
 */
async function healthBench(): Promise<void> {
  const customers = Number(process.env.BENCH_CUSTOMERS ?? 20_000)
  // on PostgreSQL, a database of its own on the same server, dropped afterwards
  const scratch = process.env.DATABASE_URL ? await scratchDatabase(process.env.DATABASE_URL) : null
  const handle = scratch
    ? await openDatabase({ kind: 'postgres', url: scratch.url })
    : await openDatabase({ kind: 'pglite', dir: 'memory://' })
  const db = handle.db
  await migrateToLatest(db)
  await ensureCatalog(db)
  await seedDemoWorld(db, { password: PASSWORD })
  const fabrikam = tenantIdOf('fabrikam.example')
  const tier1 = demoId('group', 'fabrikam.example/Tier1 Support')
  const ssa = ROLE_IDS.serviceSupportAdministrator
  const t0 = performance.now()
  await sql`insert into tenants (id, kind, display_name, default_domain, locale, country)
    select gen_random_uuid(), 'customer', 'Bench Customer ' || n, 'bench' || n || '.example', 'en-US', 'US' from generate_series(1, ${customers}) n`.execute(
    db,
  )
  await sql`insert into customer_relationships (customer_tenant_id, partner_tenant_id, relationship)
    select id, ${fabrikam}, 'reseller' from tenants where default_domain like 'bench%'`.execute(db)
  await sql`insert into gdap_relationships (id, display_name, partner_tenant_id, customer_tenant_id, status, duration, activated_at, end_at)
    select gen_random_uuid()::text || '-' || gen_random_uuid()::text, 'Bench ' || t.default_domain, ${fabrikam}, t.id, 'active', 'P730D', now(), now() + interval '700 days'
      from tenants t where t.default_domain like 'bench%'`.execute(db)
  await sql`insert into gdap_relationship_roles (relationship_id, role_id) select id, ${ssa} from gdap_relationships where display_name like 'Bench %'`.execute(
    db,
  )
  await sql`insert into gdap_access_assignments (id, relationship_id, security_group_id, status)
    select gen_random_uuid()::text, id, ${tier1}, 'active' from gdap_relationships where display_name like 'Bench %'`.execute(
    db,
  )
  await sql`insert into gdap_assignment_roles (assignment_id, role_id)
    select a.id, ${ssa} from gdap_access_assignments a join gdap_relationships r on r.id = a.relationship_id where r.display_name like 'Bench %'`.execute(
    db,
  )
  const engineer = (await findUserByEmail(db, 'engineer@contoso.example'))!
  const benchTenants = (
    await sql<{ id: string }>`select id from tenants where default_domain like 'bench%' order by id`.execute(
      db,
    )
  ).rows.map((r) => r.id)
  const services = ['Exchange', 'SharePoint', 'microsoftteams', 'Intune', 'DynamicsCRM', 'AzureStorage']
  for (let i = 0; i < 220; i++) {
    const targeted = i % 4 !== 0
    await insertIncident(
      db,
      {
        title: `Bench incident ${i}`,
        classification: i % 5 === 0 ? 'advisory' : 'incident',
        status: i < 20 ? 'serviceDegradation' : 'serviceRestored',
        feature: null,
        featureGroup: null,
        impactDescription: 'Bench',
        highImpact: false,
        serviceIds: [services[i % services.length]!],
        tenantIds:
          i < 20 && !targeted
            ? null
            : benchTenants.slice((i * 500) % customers, ((i * 500) % customers) + 500),
        startAt: new Date(),
        firstPost: 'Bench',
        createdByUserId: engineer.id,
      },
      new Date(),
    )
  }
  await sql`analyze`.execute(db)
  const loadMs = performance.now() - t0

  const anna = (await findUserByEmail(db, 'anna@fabrikam.example'))!
  const runs = 30
  const times: number[] = []
  let rows = 0
  let affected = 0
  for (let i = 0; i < runs + 3; i++) {
    const start = performance.now()
    const result = await affectedCustomers(db, anna.id, new Date())
    const elapsed = performance.now() - start
    if (i >= 3) times.push(elapsed)
    rows = result.length
    const named = new Set(result.filter((r) => r.tenantId).map((r) => r.tenantId)).size
    affected = Math.max(named, ...result.map((r) => (r.tenantId ? 0 : r.customers)))
  }
  const trips: number[] = []
  for (let i = 0; i < 200; i++) {
    const start = performance.now()
    await sql`select 1`.execute(db)
    trips.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  trips.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]!
  const p95 = times[Math.floor(times.length * 0.95)]!
  const trip = trips[Math.floor(trips.length / 2)]!
  console.log(
    `\nService health at ${customers.toLocaleString('en')} customers (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; load ${(loadMs / 1000).toFixed(1)} s)`,
  )
  console.log(
    `  "which of my customers are affected now": ${rows.toLocaleString('en')} rows (incidents for everyone counted once), ${affected.toLocaleString('en')} customers`,
  )
  console.log(
    `  median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms = ${(median / trip).toFixed(0)}× one database round trip (${trip.toFixed(2)} ms)`,
  )
  const plan = await sql<{
    'QUERY PLAN': string
  }>`explain select * from incident_tenants where tenant_id = ${benchTenants[0]!}`.execute(db)
  console.log(`  per-tenant lookup plan: ${plan.rows[0]!['QUERY PLAN'].trim()}`)
  await handle.close()
  await scratch?.drop()
}

/** The vendor's queue and full-text search over many requests (BENCH_REQUESTS, 50,000 by default). */
async function deskBench(): Promise<void> {
  const count = Number(process.env.BENCH_REQUESTS ?? 50_000)
  const scratch = process.env.DATABASE_URL ? await scratchDatabase(process.env.DATABASE_URL) : null
  const handle = scratch
    ? await openDatabase({ kind: 'postgres', url: scratch.url })
    : await openDatabase({ kind: 'pglite', dir: 'memory://' })
  const db = handle.db
  await migrateToLatest(db)
  await ensureCatalog(db)
  await seedDemoWorld(db, { password: PASSWORD })
  const fabrikam = tenantIdOf('fabrikam.example')
  const anna = (await findUserByEmail(db, 'anna@fabrikam.example'))!
  // fifty topic words: a search for one of them matches 2% of the requests, as real searches do
  const TOPICS = Array.from({ length: 50 }, (_, i) => `argomento${i} topic${i}`)
  const words = [
    ['Le stampanti non stampano', 'Nessuna stampante del piano accetta lavori di stampa.'],
    ['Mailbox migration stalled', 'Several mailboxes are stuck while migrating to the cloud.'],
    ['Teams calls drop', 'Calls drop after two minutes for all users.'],
    ['Accesso negato a SharePoint', 'Gli utenti ricevono un errore di accesso sul sito del reparto.'],
  ]
  const t0 = performance.now()
  for (const [index, [title, description]] of words.entries()) {
    await sql`insert into service_requests (id, tenant_id, partner_tenant_id, handled_by, workload_id, problem_type, title, description,
        severity, status, contact, created_by_user_id, created_by_tenant_id, decided_by_rule, support_plan, locale, country,
        created_at, modified_at, first_response_due_at, sla_started_at, first_response_at)
      select lpad((n * 4 + ${index})::text, 16, '0'), ${ROSSI}, ${fabrikam}, 'vendor', 'office365', 'technical',
        ${title} || ' — ' || (array[${sql.join(TOPICS.map((w) => sql`${w}`))}])[1 + n % ${TOPICS.length}], ${description} || ' ' || n,
        (array['minimal','moderate','critical'])[1 + n % 3], (array['open','attention_needed','closed','closed'])[1 + n % 4],
        '{"name":"Anna Moretti","email":"anna@fabrikam.example","preferredLanguage":"it"}'::jsonb, ${anna.id}, ${fabrikam}, 'R6', 'csp', 'it', 'IT',
        now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval,
        now() - (n || ' minutes')::interval + interval '4 hours', now() - (n || ' minutes')::interval,
        case when n % 2 = 0 then now() - (n || ' minutes')::interval + interval '1 hour' end
      from generate_series(1, ${Math.ceil(count / words.length)}) n`.execute(db)
  }
  await sql`analyze`.execute(db)
  const loadMs = performance.now() - t0
  const total = (await sql<{ n: number }>`select count(*)::int as n from service_requests`.execute(db))
    .rows[0]!.n

  const measure = async (run: () => Promise<unknown>) => {
    const times: number[] = []
    for (let i = 0; i < 23; i++) {
      const start = performance.now()
      await run()
      if (i >= 3) times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    return times[Math.floor(times.length / 2)]!
  }
  const trips: number[] = []
  for (let i = 0; i < 200; i++) {
    const start = performance.now()
    await sql`select 1`.execute(db)
    trips.push(performance.now() - start)
  }
  trips.sort((a, b) => a - b)
  const trip = trips[Math.floor(trips.length / 2)]!
  const now = new Date()
  const page = { offset: 0, limit: 50, now }
  const cases: [string, () => Promise<unknown>][] = [
    [
      'desk queue: running clocks, due first',
      () => listServiceRequests(db, { kind: 'all' }, { ...page, sla: 'running', sort: 'due' }),
    ],
    [
      'desk queue: breached, newest first',
      () => listServiceRequests(db, { kind: 'all' }, { ...page, sla: 'breached' }),
    ],
    [
      'partner list, newest first',
      () => listServiceRequests(db, { kind: 'partner', partnerTenantId: fabrikam }, page),
    ],
    [
      'search "topic7" (2% of requests match)',
      () => listServiceRequests(db, { kind: 'all' }, { ...page, q: 'topic7', searchInternal: 'vendor' }),
    ],
    [
      'search "stampanti topic7" (Italian stem; 0.5% match)',
      () => listServiceRequests(db, { kind: 'all' }, { ...page, q: 'stampanti topic7' }),
    ],
    [
      'search "stampante" (a quarter of all requests match)',
      () => listServiceRequests(db, { kind: 'all' }, { ...page, q: 'stampante' }),
    ],
    ['SLA gauge (counts by severity and state)', () => countOpenBySla(db, now)],
  ]
  console.log(
    `\nSupport desk at ${total.toLocaleString('en')} requests (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; load ${(loadMs / 1000).toFixed(1)} s)`,
  )
  for (const [name, run] of cases) {
    const median = await measure(run)
    console.log(
      `  ${name}: median ${median.toFixed(1)} ms = ${(median / trip).toFixed(0)}× one round trip (${trip.toFixed(2)} ms)`,
    )
  }
  await handle.close()
  await scratch?.drop()
}

async function scratchDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tramite_bench_${process.pid}`
  const admin = new pg.Client({ connectionString: withDefaultUser(url) })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const target = new URL(url)
  target.pathname = `/${name}`
  return {
    url: target.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: withDefaultUser(url) })
      await again.connect()
      await again.query(`drop database if exists ${name} with (force)`)
      await again.end()
    },
  }
}

// BENCH_ONLY=desk,health runs some of them; the scale suite (minutes of loading) only when asked
const only = process.env.BENCH_ONLY?.split(',')
const benches: [string, () => Promise<void>][] = [
  ['policy', policyBench],
  ['health', healthBench],
  ['desk', deskBench],
  ['http', httpBench],
  ['scale', scaleBench],
]
for (const [name, bench] of benches) if (only ? only.includes(name) : name !== 'scale') await bench()
