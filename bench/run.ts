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
import { tenantIdOf } from '../src/demo/world.ts'
import { findUserByEmail } from '../src/identity/users.data.ts'
import { openDatabase } from '../src/platform/db/database.ts'
import { migrateToLatest } from '../src/platform/db/migrate.ts'
import { gatherFacts } from '../src/policy/policy.data.ts'
import { decide } from '../src/policy/support-policy.ts'

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
  const server = await startServer({ TRAMITE_DATA_DIR: dataDir })
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
  }
}

await policyBench()
await httpBench()
