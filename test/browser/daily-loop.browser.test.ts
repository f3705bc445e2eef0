import { describe, expect, it } from 'vitest'
import { BROWSER_SUITE, SCREENSHOTS as SHOTS, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest } from '../support/requests.ts'

const WAIT = { timeout: 20_000 }

describe.each(dialects())('the daily loop in Chromium (%s)', BROWSER_SUITE, (dialect) => {
  const app = useBrowserApp(dialect)

  // each landing in both languages: the words the page must say in each
  const partnerHome = [
    {
      lang: 'Italian',
      locale: 'it-IT',
      suffix: 'it',
      waiting: 'In attesa della tua risposta',
      gdap: 'Relazioni GDAP in scadenza o perse',
      asked: 'ti chiede informazioni',
      question: 'Quale versione di Teams?',
    },
    {
      lang: 'English',
      locale: 'en-US',
      suffix: 'en',
      waiting: 'Waiting on your reply',
      gdap: 'GDAP relationships ending or lost',
      asked: 'asks you for information',
      question: 'Which Teams version?',
    },
  ]

  it.each(partnerHome)(
    'when anna signs in ($lang), then she lands on her home, and the engineer’s request for information rings her bell while the page is open',
    async (words) => {
      const page = await app.signedIn('anna@fabrikam.example', words.locale)
      await page.waitForURL((url) => url.pathname === '/home', WAIT)
      await expect.poll(() => page.getByTestId('home').getAttribute('data-persona'), WAIT).toBe('partner')
      const body = (await page.locator('main').textContent()) ?? ''
      expect(body).toContain(words.waiting)
      expect(body).toContain(words.gdap)
      expect(await page.getByTestId('home-gdap').textContent()).toContain('Tailspin Toys')
      const annaToken = await app.t.tokenFor('anna@fabrikam.example')
      const unread = async () =>
        Number(await page.getByTestId('notifications-bell').getAttribute('data-unread'))
      const before = (await (await app.t.request('GET', '/api/notifications', { token: annaToken })).json())
        .unread as number
      await expect.poll(unread, WAIT).toBe(before)

      // the engineer asks about two of her requests while anna's page is open
      const engineer = await app.t.tokenFor('engineer@contoso.example')
      const other = await fileRequest(app.t, annaToken)
      const { id } = await fileRequest(app.t, annaToken)
      for (const request of [other.id, id]) {
        const asked = await app.t.request('POST', `/api/service-requests/${request}/notes`, {
          token: engineer,
          body: { text: words.question, requestInformation: true },
        })
        expect(asked.status).toBe(200)
      }
      await expect.poll(unread, WAIT).toBe(before + 2)
      // the home reloads too: the request is now waiting on her reply
      await expect.poll(() => page.getByTestId('home-waiting').textContent(), WAIT).toContain(id)
      await page.screenshot({ path: `${SHOTS}/home-partner-${words.suffix}.png`, fullPage: true })

      await page.getByTestId('notifications-bell').click()
      const item = page.getByTestId('notification-item').first()
      expect(await item.textContent()).toContain(words.asked)
      expect(await item.textContent()).toContain(id)
      await page.screenshot({ path: `${SHOTS}/notifications-${words.suffix}.png` })
      expect(await item.getAttribute('data-read')).toBe('false')
      await item.click()
      await page.waitForURL((url) => url.pathname === `/service-requests/${id}`, WAIT)
      // opening it marked it read; "mark all read" clears the rest
      await expect.poll(unread, WAIT).toBe(before + 1)
      await page.getByTestId('notifications-bell').click()
      await page.getByTestId('notifications-mark-all').click()
      await expect.poll(unread, WAIT).toBe(0)
      await expect
        .poll(() => page.locator('[data-testid="notification-item"][data-read="false"]').count(), WAIT)
        .toBe(0)
      await page.context().close()
    },
  )

  it.each([
    { lang: 'English', locale: 'en-US', suffix: 'en' },
    { lang: 'Italian', locale: 'it-IT', suffix: 'it' },
  ])(
    'when the engineer signs in ($lang), then they land on the queue of open requests, most urgent clock first, with no Home or Customers in the navigation',
    async (words) => {
      const page = await app.signedIn('engineer@contoso.example', words.locale)
      await page.waitForURL(
        (url) => url.pathname === '/service-requests' && url.searchParams.get('sort') === 'due',
        WAIT,
      )
      expect(new URL(page.url()).searchParams.get('status')).toBe('open')
      expect(await page.getByTestId('nav-home').count()).toBe(0)
      expect(await page.getByTestId('nav-customers').count()).toBe(0)
      // the saved views, with counts: the landing is "Open"; "Unassigned" shows the unassigned ones
      await expect
        .poll(() => page.getByTestId('desk-view-open').getAttribute('aria-pressed'), WAIT)
        .toBe('true')
      await page.getByTestId('desk-view-unassigned').click()
      await page.waitForURL((url) => url.searchParams.get('assignee') === 'none', WAIT)
      await expect
        .poll(() => page.getByTestId('desk-view-unassigned').getAttribute('aria-pressed'), WAIT)
        .toBe('true')
      await page.screenshot({ path: `${SHOTS}/desk-views-${words.suffix}.png` })
      await page.context().close()
    },
  )

  it.each([
    {
      lang: 'English',
      locale: 'en-US',
      suffix: 'en',
      open: 'Your open requests',
      incidents: 'Incidents affecting your organization',
    },
    {
      lang: 'Italian',
      locale: 'it-IT',
      suffix: 'it',
      open: 'Le tue richieste aperte',
      incidents: 'Eventi imprevisti che riguardano la tua organizzazione',
    },
  ])(
    'when Rossi’s administrator signs in ($lang), then they land on their own requests and service health',
    async (words) => {
      const page = await app.signedIn('admin@rossi.example', words.locale)
      await page.waitForURL((url) => url.pathname === '/home', WAIT)
      await expect.poll(() => page.getByTestId('home').getAttribute('data-persona'), WAIT).toBe('customer')
      const body = (await page.locator('main').textContent()) ?? ''
      expect(body).toContain(words.open)
      expect(body).toContain(words.incidents)
      expect(await page.getByTestId('nav-gdap').count()).toBe(0)
      expect(await page.getByTestId('nav-partner-relationships').count()).toBe(1)
      await page.screenshot({ path: `${SHOTS}/home-customer-${words.suffix}.png`, fullPage: true })
      await page.context().close()
    },
  )

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
