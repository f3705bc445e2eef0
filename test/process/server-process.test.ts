import { X509Certificate } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import https from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_PASSWORD } from '../support/constants.ts'
import { openEmptyDatabase, type TestDatabase } from '../support/database.ts'
import { dialects } from '../support/dialects.ts'
import { runCli, startServerProcess, type RunningProcess } from '../support/process.ts'

/** Signs in over real HTTP; answers the session cookie, or null when the server did not acknowledge. */
async function signIn(url: string, email: string, password: string): Promise<string | null> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) return null
  return res.headers.get('set-cookie')!.split(';')[0]!
}

async function sessionUser(url: string, cookie: string): Promise<string | null> {
  const res = await fetch(`${url}/api/session`, { headers: { cookie } })
  return ((await res.json()) as { user: { email: string } | null }).user?.email ?? null
}

// Real processes start cold (PGlite initdb, migrations, demo world) beside other test files.
describe.each(dialects())('the tramite process (%s)', { timeout: 120_000 }, (dialect) => {
  let dataDir: string
  let database: TestDatabase | null = null
  let env: Record<string, string>
  let server: RunningProcess | null = null

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tramite-proc-'))
    env = { TRAMITE_DATA_DIR: dataDir, SIGNIN_RATE_LIMIT: '10000' }
    if (dialect === 'postgres') {
      database = await openEmptyDatabase('postgres')
      env.DATABASE_URL = database.url!
    }
  })
  afterAll(async () => {
    server?.child.kill('SIGKILL')
    await database?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('when started on an empty database, then it creates the demo world, prints random passwords once and serves', async () => {
    server = await startServerProcess(env)
    const out = server.stdout.join('\n')
    expect(out).toMatch(/Demo world created/)
    const line = server.stdout.find((l) => l.trim().startsWith('anna@fabrikam.example'))!
    const password = line.trim().split(/\s+/)[1]!
    expect(password).toMatch(/^[\w-]{16}$/)
    expect(password).not.toBe(TEST_PASSWORD)
    const cookie = await signIn(server.httpUrl, 'anna@fabrikam.example', password)
    expect(cookie).not.toBeNull()
    expect(await sessionUser(server.httpUrl, cookie!)).toBe('anna@fabrikam.example')
    // the passwords are not printed again, and demo reset sets a known one for the rest of this file
    const reset = await runCli(['demo', 'reset', '--password', TEST_PASSWORD], env)
    expect(reset.code).toBe(0)
    expect(reset.stdout).toMatch(/Demo world created/)
  })

  it(
    dialect === 'pglite'
      ? 'when a second process opens the same data directory, then it is refused with a clear message'
      : 'when a second instance starts on the same PostgreSQL, then it runs beside the first and shares its state',
    async () => {
      const cookie = (await signIn(server!.httpUrl, 'ada@adatum.example', TEST_PASSWORD))!
      if (dialect === 'pglite') {
        const second = await runCli(['serve'], env)
        expect(second.code).toBe(1)
        expect(second.stderr).toMatch(/data directory .* is in use by another Tramite process \(pid \d+\)/)
        expect(await sessionUser(server!.httpUrl, cookie)).toBe('ada@adatum.example')
      } else {
        const second = await startServerProcess(env)
        try {
          expect(second.stdout.join('\n')).not.toMatch(/Demo world created/)
          expect(await sessionUser(second.httpUrl, cookie)).toBe('ada@adatum.example')
        } finally {
          expect(await second.stop()).toBe(0)
        }
      }
    },
  )

  it('when `tramite token` runs beside the server, then stdout is only the token, which the API accepts', async () => {
    const result = await runCli(['token', '--user', 'anna@fabrikam.example'], env)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/)
    const res = await fetch(`${server!.httpUrl}/v1/customers`, {
      headers: { authorization: `Bearer ${result.stdout.trim()}` },
    })
    expect(res.status).toBe(200)
    const names = ((await res.json()) as { items: { companyProfile: { companyName: string } }[] }).items
      .map((c) => c.companyProfile.companyName)
      .sort()
    expect(names).toEqual(['Rossi Costruzioni S.p.A.', 'Tailspin Toys'])
  })

  it('when `tramite advise` runs beside the server, then it prints the advice JSON, customer found by name', async () => {
    const result = await runCli(
      ['advise', '--user', 'ada@adatum.example', '--customer', 'Bianchi', '--workload', 'azure'],
      env,
    )
    expect(result.code, result.stderr).toBe(0)
    const advice = JSON.parse(result.stdout)
    expect(advice).toMatchObject({ allowed: false, rule: 'R5', reason: 'reseller_not_provider' })
    expect(advice.remedy).toMatch(/Northwind Distribution/)
    const own = JSON.parse(
      (await runCli(['advise', '--user', 'anna@fabrikam.example', '--own', '--workload', 'azure'], env))
        .stdout,
    )
    expect(own).toMatchObject({ allowed: true, rule: 'R13', context: 'own' })
    const italian = await runCli(
      ['advise', '--user', 'anna@fabrikam.example', '--customer', 'Tailspin Toys', '--workload', 'office365'],
      {
        ...env,
        LANG: 'it_IT.UTF-8',
      },
    )
    expect(JSON.parse(italian.stdout)).toMatchObject({ rule: 'R1', reason: 'gdap_expired' })
    expect(JSON.parse(italian.stdout).message).toMatch(/è scaduta/)
    const unknown = await runCli(
      ['advise', '--user', 'anna@fabrikam.example', '--customer', 'Nobody Inc', '--workload', 'azure'],
      env,
    )
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/There is no tenant Nobody Inc/)
  })

  it('R6: when `tramite advise` asks for nora and Bianchi’s Azure, then the provider is allowed: Directory Readers through the nested Azure Managers opens the tenant, Owner through RBAC allows the ticket', async () => {
    const result = await runCli(
      [
        'advise',
        '--user',
        'nora@northwind.example',
        '--customer',
        'Bianchi Logistica',
        '--workload',
        'azure',
      ],
      env,
    )
    expect(result.code, result.stderr).toBe(0)
    const advice = JSON.parse(result.stdout)
    expect(advice).toMatchObject({
      allowed: true,
      rule: 'R6',
      reason: 'delegated_azure',
      context: 'delegated',
      supportPlanKind: 'csp',
      grant: { roleName: 'Directory Readers', groupName: 'Azure Managers' },
    })
    expect(advice.message).toMatch(/Owner on Bianchi Logistica Azure/)
    // a customer without an Azure subscription is refused by R6, with its remedy
    const tailspin = JSON.parse(
      (
        await runCli(
          ['advise', '--user', 'anna@fabrikam.example', '--customer', 'Tailspin Toys', '--workload', 'azure'],
          env,
        )
      ).stdout,
    )
    expect(tailspin).toMatchObject({ allowed: false, rule: 'R6', reason: 'no_azure_subscription' })
    expect(tailspin.remedy).toMatch(/Azure subscription/)
  })

  it('when a delegated token is asked where GDAP has expired, then the CLI fails with the reason on stderr', async () => {
    const customers = await fetch(`${server!.httpUrl}/v1/customers`, {
      headers: {
        authorization: `Bearer ${(await runCli(['token', '--user', 'anna@fabrikam.example'], env)).stdout.trim()}`,
      },
    })
    const tailspin = (
      (await customers.json()) as { items: { id: string; companyProfile: { companyName: string } }[] }
    ).items.find((c) => c.companyProfile.companyName === 'Tailspin Toys')!
    const result = await runCli(['token', '--user', 'anna@fabrikam.example', '--tenant', tailspin.id], env)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/no active GDAP role/)
  })

  it('when SIGTERM arrives, then the server exits 0 and starts again on the same data with nothing lost', async () => {
    const cookie = await signIn(server!.httpUrl, 'leo@litware.example', TEST_PASSWORD)
    expect(await server!.stop('SIGTERM')).toBe(0)
    if (dialect === 'pglite') expect(existsSync(join(dataDir, 'tramite.sock'))).toBe(false)
    server = await startServerProcess(env)
    expect(server.stdout.join('\n')).not.toMatch(/Demo world created/)
    expect(await sessionUser(server.httpUrl, cookie!)).toBe('leo@litware.example')
  })

  it('when the server is killed with SIGKILL in the middle of writes, then every acknowledged write survives the restart', async () => {
    const url = server!.httpUrl
    const acknowledged: string[] = []
    let stop = false
    const writers = [1, 2, 3, 4].map(async () => {
      while (!stop) {
        try {
          const cookie = await signIn(url, 'nora@northwind.example', TEST_PASSWORD)
          if (cookie) acknowledged.push(cookie)
        } catch {
          return // connection refused or reset: the server is gone
        }
      }
    })
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 20))
    server!.child.kill('SIGKILL')
    stop = true
    await Promise.all(writers)
    await server!.exited
    expect(acknowledged.length).toBeGreaterThanOrEqual(20)

    server = await startServerProcess(env)
    const survivors = await Promise.all(acknowledged.map((cookie) => sessionUser(server!.httpUrl, cookie)))
    expect(survivors.filter((u) => u === 'nora@northwind.example')).toHaveLength(acknowledged.length)
  })

  it('when the configuration is wrong, then the process exits listing every problem', async () => {
    const result = await runCli(['serve'], { ...env, PORT: 'abc', TRAMITE_TLS: 'yes' })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/PORT="abc"/)
    expect(result.stderr).toMatch(/TRAMITE_TLS="yes"/)
  })

  it('when TRAMITE_TLS=dev, then HTTPS is served with a localhost certificate kept across restarts', async () => {
    await server!.stop('SIGTERM')
    server = await startServerProcess({ ...env, TRAMITE_TLS: 'dev', HTTPS_PORT: '0' })
    const certPath = join(dataDir, 'tls', 'cert.pem')
    expect(server.stdout.join('\n')).toContain(`NODE_EXTRA_CA_CERTS=${certPath}`)
    const cert = readFileSync(certPath, 'utf8')
    const x509 = new X509Certificate(cert)
    expect(x509.subjectAltName).toMatch(/DNS:localhost/)
    const get = (url: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        https
          .get(url, { ca: cert }, (res) => {
            let body = ''
            res.on('data', (c: Buffer) => (body += c.toString()))
            res.on('end', () => resolve({ status: res.statusCode!, body }))
          })
          .on('error', reject)
      })
    const httpsUrl = server.httpsUrl!
    expect(httpsUrl).toMatch(/^https:\/\/localhost:\d+$/)
    expect(await get(`${httpsUrl}/healthz`)).toEqual({ status: 200, body: '{"status":"ok"}' })
    // an untrusted client is refused by TLS itself
    await expect(
      new Promise((resolve, reject) => https.get(`${httpsUrl}/healthz`, resolve).on('error', reject)),
    ).rejects.toThrow(/self[- ]signed|unable to verify/i)

    await server.stop('SIGTERM')
    server = await startServerProcess({ ...env, TRAMITE_TLS: 'dev', HTTPS_PORT: '0' })
    expect(readFileSync(certPath, 'utf8')).toBe(cert)
    expect(await server.stop('SIGTERM')).toBe(0)
    server = null
  })

  it('when no server runs, then CLI commands open the database themselves', async () => {
    const migrate = await runCli(['migrate'], env)
    expect(migrate.code).toBe(0)
    expect(migrate.stdout).toMatch(/up to date/)
    const token = await runCli(['token', '--user', 'ada@adatum.example'], env)
    expect(token.code).toBe(0)
    expect(token.stdout).toMatch(/^eyJ/)
  })
})
