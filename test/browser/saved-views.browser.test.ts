import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { BROWSER_SUITE, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest } from '../support/requests.ts'

const ANNA = 'anna@fabrikam.example'
const ENGINEER = 'engineer@contoso.example'
const WAIT = { timeout: 30_000 }

describe.each(dialects())('a view of one’s own in Chromium (%s)', BROWSER_SUITE, (dialect) => {
  const app = useBrowserApp(dialect)
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    for (const who of [ANNA, ENGINEER]) tokens[who] = await app.t.tokenFor(who)
  })

  const settled = (page: Page) => page.locator('[data-testid="request-list-section"][data-loading="false"]')
  const ownTab = (page: Page, name: string) =>
    page.locator('[data-testid^="desk-view-"][data-own="true"]').filter({ hasText: name })
  const ownViews = async () =>
    (await app.t.request('GET', '/api/service-requests/views', { token: tokens[ENGINEER]! }))
      .json()
      .items.filter((v: { own?: boolean }) => v.own)

  it('when the engineer saves a filtered list as a view, then its tab shows with its count, opens the same list, and is deleted after a confirmation', async () => {
    const a = await fileRequest(app.t, tokens[ANNA]!, { title: 'Zanzibar mailbox will not sync' })
    const b = await fileRequest(app.t, tokens[ANNA]!, { title: 'Zanzibar calendar shows nothing' })

    const page = await app.signedIn(ENGINEER, 'en-US', { viewport: { width: 1366, height: 900 } })
    await page.goto(`${app.baseUrl}/service-requests?status=open&q=zanzibar&offset=0`)
    await settled(page).waitFor(WAIT)
    await page.getByTestId('view-save').click()
    await page.getByTestId('view-save-dialog').waitFor(WAIT)
    await page.getByTestId('view-save-name').fill('Zanzibar')
    await page.getByTestId('view-save-confirm').click()

    const tab = ownTab(page, 'Zanzibar')
    await tab.waitFor(WAIT)
    expect(await tab.textContent()).toBe('Zanzibar (2)')
    expect(await tab.getAttribute('aria-pressed')).toBe('true')
    const [saved] = await ownViews()
    expect(saved).toMatchObject({ name: 'Zanzibar', query: { status: 'open', q: 'zanzibar' }, total: 2 })

    // another view, then back to one's own: the same list
    await page.getByTestId('desk-view-open').click()
    await expect.poll(() => tab.getAttribute('aria-pressed'), WAIT).toBe('false')
    await tab.click()
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), WAIT).toBe('zanzibar')
    await settled(page).waitFor(WAIT)
    const rows = page.locator('[data-testid="request-row"]')
    await expect.poll(() => rows.count(), WAIT).toBe(2)
    const ids = await rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-request-id')))
    expect(ids.sort()).toEqual([a.id, b.id].sort())

    // delete it: asked first, then gone
    await page.getByTestId(`desk-view-delete-${saved.id}`).click()
    await page.getByTestId('view-delete-confirm-dialog').waitFor(WAIT)
    await page.getByTestId('view-delete-confirm').click()
    await expect.poll(() => tab.count(), WAIT).toBe(0)
    expect(await ownViews()).toEqual([])
  })
})
