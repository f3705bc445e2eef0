import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { generate } from 'selfsigned'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addCertificate } from '../../src/authority/apps.service.ts'
import { actorFor } from '../../src/identity/actor.ts'
import { findUserByEmail } from '../../src/identity/users.data.ts'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { launchChromium, submitSignIn } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'
import { freePort, serveHttps } from '../support/https.ts'
import { ROOT } from '../support/process.ts'
import { FABRIKAM, registerApp, ROSSI } from './helpers.ts'

interface Step {
  step: string
  [key: string]: any
}

/** Runs scripts/sdk/authority.ts with the official clients; answers its JSON lines as they come. */
function runSdk(env: Record<string, string>) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/sdk/authority.ts'],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
    },
  )
  const steps: Step[] = []
  const waiters: { name: string; resolve: (s: Step) => void }[] = []
  let stderr = ''
  let buffer = ''
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    let nl: number
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl)
      buffer = buffer.slice(nl + 1)
      if (!line.startsWith('{')) continue
      const step = JSON.parse(line) as Step
      steps.push(step)
      for (const w of waiters.filter((w) => w.name === step.step)) w.resolve(step)
    }
  })
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return {
    child,
    stderr: () => stderr,
    exited,
    step(name: string): Promise<Step> {
      const seen = steps.find((s) => s.step === name)
      if (seen) return Promise.resolve(seen)
      return Promise.race([
        new Promise<Step>((resolve) => waiters.push({ name, resolve })),
        exited.then(() => {
          throw new Error(`the SDK script ended before "${name}":\n${stderr}`)
        }),
      ])
    },
  }
}

