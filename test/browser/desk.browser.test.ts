import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { tenantIdOf } from '../support/app.ts'
import { BROWSER_SUITE, screenshotWhole, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'
import { demoRequestIds } from '../support/demo.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const ANNA = 'anna@fabrikam.example'
const ADA = 'ada@adatum.example'
const TAILSPIN_ADMIN = 'admin@tailspin.example'
const ENGINEER = 'engineer@contoso.example'
const HOUR = 3_600_000
const WAIT = { timeout: 30_000 }
const VIEWPORT = { viewport: { width: 1366, height: 900 } }

describe.each(dialects())('the support desk in Chromium (%s)', BROWSER_SUITE, (dialect) => {
  const app = useBrowserApp(dialect)
  const tokens: Record<string, string> = {}
  let engineerId: string

  beforeAll(async () => {
    for (const who of [ANNA, ADA, TAILSPIN_ADMIN, ENGINEER]) tokens[who] = await app.t.tokenFor(who)
    const engineers = await app.t.request('GET', '/api/desk/engineers', { token: tokens[ENGINEER]! })
    engineerId = engineers.json().items.find((e: { email: string }) => e.email === ENGINEER).userId
  })

  /** Files a request through the API; `agoMs` files it that long ago (the app's clock moved back). */
  async function file(who: string, body: Record<string, unknown>, agoMs = 0): Promise<string> {
    app.t.clock.offsetMs = -agoMs
    try {
      const res = await app.t.request('POST', '/api/service-requests', { token: tokens[who]!, body })
      expect(res.status, res.body).toBe(201)
      return res.json().id as string
    } finally {
      app.t.clock.offsetMs = 0
    }
  }

  const getAs = async (who: string, id: string) =>
    (await app.t.request('GET', `/api/service-requests/${id}`, { token: tokens[who]! })).json()

  const settledList = (page: Page) =>
    page.locator('[data-testid="request-list-section"][data-loading="false"]')
  const rowIds = (page: Page) =>
    page
      .locator('[data-testid="request-row"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-request-id')))
  const detail = (page: Page) => page.locator('[data-testid="request-detail"][data-loading="false"]')

  it('when anna files for Rossi, then the engineer finds it by search and SLA state, assigns it, writes an internal note and asks for information; anna never sees the internal note, answers, and it is open again', async () => {
    // a queue with clocks in every state: one breached, one at risk, one running
    const breached = await file(
      ADA,
      {
        customerTenantId: BIANCHI,
        workload: 'office365',
        title: 'Shared mailboxes stopped syncing',
        description: 'Since the migration the shared mailboxes of the warehouse no longer sync on mobile.',
        severity: 'moderate',
      },
      5 * HOUR,
    )
    const atRisk = await file(
      TAILSPIN_ADMIN,
      {
        workload: 'office365',
        title: 'Teams meetings cannot be recorded',
        description: 'The record button is greyed out for every organizer since Monday.',
        severity: 'moderate',
      },
      3.5 * HOUR,
    )
    const id = await file(ANNA, {
      customerTenantId: ROSSI,
      workload: 'office365',
      title: 'Le stampanti di rete non ricevono gli allegati da Outlook',
      description:
        'Dalle 9 nessuna stampante dell’ufficio di Verona stampa gli allegati inviati da Outlook; le pagine web si stampano.',
      severity: 'moderate',
    })

    // the engineer's queue, in English: an SLA column and an assignee column, clocks due first on top
    const queue = await app.signedIn(ENGINEER, 'en-US', VIEWPORT)
    const engineerEn = queue.context()
    await queue.goto(`${app.baseUrl}/service-requests?sort=due`)
    await settledList(queue).waitFor(WAIT)
    await queue.getByTestId('request-list').waitFor(WAIT)
    expect(await queue.getByTestId('column-sla').textContent()).toBe('First response')
    expect(await queue.getByTestId('column-assignee').textContent()).toBe('Assigned to')
    const states = async (rid: string) =>
      queue.locator(`[data-testid="request-row"][data-request-id="${rid}"]`).getAttribute('data-sla-state')
    expect(await states(breached)).toBe('breached')
    expect(await states(atRisk)).toBe('at_risk')
    expect(await states(id)).toBe('running')
    const order = await rowIds(queue)
    expect(order.indexOf(breached)).toBeLessThan(order.indexOf(atRisk))
    expect(order.indexOf(atRisk)).toBeLessThan(order.indexOf(id))
    const ourRow = queue.locator(`[data-testid="request-row"][data-request-id="${id}"]`)
    expect(await ourRow.getByTestId('request-sla-detail').textContent()).toMatch(/left$/)
    expect(await ourRow.getByTestId('request-row-assignee').textContent()).toBe('Unassigned')
    await screenshotWhole(queue, 'desk-queue-en.png')

    // customer and partner filters, kept in the URL (the demo world's own requests at Rossi are
    // anna's too: the list holds them beside this test's, and nothing else)
    const demo = await demoRequestIds(app.t)
    const ours = async () => (await rowIds(queue)).filter((r) => !demo.includes(r!))
    await queue.getByTestId('filter-customer').selectOption(ROSSI)
    await queue.waitForURL((url) => url.searchParams.get('customer') === ROSSI, WAIT)
    await expect.poll(ours, WAIT).toEqual([id])
    expect(await rowIds(queue)).not.toContain(breached)
    await queue.getByTestId('filter-customer').selectOption('')
    await queue.getByTestId('filter-partner').selectOption({ label: 'Adatum' })
    await queue.waitForURL((url) => url.searchParams.get('partner') === tenantIdOf('adatum.example'), WAIT)
    await expect.poll(() => rowIds(queue), WAIT).toEqual([breached])
    // two changes before the page renders again (a quick hand, or a slow machine): neither is lost
    await queue.evaluate((customer) => {
      const choose = (testId: string, value: string) => {
        const select = document.querySelector<HTMLSelectElement>(`select[data-testid="${testId}"]`)!
        Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, value)
        select.dispatchEvent(new Event('change', { bubbles: true }))
      }
      choose('filter-partner', '')
      choose('filter-customer', customer)
    }, ROSSI)
    await queue.waitForURL(
      (url) => url.searchParams.get('customer') === ROSSI && !url.searchParams.has('partner'),
      WAIT,
    )
    await expect.poll(ours, WAIT).toEqual([id])
    await queue.getByTestId('filters-clear').click()
    await queue.waitForURL((url) => url.search === '', WAIT)
    await expect.poll(async () => (await ours()).length, WAIT).toBe(3)

    // the search box (Italian stems: "stampante" finds "stampanti"), kept in the URL, then the SLA filter
    await queue.getByTestId('filter-q').fill('stampante')
    await queue.waitForURL((url) => url.searchParams.get('q') === 'stampante', WAIT)
    await expect.poll(() => rowIds(queue), WAIT).toEqual([id])
    await queue.getByTestId('filter-sla').selectOption('breached')
    await queue.waitForURL((url) => url.searchParams.get('sla') === 'breached', WAIT)
    await queue.getByTestId('request-list-empty').waitFor(WAIT)
    await queue.getByTestId('filter-sla').selectOption('running')
    await queue.waitForURL((url) => url.searchParams.get('sla') === 'running', WAIT)
    await expect.poll(() => rowIds(queue), WAIT).toEqual([id])
    expect(new URL(queue.url()).searchParams.get('q')).toBe('stampante')
    await queue.getByTestId('filter-assignee').selectOption('none')
    await expect.poll(() => rowIds(queue), WAIT).toEqual([id])

    // the request: assign it to himself
    await ourRow.getByTestId('request-link').click()
    const page = queue
    await detail(page).waitFor(WAIT)
    expect(await page.getByTestId('request-detail').getAttribute('data-side')).toBe('responder')
    expect(await page.getByTestId('sla-clock').getAttribute('data-sla-state')).toBe('running')
    await page.getByTestId('desk-assign-me').click()
    await page.getByTestId('action-success').waitFor(WAIT)
    expect(await page.getByTestId('desk-assignee').inputValue()).toBe(engineerId)
    expect((await getAs(ENGINEER, id)).assignedTo.userId).toBe(engineerId)
    // the responder may only lower the severity: critical is not offered
    const severities = await page
      .getByTestId('desk-severity')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
    expect(severities).toEqual(['minimal', 'moderate'])

    // an internal note, marked as such
    await page.getByTestId('note-visibility-internal').check()
    await page
      .getByTestId('note-text')
      .fill('Probabile driver PCL6 dopo l’aggiornamento di lunedì: verificare con il team stampa.')
    expect(await page.getByTestId('note-submit').textContent()).toBe('Add internal note')
    await page.getByTestId('note-submit').click()
    const internalNote = page.locator('[data-testid="request-note"][data-visibility="internal"]')
    await internalNote.waitFor(WAIT)
    expect(await internalNote.getByTestId('request-note-internal').textContent()).toBe('Internal')

    // asking for information: the request waits on the requester
    await page.getByTestId('note-visibility-public').check()
    await page.getByTestId('note-request-information').check()
    await page
      .getByTestId('note-text')
      .fill('Potete inviarci il log dello spooler di una delle stampanti e l’ora esatta di un tentativo?')
    await page.getByTestId('note-submit').click()
    await page.locator('[data-testid="request-detail"][data-status="attention_needed"]').waitFor(WAIT)
    await page.getByTestId('waiting-on-requester').waitFor(WAIT)
    // the notes list shows the new note once it has reloaded (it may follow the status by a moment)
    const publicNotes = page.locator('[data-testid="request-note"][data-visibility="public"]')
    await publicNotes.filter({ hasText: 'log dello spooler' }).waitFor(WAIT)
    expect(await publicNotes.count()).toBe(1)

    // attachments: a public one for the requester, an internal one for the desk
    await page.getByTestId('attachment-file').setInputFiles({
      name: 'spooler-verona.log',
      mimeType: 'text/plain',
      buffer: Buffer.from('09:02:11 job 4411 outlook.exe rejected: PCL6 driver fault\n'),
    })
    await page.getByTestId('attachment-upload').click()
    await page.getByTestId('attachment-uploaded').waitFor(WAIT)
    await page.getByTestId('attachment-file').setInputFiles({
      name: 'analisi-driver.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Driver PCL6 4.2 → 4.3: regressione nota sugli allegati PDF.\n'),
    })
    await page.getByTestId('attachment-internal-checkbox').check()
    await page.getByTestId('attachment-upload').click()
    await expect.poll(() => page.locator('[data-testid="attachment"]').count(), WAIT).toBe(2)
    expect(
      await page.locator('[data-testid="attachment"][data-visibility="internal"]').textContent(),
    ).toContain('analisi-driver.txt')
    const href = await page
      .locator('[data-testid="attachment"][data-visibility="public"] [data-testid="attachment-link"]')
      .getAttribute('href')
    const download = await page.request.get(`${app.baseUrl}${href}`)
    expect(download.status()).toBe(200)
    expect(download.headers()['content-disposition']).toContain('attachment')
    expect(await download.text()).toContain('PCL6 driver fault')

    // the same page in Italian, for the record
    const engineerIt = await app.signedIn(ENGINEER, 'it-IT', VIEWPORT)
    const itContext = engineerIt.context()
    await engineerIt.goto(`${app.baseUrl}/service-requests/${id}`)
    await detail(engineerIt).waitFor(WAIT)
    await engineerIt.getByTestId('waiting-on-requester').waitFor(WAIT)
    const internalNoteIt = engineerIt.locator('[data-testid="request-note"][data-visibility="internal"]')
    expect(await internalNoteIt.getByTestId('request-note-internal').textContent()).toBe('Interna')
    await screenshotWhole(engineerIt, 'desk-request-engineer-it.png')
    await itContext.close()

    // anna: waiting on her, no internal note, no internal file
    const anna = await app.signedIn(ANNA, 'it-IT', VIEWPORT)
    const annaContext = anna.context()
    await anna.goto(`${app.baseUrl}/service-requests/${id}`)
    await detail(anna).waitFor(WAIT)
    expect(await anna.getByTestId('request-detail').getAttribute('data-side')).toBe('requester')
    const waiting = anna.getByTestId('waiting-on-you')
    await waiting.waitFor(WAIT)
    expect(await waiting.textContent()).toContain('In attesa di una tua risposta')
    expect(await anna.getByTestId('waiting-on-you-question').textContent()).toContain('log dello spooler')
    const annaNotes = await anna.getByTestId('request-note-text').allTextContents()
    expect(annaNotes).toHaveLength(1)
    expect(annaNotes.join(' ')).not.toContain('PCL6')
    expect(await anna.locator('[data-visibility="internal"]').count()).toBe(0)
    const annaSees = await anna.getByTestId('request-detail').textContent()
    expect(annaSees).not.toContain('PCL6')
    expect(annaSees).not.toContain('analisi-driver.txt')
    expect(await anna.getByTestId('attachment').allTextContents()).toEqual([
      expect.stringContaining('spooler-verona.log'),
    ])
    expect(await anna.getByTestId('desk-assignee-name').textContent()).toBe('Sam Rivera')
    expect(await anna.getByTestId('note-visibility').count()).toBe(0)
    await screenshotWhole(anna, 'desk-request-requester-it.png')

    await anna.getByTestId('waiting-on-you-answer').click()
    expect(await anna.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('note-text')
    expect(await anna.getByTestId('note-submit').textContent()).toBe('Invia risposta')
    await anna
      .getByTestId('note-text')
      .fill('Log allegato; l’ultimo tentativo è delle 9:02 dalla stampante del primo piano.')
    await anna.getByTestId('note-submit').click()
    await anna.locator('[data-testid="request-detail"][data-status="open"]').waitFor(WAIT)
    expect(await anna.getByTestId('waiting-on-you').count()).toBe(0)
    expect((await getAs(ENGINEER, id)).status).toBe('open')

    // the engineer sees the answer and the request back in his queue, assigned to him
    await page.getByTestId('request-refresh').click()
    await page.locator('[data-testid="request-detail"][data-status="open"]').waitFor(WAIT)
    expect(await page.getByTestId('waiting-on-requester').count()).toBe(0)
    await page.goto(`${app.baseUrl}/service-requests?assignee=me`)
    await settledList(page).waitFor(WAIT)
    await expect.poll(() => rowIds(page), WAIT).toContain(id)
    expect(
      await page
        .locator(`[data-testid="request-row"][data-request-id="${id}"] [data-testid="request-row-assignee"]`)
        .textContent(),
    ).toBe('Sam Rivera')
    await annaContext.close()
    await engineerEn.close()
  }, 180_000)

  it('when two tabs change the same request, then the second save is refused as changed meanwhile, the tab reloads, and the retry applies', async () => {
    const id = await file(ANNA, {
      customerTenantId: ROSSI,
      workload: 'office365',
      title: 'OneDrive non sincronizza le cartelle condivise',
      description: 'Le cartelle condivise dal reparto acquisti restano in “sincronizzazione in sospeso”.',
      severity: 'moderate',
    })
    const first = await app.signedIn(ENGINEER, 'en-US', VIEWPORT)
    const context = first.context()
    // a second tab in the same session
    const second = await context.newPage()
    for (const tab of [first, second]) {
      await tab.goto(`${app.baseUrl}/service-requests/${id}`)
      await detail(tab).waitFor(WAIT)
    }
    const loadedVersion = await second.getByTestId('request-detail').getAttribute('data-version')

    await first.getByTestId('desk-reference').fill('PSA-20931')
    await first.getByTestId('desk-reference-save').click()
    await first.getByTestId('action-success').waitFor(WAIT)

    // the second tab still shows the version it loaded; its save must not overwrite the first
    await second.getByTestId('desk-severity').selectOption('minimal')
    await second.getByTestId('desk-severity-save').click()
    const conflict = second.getByTestId('action-conflict')
    await conflict.waitFor(WAIT)
    expect(await conflict.textContent()).toContain('Someone else changed this request meanwhile')
    expect((await getAs(ENGINEER, id)).severity).toBe('moderate')
    // reloaded: the other tab's change is on screen, at a newer version
    await expect.poll(() => second.getByTestId('desk-reference').inputValue(), WAIT).toBe('PSA-20931')
    expect(Number(await second.getByTestId('request-detail').getAttribute('data-version'))).toBeGreaterThan(
      Number(loadedVersion),
    )
    await screenshotWhole(second, 'desk-conflict-en.png')

    await second.getByTestId('desk-severity').selectOption('minimal')
    await second.getByTestId('desk-severity-save').click()
    await second.getByTestId('action-success').waitFor(WAIT)
    const after = await getAs(ENGINEER, id)
    expect(after.severity).toBe('minimal')
    expect(after.externalReference).toBe('PSA-20931')
    await context.close()
  }, 120_000)
})
