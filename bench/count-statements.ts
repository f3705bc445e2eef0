/**
 * `node --import tsx bench/count-statements.ts`: the statements one call sends, per route, with the
 * authenticated-session cache off and on (AUTH_CACHE_SECONDS). In process, on a new PGlite demo
 * world, or on PostgreSQL with DATABASE_URL (a database this script may fill with the demo world).
 * Each route is called once to warm up, then counted over five calls.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { buildApp } from '../src/app.ts'
import { tenantIdOf } from '../src/demo/world.ts'
import { issueToken } from '../src/identity/identity.service.ts'
import { loadConfig } from '../src/config/config.ts'
import { openRuntime } from '../src/runtime.ts'
import { PASSWORD } from './support.ts'

let statements: string[] = []
const pgQuery = pg.Client.prototype.query
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text
  const app = (this as unknown as { connectionParameters?: { application_name?: string } })
    .connectionParameters?.application_name
  // the pool's statements, and the authentication listener's (its sync round trip)
  if (app === 'tramite' || app === 'tramite-auth')
    statements.push(
      `${app === 'tramite-auth' ? '[listener] ' : ''}${String(text).slice(0, 60).replace(/\s+/g, ' ')}`,
    )
  return (pgQuery as (...a: unknown[]) => unknown).apply(this, args)
} as typeof pgQuery

for (const cache of ['0', '60']) {
  const dir = mkdtempSync(join(tmpdir(), 'hotpath-count-'))
  const config = loadConfig({
    ...process.env,
    TRAMITE_DATA_DIR: dir,
    TRAMITE_DEMO_PASSWORD: PASSWORD,
    AUTH_CACHE_SECONDS: cache,
    LOG_LEVEL: 'silent',
    SCHEDULER_INTERVAL_SECONDS: '3600',
  })
  const runtime = await openRuntime(config)
  const pglite = runtime.database.pglite
  if (pglite) {
    const query = pglite.query.bind(pglite)
    pglite.query = ((text: string, ...rest: unknown[]) => {
      statements.push(text.slice(0, 60).replace(/\s+/g, ' '))
      return (query as (...a: unknown[]) => unknown)(text, ...rest)
    }) as typeof pglite.query
  }
  const app = await buildApp(runtime.ctx)
  await runtime.ctx.authCache.ready()
  const signIn = async (email: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email, password: PASSWORD },
    })
    return {
      cookie: String(res.headers['set-cookie']).split(';')[0]!,
      csrf: (res.json() as { csrfToken: string }).csrfToken,
    }
  }
  const anna = await signIn('anna@fabrikam.example')
  const partner = anna.cookie
  const engineer = (await signIn('engineer@contoso.example')).cookie
  const list = await app.inject({ url: '/api/service-requests?limit=1', headers: { cookie: partner } })
  const id = (list.json() as { items: { id: string }[] }).items[0]!.id
  // a bearer token of the engineer's own tenant
  const token = (await issueToken(runtime.ctx, 'engineer@contoso.example')).token
  // the partner's token delegated to Rossi (GDAP roles resolved per call unless kept)
  const delegated = (await issueToken(runtime.ctx, 'anna@fabrikam.example', tenantIdOf('rossi.example')))
    .token
  const as = {
    partner: { cookie: partner },
    engineer: { cookie: engineer },
    'engineer, bearer': { authorization: `Bearer ${token}` },
    'partner, delegated bearer': { authorization: `Bearer ${delegated}` },
  }
  const routes = [
    ['/healthz', 'partner'],
    [`/api/service-requests/${id}`, 'partner'],
    [`/api/service-requests/${id}`, 'engineer'],
    [`/api/service-requests/${id}`, 'engineer, bearer'],
    [`/api/service-requests/${id}`, 'partner, delegated bearer'],
    ['/api/service-requests?limit=50', 'partner'],
    ['/api/service-requests?limit=50', 'engineer'],
  ] as const
  console.log(`\n${runtime.ctx.dbKind}, AUTH_CACHE_SECONDS=${cache}`)
  for (const [url, who] of routes) {
    const headers = as[who]
    await app.inject({ url, headers })
    statements = []
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({ url, headers })
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`)
    }
    await report(url, who)
  }
  // a filing (anna for Rossi, Office 365), as bench/scale/filing.ts files
  const filing = {
    method: 'POST' as const,
    url: '/api/service-requests',
    headers: { cookie: partner, 'x-csrf-token': anna.csrf, 'content-type': 'application/json' },
    payload: {
      customerTenantId: tenantIdOf('rossi.example'),
      workload: 'office365',
      title: 'Counted filing',
      description: 'Filed by bench/count-statements.ts.',
      severity: 'minimal',
    },
  }
  await app.inject(filing)
  statements = []
  for (let i = 0; i < 5; i++) {
    const res = await app.inject(filing)
    if (res.statusCode !== 201) throw new Error(`filing: ${res.statusCode} ${res.body}`)
  }
  await report('POST /api/service-requests', 'partner')
  async function report(url: string, who: string) {
    await new Promise((resolve) => setTimeout(resolve, 50)) // batched audit rows
    console.log(
      `  ${`${url.replace(id, ':id')} (${who})`.padEnd(56)} ${(statements.length / 5).toFixed(1)} statements/call`,
    )
    for (const s of new Set(statements)) console.log(`      ${s}`)
  }
  await app.close()
  await runtime.close()
}
