import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_PASSWORD } from '../support/constants.ts'
import { type BrowserSession, startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { userIdOf } from '../support/directory.ts'

describe.each(dialects())('sign-in hardening: throttles, sessions, password reset (%s)', (dialect) => {
  // the throttle tests run on an app of their own, with small limits
  let th: TestApp
  let t: TestApp
  beforeAll(async () => {
    th = await startTestApp(dialect, { SIGNIN_RATE_LIMIT: '3', SIGNIN_ACCOUNT_RATE_LIMIT: '4' })
    t = await startTestApp(dialect)
  })
  afterAll(async () => {
    await th?.close()
    await t?.close()
  })

  const signInFrom = (address: string, email: string, password: string) =>
    th.app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: address,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email, password }),
    })

  it('when the same account is tried with a leading space, a full-width space or capitals, then it is one throttle bucket', async () => {
    const spellings = [' nora@northwind.example', '\u3000nora@northwind.example', 'NORA@Northwind.Example ']
    const statuses = []
    for (const email of spellings) statuses.push((await signInFrom('10.0.0.1', email, 'guess')).statusCode)
    statuses.push((await signInFrom('10.0.0.1', 'nora@northwind.example', TEST_PASSWORD)).statusCode)
    expect(statuses).toEqual([401, 401, 401, 429])
  })

  it('when an account fails from many addresses, then it is throttled across addresses, even with the right password', async () => {
    const statuses = []
    for (let i = 0; i < 4; i++)
      statuses.push((await signInFrom(`10.1.0.${i + 1}`, ` leo@LITWARE.example`, 'guess')).statusCode)
    const right = await signInFrom('10.1.0.99', 'leo@litware.example', TEST_PASSWORD)
    expect(statuses).toEqual([401, 401, 401, 401])
    expect(right.statusCode).toBe(429)
    expect(JSON.parse(right.body).error.code).toBe('rate_limited')
    // another account is not affected
    expect((await signInFrom('10.1.0.99', 'ada@adatum.example', TEST_PASSWORD)).statusCode).toBe(200)
    // the account waits out its 15 minutes, then signs in
    await th.db.db
      .updateTable('rate_limits')
      .set({ reset_at: new Date(Date.now() - 1000) })
      .where('key', 'like', 'signin-account:%')
      .execute()
    expect((await signInFrom('10.1.0.100', 'leo@litware.example', TEST_PASSWORD)).statusCode).toBe(200)
  })

  it('when a signed token’s tid or oid is not a GUID, then 401 invalid_token, not 500', async () => {
    const anna = await t.db.db
      .selectFrom('users')
      .select(['id', 'tenant_id'])
      .where('email', '=', 'anna@fabrikam.example')
      .executeTakeFirstOrThrow()
    for (const [tid, oid] of [
      ['not-a-guid', anna.id],
      [anna.tenant_id, 'not-a-guid'],
      ["x' or 1=1 --", anna.id],
    ]) {
      const { token } = await t.ctx.tokens.sign(
        { oid, tid, home_tid: anna.tenant_id, upn: 'anna@fabrikam.example', name: 'Anna', ver: '2.0' },
        { audience: 'urn:tramite:api', issuerTenant: tid!, subject: oid! },
      )
      const res = await t.request('GET', '/api/session', { token })
      expect(res.status).toBe(401)
      expect(res.json().error.code).toBe('invalid_token')
    }
  })

  describe('sessions', () => {
    it('when a person lists their sessions, then they see each one (current marked) and can end another', async () => {
      const a = await t.signIn('hugo@fabrikam.example')
      const b = await t.signIn('hugo@fabrikam.example')
      const list = await t.request('GET', '/api/me/sessions', { session: a })
      expect(list.status).toBe(200)
      const sessions = list.json().value as { id: string; current: boolean; amr: string[] }[]
      expect(sessions.length).toBeGreaterThanOrEqual(2)
      expect(sessions.filter((s) => s.current)).toHaveLength(1)
      const other = sessions.find((s) => !s.current)!
      expect((await t.request('DELETE', `/api/me/sessions/${other.id}`, { session: a })).status).toBe(204)
      const still = [a, b].map(
        async (s) => (await t.request('GET', '/api/session', { headers: { cookie: s.cookie } })).json().user,
      )
      const [userA, userB] = await Promise.all(still)
      expect(userA?.email).toBe('hugo@fabrikam.example')
      expect(userB).toBeNull()
    })

    it('when a person tries to end someone else’s session, then 404 and it goes on', async () => {
      const victim = await t.signIn('nora@northwind.example')
      const victimId = (await t.request('GET', '/api/me/sessions', { session: victim })).json().value[0].id
      const attacker = await t.signIn('hugo@fabrikam.example')
      const res = await t.request('DELETE', `/api/me/sessions/${victimId}`, { session: attacker })
      expect(res.status).toBe(404)
      expect(
        (await t.request('GET', '/api/session', { headers: { cookie: victim.cookie } })).json().user,
      ).not.toBeNull()
    })

    it('when an administrator revokes a user’s sessions, then every session of that user ends; another tenant’s user answers 404', async () => {
      const hugo = await t.signIn('hugo@fabrikam.example')
      const anna = await t.signIn('anna@fabrikam.example')
      const hugoId = await userIdOf(t, 'hugo@fabrikam.example')
      const res = await t.request('DELETE', `/api/security/users/${hugoId}/sessions`, { session: anna })
      expect(res.status).toBe(200)
      expect(res.json().revoked).toBeGreaterThanOrEqual(1)
      expect(
        (await t.request('GET', '/api/session', { headers: { cookie: hugo.cookie } })).json().user,
      ).toBeNull()

      const nora = await t.signIn('nora@northwind.example')
      const noraId = (
        await t.db.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'nora@northwind.example')
          .executeTakeFirstOrThrow()
      ).id
      const foreign = await t.request('DELETE', `/api/security/users/${noraId}/sessions`, { session: anna })
      expect(foreign.status).toBe(404)
      expect(
        (await t.request('GET', '/api/session', { headers: { cookie: nora.cookie } })).json().user,
      ).not.toBeNull()
    })

    it('when a user who is not an administrator revokes someone’s sessions, then 403', async () => {
      const hugo = await t.signIn('hugo@fabrikam.example')
      const annaId = (
        await t.db.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'anna@fabrikam.example')
          .executeTakeFirstOrThrow()
      ).id
      const res = await t.request('DELETE', `/api/security/users/${annaId}/sessions`, { session: hugo })
      expect(res.status).toBe(403)
      expect(res.json().error.code).toBe('security_admin_required')
    })
  })

  describe('forgot password', () => {
    async function resetTokenFor(email: string): Promise<string> {
      const res = await t.request('POST', '/api/password-reset', { body: { email } })
      expect(res.status).toBe(202)
      const mail = await t.db.db
        .selectFrom('email_outbox')
        .select(['body_text', 'to_address', 'subject'])
        .where('dedupe_key', 'like', 'password-reset:%')
        .where('to_address', '=', email.trim().toLowerCase())
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      const token = /reset-password#token=([\w-]+)/.exec(mail.body_text)?.[1]
      expect(token).toBeTruthy()
      return token!
    }

    it('when a person asks for a reset, then a single-use link is emailed; using it sets the password and ends every session', async () => {
      const old: BrowserSession = await t.signIn('admin@wideworld.example')
      const token = await resetTokenFor('admin@wideworld.example')
      const stored = await t.db.db.selectFrom('password_resets').select('token_hash').execute()
      expect(stored.map((r) => r.token_hash)).not.toContain(token)

      const done = await t.request('POST', '/api/password-reset/complete', {
        body: { token, password: 'a much longer new password' },
      })
      expect(done.status).toBe(204)
      expect(
        (await t.request('GET', '/api/session', { headers: { cookie: old.cookie } })).json().user,
      ).toBeNull()
      const signIn = await t.request('POST', '/api/session', {
        body: { email: 'admin@wideworld.example', password: 'a much longer new password' },
      })
      expect(signIn.status).toBe(200)
      const again = await t.request('POST', '/api/password-reset/complete', {
        body: { token, password: 'yet another long password' },
        headers: { 'accept-language': 'it' },
      })
      expect(again.status).toBe(400)
      expect(again.json().error.code).toBe('reset_link_invalid')
      expect(again.json().error.message).toMatch(/una sola volta/)
    })

    it('when a reset link is older than its lifetime, then it is refused and the password stays', async () => {
      const token = await resetTokenFor('admin@bianchi.example')
      t.clock.offsetMs += 31 * 60_000
      const res = await t.request('POST', '/api/password-reset/complete', {
        body: { token, password: 'a much longer new password' },
      })
      expect(res.status).toBe(400)
      expect(res.json().error.code).toBe('reset_link_invalid')
      t.clock.offsetMs -= 31 * 60_000
      expect(
        (
          await t.request('POST', '/api/session', {
            body: { email: 'admin@bianchi.example', password: TEST_PASSWORD },
          })
        ).status,
      ).toBe(200)
    })

    it('when the new password is too short, then 400 and the link still works', async () => {
      const token = await resetTokenFor('admin@rossi.example')
      const weak = await t.request('POST', '/api/password-reset/complete', {
        body: { token, password: 'short' },
      })
      expect(weak.status).toBe(400)
      expect(weak.json().error.code).toBe('password_too_weak')
      const ok = await t.request('POST', '/api/password-reset/complete', {
        body: { token, password: 'a much longer new password' },
      })
      expect(ok.status).toBe(204)
    })

    it('when the address has no account, then the same 202 and no email', async () => {
      const before = await t.db.db
        .selectFrom('email_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      const res = await t.request('POST', '/api/password-reset', {
        body: { email: 'nobody@nowhere.example' },
      })
      expect(res.status).toBe(202)
      const after = await t.db.db
        .selectFrom('email_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(Number(after.n)).toBe(Number(before.n))
    })

    it('when a reset token is made up, then 400 reset_link_invalid', async () => {
      const res = await t.request('POST', '/api/password-reset/complete', {
        body: { token: 'x'.repeat(43), password: 'a much longer new password' },
      })
      expect(res.status).toBe(400)
      expect(res.json().error.code).toBe('reset_link_invalid')
    })
  })
})
