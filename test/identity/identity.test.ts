import { decodeJwt, decodeProtectedHeader } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TokenService } from '../../src/identity/tokens.ts'
import { TEST_PASSWORD } from '../support/constants.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

describe.each(dialects())('sign-in and sessions (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect, { SIGNIN_RATE_LIMIT: '3' })
  })
  afterAll(() => t?.close())

  it('when anna signs in with her password, then she gets an HttpOnly SameSite session cookie and her profile', async () => {
    const res = await t.request('POST', '/api/session', {
      body: { email: 'Anna@Fabrikam.example ', password: TEST_PASSWORD },
    })
    expect(res.status).toBe(200)
    const cookie = String(res.headers['set-cookie'])
    expect(cookie).toMatch(/^tramite_session=[\w-]{40,};/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(res.json().user).toMatchObject({
      email: 'anna@fabrikam.example',
      tenantName: 'Fabrikam',
      tenantKind: 'partner',
      partnerType: 'direct',
      roles: ['admin_agent'],
    })
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/)
    expect(res.json().vendorName).toBe('Contoso Cloud')
  })

  it('when the password is wrong or the user unknown, then the same 401 in the caller’s language, and no cookie', async () => {
    for (const email of ['hugo@fabrikam.example', 'nobody@nowhere.example']) {
      const res = await t.request('POST', '/api/session', {
        body: { email, password: 'wrong-password' },
        headers: { 'accept-language': 'it-IT,it;q=0.9,en;q=0.5' },
      })
      expect(res.status).toBe(401)
      expect(res.json().error.code).toBe('invalid_credentials')
      expect(res.json().error.message).toMatch(/password non sono corretti/)
      expect(res.headers['set-cookie']).toBeUndefined()
    }
  })

  it('when sign-in is tried more often than the limit, then 429 rate_limited with a retry time', async () => {
    const attempt = () =>
      t.request('POST', '/api/session', { body: { email: 'leo@litware.example', password: 'guess' } })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status)
    expect(statuses).toEqual([401, 401, 401, 429])
    const limited = await attempt()
    expect(limited.json().error.code).toBe('rate_limited')
    // the right password is refused too while the limit holds
    const right = await t.request('POST', '/api/session', {
      body: { email: 'leo@litware.example', password: TEST_PASSWORD },
    })
    expect(right.status).toBe(429)
  })

  it('when a session is used, then GET /api/session returns the user; a change without the CSRF header is refused', async () => {
    const session = await t.signIn('nora@northwind.example')
    const me = await t.request('GET', '/api/session', { headers: { cookie: session.cookie } })
    expect(me.json().user.email).toBe('nora@northwind.example')
    expect(me.json().csrfToken).toBe(session.csrfToken)

    const noCsrf = await t.request('DELETE', '/api/session', { headers: { cookie: session.cookie } })
    expect(noCsrf.status).toBe(403)
    expect(noCsrf.json().error.code).toBe('csrf_failed')
    const wrongCsrf = await t.request('DELETE', '/api/session', {
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(32) },
    })
    expect(wrongCsrf.status).toBe(403)
    // still signed in
    expect(
      (await t.request('GET', '/api/session', { headers: { cookie: session.cookie } })).json().user,
    ).not.toBeNull()

    const out = await t.request('DELETE', '/api/session', { session })
    expect(out.status).toBe(204)
    const after = await t.request('GET', '/api/session', { headers: { cookie: session.cookie } })
    expect(after.json().user).toBeNull()
  })

  it('when anyone asks for the session, signed in or not, then it names the vendor (the portal says "Contoso Cloud", never "the vendor")', async () => {
    const session = await t.signIn('nora@northwind.example')
    const signedIn = await t.request('GET', '/api/session', { headers: { cookie: session.cookie } })
    expect(signedIn.json()).toMatchObject({ vendorName: 'Contoso Cloud' })
    const anonymous = await t.request('GET', '/api/session')
    expect(anonymous.json()).toEqual({ user: null, csrfToken: null, vendorName: 'Contoso Cloud' })
  })

  it('when a session cookie is forged, then the caller is anonymous', async () => {
    const res = await t.request('GET', '/api/customers', {
      headers: { cookie: 'tramite_session=' + 'A'.repeat(43) },
    })
    expect(res.status).toBe(401)
  })
})

