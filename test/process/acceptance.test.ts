import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CUSTOMERS, PARTNERS, tenantIdOf } from '../../src/demo/world.ts'
import { adviseCommand } from '../../src/runtime.ts'
import { BUILT_WORLD, builtNameOf } from '../../scripts/sdk/built-world.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects, postgresUrlFor } from '../support/dialects.ts'
import { admin } from '../support/postgres-admin.ts'
import { ROOT, runCli, startServerProcess, type RunningProcess } from '../support/process.ts'
import { jsonLines, runSdkScript } from '../support/sdk-script.ts'

/**
 * Issue 15's acceptance: on a Tramite started empty (TRAMITE_DEMO=false), a world with the demo
 * world's structure is built under other names through the CLI and the public APIs only
 * (scripts/sdk/build-world.ts); a day later (its one-day GDAP relationship has expired, as the demo
 * world's Fabrikam–Tailspin one has) `tramite advise` answers every persona × customer × workload
 * case of the demo world's tests as it does on the demo world: allowed or refused, the rule, the
 * reason and the checks. The whole matrix is compared through the advice API too.
 */

const DAY = 24 * 3600 * 1000
type Case = { user: string; customer?: string; workload: string; product?: string; problemType?: string }

// the persona × customer × workload cases the demo world's tests ask (test/policy/rules.test.ts,
// test/customers, test/gdap, test/health)
const CASES: Case[] = [
  { user: 'hugo@fabrikam.example', customer: 'rossi.example', workload: 'office365' },
  { user: 'anna@fabrikam.example', customer: 'rossi.example', workload: 'office365' },
  { user: 'anna@fabrikam.example', customer: 'rossi.example', workload: 'azure' },
  {
    user: 'anna@fabrikam.example',
    customer: 'rossi.example',
    workload: 'marketplace',
    product: 'LedgerLite',
  },
  { user: 'anna@fabrikam.example', customer: 'tailspin.example', workload: 'office365' },
  { user: 'anna@fabrikam.example', customer: 'tailspin.example', workload: 'azure' },
  { user: 'leo@litware.example', customer: 'wideworld.example', workload: 'dynamics' },
  { user: 'leo@litware.example', customer: 'wideworld.example', workload: 'azure' },
  { user: 'ada@adatum.example', customer: 'bianchi.example', workload: 'office365' },
  { user: 'ada@adatum.example', customer: 'bianchi.example', workload: 'ems' },
  { user: 'ada@adatum.example', customer: 'bianchi.example', workload: 'dynamics' },
  { user: 'ada@adatum.example', customer: 'bianchi.example', workload: 'azure' },
  { user: 'ada@adatum.example', customer: 'bianchi.example', workload: 'azure', problemType: 'billing' },
  { user: 'nora@northwind.example', customer: 'bianchi.example', workload: 'office365' },
  { user: 'nora@northwind.example', customer: 'bianchi.example', workload: 'azure' },
  { user: 'anna@fabrikam.example', workload: 'azure' },
  { user: 'anna@fabrikam.example', workload: 'office365' },
  { user: 'nora@northwind.example', workload: 'azure' },
  { user: 'ada@adatum.example', workload: 'azure' },
  { user: 'admin@bianchi.example', workload: 'office365' },
  { user: 'admin@rossi.example', workload: 'office365' },
  { user: 'admin@rossi.example', workload: 'marketplace' },
]

const WORKLOADS = ['azure', 'office365', 'ems', 'dynamics', 'marketplace']
const PARTNER_PERSONAS = PARTNERS.flatMap((p) => p.users.map((u) => u.email))
const CUSTOMER_ADMINS = CUSTOMERS.map((c) => c.admin.email)

/** What must be the same on both worlds: the decision, its rule and reason, and the checks made. */
function essence(answer: Record<string, any>) {
  // a refusal to answer at all (unknown user or customer, 403, 404) is compared by its code only
  if (answer.error) return { error: String(answer.error).replace(/ .*/, '') }
  return {
    allowed: answer.allowed,
    rule: answer.rule,
    reason: answer.reason,
    checks: (answer.checks ?? []).map((c: { check: string; ok: boolean }) => `${c.check}:${c.ok}`),
  }
}

