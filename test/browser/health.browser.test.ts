import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { tenantIdOf } from '../support/app.ts'
import { BROWSER_SUITE, screenshotWhole, useBrowserApp } from '../support/browser.ts'
import { demoIncidentId } from '../support/demo.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const LIVE = { timeout: 30_000 }

// Runs in the page before the portal: records the id of every incident event an EventSource
// receives, so a test can prove which events never arrived. (A string: the tests have no DOM types.)
const RECORD_EVENTS = `
  window.__healthEvents = []
  const Original = window.EventSource
  window.EventSource = class extends Original {
    constructor(url, init) {
      super(url, init)
      this.addEventListener('incident', (event) => {
        window.__healthEvents.push(JSON.parse(event.data).incident.id)
      })
    }
  }
`

describe.each(dialects())('service health in Chromium (%s)', BROWSER_SUITE, (dialect) => {
  const app = useBrowserApp(dialect)
  /** Each page records the incident events it receives; downloads are kept (the CSV). */
  const signedIn = (email: string, locale: string) =>
    app.signedIn(email, locale, { initScript: RECORD_EVENTS, context: { acceptDownloads: true } })

  /** The page's live stream is open (events published from now on reach it). */
  const live = (page: Page) =>
    page.locator('[data-testid="health-live-status"][data-state="open"]').first().waitFor(LIVE)
  // a flag on the page's window: still there later only if the page was never reloaded
  const markNotReloaded = (page: Page) => page.evaluate('window.__notReloaded = true')
  const notReloaded = (page: Page) => page.evaluate<boolean>('window.__notReloaded === true')
  // each incident id once: a page holds two streams (its own, and the notification bell's)
  const events = async (page: Page) => [
    ...new Set(await page.evaluate<string[]>('window.__healthEvents ?? []')),
  ]
  const affectedCount = async (page: Page) =>
    Number(await page.getByTestId('health-affected-count').getAttribute('data-count'))
  const affectedTenants = (page: Page) =>
    page
      .locator('[data-testid="health-affected-row"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tenant-id')))

  async function publishAsEngineer(body: Record<string, unknown>): Promise<string> {
    const token = await app.t.tokenFor('engineer@contoso.example')
    const res = await app.t.request('POST', '/api/health/incidents', { token, body })
    expect(res.status).toBe(201)
    return res.json<{ id: string }>().id
  }

  it('when the engineer publishes an Exchange incident for Rossi through the Italian form, then anna’s open affected-customers page shows Rossi without reloading, ada’s never receives it, and the CSV lists it', async () => {
    // the demo world's own Exchange incident affects Rossi: it is restored first, so that Rossi's
    // row on anna's page can only come from the incident this test publishes
    const demoExchange = await demoIncidentId(app.t, 'active')
    const restored = await app.t.request('PATCH', `/api/health/incidents/${demoExchange}`, {
      token: await app.t.tokenFor('engineer@contoso.example'),
      body: { status: 'serviceRestored', message: 'Mail flows again.' },
    })
    expect(restored.status, restored.body).toBe(200)
    // anna (Fabrikam, reads Rossi's health) and ada (Adatum, no relationship with Rossi) watch
    const anna = await signedIn('anna@fabrikam.example', 'it-IT')
    await anna.goto(`${app.baseUrl}/health`)
    await anna.getByTestId('health-affected-count').waitFor()
    await live(anna)
    const annaBefore = await affectedCount(anna)
    expect(await anna.locator(`[data-testid="health-affected-row"][data-tenant-id="${ROSSI}"]`).count()).toBe(
      0,
    )
    await markNotReloaded(anna)

    const ada = await signedIn('ada@adatum.example', 'it-IT')
    await ada.goto(`${app.baseUrl}/health`)
    await ada.getByTestId('health-affected-count').waitFor()
    await live(ada)
    const adaTenantsBefore = await affectedTenants(ada)
    await markNotReloaded(ada)

    // (a) the engineer publishes through the form, in Italian
    const engineer = await signedIn('engineer@contoso.example', 'it-IT')
    await engineer.goto(`${app.baseUrl}/health`)
    await engineer.getByTestId('health-publish').click()
    await engineer.waitForURL(/\/health\/incidents\/new$/)
    const form = engineer.getByTestId('health-publish-form')
    await form.waitFor()
    expect(await engineer.locator('h1').textContent()).toBe('Pubblica evento')
    // nothing filled in: the form says what is missing and publishes nothing
    await engineer.getByTestId('health-publish-submit').click()
    await engineer.getByTestId('health-publish-invalid').waitFor()
    expect(await form.textContent()).toContain('Scegli almeno un servizio.')

    await engineer.getByTestId('health-publish-title').fill('Posta in arrivo ritardata in Exchange Online')
    await engineer.getByTestId('health-publish-classification-incident').check()
    await engineer.getByTestId('health-publish-status').selectOption('serviceDegradation')
    await engineer
      .getByTestId('health-publish-impact')
      .fill('Gli utenti ricevono la posta con ritardi fino a 30 minuti.')
    await engineer.locator('[data-testid="health-form-service"][data-service-id="Exchange"]').check()
    await engineer.getByTestId('health-form-tenants-some').check()
    await engineer.getByTestId('health-tenant-search').fill('Rossi')
    const rossiOption = engineer.locator(`[data-testid="health-tenant-option"][data-tenant-id="${ROSSI}"]`)
    await rossiOption.waitFor()
    // the search narrows the directory to Rossi
    await expect.poll(() => engineer.locator('[data-testid="health-tenant-option"]').count(), LIVE).toBe(1)
    await rossiOption.check()
    await engineer.locator(`[data-testid="health-tenants-chosen"] [data-tenant-id="${ROSSI}"]`).waitFor()
    await engineer
      .getByTestId('health-publish-message')
      .fill('Stiamo analizzando i ritardi nella consegna della posta.')
    expect(await engineer.getByTestId('health-publish-invalid').count()).toBe(0)
    await screenshotWhole(engineer, 'health-publish-it.png')
    await engineer.getByTestId('health-publish-submit').click()

    await engineer.waitForURL(/\/health\/incidents\/EX\d+$/)
    const id = decodeURIComponent(new URL(engineer.url()).pathname.split('/').pop()!)
    await engineer.getByTestId('health-published').waitFor()
    const incident = engineer.getByTestId('health-incident')
    expect(await incident.getAttribute('data-status')).toBe('serviceDegradation')
    expect(
      await engineer.locator(`[data-testid="health-incident-tenants"] [data-tenant-id="${ROSSI}"]`).count(),
    ).toBe(1)
    expect(await engineer.getByTestId('health-post').first().textContent()).toContain(
      'Stiamo analizzando i ritardi',
    )

    // (b) anna sees Rossi appear and the count go up, without a reload
    const rossiRow = anna.locator(
      `[data-testid="health-affected-row"][data-tenant-id="${ROSSI}"][data-incident-id="${id}"]`,
    )
    await rossiRow.waitFor(LIVE)
    await expect.poll(() => affectedCount(anna), LIVE).toBe(annaBefore + 1)
    expect(await rossiRow.textContent()).toContain('Rossi Costruzioni S.p.A.')
    expect(await rossiRow.getAttribute('data-status')).toBe('serviceDegradation')
    expect(await anna.getByTestId('health-live-update').getAttribute('data-incident-id')).toBe(id)
    expect(await notReloaded(anna)).toBe(true)
    expect(await events(anna)).toContain(id)
    await screenshotWhole(anna, 'health-affected-it.png')

    // ada: an incident for one of her customers (Bianchi) arrives live; Rossi's never did
    const bianchiId = await publishAsEngineer({
      title: 'SharePoint lento',
      classification: 'incident',
      status: 'investigating',
      impactDescription: 'I siti SharePoint si aprono lentamente.',
      serviceIds: ['SharePoint'],
      tenantIds: [BIANCHI],
      message: 'Analisi in corso.',
    })
    await ada
      .locator(
        `[data-testid="health-affected-row"][data-tenant-id="${BIANCHI}"][data-incident-id="${bianchiId}"]`,
      )
      .waitFor(LIVE)
    // one stream delivers in order: Rossi's event, had it been sent, would have come first
    expect(await events(ada)).toEqual([bianchiId])
    expect(await ada.locator(`[data-incident-id="${id}"]`).count()).toBe(0)
    expect(await ada.locator(`[data-tenant-id="${ROSSI}"]`).count()).toBe(0)
    expect(await affectedCount(ada)).toBe(new Set([...adaTenantsBefore, BIANCHI]).size)
    expect(await notReloaded(ada)).toBe(true)
    // and anna never hears of Bianchi's
    expect(await events(anna)).not.toContain(bianchiId)
    // nor can ada open Rossi's incident by its id
    await ada.goto(`${app.baseUrl}/health/incidents/${id}`)
    await ada.getByTestId('health-incident-not-found').waitFor()

    // (d) the CSV of anna's affected customers has Rossi's row for the incident, and no one else's
    const [download] = await Promise.all([
      anna.waitForEvent('download'),
      anna.getByTestId('health-affected-csv').click(),
    ])
    expect(download.suggestedFilename()).toBe('affected-customers.csv')
    const csv = readFileSync((await download.path())!, 'utf8')
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'customerTenantId,customer,customers,incidentId,title,classification,status,service,workload,startAt,lastModifiedAt',
    )
    const rows = lines.slice(1).filter((line) => line.includes(id))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatch(
      new RegExp(
        `^${ROSSI},Rossi Costruzioni S\\.p\\.A\\.,1,${id},Posta in arrivo ritardata in Exchange Online,incident,serviceDegradation,Exchange Online,office365,`,
      ),
    )
    expect(csv).not.toContain(BIANCHI)
    expect(csv).not.toContain(bianchiId)
    // one CSV line per line of the page
    expect(lines.length - 1).toBe(
      await anna.locator('[data-testid="health-affected-row"], [data-testid="health-everyone-row"]').count(),
    )

    // a filter narrows the view (and the CSV link) to a workload; clearing it brings Rossi back
    await anna.getByTestId('health-filter-workload').selectOption('azure')
    await expect.poll(() => rossiRow.count(), LIVE).toBe(0)
    expect(await anna.getByTestId('health-affected-csv').getAttribute('href')).toContain('workload=azure')
    await anna.getByTestId('health-clear-filters').click()
    await rossiRow.waitFor(LIVE)

    await anna.context().close()
    await ada.context().close()
    await engineer.context().close()
  }, 180_000)

  it('when the engineer posts an update and then resolves Rossi’s incident through the form, then anna’s open incident page and Rossi’s admin’s own health page in English follow it live', async () => {
    const id = await publishAsEngineer({
      title: 'Teams calls drop after a few minutes',
      classification: 'incident',
      status: 'serviceInterruption',
      impactDescription: 'Calls and meetings end unexpectedly for some users.',
      serviceIds: ['microsoftteams'],
      tenantIds: [ROSSI],
      highImpact: true,
      message: 'We are investigating reports of dropped calls.',
    })

    // anna follows the incident from its page
    const anna = await signedIn('anna@fabrikam.example', 'en-US')
    await anna.goto(`${app.baseUrl}/health/incidents/${id}`)
    const annaIncident = anna.getByTestId('health-incident')
    await annaIncident.waitFor()
    await live(anna)
    expect(await annaIncident.getAttribute('data-status')).toBe('serviceInterruption')
    expect(await anna.getByTestId('health-update-form').count()).toBe(0)
    await anna.getByTestId('health-follow').click()
    await anna.locator('[data-testid="health-follow"][data-following="true"]').waitFor()
    await markNotReloaded(anna)

    // (e) Rossi's administrator sees it on the own health page, in English
    const admin = await signedIn('admin@rossi.example', 'en-US')
    await admin.goto(`${app.baseUrl}/health`)
    await admin.getByTestId('health-tenant').waitFor()
    await live(admin)
    expect(await admin.locator('h1').textContent()).toBe('Service health of Rossi Costruzioni S.p.A.')
    const teams = admin.locator('[data-testid="health-service"][data-service-id="microsoftteams"]')
    expect(await teams.getAttribute('data-status')).toBe('serviceInterruption')
    expect(await teams.textContent()).toContain('Service interruption')
    const issueRow = admin.locator(`[data-testid="health-issue-row"][data-incident-id="${id}"]`)
    expect(await issueRow.textContent()).toContain('Teams calls drop after a few minutes')
    await markNotReloaded(admin)

    // (c) the engineer posts an update through the form
    const engineer = await signedIn('engineer@contoso.example', 'it-IT')
    await engineer.goto(`${app.baseUrl}/health/incidents/${id}`)
    await engineer.getByTestId('health-update-form').waitFor()
    await engineer.getByTestId('health-update-status').selectOption('restoringService')
    await engineer
      .getByTestId('health-update-message')
      .fill('We identified a faulty configuration change and are rolling it back.')
    await engineer.getByTestId('health-update-submit').click()
    await engineer.getByTestId('health-update-done').waitFor()
    await expect
      .poll(() => engineer.getByTestId('health-incident').getAttribute('data-version'), LIVE)
      .toBe('2')
    expect(await engineer.getByTestId('health-update-conflict').count()).toBe(0)

    const rollback = anna.locator('[data-testid="health-post"]', { hasText: 'faulty configuration change' })
    await rollback.waitFor(LIVE)
    await expect.poll(() => annaIncident.getAttribute('data-status'), LIVE).toBe('restoringService')
    expect(await anna.locator('[data-testid="health-post"]').first().getAttribute('data-status')).toBe(
      'restoringService',
    )
    expect(await anna.getByTestId('health-live-update').getAttribute('data-kind')).toBe('updated')
    await expect.poll(() => teams.getAttribute('data-status'), LIVE).toBe('restoringService')
    await expect.poll(() => issueRow.getAttribute('data-status'), LIVE).toBe('restoringService')

    // then resolves it
    await engineer.getByTestId('health-update-status').selectOption('serviceRestored')
    await engineer
      .getByTestId('health-update-message')
      .fill('The change was rolled back and calls are stable again.')
    await engineer.getByTestId('health-update-submit').click()
    await expect
      .poll(() => engineer.getByTestId('health-incident').getAttribute('data-version'), LIVE)
      .toBe('3')
    expect(await engineer.getByTestId('health-update-conflict').count()).toBe(0)

    await anna.getByTestId('health-resolved').waitFor(LIVE)
    expect(await annaIncident.getAttribute('data-status')).toBe('serviceRestored')
    expect(await anna.locator('[data-testid="health-post"]').first().textContent()).toContain(
      'calls are stable again',
    )
    expect(await anna.locator('[data-testid="health-post"]').count()).toBe(3)
    expect(await notReloaded(anna)).toBe(true)
    await screenshotWhole(anna, 'health-incident-en.png')

    // resolved: Teams is healthy again on the admin's page, and the issue left the active list
    await expect.poll(() => teams.getAttribute('data-status'), LIVE).toBe('serviceOperational')
    await expect.poll(() => issueRow.count(), LIVE).toBe(0)
    expect(await notReloaded(admin)).toBe(true)
    // the last 30 days still count it
    const series = admin.locator('[data-testid="health-history-series"][data-service-id="microsoftteams"]')
    await series.waitFor(LIVE)
    await screenshotWhole(admin, 'health-tenant-en.png')

    // anna follows it: the incident reaching her customer became one notice, each update another
    const session = await app.t.signIn('anna@fabrikam.example')
    const notifications = await app.t.request('GET', '/api/notifications', { session })
    expect(notifications.status).toBe(200)
    expect(
      notifications
        .json<{ items: { link: string | null; kind: string }[] }>()
        .items.filter((n) => n.link === `/health/incidents/${id}`)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['health.incident_affects_customers', 'health.incident_updated', 'health.incident_updated'])

    await anna.context().close()
    await admin.context().close()
    await engineer.context().close()
  }, 180_000)

  it('when the engineer types a tenant’s name on the incidents page, then its service health opens', async () => {
    const engineer = await signedIn('engineer@contoso.example', 'en-US')
    await engineer.goto(`${app.baseUrl}/health`)
    const jump = engineer.getByTestId('health-tenant-jump')
    await jump.waitFor()
    await jump.click()
    await jump.pressSequentially('Rossi')
    const option = engineer.locator(`[data-testid="health-tenant-jump-option"][data-tenant-id="${ROSSI}"]`)
    await option.click()
    await engineer.waitForURL((url) => url.pathname === `/health/customers/${ROSSI}`)
    expect(await engineer.getByTestId('health-tenant').getAttribute('data-tenant-id')).toBe(ROSSI)
    await engineer.context().close()
  }, 60_000)
})
