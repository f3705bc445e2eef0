/**
 * A filing's cost, sequentially: N filings (anna for Rossi, Office 365) then N `/healthz`, on a
 * new database, and the ratio of their mean times. `PROF=1` starts the server with `--cpu-prof`
 * (profiles in /tmp/tramite-filing-prof; open them in Chrome DevTools or any .cpuprofile viewer).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test N=300 PROF=1 node --import tsx bench/profile-filing.ts
 */
import { tenantIdOf } from '../src/demo/world.ts'
import { adminQuery, databaseUrl, signIn, startServer } from './support.ts'

const postgres = process.env.DATABASE_URL
const n = Number(process.env.N ?? 300)
const name = `tramite_profile_filing_${process.pid}`
let env: Record<string, string> = {
  TRAMITE_DATA_DIR: `/tmp/tramite-profile-filing-${process.pid}`,
  SCHEDULER_INTERVAL_SECONDS: '3600',
}
if (postgres) {
  await adminQuery(postgres, `create database ${name}`)
  env = { ...env, DATABASE_URL: databaseUrl(postgres, name) }
}
const server = await startServer(
  env,
  process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/tramite-filing-prof'] : [],
)
try {
  const anna = await signIn(server.url, 'anna@fabrikam.example')
  const headers = { ...anna.headers, 'x-csrf-token': anna.csrfToken, 'content-type': 'application/json' }
  const body = JSON.stringify({
    customerTenantId: tenantIdOf('rossi.example'),
    workload: 'office365',
    title: 'Profiled filing',
    description: 'Filed by bench/profile-filing.ts.',
    severity: 'minimal',
  })
  const file = async () => {
    const response = await fetch(`${server.url}/api/service-requests`, { method: 'POST', headers, body })
    if (response.status !== 201) throw new Error(`filing: ${response.status} ${await response.text()}`)
    await response.text()
  }
  // warm up: connections, prepared statements, JIT
  for (let i = 0; i < 30; i++) await file()
  const filingStart = performance.now()
  for (let i = 0; i < n; i++) await file()
  const filingMs = (performance.now() - filingStart) / n
  const healthStart = performance.now()
  for (let i = 0; i < n; i++) await (await fetch(`${server.url}/healthz`)).text()
  const healthMs = (performance.now() - healthStart) / n
  console.log(
    `${n} sequential filings: ${filingMs.toFixed(2)} ms each; /healthz ${healthMs.toFixed(3)} ms; ${(filingMs / healthMs).toFixed(1)}× /healthz`,
  )
} finally {
  await server.stop()
  if (postgres) await adminQuery(postgres, `drop database if exists ${name} with (force)`)
}
