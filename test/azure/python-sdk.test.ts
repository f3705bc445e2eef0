import { describe, expect, it } from 'vitest'
import { dialects } from '../support/dialects.ts'
import { useHttpsApp } from '../support/https.ts'
import { runScript, stepsByName } from '../support/sdk-script.ts'

// Debian's python3-azure (installed by `npm test`'s pretest: scripts/ensure-python-azure.mjs)
const PYTHON = process.env.PYTHON_AZURE || '/usr/bin/python3'

describe.each(dialects())(
  "Microsoft's Python azure-mgmt-support client against Tramite (%s)",
  { timeout: 180_000 },
  (dialect) => {
    const app = useHttpsApp(dialect)

    it('when anna works a ticket for Rossi’s subscription from Python over HTTPS, then services, classifications, the long-running create, get, list and communications all succeed, at 2020-04-01 and 2024-04-01', async () => {
      const run = await runScript(PYTHON, ['scripts/sdk/azure_support.py'], {
        // trust the dev certificate the test serves (requests reads this bundle)
        REQUESTS_CA_BUNDLE: app.https.certPath,
        TRAMITE_URL: app.https.url,
        ANNA_TOKEN: await app.t.tokenFor('anna@fabrikam.example', 'rossi.example'),
      })
      expect(run.code, run.stderr).toBe(0)
      const steps = stepsByName(run.stdout)
      expect(steps.apiVersion.value).toBe('2020-04-01')
      expect(steps.services.count).toBeGreaterThanOrEqual(8)
      expect(steps.problemClassifications.count).toBeGreaterThanOrEqual(3)
      expect(steps.create).toMatchObject({
        status: 'Open',
        supportPlanType: 'Cloud Solution Provider',
        slaMinutes: 240,
      })
      expect(steps.get).toMatchObject({
        title: 'VM unreachable from Python',
        severity: 'moderate',
        serviceDisplayName: 'Virtual Machine running Windows',
      })
      expect(steps.list.includesCreated).toBe(true)
      expect(steps.communication).toMatchObject({ name: 'py-update-1', subject: 'More details' })
      expect(steps.communications).toMatchObject({
        count: 1,
        body: 'Only the West Europe VMs are affected.',
      })
      expect(steps.create2024).toMatchObject({
        advancedDiagnosticConsent: 'Yes',
        supportPlanDisplayName: 'Cloud Solution Provider',
        isTemporaryTicket: 'No',
      })

      // underneath, the Python client's ticket is a service request the customer's admin sees
      const requests = (
        await app.t.request('GET', '/api/service-requests?workload=azure&limit=200', {
          token: await app.t.tokenFor('admin@rossi.example'),
        })
      ).json()
      const titles = requests.items.map((r: { title: string }) => r.title)
      expect(titles).toEqual(
        expect.arrayContaining(['VM unreachable from Python', 'VM unreachable (2024-04-01)']),
      )
    })
  },
)
