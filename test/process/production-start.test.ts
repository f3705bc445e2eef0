import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, startServerProcess, type RunningProcess } from '../support/process.ts'

async function signIn(url: string, email: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  return res.status
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

// PGlite: the CLI speaks to the running server over the data directory's control socket.
describe(
  'starting for real: TRAMITE_DEMO=false, tramite setup, tramite partner create',
  { timeout: 120_000 },
  () => {
    let dataDir: string
    let env: Record<string, string>
    let server: RunningProcess | null = null

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'tramite-prod-'))
      env = { TRAMITE_DATA_DIR: dataDir, TRAMITE_DEMO: 'false', SIGNIN_RATE_LIMIT: '10000' }
      server = await startServerProcess(env)
    })
    afterAll(async () => {
      await server?.stop()
      rmSync(dataDir, { recursive: true, force: true })
    })

    it('when started with TRAMITE_DEMO=false, then there is no demo world: nobody can sign in', async () => {
      expect(server!.stdout.join('\n')).not.toMatch(/Demo world created/)
      expect(await signIn(server!.httpUrl, 'anna@fabrikam.example', 'anything-at-all')).toBe(401)
    })

    it('when setup runs, then the vendor administrator signs in with the password given; a second setup is refused and changes nothing', async () => {
      const setup = await runCli(
        [
          'setup',
          '--vendor',
          'Northwind Cloud',
          '--domain',
          'nwcloud.example',
          '--admin',
          'root@nwcloud.example',
          '--password',
          'vendor-admin-password',
        ],
        env,
      )
      expect(setup.code, setup.stderr).toBe(0)
      expect(setup.stdout).toMatch(/Sign in at http:\/\/localhost:\d+ as root@nwcloud\.example/)
      expect(await signIn(server!.httpUrl, 'root@nwcloud.example', 'vendor-admin-password')).toBe(200)

      const again = await runCli(
        ['setup', '--vendor', 'Other', '--domain', 'other.example', '--admin', 'x@other.example'],
        env,
      )
      expect(again.code).toBe(1)
      expect(again.stderr).toContain('A vendor tenant already exists (Northwind Cloud)')
      expect(await signIn(server!.httpUrl, 'x@other.example', 'whatever-password')).toBe(401)
    })

    it('when a partner is created with --json, then it prints the tenant id and a single-use invitation link that sets the administrator’s password', async () => {
      const provider = await runCli(
        [
          'partner',
          'create',
          '--name',
          'Alpine Distribution',
          '--type',
          'indirect_provider',
          '--domain',
          'alpine.example',
          '--admin',
          'admin@alpine.example',
          '--json',
        ],
        env,
      )
      expect(provider.code, provider.stderr).toBe(0)
      const created = JSON.parse(provider.stdout) as { tenantId: string; adminInvitationUrl: string }
      expect(created.tenantId).toMatch(/^[0-9a-f-]{36}$/)
      expect(created.adminInvitationUrl).toMatch(/\/invitation#[\w-]{40,}$/)

      const reseller = await runCli(
        [
          'partner',
          'create',
          '--name',
          'Lago Reseller',
          '--type',
          'indirect_reseller',
          '--provider',
          created.tenantId,
          '--domain',
          'lago.example',
          '--admin',
          'admin@lago.example',
          '--json',
        ],
        env,
      )
      expect(reseller.code, reseller.stderr).toBe(0)

      const orphan = await runCli(
        [
          'partner',
          'create',
          '--name',
          'No Provider',
          '--type',
          'indirect_reseller',
          '--domain',
          'orphan.example',
          '--admin',
          'admin@orphan.example',
          '--json',
        ],
        env,
      )
      expect(orphan.code).toBe(1)
      expect(orphan.stderr).toContain('needs at least one indirect provider')

      const secret = created.adminInvitationUrl.split('#')[1]
      const accepted = await post(`${server!.httpUrl}/api/invitations/accept`, {
        secret,
        password: 'alpine-admin-password',
      })
      expect(accepted.status).toBe(200)
      expect(await signIn(server!.httpUrl, 'admin@alpine.example', 'alpine-admin-password')).toBe(200)
      const reused = await post(`${server!.httpUrl}/api/invitations/accept`, {
        secret,
        password: 'another-password-1',
      })
      expect(reused.status).toBe(410)

      // suspended: no sign-in, no token; reactivated: both again
      const suspended = await runCli(['partner', 'suspend', '--tenant', created.tenantId], env)
      expect(suspended.code, suspended.stderr).toBe(0)
      expect(await signIn(server!.httpUrl, 'admin@alpine.example', 'alpine-admin-password')).not.toBe(200)
      const token = await runCli(['token', '--user', 'admin@alpine.example'], env)
      expect(token.code).not.toBe(0)
      expect((await runCli(['partner', 'reactivate', '--tenant', created.tenantId], env)).code).toBe(0)
      expect(await signIn(server!.httpUrl, 'admin@alpine.example', 'alpine-admin-password')).toBe(200)
    })
  },
)