describe.each(dialects())(
  'the official MSAL and @azure/identity clients against the authority (%s)',
  { timeout: 180_000 },
  (dialect) => {
    let t: TestApp
    let https: Awaited<ReturnType<typeof serveHttps>>
    let browser: Browser
    let baseEnv: Record<string, string>
    beforeAll(async () => {
      const port = await freePort()
      t = await startTestApp(dialect, { AUTHORITY_URL: `https://localhost:${port}` })
      https = await serveHttps(t, port)
      browser = await launchChromium()
      baseEnv = { NODE_EXTRA_CA_CERTS: https.certPath, TRAMITE_URL: https.url }
    })
    afterAll(async () => {
      await browser?.close()
      await https?.close()
      await t?.close()
    })

    it('when @azure/identity and msal-node confidential clients use a secret or a certificate, then they get application tokens and the Graph client lists GDAP relationships', async () => {
      const app = await registerApp(t, FABRIKAM, {
        permissions: ['graph/DelegatedAdminRelationship.Read.All (application)'],
      })
      const pems = await generate([{ name: 'commonName', value: 'msal-node' }], { keySize: 2048 })
      const anna = await findUserByEmail(t.ctx.db, 'anna@fabrikam.example')
      await addCertificate(t.ctx, actorFor(anna!, 'session'), app.id, {
        description: 'sdk',
        certificatePem: pems.cert,
      })
      const sdk = runSdk({
        ...baseEnv,
        SDK_STEPS: 'identity-graph,msal-confidential,msal-certificate',
        TENANT_ID: FABRIKAM,
        CLIENT_ID: app.clientId,
        CLIENT_SECRET: app.clientSecret!,
        CERT_PEM: pems.cert,
        KEY_PEM: pems.private,
      })
      expect(await sdk.exited, sdk.stderr()).toBe(0)
      const graph = await sdk.step('identity-graph')
      expect(graph.relationships).toBeGreaterThan(0)
      expect(graph.claims).toMatchObject({
        tid: FABRIKAM,
        azp: app.clientId,
        roles: ['DelegatedAdminRelationship.Read.All'],
        iss: `${https.url}/${FABRIKAM}/v2.0`,
      })
      const confidential = await sdk.step('msal-confidential')
      expect(confidential.knownAuthorities).toMatchObject({ tid: FABRIKAM, idtyp: 'app', azpacr: '1' })
      expect(confidential.instanceDiscovery).toMatchObject({ tid: FABRIKAM, idtyp: 'app' })
      expect((await sdk.step('msal-certificate')).claims).toMatchObject({ tid: FABRIKAM, azpacr: '2' })
    })

    it("when Python's msal (Debian's python3-msal) uses Tramite's instance discovery, then client credentials, the device code flow and the refresh exchange in Rossi's tenant work as from Node", async () => {
      const confidential = await registerApp(t, FABRIKAM, {
        permissions: ['graph/DelegatedAdminRelationship.Read.All (application)'],
      })
      const publicApp = await registerApp(t, FABRIKAM, {
        publicClient: true,
        permissions: ['arm/user_impersonation', 'partnercenter/user_impersonation'],
      })
      const child = spawn(process.env.PYTHON_MSAL ?? '/usr/bin/python3', ['scripts/sdk/authority_msal.py'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          REQUESTS_CA_BUNDLE: https.certPath,
          TRAMITE_URL: https.url,
          SDK_STEPS: 'confidential,device,refresh',
          TENANT_ID: FABRIKAM,
          CLIENT_ID: confidential.clientId,
          CLIENT_SECRET: confidential.clientSecret!,
          PUBLIC_CLIENT_ID: publicApp.clientId,
          ROSSI_TENANT_ID: ROSSI,
        },
      })
      const steps: Step[] = []
      let stderr = ''
      let buffer = ''
      const session = await t.signIn('anna@fabrikam.example')
      const approved = new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString()
          let nl: number
          while ((nl = buffer.indexOf('\n')) >= 0) {
            const step = JSON.parse(buffer.slice(0, nl)) as Step
            buffer = buffer.slice(nl + 1)
            steps.push(step)
            if (step.step === 'deviceCode' && step.userCode) {
              void t
                .request('POST', `/api/device-codes/${step.userCode}`, {
                  session,
                  body: { decision: 'approve' },
                })
                .then(() => resolve())
            }
          }
        })
      })
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
      expect(code, stderr + JSON.stringify(steps)).toBe(0)
      await approved
      const byStep = Object.fromEntries(steps.map((s) => [s.step, s]))
      expect(byStep.confidential!.relationships).toBeGreaterThan(0)
      expect(byStep.confidential!.claims).toMatchObject({
        tid: FABRIKAM,
        idtyp: 'app',
        azp: confidential.clientId,
      })
      expect(byStep.deviceToken!.claims).toMatchObject({
        upn: 'anna@fabrikam.example',
        aud: 'https://api.partnercenter.microsoft.com',
      })
      expect(byStep.refresh!.claims).toMatchObject({
        tid: ROSSI,
        aud: 'https://management.azure.com',
        upn: 'anna@fabrikam.example',
      })
    })

    it("R1: when anna signs in to a public msal-node client in Chromium, then its refresh token gives a token in Rossi's tenant that files an Azure ticket; after the relationship ends the exchange is refused with the reason", async () => {
      const app = await registerApp(t, FABRIKAM, {
        publicClient: true,
        redirectUris: ['http://localhost'],
        permissions: ['arm/user_impersonation', 'partnercenter/user_impersonation'],
      })
      const sdk = runSdk({
        ...baseEnv,
        SDK_STEPS: 'msal-interactive',
        PUBLIC_CLIENT_ID: app.clientId,
        ROSSI_TENANT_ID: ROSSI,
        ROSSI_SUBSCRIPTION: demoId('subscription', 'rossi.example/Rossi Produzione'),
      })
      const authUrl = (await sdk.step('authUrl')).url as string
      const context = await browser.newContext({ ignoreHTTPSErrors: true })
      const page = await context.newPage()
      await page.goto(authUrl)
      await page.waitForURL(/\/signin\?/)
      expect(await page.locator('input[name="email"]').inputValue()).toBe('anna@fabrikam.example')
      await submitSignIn(page, 'anna@fabrikam.example')
      // form_post: the page posts the code to the loopback server
      await page.waitForURL(/^http:\/\/localhost:\d+\/$/)
      const signedIn = await sdk.step('signedIn')
      expect(signedIn.account).toBe('anna@fabrikam.example')
      expect(signedIn.claims).toMatchObject({
        tid: FABRIKAM,
        aud: 'https://management.azure.com',
        scp: 'user_impersonation',
        amr: ['pwd'],
      })
      expect(signedIn.idToken).toMatchObject({ tid: FABRIKAM, preferred_username: 'anna@fabrikam.example' })
      expect((await sdk.step('rossiToken')).claims).toMatchObject({
        tid: ROSSI,
        upn: 'anna@fabrikam.example',
        azp: app.clientId,
      })
      const ticket = await sdk.step('ticket')
      expect(ticket.name).toMatch(/^msal-/)
      await context.close()

      // the ticket's audit row names the application as well as anna
      const audit = await t.ctx.db
        .selectFrom('audit_events')
        .select(['actor_email', 'application_id'])
        .where('tenant_id', '=', ROSSI)
        .where('action', '=', 'service_request.create')
        .where('application_id', '=', app.id)
        .execute()
      expect(audit.length).toBeGreaterThan(0)
      expect(audit[0]!.actor_email).toBe('anna@fabrikam.example')

      const rossiAdmin = await t.tokenFor('admin@rossi.example')
      const rels = await t.ctx.db
        .selectFrom('gdap_relationships')
        .select('id')
        .where('partner_tenant_id', '=', FABRIKAM)
        .where('customer_tenant_id', '=', ROSSI)
        .where('status', '=', 'active')
        .execute()
      for (const r of rels) {
        await t.request('POST', `/v1.0/tenantRelationships/delegatedAdminRelationships/${r.id}/requests`, {
          token: rossiAdmin,
          body: { action: 'terminate' },
        })
      }
      await t.runJobs()
      sdk.child.stdin.write('go\n')
      const refused = await sdk.step('refused')
      expect(refused.refused).toBe(true)
      expect(refused.errorCode).toBe('invalid_grant')
      expect(refused.errorMessage).toMatch(
        /AADSTS50020: The GDAP relationship ".*" with Rossi .* is terminated/,
      )
      expect(await sdk.exited, sdk.stderr()).toBe(0)
    })

    it('when a script runs the msal-node device code flow and a signed-in person enters the code, then the script gets a token for that person', async () => {
      const app = await registerApp(t, FABRIKAM, {
        publicClient: true,
        permissions: ['partnercenter/user_impersonation'],
      })
      const sdk = runSdk({ ...baseEnv, SDK_STEPS: 'msal-device', PUBLIC_CLIENT_ID: app.clientId })
      const device = await sdk.step('deviceCode')
      expect(device.verificationUri).toBe(`${https.url}/devicelogin`)
      const session = await t.signIn('anna@fabrikam.example')
      const approved = await t.request('POST', `/api/device-codes/${device.userCode}`, {
        session,
        body: { decision: 'approve' },
      })
      expect(approved.status).toBe(204)
      const token = await sdk.step('deviceToken')
      expect(token.account).toBe('anna@fabrikam.example')
      expect(token.claims).toMatchObject({
        aud: 'https://api.partnercenter.microsoft.com',
        scp: 'user_impersonation',
        tid: FABRIKAM,
      })
      expect(await sdk.exited, sdk.stderr()).toBe(0)
    })
  },
)
