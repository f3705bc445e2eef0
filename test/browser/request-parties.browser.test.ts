import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { azureServiceId } from '../../src/catalog/azure-catalog.ts'
import { tenantIdOf } from '../support/app.ts'
import { BROWSER_SUITE, screenshotWhole, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest } from '../support/requests.ts'

const BIANCHI = tenantIdOf('bianchi.example')
const ANNA = 'anna@fabrikam.example'
const NORA = 'nora@northwind.example'
const ROSSI_ADMIN = 'admin@rossi.example'
const ENGINEER = 'engineer@contoso.example'
const WAIT = { timeout: 30_000 }
const VIEWPORT = { viewport: { width: 1366, height: 900 } }

describe.each(dialects())(
  'who a request waits on, and its Azure triage, in Chromium (%s)',
  BROWSER_SUITE,
  (dialect) => {
    const app = useBrowserApp(dialect)
    const tokens: Record<string, string> = {}
    beforeAll(async () => {
      for (const who of [ANNA, ENGINEER]) tokens[who] = await app.t.tokenFor(who)
    })

    const detail = (page: Page) => page.locator('[data-testid="request-detail"][data-loading="false"]')
    const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? ''

    it('when the engineer asks anna for information, then anna (Italian) gets “waiting for your reply” and the reply box; Rossi’s admin (English) reads “Waiting on Fabrikam” with no reply box; the desk reads it as waiting on the requester; “handled by” names Contoso Cloud', async () => {
      const { id } = await fileRequest(app.t, tokens[ANNA]!, {
        title: 'Le chiamate Teams cadono',
        description: 'Le chiamate cadono dopo due minuti per tutti gli utenti della sede di Milano.',
      })
      const asked = await app.t.request('POST', `/api/service-requests/${id}/notes`, {
        token: tokens[ENGINEER]!,
        body: { text: 'Quale versione del client Teams usate?', requestInformation: true },
      })
      expect(asked.status, asked.body).toBe(200)

      // anna filed it: the question is addressed to her
      const anna = await app.signedIn(ANNA, 'it-IT', VIEWPORT)
      await anna.goto(`${app.baseUrl}/service-requests/${id}`)
      await detail(anna).waitFor(WAIT)
      expect(await anna.getByTestId('request-detail').getAttribute('data-waiting-on')).toBe('you')
      await anna.getByTestId('waiting-on-you').waitFor(WAIT)
      expect(await text(anna, 'status-badge')).toBe('In attesa di una tua risposta')
      await anna.getByTestId('note-form').waitFor(WAIT)
      expect(await anna.getByTestId('waiting-on-party').count()).toBe(0)
      expect(await text(anna, 'request-handled-by')).toBe('Contoso Cloud')
      await anna.context().close()

      // Rossi's admin reads the request filed on Rossi's behalf: it waits on Fabrikam, not on them
      const admin = await app.signedIn(ROSSI_ADMIN, 'en-US', VIEWPORT)
      await admin.goto(`${app.baseUrl}/service-requests/${id}`)
      await detail(admin).waitFor(WAIT)
      expect(await admin.getByTestId('request-detail').getAttribute('data-waiting-on')).toBe('requester')
      const party = admin.getByTestId('waiting-on-party')
      await party.waitFor(WAIT)
      expect(await party.textContent()).toContain('Waiting on Fabrikam')
      expect(await text(admin, 'status-badge')).toBe('Waiting on Fabrikam')
      expect(await admin.getByTestId('waiting-on-you').count()).toBe(0)
      expect(await admin.getByTestId('note-form').count()).toBe(0)
      expect(await text(admin, 'note-form-waiting')).toContain('Fabrikam')
      expect(await text(admin, 'request-handled-by')).toBe('Contoso Cloud')
      expect(await admin.getByTestId('request-detail').textContent()).not.toContain('The vendor')
      await screenshotWhole(admin, 'request-waiting-on-partner-en.png')
      await admin.context().close()

      // the desk: waiting on the requester, by name — not "attention needed" of its own
      const engineer = await app.signedIn(ENGINEER, 'en-US', VIEWPORT)
      await engineer.goto(`${app.baseUrl}/service-requests/${id}`)
      await detail(engineer).waitFor(WAIT)
      expect(await text(engineer, 'waiting-on-requester')).toContain('Waiting on Fabrikam (the requester)')
      expect(await text(engineer, 'status-badge')).toBe('Waiting on Fabrikam')
      await engineer.goto(`${app.baseUrl}/service-requests?status=attention_needed`)
      const row = engineer.locator(`[data-testid="request-row"][data-request-id="${id}"]`)
      await row.waitFor(WAIT)
      expect(await row.getByTestId('status-badge').textContent()).toBe('Waiting on Fabrikam')
      await engineer.context().close()
    }, 120_000)

    it('R6: when nora files for Bianchi in the Azure portal in Italian, then the desk’s queue filters it by Azure service and its detail shows the service and the problem classification', async () => {
      const nora = await app.signedIn(NORA, 'it-IT', VIEWPORT)
      await nora.goto(`${app.baseUrl}/azure/support/new?tenant=${BIANCHI}`)
      const plan = nora.locator('[data-testid="azure-support-plan"][data-allowed="true"]')
      await plan.waitFor(WAIT)
      expect(await plan.getAttribute('data-rule')).toBe('R6')
      await nora.getByTestId('azure-service').selectOption({ label: 'Macchina virtuale Windows' })
      await nora.locator('[data-testid="azure-problem"] option:nth-child(2)').waitFor({ state: 'attached' })
      await nora.getByTestId('azure-problem').selectOption({ label: 'Backup e ripristino' })
      await nora.getByTestId('azure-summary').fill('Backup notturno del magazzino non completato')
      await nora
        .getByTestId('azure-description')
        .fill('Il backup della VM del magazzino di Bianchi fallisce da due notti con un timeout.')
      await nora.getByTestId('azure-create').click()
      const ticket = nora.getByTestId('azure-ticket')
      await ticket.waitFor(WAIT)
      const id = (await ticket.getAttribute('data-ticket-id'))!

      // the requester's own detail shows what she chose
      await nora.goto(`${app.baseUrl}/service-requests/${id}`)
      await detail(nora).waitFor(WAIT)
      expect(await text(nora, 'request-azure-service')).toBe('Macchina virtuale Windows')
      expect(await text(nora, 'request-azure-classification')).toBe('Backup e ripristino')
      expect(await nora.getByTestId('request-topic').count()).toBe(0)
      await nora.context().close()

      // the desk, in English: the queue filtered by the service, then the request
      const engineer = await app.signedIn(ENGINEER, 'en-US', VIEWPORT)
      await engineer.goto(`${app.baseUrl}/service-requests`)
      await engineer.locator('[data-testid="request-list-section"][data-loading="false"]').waitFor(WAIT)
      const filter = engineer.getByTestId('filter-azure-service')
      await filter.locator(`option[value="${azureServiceId('vm-windows')}"]`).waitFor({ state: 'attached' })
      await filter.selectOption({ label: 'Virtual Machine running Windows' })
      await engineer.waitForURL(/azureService=/)
      const row = engineer.locator(`[data-testid="request-row"][data-request-id="${id}"]`)
      await row.waitFor(WAIT)
      await expect
        .poll(() =>
          engineer
            .locator('[data-testid="request-row"]')
            .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-request-id'))),
        )
        .toEqual([id])
      expect(await row.getByTestId('request-row-azure-service').textContent()).toBe(
        'Virtual Machine running Windows',
      )
      await screenshotWhole(engineer, 'desk-queue-azure-service-en.png')
      await row.locator('a').first().click()
      await detail(engineer).waitFor(WAIT)
      expect(await text(engineer, 'request-azure-service')).toBe('Virtual Machine running Windows')
      expect(await text(engineer, 'request-azure-classification')).toBe('Backup and restore')
      expect(await engineer.getByTestId('request-topic').count()).toBe(0)
      expect(await text(engineer, 'request-rule')).toContain('R6')
      await screenshotWhole(engineer, 'desk-request-azure-en.png')
      await engineer.context().close()
    }, 120_000)
  },
)
