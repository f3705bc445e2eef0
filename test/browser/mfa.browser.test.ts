import { createServer } from 'node:net'
import { generate } from 'otplib'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import {
  BROWSER_SUITE,
  launchChromium,
  SCREENSHOTS,
  screenshotWhole,
  submitSignIn,
} from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const WAIT = { timeout: 60_000 }

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

/**
 * Second factors in Chromium, in English and Italian: an authenticator app (the test computes its
 * codes with otplib, as the app would), recovery codes, passkeys (WebAuthn, through Chromium's
 * virtual authenticator), and the tenant policy "require MFA" refusing a delegated action until
 * the person signs in with a second factor.
 */
describe.each(dialects().slice(0, 1))('second factors in Chromium (%s)', BROWSER_SUITE, (dialect) => {
  let t: TestApp
  let base: string
  let browser: Browser
  let recoveryCodes: string[] = []

  beforeAll(async () => {
    // passkeys are bound to PUBLIC_URL's host name (an IP address cannot be a relying party)
    const port = await freePort()
    base = `http://localhost:${port}`
    t = await startTestApp(dialect, { PUBLIC_URL: base })
    await t.listen(port)
    browser = await launchChromium()
    // Fabrikam requires MFA (the demo world starts with it off)
    const anna = await t.signIn('anna@fabrikam.example')
    const on = await t.request('PATCH', '/api/security/settings', {
      session: anna,
      body: { requireMfa: true },
    })
    expect(on.status, on.body).toBe(200)
  })
  afterAll(async () => {
    await browser?.close()
    await t?.close()
  })

  async function openPage(locale: string): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } })
    return context.newPage()
  }

  const sessionOf = (page: Page) =>
    page.evaluate<{ user: { email: string } | null; authMethods?: string[] }>(
      "fetch('/api/session').then((r) => r.json())",
    )

  const leftSignIn = (page: Page) => page.waitForURL((url) => !url.pathname.startsWith('/signin'), WAIT)

  /** The advice for an Azure request for Rossi, from Rossi's customer page. */
  async function askToFileForRossi(page: Page) {
    await page.goto(`${base}/customers/${ROSSI}`)
    await page.getByTestId('customer-new-request').click(WAIT)
    await page.locator('[data-testid="workload-option"][data-workload="azure"]').check(WAIT)
  }

  async function signOut(page: Page) {
    await page.getByTestId('sign-out').click(WAIT)
    await page.waitForURL(/\/signin/, WAIT)
  }

  it('when Fabrikam requires MFA and anna signed in with her password only, then acting for Rossi is refused with what to do; she adds an authenticator app, signs in with its code, and may act for Rossi', async () => {
    const page = await openPage('en-GB')
    await page.goto(`${base}/signin`)
    await submitSignIn(page, 'anna@fabrikam.example')
    await leftSignIn(page)
    expect((await sessionOf(page)).authMethods).toEqual(['pwd'])

    await askToFileForRossi(page)
    const refusal = page.locator('[data-testid="error-message"][data-error-code="mfa_required"]')
    await refusal.waitFor(WAIT)
    expect(await refusal.textContent()).toContain(
      'Add an authenticator app or a passkey under Security, then sign out and sign in again with it',
    )
    await page.screenshot({ path: `${SCREENSHOTS}/mfa-required-en.png` })

    // Security: an authenticator app; the first factor comes with 10 recovery codes, shown once
    await page.goto(`${base}/security`)
    await page.getByTestId('add-totp').click(WAIT)
    const secret = ((await page.getByTestId('totp-secret').textContent(WAIT)) ?? '').trim()
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
    await page.locator('input[name="totp-code"]').fill(await generate({ secret }))
    await page.getByTestId('totp-confirm').click()
    const shown = page.getByTestId('recovery-codes')
    await shown.waitFor(WAIT)
    recoveryCodes = await shown.getByTestId('recovery-code').allTextContents()
    expect(recoveryCodes).toHaveLength(10)
    await expect.poll(() => page.getByTestId('factor-row').count(), WAIT).toBe(1)
    await screenshotWhole(page, 'security-totp-enrolled-en.png')

    // the next sign-in asks for the code; the one just used is spent, the app's next one works
    await signOut(page)
    await submitSignIn(page, 'anna@fabrikam.example')
    const code = page.locator('input[name="code"]')
    await code.waitFor(WAIT)
    await page.screenshot({ path: `${SCREENSHOTS}/signin-second-factor-en.png` })
    await code.fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }))
    await page.getByTestId('signin-submit').click()
    await leftSignIn(page)
    expect((await sessionOf(page)).authMethods).toEqual(expect.arrayContaining(['pwd', 'otp', 'mfa']))

    await askToFileForRossi(page)
    const advice = page.locator('[data-testid="advice"][data-loading="false"]')
    await advice.waitFor(WAIT)
    expect(await advice.getAttribute('data-allowed')).toBe('true')
    await page.context().close()
  })

  it('when anna has no phone at hand, then in Italian she signs in with a recovery code, which works only once', async () => {
    expect(recoveryCodes).toHaveLength(10)
    const page = await openPage('it-IT')
    await page.goto(`${base}/signin`)
    await submitSignIn(page, 'anna@fabrikam.example')
    await page.getByTestId('toggle-recovery').click(WAIT)
    await page.locator('input[name="recoveryCode"]').fill(recoveryCodes[0]!)
    await page.screenshot({ path: `${SCREENSHOTS}/signin-recovery-code-it.png` })
    await page.getByTestId('signin-submit').click()
    await leftSignIn(page)
    expect((await sessionOf(page)).authMethods).toContain('mfa')
    // a recovery code counts as MFA for acting in Rossi's tenant
    await askToFileForRossi(page)
    const advice = page.locator('[data-testid="advice"][data-loading="false"]')
    await advice.waitFor(WAIT)
    expect(await advice.getAttribute('data-allowed')).toBe('true')

    await signOut(page)
    await submitSignIn(page, 'anna@fabrikam.example')
    await page.getByTestId('toggle-recovery').click(WAIT)
    await page.locator('input[name="recoveryCode"]').fill(recoveryCodes[0]!)
    await page.getByTestId('signin-submit').click()
    const error = page.getByTestId('signin-error')
    await error.waitFor(WAIT)
    expect(await error.textContent()).toContain('Il codice non è corretto, oppure è già stato usato')
    expect((await sessionOf(page)).user).toBeNull()
    await page.context().close()
  })

  it('when nora adds a passkey (a platform authenticator with user verification), then in Italian her next sign-in asks for it and it signs her in (amr hwk, mfa)', async () => {
    const page = await openPage('it-IT')
    // Chromium's virtual authenticator, through the DevTools protocol, stands in for the device
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('WebAuthn.enable')
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    })
    await page.goto(`${base}/signin`)
    await submitSignIn(page, 'nora@northwind.example')
    await leftSignIn(page)

    await page.goto(`${base}/security`)
    await page.locator('input[name="factor-label"]').fill('Portatile di Nora')
    await page.getByTestId('add-passkey').click(WAIT)
    await page.getByTestId('recovery-codes').waitFor(WAIT)
    const row = page.getByTestId('factor-row')
    await expect.poll(() => row.count(), WAIT).toBe(1)
    expect(await row.textContent()).toContain('Portatile di Nora')
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
    expect(credentials).toHaveLength(1)
    const stored = await t.db.db
      .selectFrom('mfa_factors as f')
      .innerJoin('users as u', 'u.id', 'f.user_id')
      .select(['f.kind', 'f.credential_id', 'f.last_used_at'])
      .where('u.email', '=', 'nora@northwind.example')
      .executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ kind: 'passkey', last_used_at: null })
    expect(
      Buffer.from(stored.credential_id!, 'base64url').equals(
        Buffer.from(credentials[0]!.credentialId, 'base64'),
      ),
    ).toBe(true)
    await screenshotWhole(page, 'security-passkey-it.png')

    await signOut(page)
    await submitSignIn(page, 'nora@northwind.example')
    const usePasskey = page.getByTestId('use-passkey')
    await usePasskey.waitFor(WAIT)
    await page.screenshot({ path: `${SCREENSHOTS}/signin-passkey-it.png` })
    await usePasskey.click()
    await leftSignIn(page)
    expect((await sessionOf(page)).authMethods).toEqual(expect.arrayContaining(['pwd', 'hwk', 'mfa']))
    const used = await t.db.db
      .selectFrom('mfa_factors')
      .select(['last_used_at', 'sign_count'])
      .where('credential_id', '=', stored.credential_id)
      .executeTakeFirstOrThrow()
    expect(used.last_used_at).not.toBeNull()
    await page.context().close()
  })
})