const cliArgs = (c: Case, customer: string | undefined, user: string, product: string | undefined) => [
  'advise',
  '--user',
  user,
  ...(customer ? ['--customer', customer] : ['--own']),
  '--workload',
  c.workload,
  ...(product ? ['--product', product] : []),
  ...(c.problemType ? ['--problem-type', c.problemType] : []),
]

/** Runs `tasks` with at most `n` at a time (the CLI is a process each). */
async function pooled<T>(tasks: (() => Promise<T>)[], n: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length)
  let next = 0
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < tasks.length) {
        const i = next++
        results[i] = await tasks[i]!()
      }
    }),
  )
  return results
}

describe.each(dialects())(
  'acceptance: a world built only through the CLI and the public APIs answers as the demo world (%s)',
  { timeout: 300_000 },
  (dialect) => {
    let dataDir: string
    let env: Record<string, string>
    let server: RunningProcess | null = null
    let demo: TestApp
    const database = `tramite_accept_${process.pid}`

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'tramite-accept-'))
      if (dialect === 'postgres') await admin((c) => c.query(`create database ${database}`))
      env = {
        TRAMITE_DATA_DIR: dataDir,
        TRAMITE_DEMO: 'false',
        TRAMITE_TLS: 'dev',
        HTTPS_PORT: '0',
        SCHEDULER_INTERVAL_SECONDS: '1',
        SIGNIN_RATE_LIMIT: '10000',
        ...(dialect === 'postgres' ? { DATABASE_URL: postgresUrlFor(database) } : {}),
      }
      ;[server, demo] = await Promise.all([startServerProcess(env), startTestApp(dialect)])
    })
    afterAll(async () => {
      await server?.stop()
      await demo?.close()
      rmSync(dataDir, { recursive: true, force: true })
      if (dialect === 'postgres')
        await admin((c) => c.query(`drop database if exists ${database} with (force)`))
    })

    it('when the world is built through the CLI, the Graph and Azure SDKs and Partner Center, then a day later tramite advise answers every case of the demo world’s tests as on the demo world', async () => {
      // ── build ──
      const run = await runSdkScript('build-world.ts', {
        HOME: process.env.HOME,
        ...env,
        NODE_EXTRA_CA_CERTS: join(dataDir, 'tls', 'cert.pem'),
        TRAMITE_URL: server!.httpsUrl!,
      })
      if (run.code !== 0) throw new Error(`build-world exited ${run.code}:\n${run.stdout}\n${run.stderr}`)
      const steps = jsonLines(run.stdout)
      const world = steps.find((s) => s.step === 'world')!
      expect(steps.filter((s) => s.step === 'partner')).toHaveLength(PARTNERS.length)
      expect(steps.filter((s) => s.step === 'customer')).toHaveLength(CUSTOMERS.length)
      expect(steps.filter((s) => s.step === 'gdap')).toHaveLength(
        CUSTOMERS.flatMap((c) => c.relationships).length,
      )
      // CSP gave the providers' Admin Agents Owner on each Azure plan; the SDK read it there
      expect(steps.filter((s) => s.step === 'rbac').map((s) => [s.owner, s.created])).toEqual([
        ['faggio.test', false],
        ['nord.test', false],
      ])

      // ── a day later ──
      await server!.stop()
      const later = {
        ...env,
        TEST_CLOCK_OFFSET_MS: String(DAY + 3600_000),
        NODE_OPTIONS: `--import ${pathToFileURL(join(ROOT, 'test/support/shifted-clock.mjs')).href}`,
      }
      server = await startServerProcess(later)

      // ── tramite advise, case by case, on both worlds ──
      const builtTenant = (domain: string | undefined) => (domain ? builtNameOf(domain) : undefined)
      const onBuilt = await pooled(
        CASES.map((c) => async () => {
          const product = c.product ? builtNameOf(c.product) : undefined
          const res = await runCli(cliArgs(c, builtTenant(c.customer), builtNameOf(c.user), product), later)
          return res.code === 0 ? JSON.parse(res.stdout) : { error: `exit ${res.code}` }
        }),
        4,
      )
      const onDemo = await Promise.all(
        CASES.map(async (c) => {
          try {
            return (await adviseCommand(demo.ctx, {
              user: c.user,
              ...(c.customer ? { customer: c.customer } : { own: true }),
              workload: c.workload,
              product: c.product,
              problemType: c.problemType,
            })) as Record<string, any>
          } catch {
            return { error: 'exit 1' }
          }
        }),
      )
      const compared = CASES.map((c, i) => ({
        case: `${c.user} ${c.customer ?? 'own'} ${c.workload}${c.problemType ? ` ${c.problemType}` : ''}`,
        demo: essence(onDemo[i]!),
        built: essence(onBuilt[i]!),
      }))
      for (const row of compared) expect(row.built, row.case).toEqual(row.demo)
      // the cases cover allowed and refused answers under most rules
      const rules = new Set(compared.map((r) => `${r.demo.rule}:${r.demo.allowed}`))
      expect([...rules].sort()).toEqual(
        expect.arrayContaining([
          'R1:false',
          'R10:true',
          'R11:false',
          'R13:true',
          'R5:false',
          'R6:true',
          'R9:true',
        ]),
      )
      expect(
        compared.find((r) => r.case.startsWith('anna@fabrikam.example tailspin.example office365'))!.built,
      ).toMatchObject({ allowed: false, rule: 'R1', reason: 'gdap_expired' })

      // ── the whole matrix through the advice API: every persona × customer (or own) × workload ──
      const builtUrl = server!.httpUrl
      const builtTokens = new Map<string, string>()
      await pooled(
        [...PARTNER_PERSONAS, ...CUSTOMER_ADMINS].map((email) => async () => {
          const res = await runCli(['token', '--user', builtNameOf(email)], later)
          expect(res.code, res.stderr).toBe(0)
          builtTokens.set(email, res.stdout.trim())
        }),
        4,
      )
      const matrix = [
        ...PARTNER_PERSONAS.flatMap((user) =>
          [...CUSTOMERS.map((c) => c.domain), undefined].flatMap((customer) =>
            WORKLOADS.map((workload) => ({ user, customer, workload })),
          ),
        ),
        ...CUSTOMER_ADMINS.flatMap((user) =>
          WORKLOADS.map((workload) => ({ user, customer: undefined, workload })),
        ),
      ]
      const ask = async (base: string | null, token: string, query: Record<string, string>) => {
        const path = `/api/advice?${new URLSearchParams(query)}`
        if (base === null) {
          const res = await demo.request('GET', path, { token })
          return res.status === 200 ? res.json() : { error: `${res.status} ${res.json().error?.code}` }
        }
        const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })
        const body = (await res.json()) as Record<string, any>
        return res.status === 200 ? body : { error: `${res.status} ${body.error?.code}` }
      }
      const demoTokens = new Map(
        await Promise.all(
          [...PARTNER_PERSONAS, ...CUSTOMER_ADMINS].map(async (e) => [e, await demo.tokenFor(e)] as const),
        ),
      )
      const builtTenants = world.tenants as Record<string, string>
      const mismatches: string[] = []
      for (const m of matrix) {
        const [d, b] = await Promise.all([
          ask(null, demoTokens.get(m.user)!, {
            workload: m.workload,
            ...(m.customer ? { customer: tenantIdOf(m.customer) } : {}),
          }),
          ask(builtUrl, builtTokens.get(m.user)!, {
            workload: m.workload,
            ...(m.customer ? { customer: builtTenants[builtNameOf(m.customer)]! } : {}),
          }),
        ])
        const [de, be] = [essence(d), essence(b)]
        if (JSON.stringify(de) !== JSON.stringify(be))
          mismatches.push(
            `${m.user} ${m.customer ?? 'own'} ${m.workload}: demo ${JSON.stringify(de)} built ${JSON.stringify(be)}`,
          )
      }
      expect(mismatches).toEqual([])
      expect(matrix.length).toBe(
        PARTNER_PERSONAS.length * (CUSTOMERS.length + 1) * 5 + CUSTOMER_ADMINS.length * 5,
      )
      expect(BUILT_WORLD.partners.length).toBe(PARTNERS.length)
    })
  },
)
