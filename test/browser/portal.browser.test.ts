import { mkdirSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { launchChromium } from '../support/browser.ts'
import { TEST_PASSWORD } from '../support/constants.ts'
import { dialects } from '../support/dialects.ts'

const SHOTS = 'test-results/screenshots'

describe.each(dialects())('the web portal in Chromium (%s)', (dialect) => {
  let t: TestApp
  let baseUrl: string
  let browser: Browser

  beforeAll(async () => {
    t = await startTestApp(dialect)
    baseUrl = await t.listen()
    browser = await launchChromium()
    mkdirSync(SHOTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await t?.close()
  })

  async function signInAs(locale: string, email: string) {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/customers`)
    await page.waitForURL(/\/signin/)
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(TEST_PASSWORD)
    await page.locator('button[type="submit"]').click()
    return { context, page }
  }

  it('when anna signs in with an Italian browser, then the portal is in Italian and lists Rossi and Tailspin only', async () => {
    const { context, page } = await signInAs('it-IT', 'anna@fabrikam.example')
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
    expect(body).toContain('Service Support Administrator')
    expect(body).toContain('Tier1 Support')
    expect(body).toContain('Azure plan')
    await page.screenshot({ path: `${SHOTS}/customer-it.png`, fullPage: true })
    await context.close()
  })

  it('when the language is switched to English, then the choice is applied and remembered after a reload', async () => {
    const { context, page } = await signInAs('it-IT', 'anna@fabrikam.example')
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
    await context.close()
  })

  it('when the password is wrong, then the sign-in page shows the server’s message in the page language', async () => {
    const context = await browser.newContext({ locale: 'it-IT' })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/signin`)
    await page.locator('input[name="email"]').fill('anna@fabrikam.example')
    await page.locator('input[name="password"]').fill('not-the-password')
    await page.locator('button[type="submit"]').click()
    await expect
      .poll(() => page.locator('body').textContent(), { timeout: 15_000 })
      .toContain('non sono corretti')
    expect(page.url()).toMatch(/\/signin/)
    await context.close()
  })
})
