import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { serveHttps } from '../support/https.ts'
import { ROOT } from '../support/process.ts'

const ROSSI = tenantIdOf('rossi.example')
const TAILSPIN = tenantIdOf('tailspin.example')

describe.each(dialects())(
  'service health over Graph and Partner Center (%s)',
  { timeout: 120_000 },
  (dialect) => {
    let t: TestApp
    let https: Awaited<ReturnType<typeof serveHttps>>
    let incident: { id: string }
    beforeAll(async () => {
      t = await startTestApp(dialect)
      https = await serveHttps(t)
      incident = (
        await t.request('POST', '/api/health/incidents', {
          token: await t.tokenFor('engineer@contoso.example'),
          body: {
            title: 'Users cannot send mail',
            classification: 'incident',
            status: 'serviceDegradation',
            impactDescription: 'Outbound mail is delayed.',
            serviceIds: ['Exchange'],
            tenantIds: [ROSSI, TAILSPIN],
            message: 'Investigating.',
          },
        })
      ).json()
    })
    afterAll(async () => {
      await https?.close()
      await t?.close()
    })

    it('when the official Graph client reads service health in Rossi’s context, then it sees the Exchange incident', async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sdk/graph-service-health.ts'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          NODE_EXTRA_CA_CERTS: https.certPath,
          TRAMITE_URL: https.url,
          TOKEN: await t.tokenFor('anna@fabrikam.example', 'rossi.example'),
        },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      expect(await new Promise((r) => child.once('exit', r)), stderr).toBe(0)
      const steps = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
      expect(steps[0]).toMatchObject({
        step: 'healthOverviews',
        degraded: [{ id: 'Exchange', status: 'serviceDegradation', issues: [incident.id] }],
      })
      expect(steps[0].services).toBeGreaterThanOrEqual(10)
      expect(steps[1].ids).toEqual([incident.id])
      expect(steps[2]).toMatchObject({
        step: 'issue',
        id: incident.id,
        service: 'Exchange Online',
        status: 'serviceDegradation',
        classification: 'incident',
        posts: 1,
      })
    })

    it('when the delegated role carries no service-health permission, then Graph answers 403', async () => {
      const nora = await t.tokenFor('nora@northwind.example', 'bianchi.example') // Directory Readers only
      const res = await t.request('GET', '/v1.0/admin/serviceAnnouncement/healthOverviews', { token: nora })
      expect(res.status).toBe(403)
      expect(res.json().error.code).toBe('Forbidden')
      const admin = await t.request('GET', `/v1.0/admin/serviceAnnouncement/issues/${incident.id}`, {
        token: await t.tokenFor('admin@rossi.example'),
      })
      expect(admin.json()).toMatchObject({
        id: incident.id,
        isResolved: false,
        posts: [{ postType: 'regular', description: { contentType: 'text', content: 'Investigating.' } }],
      })
      const other = await t.request('GET', `/v1.0/admin/serviceAnnouncement/issues/${incident.id}`, {
        token: await t.tokenFor('admin@bianchi.example'),
      })
      expect(other.status).toBe(404)
    })

    it('when Partner Center’s incident APIs are called, then they count impacted customers and respect GDAP', async () => {
      const anna = await t.tokenFor('anna@fabrikam.example')
      const all = (await t.request('GET', '/v1/serviceincidents/office', { token: anna })).json()
      expect(all.attributes.objectType).toBe('Collection')
      expect(all.items).toEqual([
        expect.objectContaining({
          id: incident.id,
          workload: 'Exchange Online',
          impactedCustomers: 1,
          status: 'warning',
          resolved: false,
          attributes: { objectType: 'ServiceIncidentDetail' },
        }),
      ])
      expect((await t.request('GET', '/v1/serviceincidents/office/count', { token: anna })).json()).toBe(1)
      const rossi = (
        await t.request('GET', `/v1/customers/${ROSSI}/serviceincidents/office`, { token: anna })
      ).json()
      expect(rossi.items.map((i: { id: string }) => i.id)).toEqual([incident.id])
      expect(
        (await t.request('GET', `/v1/customers/${TAILSPIN}/serviceincidents/office`, { token: anna })).status,
      ).toBe(404)
      expect(
        (
          await t.request('GET', '/v1/serviceincidents/office', {
            token: await t.tokenFor('ada@adatum.example'),
          })
        ).json().items,
      ).toEqual([])
    })
  },
)
