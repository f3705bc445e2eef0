import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { serveHttps } from '../support/https.ts'
import { jsonLines, runSdkScript } from '../support/sdk-script.ts'
import { demoIncidentId } from '../support/demo.ts'

const ROSSI = tenantIdOf('rossi.example')
const TAILSPIN = tenantIdOf('tailspin.example')

describe.each(dialects())(
  'service health over Graph and Partner Center (%s)',
  { timeout: 120_000 },
  (dialect) => {
    let t: TestApp
    let https: Awaited<ReturnType<typeof serveHttps>>
    let incident: { id: string }
    /** The demo world's own incidents: Exchange at Rossi (active), Teams (resolved). */
    let demo: { active: string; resolved: string }
    beforeAll(async () => {
      t = await startTestApp(dialect)
      demo = { active: await demoIncidentId(t, 'active'), resolved: await demoIncidentId(t, 'resolved') }
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
      const run = await runSdkScript('graph-service-health.ts', {
        NODE_EXTRA_CA_CERTS: https.certPath,
        TRAMITE_URL: https.url,
        TOKEN: await t.tokenFor('anna@fabrikam.example', 'rossi.example'),
      })
      expect(run.code, run.stderr).toBe(0)
      const steps = jsonLines(run.stdout)
      const sorted = (ids: string[]) => [...ids].sort()
      expect(steps[0].step).toBe('healthOverviews')
      // this test's incident and the demo world's own Exchange incident at Rossi
      expect(
        steps[0].degraded.map((d: { issues: string[] }) => ({ ...d, issues: sorted(d.issues) })),
      ).toEqual([
        { id: 'Exchange', status: 'serviceDegradation', issues: sorted([incident.id, demo.active]) },
      ])
      expect(steps[0].services).toBeGreaterThanOrEqual(10)
      expect(sorted(steps[1].ids)).toEqual(sorted([incident.id, demo.active, demo.resolved]))
      expect(steps.find((s) => s.step === 'issue' && s.id === incident.id)).toMatchObject({
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
      const ids = (items: { id: string }[]) => items.map((i) => i.id).sort()
      // this test's incident and the demo world's own Exchange incident at Rossi (the resolved one is not listed)
      expect(ids(all.items)).toEqual([incident.id, demo.active].sort())
      expect(all.items.find((i: { id: string }) => i.id === incident.id)).toEqual(
        expect.objectContaining({
          id: incident.id,
          workload: 'Exchange Online',
          impactedCustomers: 1,
          status: 'warning',
          resolved: false,
          attributes: { objectType: 'ServiceIncidentDetail' },
        }),
      )
      expect((await t.request('GET', '/v1/serviceincidents/office/count', { token: anna })).json()).toBe(2)
      const rossi = (
        await t.request('GET', `/v1/customers/${ROSSI}/serviceincidents/office`, { token: anna })
      ).json()
      expect(ids(rossi.items)).toEqual([incident.id, demo.active].sort())
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
