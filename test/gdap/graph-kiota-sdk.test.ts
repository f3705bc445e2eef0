import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { serveHttps } from '../support/https.ts'
import { ROOT } from '../support/process.ts'

const ROSSI = tenantIdOf('rossi.example')
const DIRECTORY_READERS = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b'

describe.each(dialects())(
  'the Kiota-based Microsoft Graph SDK (@microsoft/msgraph-sdk) against Tramite (%s)',
  { timeout: 180_000 },
  (dialect) => {
    let t: TestApp
    let https: Awaited<ReturnType<typeof serveHttps>>
    let incidentId: string
    beforeAll(async () => {
      t = await startTestApp(dialect)
      https = await serveHttps(t)
      const res = await t.request('POST', '/api/health/incidents', {
        token: await t.tokenFor('engineer@contoso.example'),
        body: {
          title: 'Mail is delayed',
          classification: 'incident',
          status: 'serviceDegradation',
          impactDescription: 'Outbound mail is delayed.',
          serviceIds: ['Exchange'],
          tenantIds: [ROSSI],
          message: 'Investigating.',
        },
      })
      expect(res.status, res.body).toBe(201)
      incidentId = res.json().id
    })
    afterAll(async () => {
      await https?.close()
      await t?.close()
    })

    it('when the unmodified SDK changes an access assignment over HTTPS, then the 202 completes the call and the operation applies the roles; lists, filters and counts work', async () => {
      const jobs = setInterval(() => void t.runJobs(), 200)
      const steps: Record<string, any>[] = []
      let stderr = ''
      try {
        const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sdk/graph-kiota.ts'], {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH,
            NODE_EXTRA_CA_CERTS: https.certPath,
            TRAMITE_URL: https.url,
            PARTNER_TOKEN: await t.tokenFor('anna@fabrikam.example'),
            CUSTOMER_TOKEN: await t.tokenFor('admin@tailspin.example'),
            HEALTH_TOKEN: await t.tokenFor('anna@fabrikam.example', 'rossi.example'),
          },
        })
        let stdout = ''
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
        const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
        steps.push(
          ...stdout
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l)),
        )
        expect(code, `${stderr}\n${stdout}`).toBe(0)
      } finally {
        clearInterval(jobs)
      }
      const step = Object.fromEntries(steps.map((s) => [s.step, s]))
      expect(step.create).toMatchObject({ status: 'created', duration: 'P730D' })
      expect(step.active.status).toBe('active')
      expect(step.assign.status).toBe('active')
      expect(step['patch roles']).toMatchObject({
        completed: true,
        location: expect.stringMatching(
          new RegExp(
            `/v1\\.0/tenantRelationships/delegatedAdminRelationships/${step.create.id}/operations/[0-9a-f-]{36}$`,
          ),
        ),
        retryAfter: expect.stringMatching(/^\d+$/),
      })
      expect(step.operation).toMatchObject({
        status: 'succeeded',
        operationType: 'delegatedAdminAccessAssignmentUpdate',
      })
      expect(step['roles applied'].roles).toEqual([DIRECTORY_READERS])
      expect(step['patch same roles'].status).toBe('active')
      expect(step.list).toMatchObject({ allActive: true, includesCreated: true, selectedOnly: true })
      expect(step.list.count).toBe(step.list.listed)
      expect(step.list.dollarCount).toBe(step.list.count)
      expect(step.assignments.count).toBe(1)
      expect(step['unsupported filter']).toMatchObject({
        raised: true,
        status: 400,
        code: 'Request_UnsupportedQuery',
        message: "The function 'contains' is not supported in $filter.",
      })
      expect(step['open issues']).toMatchObject({ allOpen: true })
      expect(step['open issues'].ids).toContain(incidentId)
      expect(step['open issues'].count).toBe(step['open issues'].ids.length)
      expect(step.exchange).toMatchObject({
        id: 'Exchange',
        service: 'Exchange Online',
        status: 'serviceDegradation',
      })
      expect(step.exchange.issues).toBeGreaterThanOrEqual(1)
      expect(step.degraded.ids).toContain('Exchange')
    })
  },
)
