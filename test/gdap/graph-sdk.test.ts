import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { tenantIdOf } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { useHttpsApp } from '../support/https.ts'
import { ROOT } from '../support/process.ts'

const TAILSPIN = tenantIdOf('tailspin.example')

describe.each(dialects())(
  'the official Microsoft Graph client against Tramite (%s)',
  { timeout: 120_000 },
  (dialect) => {
    const app = useHttpsApp(dialect)

    it('when @microsoft/microsoft-graph-client drives a relationship over HTTPS, then every lifecycle step succeeds, and termination cuts access', async () => {
      // the scheduler's work, as each instance runs it
      const jobs = setInterval(() => void app.t.runJobs(), 200)
      const steps: Record<string, any>[] = []
      let stderr = ''
      try {
        const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sdk/graph-gdap-lifecycle.ts'], {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH,
            NODE_EXTRA_CA_CERTS: app.https.certPath,
            TRAMITE_URL: app.https.url,
            PARTNER_TOKEN: await app.t.tokenFor('anna@fabrikam.example'),
            CUSTOMER_TOKEN: await app.t.tokenFor('admin@tailspin.example'),
          },
        })
        child.stdout.setEncoding('utf8')
        let buffer = ''
        child.stdout.on('data', (chunk: string) => {
          buffer += chunk
          let nl: number
          while ((nl = buffer.indexOf('\n')) >= 0) {
            steps.push(JSON.parse(buffer.slice(0, nl)))
            buffer = buffer.slice(nl + 1)
          }
        })
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
        const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
        expect(code, stderr).toBe(0)
      } finally {
        clearInterval(jobs)
      }
      const byStep = Object.fromEntries(steps.map((s) => [s.step, s]))
      expect(byStep.create).toMatchObject({ status: 'created', etag: expect.stringMatching(/^W\//) })
      expect(byStep.lockForApproval.status).toBe('succeeded')
      expect(byStep.approve.status).toBe('pending')
      expect(byStep.active.status).toBe('active')
      expect(byStep.assign.status).toBe('pending')
      expect(byStep['assignment active'].status).toBe('active')
      expect(byStep.list).toMatchObject({ includesCreated: true })
      expect(byStep.list.count).toBeGreaterThanOrEqual(2) // paged with $top=1 through @odata.nextLink
      expect(byStep.terminated.status).toBe('terminated')

      // after termination the partner has no role in Tailspin, and advice says why (R1)
      await expect(app.t.tokenFor('anna@fabrikam.example', 'tailspin.example')).rejects.toMatchObject({
        code: 'no_delegated_access',
      })
      const advice = (
        await app.t.request('GET', `/api/advice?customer=${TAILSPIN}&workload=office365`, {
          token: await app.t.tokenFor('anna@fabrikam.example'),
        })
      ).json()
      expect(advice).toMatchObject({ allowed: false, rule: 'R1', reason: 'gdap_terminated' })
    })
  },
)
