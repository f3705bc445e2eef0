import { generate } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_PASSWORD } from '../support/constants.ts'
import { type BrowserSession, startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { setWebauthnChallenge, takeWebauthnChallenge } from '../../src/identity/sessions.data.ts'

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String(res.headers['set-cookie']).split(';')[0]!

describe.each(dialects())('MFA: authenticator app, recovery codes, require MFA (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(() => t?.close())

  const nowEpoch = () => Math.floor((Date.now() + t.clock.offsetMs) / 1000)
  const codeAt = (secret: string, offsetSteps = 0) =>
    generate({ secret, epoch: nowEpoch() + offsetSteps * 30 })

  /** Adds an authenticator app to a user (signed in with the password); answers its secret and recovery codes. */
  async function enrolTotp(email: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const session = await t.signIn(email)
    const started = await t.request('POST', '/api/me/mfa/totp', { session, body: { label: 'Phone' } })
    expect(started.status).toBe(200)
    const { factorId, secret, uri, qrSvg } = started.json()
    expect(uri).toMatch(/^otpauth:\/\/totp\/Tramite:/)
    expect(qrSvg).toMatch(/^<svg/)
    const confirmed = await t.request('POST', `/api/me/mfa/totp/${factorId}/confirm`, {
      session,
      body: { code: await codeAt(secret) },
    })
    expect(confirmed.status).toBe(200)
    return { secret, recoveryCodes: confirmed.json().recoveryCodes }
  }

  async function passwordStep(email: string): Promise<{ cookie: string; body: any; status: number }> {
    const res = await t.request('POST', '/api/session', { body: { email, password: TEST_PASSWORD } })
    return { cookie: cookieOf(res), body: res.json(), status: res.status }
  }

  it('when a person adds an authenticator app, then its seed is stored sealed and 10 recovery codes are shown once', async () => {
    const { secret, recoveryCodes } = await enrolTotp('admin@bianchi.example')
    expect(recoveryCodes).toHaveLength(10)
    const rows = await t.db.db.selectFrom('mfa_factors').select('secret_sealed').execute()
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row.secret_sealed).toMatch(/^v1\./)
      expect(row.secret_sealed).not.toContain(secret)
    }
    const stored = await t.db.db.selectFrom('mfa_recovery_codes').select('code_hash').execute()
    expect(stored.map((r) => r.code_hash)).not.toContain(recoveryCodes[0])
  })

  it('when an account has a second factor, then the password alone signs nothing in, and a right code does (amr pwd, otp, mfa)', async () => {
    const { secret } = await enrolTotp('admin@rossi.example')
    t.clock.offsetMs += 31_000 // the enrolment's code is spent
    const first = await passwordStep('admin@rossi.example')
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({
      user: null,
      csrfToken: null,
      secondFactor: { methods: ['totp', 'recovery_code'] },
    })
    // the half session's cookie authenticates nothing
    const me = await t.request('GET', '/api/session', { headers: { cookie: first.cookie } })
    expect(me.json().user).toBeNull()

    const second = await t.request('POST', '/api/session/mfa', {
      headers: { cookie: first.cookie },
      body: { code: await codeAt(secret) },
    })
    expect(second.status).toBe(200)
    expect(second.json().user.email).toBe('admin@rossi.example')
    expect(second.json().authMethods).toEqual(['pwd', 'otp', 'mfa'])
    const signedIn = cookieOf(second)
    expect(signedIn).not.toBe(first.cookie) // a new session id, not the half one
    expect(
      (await t.request('GET', '/api/session', { headers: { cookie: signedIn } })).json().user.email,
    ).toBe('admin@rossi.example')
    expect(
      (await t.request('GET', '/api/session', { headers: { cookie: first.cookie } })).json().user,
    ).toBeNull()
  })

  it('when a TOTP code is used a second time, then it is refused', async () => {
    const { secret } = await enrolTotp('leo@litware.example')
    t.clock.offsetMs += 31_000
    const code = await codeAt(secret)
    const a = await passwordStep('leo@litware.example')
    expect(
      (await t.request('POST', '/api/session/mfa', { headers: { cookie: a.cookie }, body: { code } })).status,
    ).toBe(200)
    const b = await passwordStep('leo@litware.example')
    const replay = await t.request('POST', '/api/session/mfa', {
      headers: { cookie: b.cookie, 'accept-language': 'it' },
      body: { code },
    })
    expect(replay.status).toBe(401)
    expect(replay.json().error.code).toBe('mfa_code_invalid')
    expect(replay.json().error.message).toMatch(/già stato usato/)
  })

  it('when a recovery code is used, then it signs in once and never again', async () => {
    const { recoveryCodes } = await enrolTotp('ada@adatum.example')
    const code = recoveryCodes[3]!.toUpperCase()
    const a = await passwordStep('ada@adatum.example')
    const ok = await t.request('POST', '/api/session/mfa', {
      headers: { cookie: a.cookie },
      body: { recoveryCode: code },
    })
    expect(ok.status).toBe(200)
    expect(ok.json().authMethods).toContain('mfa')
    const b = await passwordStep('ada@adatum.example')
    const again = await t.request('POST', '/api/session/mfa', {
      headers: { cookie: b.cookie },
      body: { recoveryCode: code },
    })
    expect(again.status).toBe(401)
    expect(again.json().error.code).toBe('mfa_code_invalid')
  })

  it('when the second step gets five wrong codes, then the half session ends and the password is needed again', async () => {
    const { secret } = await enrolTotp('hugo@fabrikam.example')
    const a = await passwordStep('hugo@fabrikam.example')
    const wrong = await codeAt(secret, 10) // ten steps ahead: outside the window
    const codes: string[] = []
    for (let i = 0; i < 5; i++) {
      const res = await t.request('POST', '/api/session/mfa', {
        headers: { cookie: a.cookie },
        body: { code: wrong },
      })
      codes.push(res.json().error.code)
    }
    expect(codes).toEqual([
      'mfa_code_invalid',
      'mfa_code_invalid',
      'mfa_code_invalid',
      'mfa_code_invalid',
      'mfa_too_many',
    ])
    t.clock.offsetMs += 31_000
    const late = await t.request('POST', '/api/session/mfa', {
      headers: { cookie: a.cookie },
      body: { code: await codeAt(secret) },
    })
    expect(late.status).toBe(401)
    expect(late.json().error.code).toBe('mfa_pending_missing')
  })

  it('when a session did not do MFA, then it cannot remove a second factor (step-up), and one that did can', async () => {
    const { secret } = await enrolTotp('admin@tailspin.example')
    // a session from before the factor existed: password only
    await t.db.db.deleteFrom('sessions').execute()
    const passwordOnly = await t.db.db
      .selectFrom('mfa_factors as f')
      .innerJoin('users as u', 'u.id', 'f.user_id')
      .select('f.id')
      .where('u.email', '=', 'admin@tailspin.example')
      .executeTakeFirstOrThrow()
    const { createSession } = await import('../../src/identity/sessions.data.ts')
    const user = await t.db.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@tailspin.example')
      .executeTakeFirstOrThrow()
    const old = await createSession(t.db.db, user.id, 1, { amr: ['pwd'] })
    const oldSession: BrowserSession = { cookie: `tramite_session=${old.id}`, csrfToken: old.csrfToken }
    const refused = await t.request('DELETE', `/api/me/mfa/factors/${passwordOnly.id}`, {
      session: oldSession,
    })
    expect(refused.status).toBe(403)
    expect(refused.json().error.code).toBe('step_up_required')

    t.clock.offsetMs += 31_000
    const a = await passwordStep('admin@tailspin.example')
    const done = await t.request('POST', '/api/session/mfa', {
      headers: { cookie: a.cookie },
      body: { code: await codeAt(secret) },
    })
    const strong: BrowserSession = { cookie: cookieOf(done), csrfToken: done.json().csrfToken }
    const removed = await t.request('DELETE', `/api/me/mfa/factors/${passwordOnly.id}`, { session: strong })
    expect(removed.status).toBe(204)
    // with the last factor gone, sign-in is one step again
    expect((await passwordStep('admin@tailspin.example')).body.user.email).toBe('admin@tailspin.example')
  })

  it('when a passkey challenge is taken, then the challenge itself is answered, and only once (passkeys, test/browser/mfa.browser.test.ts)', async () => {
    const { cookie } = await passwordStep('leo@litware.example')
    const sessionId = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1))
    await setWebauthnChallenge(t.db.db, sessionId, 'challenge-1')
    const taken = await Promise.all([
      takeWebauthnChallenge(t.db.db, sessionId),
      takeWebauthnChallenge(t.db.db, sessionId),
    ])
    expect(taken.sort()).toEqual(['challenge-1', null])
    expect(await takeWebauthnChallenge(t.db.db, sessionId)).toBeNull()
  })

  describe('require MFA', () => {
    const rossi = () => tenantIdOf('rossi.example')
    async function requireMfa(domain: string, on: boolean) {
      await t.db.db
        .updateTable('tenants')
        .set({ require_mfa: on })
        .where('default_domain', '=', domain)
        .execute()
    }

    it('when Fabrikam requires MFA and anna signed in with a password only, then a delegated token for Rossi is refused with what to do', async () => {
      await requireMfa('fabrikam.example', true)
      try {
        const session = await t.signIn('anna@fabrikam.example')
        const res = await t.request('POST', '/api/session/delegation', {
          session,
          body: { tenantId: rossi() },
          headers: { 'accept-language': 'en' },
        })
        expect(res.status).toBe(403)
        expect(res.json().error.code).toBe('mfa_required')
        expect(res.json().error.message).toMatch(/Add an authenticator app or a passkey under Security/)
        // a delegated action from the same session is refused the same way, and files nothing
        const filed = await t.request('POST', '/api/service-requests', {
          session,
          body: {
            title: 'Teams calls drop',
            description: 'Calls drop after two minutes for all users.',
            severity: 'moderate',
            customerTenantId: rossi(),
            workload: 'office365',
            supportTopicId: 'o365.teams',
          },
        })
        expect(filed.status).toBe(403)
        expect(filed.json().error.code).toBe('mfa_required')
        // her own tenant is not affected
        expect((await t.request('GET', '/api/me/mfa', { session })).status).toBe(200)
      } finally {
        await requireMfa('fabrikam.example', false)
      }
    })

    it('when Fabrikam requires MFA and anna signed in with her authenticator app, then the delegated token is issued and carries amr mfa', async () => {
      const { secret } = await enrolTotp('anna@fabrikam.example')
      await requireMfa('fabrikam.example', true)
      try {
        t.clock.offsetMs += 31_000
        const a = await passwordStep('anna@fabrikam.example')
        const done = await t.request('POST', '/api/session/mfa', {
          headers: { cookie: a.cookie },
          body: { code: await codeAt(secret) },
        })
        const session: BrowserSession = { cookie: cookieOf(done), csrfToken: done.json().csrfToken }
        const res = await t.request('POST', '/api/session/delegation', {
          session,
          body: { tenantId: rossi() },
        })
        expect(res.status).toBe(200)
        const claims = JSON.parse(Buffer.from(res.json().token.split('.')[1], 'base64url').toString())
        expect(claims.amr).toEqual(['pwd', 'otp', 'mfa'])
        const used = await t.request('GET', '/api/service-requests', { token: res.json().token })
        expect(used.status).toBe(200)
      } finally {
        await requireMfa('fabrikam.example', false)
      }
    })

    it('when Fabrikam starts requiring MFA, then a delegated token issued before without MFA stops working at once', async () => {
      const token = await t.tokenFor('anna@fabrikam.example', 'rossi.example')
      expect((await t.request('GET', '/api/service-requests', { token })).status).toBe(200)
      await requireMfa('fabrikam.example', true)
      try {
        const res = await t.request('GET', '/api/service-requests', { token })
        expect(res.status).toBe(403)
        expect(res.json().error.code).toBe('mfa_required')
        // a token in her own tenant still works
        const own = await t.tokenFor('anna@fabrikam.example')
        expect((await t.request('GET', '/api/customers', { token: own })).status).toBe(200)
      } finally {
        await requireMfa('fabrikam.example', false)
      }
    })

    it('when a partner tenant is created from now on, then it requires MFA; a customer tenant does not', async () => {
      const partner = crypto.randomUUID()
      const customer = crypto.randomUUID()
      for (const [id, kind] of [
        [partner, 'partner'],
        [customer, 'customer'],
      ] as const)
        await t.db.db
          .insertInto('tenants')
          .values({
            id,
            kind,
            display_name: `New ${kind}`,
            default_domain: `${id}.example`,
            locale: 'en-US',
            country: 'US',
          })
          .execute()
      const rows = await t.db.db
        .selectFrom('tenants')
        .select(['id', 'require_mfa'])
        .where('id', 'in', [partner, customer])
        .execute()
      expect(Object.fromEntries(rows.map((r) => [r.id, r.require_mfa]))).toEqual({
        [partner]: true,
        [customer]: false,
      })
      // the demo world starts with it off, so its sign-in stays one step
      const demo = await t.db.db
        .selectFrom('tenants')
        .select('require_mfa')
        .where('default_domain', '=', 'fabrikam.example')
        .executeTakeFirstOrThrow()
      expect(demo.require_mfa).toBe(false)
    })
  })
})
