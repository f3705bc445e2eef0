import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { BROWSER_SUITE, submitSignIn, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'

const WAIT = { timeout: 30_000 }
const NEW_PASSWORD = 'a much longer new password'

/**
 * The two password-reset pages in Chromium: "forgot password" asks for the email and says a link
 * is on its way; the emailed link's page sets the new password, refusing two different ones (in
 * the page) and a weak one (the server's message), and the new password then signs in.
 */
describe.each(dialects())('password reset pages in Chromium (%s)', BROWSER_SUITE, (dialect) => {
  const app = useBrowserApp(dialect)

  async function openPage(locale: string): Promise<Page> {
    const context = await app.browser.newContext({ locale, viewport: { width: 1280, height: 900 } })
    return context.newPage()
  }

  async function emailedToken(email: string): Promise<string> {
    const mail = await app.t.db.db
      .selectFrom('email_outbox')
      .select('body_text')
      .where('dedupe_key', 'like', 'password-reset:%')
      .where('to_address', '=', email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    const token = /reset-password#token=([\w-]+)/.exec(mail.body_text)?.[1]
    expect(token).toBeTruthy()
    return token!
  }

  async function setPasswords(page: Page, password: string, repeat: string) {
    await page.locator('input[name="new-password"]').fill(password)
    await page.locator('input[name="repeat-password"]').fill(repeat)
    await page.getByTestId('reset-submit').click()
  }

  it('when the Wide World administrator asks for a link in English and sets a new password through it, then each page answers and the new password signs in', async () => {
    const email = 'admin@wideworld.example'
    const page = await openPage('en-US')
    await page.goto(`${app.baseUrl}/forgot-password?email=${encodeURIComponent(email)}`)
    await expect.poll(() => page.locator('input[name="email"]').inputValue(), WAIT).toBe(email)
    await page.locator('button[type="submit"]').click()
    await page.getByTestId('reset-sent').waitFor(WAIT)
    expect(await page.getByTestId('reset-sent').textContent()).toContain(`If ${email} has an account here`)
    expect(await page.locator('button[type="submit"]').count()).toBe(0)

    await page.goto(`${app.baseUrl}/reset-password#token=${await emailedToken(email)}`)
    await setPasswords(page, NEW_PASSWORD, 'another long password')
    await page.getByTestId('reset-error').waitFor(WAIT)
    expect(await page.getByTestId('reset-error').textContent()).toBe('The two passwords are not the same.')

    await setPasswords(page, 'short', 'short')
    await expect
      .poll(() => page.getByTestId('reset-error').textContent(), WAIT)
      .toContain('at least 12 characters')

    await setPasswords(page, NEW_PASSWORD, NEW_PASSWORD)
    await page.getByTestId('reset-done').waitFor(WAIT)
    expect(await page.getByTestId('reset-error').count()).toBe(0)
    expect(await page.getByTestId('reset-submit').count()).toBe(0)
    expect(await page.locator('input[name="new-password"]').count()).toBe(0)
    await page.context().close()

    const signIn = await openPage('en-US')
    await signIn.goto(`${app.baseUrl}/signin`)
    await submitSignIn(signIn, email, NEW_PASSWORD)
    await signIn.waitForURL((url) => !url.pathname.startsWith('/signin'), WAIT)
    await signIn.context().close()
  })

  it('when someone asks for a link in Italian for an address without an account, then the page says the same as for an account', async () => {
    const page = await openPage('it-IT')
    await page.goto(`${app.baseUrl}/forgot-password`)
    await page.locator('input[name="email"]').fill('nessuno@example.com')
    await page.locator('button[type="submit"]').click()
    await page.getByTestId('reset-sent').waitFor(WAIT)
    expect(await page.getByTestId('reset-sent').textContent()).toBe(
      'Se nessuno@example.com ha un account qui, il link è in arrivo. Vale una volta, per un tempo limitato.',
    )
    await page.context().close()
  })
})
