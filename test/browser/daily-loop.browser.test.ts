import { describe, expect, it } from 'vitest'
import { SCREENSHOTS as SHOTS, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest } from '../support/requests.ts'

const WAIT = { timeout: 20_000 }

describe.each(dialects())('the daily loop in Chromium (%s)', (dialect) => {
  const app = useBrowserApp(dialect)

  it('when anna signs in (Italian), then she lands on her home, and the engineer’s request for information rings her bell while the page is open', async () => {
    const page = await app.signedIn('anna@fabrikam.example', 'it-IT')
    await page.waitForURL((url) => url.pathname === '/home', WAIT)
    await expect.poll(() => page.getByTestId('home').getAttribute('data-persona'), WAIT).toBe('partner')
    const body = (await page.locator('main').textContent()) ?? ''
    expect(body).toContain('In attesa della tua risposta')
    expect(body).toContain('Relazioni GDAP in scadenza o perse')
    expect(await page.getByTestId('home-gdap').textContent()).toContain('Tailspin Toys')
    const before = Number(await page.getByTestId('notifications-bell').getAttribute('data-unread'))

    // the engineer asks while anna's page is open
    const { id } = await fileRequest(app.t, await app.t.tokenFor('anna@fabrikam.example'))
    const asked = await app.t.request('POST', `/api/service-requests/${id}/notes`, {
      token: await app.t.tokenFor('engineer@contoso.example'),
      body: { text: 'Quale versione di Teams?', requestInformation: true },
    })
    expect(asked.status).toBe(200)
    await expect
      .poll(
        async () => Number(await page.getByTestId('notifications-bell').getAttribute('data-unread')),
        WAIT,
      )
      .toBe(before + 1)
    // the home reloads too: the request is now waiting on her reply
    await expect.poll(() => page.getByTestId('home-waiting').textContent(), WAIT).toContain(id)
    await page.screenshot({ path: `${SHOTS}/home-partner-it.png`, fullPage: true })

    await page.getByTestId('notifications-bell').click()
    const item = page.getByTestId('notification-item').first()
    expect(await item.textContent()).toContain('ti chiede informazioni')
    await page.screenshot({ path: `${SHOTS}/notifications-it.png` })
    await item.click()
    await page.waitForURL((url) => url.pathname === `/service-requests/${id}`, WAIT)
    await page.context().close()
  })

  it('when the engineer signs in (English), then they land on the queue of open requests, most urgent clock first, with no Home or Customers in the navigation', async () => {
    const page = await app.signedIn('engineer@contoso.example', 'en-US')
    await page.waitForURL(
      (url) => url.pathname === '/service-requests' && url.searchParams.get('sort') === 'due',
      WAIT,
    )
    expect(new URL(page.url()).searchParams.get('status')).toBe('open')
    expect(await page.getByTestId('nav-home').count()).toBe(0)
    expect(await page.getByTestId('nav-customers').count()).toBe(0)
    await page.context().close()
  })

  it('when Rossi’s administrator signs in (English), then they land on their own requests and service health', async () => {
    const page = await app.signedIn('admin@rossi.example', 'en-US')
    await page.waitForURL((url) => url.pathname === '/home', WAIT)
    await expect.poll(() => page.getByTestId('home').getAttribute('data-persona'), WAIT).toBe('customer')
    const body = (await page.locator('main').textContent()) ?? ''
    expect(body).toContain('Your open requests')
    expect(body).toContain('Incidents affecting your organization')
    expect(await page.getByTestId('nav-gdap').count()).toBe(0)
    expect(await page.getByTestId('nav-partner-relationships').count()).toBe(1)
    await page.screenshot({ path: `${SHOTS}/home-customer-en.png`, fullPage: true })
    await page.context().close()
  })

  it('when hugo opens the requests (English and Italian), then New request is disabled and says why (R1)', async () => {
    for (const [locale, words] of [
      ['en-US', 'Only admin agents may file'],
      ['it-IT', 'Solo gli agenti amministratori'],
    ] as const) {
      const page = await app.signedIn('hugo@fabrikam.example', locale)
      await page.goto(`${app.baseUrl}/service-requests`)
      const button = page.getByTestId('new-request')
      await expect.poll(() => button.getAttribute('aria-disabled'), WAIT).toBe('true')
      expect(await page.getByTestId('disabled-reason').textContent()).toContain(words)
      await button.click({ force: true })
      expect(new URL(page.url()).pathname).toBe('/service-requests')
      if (locale === 'en-US') await page.screenshot({ path: `${SHOTS}/hugo-cannot-file-en.png` })
      await page.context().close()
    }
  })

  it('when anna chooses email only for answers (English), then the choice is saved and shown after a reload', async () => {
    const page = await app.signedIn('anna@fabrikam.example', 'en-US')
    await page.goto(`${app.baseUrl}/settings/notifications`)
    const row = page.getByTestId('preference-answer')
    await expect.poll(() => row.getAttribute('data-channel'), WAIT).toBe('both')
    await row.getByRole('radio', { name: 'By email' }).check()
    await expect.poll(() => page.getByTestId('preferences-status').textContent(), WAIT).toBe('Saved.')
    await page.reload()
    await expect
      .poll(() => page.getByTestId('preference-answer').getAttribute('data-channel'), WAIT)
      .toBe('email')
    await page.screenshot({ path: `${SHOTS}/notification-preferences-en.png`, fullPage: true })
    await page.context().close()
  })
})
