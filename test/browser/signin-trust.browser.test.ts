import { createServer } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { BROWSER_SUITE, launchChromium, SCREENSHOTS } from '../support/browser.ts'
import { dialects } from '../support/dialects.ts'
import {
  type AccountClaims,
  startIdentityProvider,
  type TestIdentityProvider,
} from '../support/oidc-provider.ts'

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const WAIT = { timeout: 60_000 }

/**
 * Single sign-on through a real OpenID Connect provider (oidc-provider), in Chromium: Fabrikam
 * connects its provider for fabrikam.example; its people type their email and sign in there.
 */
describe.each(dialects().slice(0, 1))(
  'single sign-on with a real OIDC provider, in Chromium (%s)',
  BROWSER_SUITE,
  (dialect) => {
    let t: TestApp
    let idp: TestIdentityProvider
    let browser: Browser
    let base: string
    let anna: Awaited<ReturnType<TestApp['signIn']>>
    let accounts: Record<string, AccountClaims>

    beforeAll(async () => {
      const port = await freePort()
      base = `http://127.0.0.1:${port}`
      t = await startTestApp(dialect, { PUBLIC_URL: base })
      await t.listen(port)
      accounts = {
        'hugo@fabrikam.example': {
          email: 'hugo@fabrikam.example',
          name: 'Hugo Conti',
          groups: ['helpdesk-staff'],
        },
        'nuovo@fabrikam.example': {
          email: 'nuovo@fabrikam.example',
          name: 'Nuovo Collega',
          groups: ['helpdesk-staff'],
        },
        'unverified@fabrikam.example': { email: 'unverified@fabrikam.example', email_verified: false },
      }
      idp = await startIdentityProvider({
        redirectUri: `${base}/api/sso/callback`,
        postLogoutRedirectUri: `${base}/signin`,
        accounts,
      })
      browser = await launchChromium()
      // anna, Fabrikam's admin agent, connects the provider (her password session goes on working)
      anna = await t.signIn('anna@fabrikam.example')
      const helpdesk = await t.db.db
        .selectFrom('security_groups as g')
        .innerJoin('tenants as t', 't.id', 'g.tenant_id')
        .select('g.id')
        .where('t.default_domain', '=', 'fabrikam.example')
        .where('g.partner_role', '=', 'helpdesk_agent')
        .executeTakeFirstOrThrow()
      const saved = await t.request('PUT', '/api/security/identity-provider', {
        session: anna,
        body: {
          issuer: idp.issuer,
          clientId: idp.clientId,
          clientSecret: idp.clientSecret,
          domains: ['Fabrikam.example'],
          groupsClaim: 'groups',
          groupMappings: [{ claimValue: 'helpdesk-staff', groupId: helpdesk.id }],
        },
      })
      expect(saved.status, saved.body).toBe(200)
    })
    afterAll(async () => {
      await browser?.close()
      await idp?.close()
      await t?.close()
    })

    async function openPage(locale: string): Promise<Page> {
      const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } })
      // the provider's login page asks for a web font; this machine has no outside network
      await context.route(
        (url) => url.hostname !== '127.0.0.1',
        (route) => route.abort(),
      )
      const p = await context.newPage()
      return p
    }

    /** On the sign-in page: types the email, goes on to the provider, and signs in there. */
    async function signInAtProvider(page: Page, email: string, screenshot?: string) {
      await page.locator('input[name="email"]').fill(email)
      await page.getByTestId('signin-submit').click({ noWaitAfter: true })
      // the provider's own login form (its login pre-filled from Tramite's login_hint)
      await expect.poll(() => page.url(), WAIT).toContain(`${idp.issuer}/interaction/`)
      const password = page.locator('input[name="password"]')
      await expect.poll(() => password.count(), WAIT).toBe(1)
      await password.fill('anything')
      if (screenshot) await page.screenshot({ path: `${SCREENSHOTS}/${screenshot}` })
      await page.locator('button[type="submit"]').click()
    }

    const sessionOf = (page: Page) =>
      page.evaluate<{ user: { email: string } | null; authMethods?: string[] }>(
        "fetch('/api/session').then((r) => r.json())",
      )

    it(
      'when hugo types his federated email, then he signs in at Fabrikam’s provider and comes back to the page he asked for (amr fed, mapped group joined)',
      { timeout: 120_000 },
      async () => {
        const page = await openPage('en-GB')
        await page.goto(`${base}/gdap`)
        await page.waitForURL(/\/signin/, WAIT)
        await signInAtProvider(page, 'hugo@fabrikam.example', 'sso-provider-login.png')
        await page.waitForURL(`${base}/gdap`, WAIT)
        await expect.poll(() => page.getByTestId('signed-in-user').textContent(), WAIT).toContain('Hugo')
        const session = await sessionOf(page)
        expect(session.user?.email).toBe('hugo@fabrikam.example')
        expect(session.authMethods).toEqual(['fed'])
        const groups = await t.db.db
          .selectFrom('group_user_members as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .innerJoin('security_groups as g', 'g.id', 'm.group_id')
          .select('g.partner_role')
          .where('u.email', '=', 'hugo@fabrikam.example')
          .execute()
        expect(groups.map((g) => g.partner_role)).toContain('helpdesk_agent')
        await page.screenshot({ path: `${SCREENSHOTS}/sso-signed-in-en.png` })

        // signing out ends the Tramite session and offers the provider's end-session
        await page.getByTestId('sign-out').click()
        await page.waitForURL(/\/signin/, WAIT)
        const offer = page.getByTestId('provider-logout')
        await expect.poll(() => offer.textContent(), WAIT).toContain('Sign out of your organization')
        expect(await offer.locator('a').getAttribute('href')).toMatch(
          new RegExp(`^${idp.issuer}/session/end\\?`),
        )
        expect((await sessionOf(page)).user).toBeNull()
        await page.context().close()
      },
    )

    it('when the sign-in page was given a returnTo, then single sign-on keeps it to the end', async () => {
      const page = await openPage('en-GB')
      await page.goto(`${base}/signin?returnTo=${encodeURIComponent('/security?from=authorize')}`)
      await signInAtProvider(page, 'hugo@fabrikam.example')
      await page.waitForURL(`${base}/security?from=authorize`, WAIT)
      await page.context().close()
    })

    it('when someone without an account signs in and Fabrikam does not create users on first sign-in, then the refusal says so in Italian and nothing is signed in', async () => {
      const page = await openPage('it-IT')
      await page.goto(`${base}/signin`)
      await signInAtProvider(page, 'nuovo@fabrikam.example')
      await page.waitForURL(/\/signin\?error=sso_no_account/, WAIT)
      await expect
        .poll(() => page.getByTestId('sso-error').textContent(), WAIT)
        .toContain('Non esiste un account per nuovo@fabrikam.example in Fabrikam')
      await page.screenshot({ path: `${SCREENSHOTS}/sso-no-account-it.png` })
      expect((await sessionOf(page)).user).toBeNull()
      await page.context().close()
    })

    it('when the provider does not confirm the email, then nothing is signed in and the page says why', async () => {
      const page = await openPage('en-GB')
      await page.goto(`${base}/signin`)
      await signInAtProvider(page, 'unverified@fabrikam.example')
      await page.waitForURL(/error=sso_email_unverified/, WAIT)
      expect((await sessionOf(page)).user).toBeNull()
      await page.context().close()
    })

    for (const [mode, expected] of [
      ['wrong-audience', /aud/],
      ['expired', /exp/],
      ['replayed-nonce', /nonce/],
      ['bad-signature', /signature/],
    ] as const) {
      it(`when the ID token comes back with ${mode.replace('-', ' ')}, then it is refused with a clear message and nothing is signed in`, async () => {
        const page = await openPage('en-GB')
        // a first, untouched sign-in (its nonce is the one a replay would reuse)
        await page.goto(`${base}/signin`)
        await signInAtProvider(page, 'hugo@fabrikam.example')
        await page.waitForURL((url) => !url.pathname.startsWith('/signin'), WAIT)
        // signed out everywhere (Tramite and the provider), so the provider asks again
        await page.context().clearCookies()
        idp.tamper(mode)
        try {
          await page.goto(`${base}/signin`)
          await signInAtProvider(page, 'hugo@fabrikam.example')
          await page.waitForURL(/\/signin\?error=sso_token_invalid/, WAIT)
        } finally {
          idp.tamper('none')
        }
        const message = (await page.getByTestId('sso-error').textContent()) ?? ''
        expect(message).toContain('cannot trust')
        expect(message).toMatch(expected)
        expect((await sessionOf(page)).user).toBeNull()
        if (mode === 'replayed-nonce') await page.screenshot({ path: `${SCREENSHOTS}/sso-refused-en.png` })
        await page.context().close()
      })
    }

    it('when a provider’s answer carries a forged state, or is replayed, then it is refused', async () => {
      const page = await openPage('en-GB')
      const callbacks: string[] = []
      page.on('request', (request) => {
        if (request.url().startsWith(`${base}/api/sso/callback`)) callbacks.push(request.url())
      })
      await page.goto(`${base}/signin`)
      await signInAtProvider(page, 'hugo@fabrikam.example')
      await page.waitForURL((url) => !url.pathname.startsWith('/signin'), WAIT)
      expect(callbacks).toHaveLength(1)

      const other = await openPage('en-GB')
      await other.goto(callbacks[0]!)
      await other.waitForURL(/\/signin\?error=sso_state_invalid/, WAIT)
      expect((await sessionOf(other)).user).toBeNull()
      const forged = callbacks[0]!.replace(/state=[^&]+/, 'state=forged-state')
      await other.goto(forged)
      await other.waitForURL(/\/signin\?error=sso_state_invalid/, WAIT)
      await expect
        .poll(() => other.getByTestId('sso-error').textContent(), WAIT)
        .toContain('does not belong to a sign-in started here')
      await other.context().close()
      await page.context().close()
    })

    it('when the provider reports that it did MFA (amr), then the Tramite session counts as MFA', async () => {
      idp.tamper('provider-mfa')
      try {
        const page = await openPage('en-GB')
        await page.goto(`${base}/signin`)
        await signInAtProvider(page, 'hugo@fabrikam.example')
        await page.waitForURL((url) => !url.pathname.startsWith('/signin'), WAIT)
        expect((await sessionOf(page)).authMethods).toEqual(expect.arrayContaining(['fed', 'mfa']))
        await page.context().close()
      } finally {
        idp.tamper('none')
      }
    })

    const rolesOf = (email: string) =>
      t.db.db
        .selectFrom('group_user_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .innerJoin('security_groups as g', 'g.id', 'm.group_id')
        .select('g.partner_role')
        .where('u.email', '=', email)
        .execute()
        .then((rows) => rows.map((r) => r.partner_role))

    it('when the provider no longer sends hugo’s mapped group, then his next sign-in takes him out of it', async () => {
      const before = accounts['hugo@fabrikam.example']!.groups
      accounts['hugo@fabrikam.example']!.groups = ['another-group']
      try {
        const page = await openPage('en-GB')
        await page.goto(`${base}/signin`)
        await signInAtProvider(page, 'hugo@fabrikam.example')
        await page.waitForURL((url) => !url.pathname.startsWith('/signin'), WAIT)
        expect(await rolesOf('hugo@fabrikam.example')).not.toContain('helpdesk_agent')
        const audited = await t.db.db
          .selectFrom('audit_events')
          .select('details')
          .where('action', '=', 'user.groups_synced_from_provider')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow()
        expect(audited.details).toMatchObject({ joined: [], left: [expect.any(String)] })
        await page.context().close()
      } finally {
        accounts['hugo@fabrikam.example']!.groups = before!
      }
    })

    it('when Fabrikam creates users on first sign-in, then someone new signs in, is created in Fabrikam (audited) and joins the mapped group', async () => {
      const on = await t.request('PATCH', '/api/security/settings', {
        session: anna,
        body: { jitUsers: true },
      })
      expect(on.status, on.body).toBe(200)
      try {
        const page = await openPage('it-IT')
        await page.goto(`${base}/signin`)
        await signInAtProvider(page, 'nuovo@fabrikam.example')
        await page.waitForURL((url) => !url.pathname.startsWith('/signin'), WAIT)
        await expect
          .poll(() => page.getByTestId('signed-in-user').textContent(), WAIT)
          .toContain('Nuovo Collega')
        expect((await sessionOf(page)).user?.email).toBe('nuovo@fabrikam.example')
        const created = await t.db.db
          .selectFrom('users as u')
          .innerJoin('tenants as t', 't.id', 'u.tenant_id')
          .select(['u.id', 'u.password_hash', 't.default_domain'])
          .where('u.email', '=', 'nuovo@fabrikam.example')
          .executeTakeFirstOrThrow()
        expect(created).toMatchObject({ password_hash: null, default_domain: 'fabrikam.example' })
        const audited = await t.db.db
          .selectFrom('audit_events')
          .select('action')
          .where('target_id', '=', created.id)
          .execute()
        expect(audited.map((a) => a.action)).toContain('user.created_on_first_sign_in')
        expect(await rolesOf('nuovo@fabrikam.example')).toContain('helpdesk_agent')
        await page.screenshot({ path: `${SCREENSHOTS}/sso-first-sign-in-it.png` })
        await page.context().close()
      } finally {
        await t.request('PATCH', '/api/security/settings', { session: anna, body: { jitUsers: false } })
      }
    })

    it('when a federated person tries the password instead, then the API says to use single sign-on', async () => {
      const res = await t.request('POST', '/api/session', {
        body: { email: 'hugo@fabrikam.example', password: 'whatever' },
      })
      expect(res.status).toBe(400)
      expect(res.json().error.code).toBe('use_sso')
    })
  },
)