describe.each(dialects())('bearer tokens and delegated context (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(() => t?.close())

  it('when a token is issued, then it is an ES256 JWT with kid, tid, oid, upn and expiry, verifiable with the JWKS', async () => {
    const token = await t.tokenFor('anna@fabrikam.example')
    const header = decodeProtectedHeader(token)
    const claims = decodeJwt(token)
    expect(header.alg).toBe('ES256')
    expect(header.kid).toBeTruthy()
    expect(claims).toMatchObject({ tid: tenantIdOf('fabrikam.example'), upn: 'anna@fabrikam.example' })
    expect(claims.oid).toMatch(/^[0-9a-f-]{36}$/)
    expect(claims.exp! - claims.iat!).toBe(3600)
    const jwks = (await t.request('GET', '/.well-known/jwks.json')).json()
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toContain(header.kid)
    expect(JSON.stringify(jwks)).not.toMatch(/"d"/) // no private key material
  })

  it('when a token is tampered with, expired, or from another issuer, then 401 invalid_token', async () => {
    const token = await t.tokenFor('anna@fabrikam.example')
    const [h, p, s] = token.split('.')
    const forgedClaims = Buffer.from(
      JSON.stringify({ ...decodeJwt(token), tid: tenantIdOf('adatum.example') }),
    ).toString('base64url')
    const expired = (
      await new TokenService(t.ctx.db, {
        lifetimeSeconds: -120,
        authorityUrl: t.config.authorityUrl,
      }).issue({
        oid: decodeJwt(token).oid as string,
        tid: tenantIdOf('fabrikam.example'),
        home_tid: tenantIdOf('fabrikam.example'),
        upn: 'anna@fabrikam.example',
        name: 'Anna',
      })
    ).token
    for (const bad of [
      `${h}.${forgedClaims}.${s}`,
      `${h}.${p}.${s!.slice(0, -4)}AAAA`,
      expired,
      'not.a.jwt',
      'garbage',
    ]) {
      const res = await t.request('GET', '/api/customers', { token: bad })
      expect(res.status).toBe(401)
      expect(res.json().error.code).toBe('invalid_token')
    }
    const malformedHeader = await t.request('GET', '/api/customers', {
      headers: { authorization: 'Basic abc' },
    })
    expect(malformedHeader.status).toBe(401)
  })

  it('when partner users ask for a token in a customer tenant, then only an active GDAP role through their groups allows it', async () => {
    // anna: Tier1 Support has SSA + Directory Readers in Rossi (active)
    await expect(t.tokenFor('anna@fabrikam.example', 'rossi.example')).resolves.toBeTruthy()
    // ada: Adatum Support has SSA in Bianchi
    await expect(t.tokenFor('ada@adatum.example', 'bianchi.example')).resolves.toBeTruthy()
    // nora: Azure Managers (nested in Admin Agents) has Directory Readers in Bianchi
    await expect(t.tokenFor('nora@northwind.example', 'bianchi.example')).resolves.toBeTruthy()
    // leo: Litware's Admin Agents has SSA in Wide World
    await expect(t.tokenFor('leo@litware.example', 'wideworld.example')).resolves.toBeTruthy()

    // anna's relationship with Tailspin has expired
    await expect(t.tokenFor('anna@fabrikam.example', 'tailspin.example')).rejects.toMatchObject({
      code: 'no_delegated_access',
    })
    // hugo belongs to no group
    await expect(t.tokenFor('hugo@fabrikam.example', 'rossi.example')).rejects.toMatchObject({
      code: 'no_delegated_access',
    })
    // no relationship at all between Adatum and Rossi
    await expect(t.tokenFor('ada@adatum.example', 'rossi.example')).rejects.toMatchObject({
      code: 'no_delegated_access',
    })
    // a customer admin has no delegated access anywhere else
    await expect(t.tokenFor('admin@rossi.example', 'bianchi.example')).rejects.toMatchObject({
      code: 'no_delegated_access',
    })
    await expect(
      t.tokenFor('anna@fabrikam.example', '11111111-1111-1111-1111-111111111111'),
    ).rejects.toMatchObject({
      code: 'unknown_tenant',
    })
  })

  it('when the relationship is terminated, then an already-issued delegated token is refused at once', async () => {
    const token = await t.tokenFor('ada@adatum.example', 'bianchi.example')
    expect((await t.request('GET', '/api/session', { token })).json().user.email).toBe('ada@adatum.example')
    await t.db.db
      .updateTable('gdap_relationships')
      .set({ status: 'terminated' })
      .where('partner_tenant_id', '=', tenantIdOf('adatum.example'))
      .execute()
    const res = await t.request('GET', '/api/session', { token })
    expect(res.status).toBe(401)
    await t.db.db
      .updateTable('gdap_relationships')
      .set({ status: 'active' })
      .where('partner_tenant_id', '=', tenantIdOf('adatum.example'))
      .execute()
  })

  it('when an active relationship passes its end date, then access ends at that instant without any job running', async () => {
    await expect(t.tokenFor('leo@litware.example', 'wideworld.example')).resolves.toBeTruthy()
    t.clock.offsetMs = 400 * 86400_000 // Litware-WideWorld: P365D, activated 30 days ago
    try {
      await expect(t.tokenFor('leo@litware.example', 'wideworld.example')).rejects.toMatchObject({
        code: 'no_delegated_access',
      })
    } finally {
      t.clock.offsetMs = 0
    }
  })

  it('when the user is disabled, then their tokens stop working', async () => {
    const token = await t.tokenFor('hugo@fabrikam.example')
    await t.db.db
      .updateTable('users')
      .set({ disabled: true })
      .where('email', '=', 'hugo@fabrikam.example')
      .execute()
    expect((await t.request('GET', '/api/session', { token })).status).toBe(401)
    await t.db.db
      .updateTable('users')
      .set({ disabled: false })
      .where('email', '=', 'hugo@fabrikam.example')
      .execute()
  })
})
