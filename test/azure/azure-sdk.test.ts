import { describe, expect, it } from 'vitest'
import { dialects } from '../support/dialects.ts'
import { useHttpsApp } from '../support/https.ts'
import { runSdkScript, stepsByName } from '../support/sdk-script.ts'

describe.each(dialects())(
  'the official @azure/arm-support client against Tramite (%s)',
  { timeout: 120_000 },
  (dialect) => {
    const app = useHttpsApp(dialect)

    it('when anna works a ticket for Rossi’s subscription over HTTPS, then every call succeeds; ada for Bianchi is refused by R5', async () => {
      const run = await runSdkScript('azure-support.ts', {
        NODE_EXTRA_CA_CERTS: app.https.certPath,
        TRAMITE_URL: app.https.url,
        ANNA_TOKEN: await app.t.tokenFor('anna@fabrikam.example', 'rossi.example'),
        ADA_TOKEN: await app.t.tokenFor('ada@adatum.example', 'bianchi.example'),
      })
      expect(run.code, run.stderr).toBe(0)
      const steps = stepsByName(run.stdout)
      expect(steps.operations).toMatchObject({ includesWrite: true })
      expect(steps.services.count).toBeGreaterThanOrEqual(8)
      expect(steps.problemClassifications.count).toBeGreaterThanOrEqual(3)
      expect(steps.checkNameAvailability.nameAvailable).toBe(true)
      expect(steps.create).toMatchObject({
        supportPlanType: 'Cloud Solution Provider',
        slaMinutes: 480,
        status: 'Open',
      })
      expect(steps.list.includesCreated).toBe(true)
      expect(steps.get).toMatchObject({ title: 'Production VM unreachable', severity: 'minimal' })
      expect(steps.update).toMatchObject({ severity: 'critical', slaMinutes: 120 })
      expect(steps.communication).toMatchObject({ name: 'first-update', subject: 'More details' })
      expect(steps.communications).toMatchObject({ count: 1, body: 'Only the West Europe VMs are affected.' })
      expect(steps.get2024).toMatchObject({
        title: 'Production VM unreachable',
        apiVersion: '2024-04-01',
        advancedDiagnosticConsent: 'No',
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      })
      expect(steps.refused).toMatchObject({
        refused: true,
        statusCode: 403,
        code: 'SupportPolicyRefused',
        rule: 'R5',
      })
      expect(steps.refused.message).toMatch(/Indirect resellers cannot open Azure support requests/)

      // the same ticket, underneath, is a service request: the customer's admin sees it with the CSP plan
      const requests = (
        await app.t.request('GET', '/api/service-requests?workload=azure', {
          token: await app.t.tokenFor('admin@rossi.example'),
        })
      ).json()
      expect(requests.items[0]).toMatchObject({
        title: 'Production VM unreachable',
        supportPlan: 'csp',
        severity: 'critical',
        rule: 'R6',
      })
    })
  },
)
