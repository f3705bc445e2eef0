import { describe, expect, it } from 'vitest'
import { BROWSER_SUITE, SCREENSHOTS as SHOTS, submitSignIn, useBrowserApp } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'

describe.each(dialects())('the web portal in Chromium (%s)', BROWSER_SUITE, (dialect) => {
  const app = useBrowserApp(dialect)

  /** Signed out, the customers page sends the browser to the sign-in page: the sign-in starts there. */
  const signInAs = (locale: string, email: string) =>
    app.signedIn(email, locale, { from: '/customers', viewport: { width: 1280, height: 800 } })

  it('when anna signs in with an Italian browser, then the portal is in Italian and lists Rossi and Tailspin only', async () => {
    const page = await signInAs('it-IT', 'anna@fabrikam.example')
    const list = page.getByTestId('customer-list')
    await expect.poll(() => list.textContent(), { timeout: 15_000 }).toContain('Rossi Costruzioni S.p.A.')
    const text = (await list.textContent()) ?? ''
    expect(text).toContain('Tailspin Toys')
    expect(text).not.toContain('Bianchi')
    expect(text).not.toContain('Wide World')
    expect(await page.locator('html').getAttribute('lang')).toBe('it')
    expect(await page.locator('body').textContent()).toContain('Clienti')
    await page.screenshot({ path: `${SHOTS}/customers-it.png`, fullPage: true })

    await page.getByText('Rossi Costruzioni S.p.A.').first().click()
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/)
    await expect
      .poll(() => page.locator('body').textContent(), { timeout: 15_000 })
      .toContain('Fabrikam-Rossi support')
    const body = (await page.locator('body').textContent()) ?? ''
    // the Italian page names the Entra role as the Italian admin center does, never in English
    expect(body).toContain('Amministratore del supporto servizi')
    expect(body).not.toContain('Service Support Administrator')
    expect(body).toContain('Tier1 Support')
    expect(body).toContain('Azure plan')
    await page.screenshot({ path: `${SHOTS}/customer-it.png`, fullPage: true })
    await page.context().close()
  })

  it('when the language is switched to English, then the choice is applied and remembered after a reload', async () => {
    const page = await signInAs('it-IT', 'anna@fabrikam.example')
    await expect
      .poll(() => page.getByTestId('customer-list').textContent(), { timeout: 15_000 })
      .toContain('Rossi')
    await page
      .getByRole('button', { name: /English|Italiano|Lingua|Language/ })
      .first()
      .click()
    const english = page
      .getByRole('menuitemradio', { name: 'English' })
      .or(page.getByRole('menuitem', { name: 'English' }))
    await english.first().click()
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en')
    await page.reload()
    await expect
      .poll(() => page.getByTestId('customer-list').textContent(), { timeout: 15_000 })
      .toContain('Rossi')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.locator('body').textContent()).toContain('Customers')
    await page.screenshot({ path: `${SHOTS}/customers-en.png`, fullPage: true })
    await page.context().close()
  })

  it('when the password is wrong, then the sign-in page shows the server’s message in the page language', async () => {
    const context = await app.browser.newContext({ locale: 'it-IT' })
    const page = await context.newPage()
    await page.goto(`${app.baseUrl}/signin`)
    await submitSignIn(page, 'anna@fabrikam.example', 'not-the-password')
    await expect
      .poll(() => page.locator('body').textContent(), { timeout: 15_000 })
      .toContain('non sono corretti')
    expect(page.url()).toMatch(/\/signin/)
    await context.close()
  })
})
