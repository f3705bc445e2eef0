import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { tenantIdOf } from '../support/app.ts'
import { BROWSER_SUITE, SCREENSHOTS, screenshotWhole, useBrowserApp } from '../support/browser.ts'
import { addEngineer } from '../support/desk.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest, fileToPartner } from '../support/requests.ts'

const BIANCHI = tenantIdOf('bianchi.example')
const ANNA = 'anna@fabrikam.example'
const ADA = 'ada@adatum.example'
const BIANCHI_ADMIN = 'admin@bianchi.example'
const ENGINEER = 'engineer@contoso.example'
const WAIT = { timeout: 30_000 }

describe.each(dialects())('the desk’s row and bulk actions in Chromium (%s)', BROWSER_SUITE, (dialect) => {
  const app = useBrowserApp(dialect)
  const tokens: Record<string, string> = {}
  let engineerId: string
  let colleagueId: string
  let adaId: string

  beforeAll(async () => {
    for (const who of [ANNA, ADA, BIANCHI_ADMIN, ENGINEER]) tokens[who] = await app.t.tokenFor(who)
    const engineers = await app.t.request('GET', '/api/desk/engineers', { token: tokens[ENGINEER]! })
    engineerId = engineers.json().items.find((e: { email: string }) => e.email === ENGINEER).userId
    colleagueId = await addEngineer(app.t, 'lena@contoso.example', 'Lena Moretti')
    adaId = (await app.t.request('GET', '/api/session', { token: tokens[ADA]! })).json().user.id
  })

  const settled = (page: Page) => page.locator('[data-testid="request-list-section"][data-loading="false"]')
  const row = (page: Page, id: string) => page.locator(`[data-testid="request-row"][data-request-id="${id}"]`)
  const rowIds = (page: Page) =>
    page
      .locator('[data-testid="request-row"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-request-id')))
  const requestAs = async (who: string, id: string) =>
    (await app.t.request('GET', `/api/service-requests/${id}`, { token: tokens[who]! })).json()

  it('when the engineer works the queue in English, then he takes one from its row, assigns one to a colleague, bulk-closes two, and opens one by clicking its row', async () => {
    const file = async (title: string) => (await fileRequest(app.t, tokens[ANNA]!, { title })).id as string
    const toTake = await file('Outlook search returns nothing')
    const toAssign = await file('Teams meetings drop after an hour')
    const toCloseA = await file('Duplicate: mailbox quota warning')
    const toCloseB = await file('Duplicate: mailbox quota warning (again)')

    const page = await app.signedIn(ENGINEER, 'en-US', { viewport: { width: 1366, height: 900 } })
    await page.goto(`${app.baseUrl}/service-requests?status=open&sort=due`)
    await settled(page).waitFor(WAIT)
    await row(page, toTake).waitFor(WAIT)
    expect(await page.getByTestId('desk-view-open').getAttribute('aria-pressed')).toBe('true')

    // take: one click on the row, the request is his
    await row(page, toTake).getByTestId('row-take').click()
    await expect.poll(() => row(page, toTake).getAttribute('data-assignee'), WAIT).toBe(engineerId)
    expect(await page.getByTestId('row-feedback').textContent()).toBe(`You took request ${toTake}.`)
    expect(await row(page, toTake).getByTestId('row-take').count()).toBe(0)

    // assign to a colleague from the row's menu
    await row(page, toAssign).getByTestId('row-assign').click()
    await page.getByRole('menuitemradio', { name: 'Lena Moretti' }).click()
    await expect.poll(() => row(page, toAssign).getAttribute('data-assignee'), WAIT).toBe(colleagueId)
    expect(await page.getByTestId('row-feedback').textContent()).toBe(
      `Request ${toAssign} assigned to Lena Moretti.`,
    )
    expect((await requestAs(ENGINEER, toAssign)).assignedTo).toEqual({
      userId: colleagueId,
      name: 'Lena Moretti',
    })

    // bulk close two, after a confirmation with a reason; the answer says what changed
    await row(page, toCloseA).getByTestId('row-select').check()
    await row(page, toCloseB).getByTestId('row-select').check()
    expect(await page.getByTestId('bulk-count').textContent()).toBe('2 requests selected')
    await screenshotWhole(page, 'desk-actions-en.png')
    await page.getByTestId('bulk-close').click()
    await page.getByTestId('bulk-close-dialog').waitFor(WAIT)
    await page.getByTestId('bulk-close-reason').fill('Duplicates of request 1 about the quota warning.')
    await page.screenshot({ path: `${SCREENSHOTS}/desk-bulk-close-en.png` })
    await page.getByTestId('bulk-close-confirm').click()
    const outcome = page.getByTestId('bulk-outcome')
    await outcome.waitFor(WAIT)
    expect(await outcome.getAttribute('data-applied')).toBe('2')
    expect(await outcome.getAttribute('data-refused')).toBe('0')
    for (const id of [toCloseA, toCloseB]) expect((await requestAs(ENGINEER, id)).status).toBe('closed')
    // the open view no longer lists them, and the selection is gone
    await expect.poll(async () => (await rowIds(page)).includes(toCloseA), WAIT).toBe(false)
    expect(await page.getByTestId('bulk-bar').count()).toBe(0)
    // each request's history says who closed it and why
    await page.goto(`${app.baseUrl}/service-requests/${toCloseB}`)
    await page.getByTestId('request-timeline').waitFor(WAIT)
    await expect
      .poll(() => page.getByTestId('timeline-reason').first().textContent(), WAIT)
      .toContain('Duplicates of request 1 about the quota warning.')
    const history = (await page.getByTestId('request-timeline').textContent()) ?? ''
    expect(history).toMatch(/closed the request/)
    await page.goBack()
    await settled(page).waitFor(WAIT)
    await row(page, toAssign).waitFor(WAIT)

    // a click anywhere on a row (here its number) opens the request
    await row(page, toAssign).locator('td').nth(1).click()
    await page.waitForURL((url) => url.pathname === `/service-requests/${toAssign}`, WAIT)
    await page.context().close()
  })

  it('when ada works her list in Italian, then she filters by who handles each request, takes the one Bianchi sent Adatum and finds it under "Assegnate a me"', async () => {
    const sent = await fileToPartner(app.t, tokens[BIANCHI_ADMIN]!, {
      title: 'La posta esterna non arriva',
      description: 'Da stamattina le mail dall’esterno non arrivano in magazzino.',
      severity: 'moderate',
    })
    const toVendor = (
      await fileRequest(app.t, tokens[ADA]!, {
        customerTenantId: BIANCHI,
        title: 'Teams non avvia le riunioni',
        description: 'Le riunioni programmate non partono.',
      })
    ).id as string

    const page = await app.signedIn(ADA, 'it-IT', { viewport: { width: 1366, height: 900 } })
    await page.goto(`${app.baseUrl}/service-requests`)
    await settled(page).waitFor(WAIT)
    await row(page, sent.id).waitFor(WAIT)
    expect(await page.getByTestId('column-handled-by').textContent()).toBe('Gestita da')
    expect(await row(page, sent.id).getByTestId('request-row-handled-by').textContent()).toBe('Adatum')
    expect(await row(page, toVendor).getByTestId('request-row-handled-by').textContent()).toBe(
      'Contoso Cloud',
    )
    // only the rows Adatum works can be taken from the list
    expect(await row(page, toVendor).getByTestId('row-take').count()).toBe(0)

    await page.getByTestId('filter-handled-by').selectOption({ label: 'Adatum' })
    await page.waitForURL((url) => url.searchParams.get('handledBy') === 'partner', WAIT)
    await expect.poll(() => rowIds(page), WAIT).toEqual([sent.id])
    await page.getByTestId('filter-handled-by').selectOption({ label: 'Contoso Cloud' })
    await page.waitForURL((url) => url.searchParams.get('handledBy') === 'vendor', WAIT)
    await expect.poll(async () => (await rowIds(page)).includes(toVendor), WAIT).toBe(true)
    expect(await rowIds(page)).not.toContain(sent.id)
    await page.getByTestId('filters-clear').click()
    await row(page, sent.id).waitFor(WAIT)

    expect(await page.getByTestId('desk-view-mine').getAttribute('data-count')).toBe('0')
    expect(await page.getByTestId('desk-view-team').textContent()).toMatch(/^Team Adatum \(\d+\)$/)
    await row(page, sent.id).getByTestId('row-take').click()
    await expect.poll(() => row(page, sent.id).getAttribute('data-assignee'), WAIT).toBe(adaId)
    expect(await page.getByTestId('row-feedback').textContent()).toBe(
      `Hai preso in carico la richiesta ${sent.id}.`,
    )
    await expect.poll(() => page.getByTestId('desk-view-mine').getAttribute('data-count'), WAIT).toBe('1')
    await page.getByTestId('desk-view-mine').click()
    await page.waitForURL((url) => url.searchParams.get('assignee') === 'me', WAIT)
    await expect.poll(() => rowIds(page), WAIT).toEqual([sent.id])
    expect(await page.getByTestId('desk-view-mine').textContent()).toBe('Assegnate a me (1)')
    await screenshotWhole(page, 'desk-partner-mine-it.png')
    await page.context().close()
  })

  it('when the engineer opens the queue on a 390 px phone, then the requests are cards with status and clock first, and the views row shows it scrolls', async () => {
    const id = (await fileRequest(app.t, tokens[ANNA]!, { title: 'Le stampanti non ricevono gli allegati' }))
      .id as string
    const page = await app.signedIn(ENGINEER, 'it-IT', { viewport: { width: 390, height: 844 } })
    await page.goto(`${app.baseUrl}/service-requests?status=open&sort=due`)
    await settled(page).waitFor(WAIT)
    const card = page.locator(`[data-testid="request-card"][data-request-id="${id}"]`)
    await card.waitFor(WAIT)
    expect(await page.getByTestId('request-list').count()).toBe(0)
    // the filters fold under one button, so the requests come first
    expect(await page.getByTestId('filter-customer').isVisible()).toBe(false)
    await page.getByTestId('filters-toggle').click()
    expect(await page.getByTestId('filter-customer').isVisible()).toBe(true)
    await page.getByTestId('filters-toggle').click()
    expect(await page.getByTestId('filters-toggle').getAttribute('aria-expanded')).toBe('false')
    // the card's first line: the status badge, then the clock
    const firstLine = await card.evaluate((el) => {
      const head = el.firstElementChild as HTMLElement
      return [...head.querySelectorAll('[data-testid]')].map((e) => e.getAttribute('data-testid'))
    })
    expect(firstLine.slice(0, 2)).toEqual(['status-badge', 'request-sla'])
    // no card is wider than the phone: nothing scrolls sideways but the views row
    const widest = await page
      .locator('[data-testid="request-card"]')
      .evaluateAll((cards) => Math.max(...cards.map((c) => c.getBoundingClientRect().right)))
    expect(widest).toBeLessThanOrEqual(390)
    const views = page.getByTestId('desk-views')
    expect(await views.getAttribute('data-overflow-after')).toBe('true')
    await views.getByTestId('scroll-on').click()
    await expect.poll(() => views.getAttribute('data-overflow-before'), WAIT).toBe('true')
    await page.evaluate("document.querySelector('main')?.scrollTo(0, 0)")
    await page.screenshot({ path: `${SCREENSHOTS}/desk-phone-cards-it.png` })

    // the card's title is a link; a tap elsewhere on the card opens it too
    await card.locator('[data-testid="request-sla"]').click()
    await page.waitForURL((url) => url.pathname === `/service-requests/${id}`, WAIT)
    await page.context().close()
  })

  it('when anna opens the Microsoft 365 admin center for Rossi on a 390 px phone, then its tabs scroll sideways with a chevron at the hidden side', async () => {
    const page = await app.signedIn(ANNA, 'it-IT', { viewport: { width: 390, height: 844 } })
    await page.goto(`${app.baseUrl}/admin-center/support/new?tenant=${tenantIdOf('rossi.example')}`)
    const tabs = page.getByTestId('portal-tabs')
    await tabs.waitFor(WAIT)
    const overflows = await tabs.evaluate((el) => {
      const track = el.firstElementChild as HTMLElement
      return track.scrollWidth > track.clientWidth
    })
    expect(overflows).toBe(true)
    expect(await tabs.getAttribute('data-overflow-after')).toBe('true')
    expect(await tabs.getAttribute('data-overflow-before')).toBe('false')
    await tabs.getByTestId('scroll-on').click()
    await expect.poll(() => tabs.getAttribute('data-overflow-before'), WAIT).toBe('true')
    await page.screenshot({ path: `${SCREENSHOTS}/portal-tabs-phone-it.png` })
    await page.context().close()
  })
})
