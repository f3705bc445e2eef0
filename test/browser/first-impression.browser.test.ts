import { describe, expect, it } from 'vitest'
import { DEMO_INCIDENTS, DEMO_REQUESTS } from '../../src/demo/activity.ts'
import { BROWSER_SUITE, SCREENSHOTS as SHOTS, screenshotWhole, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'

const WAIT = { timeout: 20_000 }

describe.each(dialects())(
  'the first impression of the demo world in Chromium (%s)',
  BROWSER_SUITE,
  (dialect) => {
    const app = useBrowserApp(dialect)

    it('when anna signs in (Italian), then her home shows the request waiting on her, the one at risk and the Exchange incident, and her bell has unread notices', async () => {
      const page = await app.signedIn('anna@fabrikam.example', 'it-IT')
      await page.waitForURL((url) => url.pathname === '/home', WAIT)
      await expect
        .poll(() => page.getByTestId('home-waiting').textContent(), WAIT)
        .toContain(DEMO_REQUESTS.waitingOnPartner)
      await expect
        .poll(() => page.getByTestId('home-at-risk').textContent(), WAIT)
        .toContain(DEMO_REQUESTS.atRisk)
      await expect
        .poll(() => page.getByTestId('home-incidents').textContent(), WAIT)
        .toContain('Rossi Costruzioni S.p.A.')
      expect(
        Number(await page.getByTestId('notifications-bell').getAttribute('data-unread')),
      ).toBeGreaterThanOrEqual(2)
      await screenshotWhole(page, 'first-home-anna-it.png')
      await page.context().close()
    })

    it('when the engineer signs in (English), then the queue of open requests has the one at risk first', async () => {
      const page = await app.signedIn('engineer@contoso.example', 'en-US')
      await page.waitForURL(
        (url) => url.pathname === '/service-requests' && url.searchParams.get('sort') === 'due',
        WAIT,
      )
      await expect
        .poll(() => page.getByTestId('request-row-title').first().textContent(), WAIT)
        .toBe(DEMO_REQUESTS.atRisk)
      const titles = await page.getByTestId('request-row-title').allTextContents()
      expect(titles).not.toContain(DEMO_REQUESTS.closed)
      expect(Number(await page.getByTestId('notifications-bell').getAttribute('data-unread'))).toBe(1)
      await page.screenshot({ path: `${SHOTS}/first-queue-engineer-en.png` })
      await page.context().close()
    })

    it('when Rossi’s administrator signs in (Italian), then the home shows the Exchange incident affecting the organization', async () => {
      const page = await app.signedIn('admin@rossi.example', 'it-IT')
      await page.waitForURL((url) => url.pathname === '/home', WAIT)
      await expect.poll(() => page.locator('main').textContent(), WAIT).toContain(DEMO_INCIDENTS.active)
      await page.context().close()
    })
  },
)
