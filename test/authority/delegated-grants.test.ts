import { SignJWT, importPKCS8 } from 'jose'
import { generate } from 'selfsigned'
import { randomUUID, X509Certificate } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addCertificate } from '../../src/authority/apps.service.ts'
import { findUserByEmail } from '../../src/identity/users.data.ts'
import { actorFor } from '../../src/identity/actor.ts'
import { startTestApp, type TestApp, type BrowserSession } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { claimsOf, FABRIKAM, pkce, postForm, registerApp, ROSSI } from './helpers.ts'

const REDIRECT = 'http://localhost/callback'
const GDAP = '/v1.0/tenantRelationships/delegatedAdminRelationships'

describe.each(dialects())('the authority: delegated grants (%s)', { timeout: 60_000 }, (dialect) => {
  let t: TestApp
  let anna: BrowserSession
  beforeAll(async () => {
    t = await startTestApp(dialect)
    anna = await t.signIn('anna@fabrikam.example')
  })
  afterAll(async () => {
    await t?.close()
  })

  const publicApp = () =>
    registerApp(t, FABRIKAM, {
      publicClient: true,
      redirectUris: ['http://localhost', REDIRECT],
      permissions: [
        'arm/user_impersonation',
        'partnercenter/user_impersonation',
        'graph/DelegatedAdminRelationship.Read.All',
      ],
    })

  async function authorize(
    clientId: string,
    extra: Record<string, string> = {},
    session: BrowserSession | null = anna,
  ) {
    const { verifier, challenge } = pkce()
    const params = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      redirect_uri: 'http://localhost:5123/callback',
      scope: 'https://management.azure.com/.default openid profile offline_access',
      state: 'st-1',
      nonce: 'n-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    })
    const res = await t.request('GET', `/organizations/oauth2/v2.0/authorize?${params}`, {
      ...(session ? { headers: { cookie: session.cookie } } : {}),
    })
    return { res, verifier, location: new URL(String(res.headers.location), 'http://tramite.invalid') }
  }

  async function codeTokens(clientId: string) {
    const { res, verifier, location } = await authorize(clientId)
    expect(res.status).toBe(302)
    expect(location.searchParams.get('state')).toBe('st-1')
    const code = location.searchParams.get('code')!
    const token = await postForm(t, '/organizations/oauth2/v2.0/token', {
      grant_type: 'authorization_code',
      client_id: clientId,
      code,
      redirect_uri: 'http://localhost:5123/callback',
      code_verifier: verifier,
      scope: 'https://management.azure.com/.default openid profile offline_access',
      client_info: '1',
    })
    return { token, code, verifier }
  }

  it('when anna signs in to a public client with PKCE, then the code gives an ARM token, an ID token with nonce and standard claims, and a refresh token; amr comes from her session', async () => {
    const app = await publicApp()
    const { token } = await codeTokens(app.clientId)
    expect(token.status).toBe(200)
    const body = token.json()
    expect(body.scope).toBe('https://management.azure.com/user_impersonation openid profile offline_access')
    expect(body.refresh_token).toEqual(expect.any(String))
    const access = claimsOf(body.access_token)
    expect(access).toMatchObject({
      iss: `${t.config.authorityUrl}/${FABRIKAM}/v2.0`,
      aud: 'https://management.azure.com',
      tid: FABRIKAM,
      upn: 'anna@fabrikam.example',
      preferred_username: 'anna@fabrikam.example',
      scp: 'user_impersonation',
      azp: app.clientId,
      appid: app.clientId,
      amr: ['pwd'],
      azpacr: '0',
      ver: '2.0',
    })
    const id = claimsOf(body.id_token)
    expect(id).toMatchObject({
      aud: app.clientId,
      iss: `${t.config.authorityUrl}/${FABRIKAM}/v2.0`,
      nonce: 'n-1',
      tid: FABRIKAM,
      oid: access.oid,
      preferred_username: 'anna@fabrikam.example',
      name: expect.any(String),
      ver: '2.0',
    })
    expect(JSON.parse(Buffer.from(body.client_info, 'base64url').toString())).toEqual({
      uid: access.oid,
      utid: FABRIKAM,
    })
  })

  it('when a code is redeemed twice, with a wrong verifier, or for another redirect URI, then invalid_grant', async () => {
    const app = await publicApp()
    const { code, verifier } = await codeTokens(app.clientId)
    const again = await postForm(t, '/organizations/oauth2/v2.0/token', {
      grant_type: 'authorization_code',
      client_id: app.clientId,
      code,
      redirect_uri: 'http://localhost:5123/callback',
      code_verifier: verifier,
    })
    expect(again.json()).toMatchObject({ error: 'invalid_grant', error_codes: [70008] })
    const second = await authorize(app.clientId)
    const wrongVerifier = await postForm(t, '/organizations/oauth2/v2.0/token', {
      grant_type: 'authorization_code',
      client_id: app.clientId,
      code: second.location.searchParams.get('code')!,
      redirect_uri: 'http://localhost:5123/callback',
      code_verifier: 'x'.repeat(43),
    })
    expect(wrongVerifier.json()).toMatchObject({ error: 'invalid_grant', error_codes: [501481] })
    const third = await authorize(app.clientId)
    const otherRedirect = await postForm(t, '/organizations/oauth2/v2.0/token', {
      grant_type: 'authorization_code',
      client_id: app.clientId,
      code: third.location.searchParams.get('code')!,
      redirect_uri: 'http://localhost:9999/callback',
      code_verifier: third.verifier,
    })
    expect(otherRedirect.json()).toMatchObject({ error: 'invalid_grant', error_codes: [70009] })
  })

  it('when nobody is signed in, then /authorize sends the browser to the sign-in page with a same-origin returnTo; prompt=none answers login_required', async () => {
    const app = await publicApp()
    const { res, location } = await authorize(app.clientId, { login_hint: 'anna@fabrikam.example' }, null)
    expect(res.status).toBe(302)
    expect(location.pathname).toBe('/signin')
    const returnTo = location.searchParams.get('returnTo')!
    expect(returnTo.startsWith('/organizations/oauth2/v2.0/authorize?')).toBe(true)
    expect(location.searchParams.get('login_hint')).toBe('anna@fabrikam.example')
    const silent = await authorize(app.clientId, { prompt: 'none' }, null)
    expect(silent.location.origin).toBe('http://localhost:5123')
    expect(silent.location.searchParams.get('error')).toBe('login_required')
    expect(silent.location.searchParams.get('state')).toBe('st-1')
  })

  it('when prompt=login is asked of a signed-in person, then /authorize asks the sign-in page to ask again', async () => {
    const app = await publicApp()
    const { location } = await authorize(app.clientId, { prompt: 'login' })
    expect(location.pathname).toBe('/signin')
    expect(location.searchParams.get('prompt')).toBe('login')
  })

  it('when the redirect URI is not registered or the client is unknown, then Tramite shows its own error page and redirects nowhere', async () => {
    const app = await registerApp(t, FABRIKAM, {
      publicClient: true,
      redirectUris: ['https://tool.example/cb'],
    })
    const bad = await authorize(app.clientId, { redirect_uri: 'https://evil.example/cb' })
    expect(bad.res.status).toBe(400)
    expect(bad.res.headers.location).toBeUndefined()
    expect(bad.res.body).toContain('AADSTS50011')
    const unknown = await authorize(randomUUID())
    expect(unknown.res.status).toBe(400)
    expect(unknown.res.body).toContain('AADSTS700016')
  })

  it("R1: when anna's refresh token is presented at Rossi's tenant, then she gets a token there while GDAP gives her a role; after the relationship ends the exchange is refused naming the reason", async () => {
    const app = await publicApp()
    const refresh = (await codeTokens(app.clientId)).token.json().refresh_token
    const atRossi = await postForm(t, `/${ROSSI}/oauth2/v2.0/token`, {
      grant_type: 'refresh_token',
      client_id: app.clientId,
      refresh_token: refresh,
      scope: 'https://management.azure.com/.default openid offline_access',
    })
    expect(atRossi.status).toBe(200)
    const claims = claimsOf(atRossi.json().access_token)
    expect(claims).toMatchObject({
      tid: ROSSI,
      iss: `${t.config.authorityUrl}/${ROSSI}/v2.0`,
      upn: 'anna@fabrikam.example',
    })
    const rossiSubs = await t.request('GET', '/providers/Microsoft.Support/services?api-version=2020-04-01', {
      token: atRossi.json().access_token,
    })
    expect(rossiSubs.status).toBe(200)

    // Rossi ends the relationship
    const rel = await t.ctx.db
      .selectFrom('gdap_relationships')
      .select('id')
      .where('partner_tenant_id', '=', FABRIKAM)
      .where('customer_tenant_id', '=', ROSSI)
      .where('status', '=', 'active')
      .execute()
    const rossiAdmin = await t.tokenFor('admin@rossi.example')
    for (const r of rel) {
      const res = await t.request('POST', `${GDAP}/${r.id}/requests`, {
        token: rossiAdmin,
        body: { action: 'terminate' },
      })
      expect(res.status).toBe(201)
    }
    await t.runJobs()
    const refused = await postForm(t, `/${ROSSI}/oauth2/v2.0/token`, {
      grant_type: 'refresh_token',
      client_id: app.clientId,
      refresh_token: atRossi.json().refresh_token,
      scope: 'https://management.azure.com/.default',
    })
    expect(refused.status).toBe(400)
    expect(refused.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50020] })
    expect(refused.json().error_description).toMatch(
      /AADSTS50020: The GDAP relationship ".*" with Rossi .* is terminated/,
    )
    // the token already issued stops working too
    expect(
      (
        await t.request('GET', '/providers/Microsoft.Support/services?api-version=2020-04-01', {
          token: atRossi.json().access_token,
        })
      ).status,
    ).toBe(401)
    // a refused exchange does not cost the refresh token: it still works at home
    const home = await postForm(t, `/${FABRIKAM}/oauth2/v2.0/token`, {
      grant_type: 'refresh_token',
      client_id: app.clientId,
      refresh_token: atRossi.json().refresh_token,
      scope: 'https://management.azure.com/.default',
    })
    expect(home.status).toBe(200)
    expect(claimsOf(home.json().access_token).tid).toBe(FABRIKAM)
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['result', 'application_id', 'actor_email', 'tenant_id'])
      .where('action', '=', 'authority.token')
      .where('tenant_id', '=', ROSSI)
      .execute()
    expect(audit).toEqual(
      expect.arrayContaining([
        { result: 'done', application_id: app.id, actor_email: 'anna@fabrikam.example', tenant_id: ROSSI },
        { result: 'refused', application_id: app.id, actor_email: 'anna@fabrikam.example', tenant_id: ROSSI },
      ]),
    )
  })

  it("R1: when a refresh token of a user without GDAP in a tenant is presented there, then invalid_grant names the missing relationship; a customer's user never gets a partner's tenant", async () => {
    const app = await publicApp()
    const refresh = (await codeTokens(app.clientId)).token.json().refresh_token
    const northwind = await postForm(t, `/northwind.example/oauth2/v2.0/token`, {
      grant_type: 'refresh_token',
      client_id: app.clientId,
      refresh_token: refresh,
      scope: 'https://management.azure.com/.default',
    })
    expect(northwind.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50020] })
    expect(northwind.json().error_description).toMatch(/has no GDAP relationship with Northwind/)
  })

  it('when a device code is approved by a signed-in person, then the polling client gets tokens; before that it is pending, and a declined code is refused', async () => {
    const app = await publicApp()
    const start = await postForm(t, '/organizations/oauth2/v2.0/devicecode', {
      client_id: app.clientId,
      scope: 'https://api.partnercenter.microsoft.com/.default offline_access',
    })
    expect(start.status).toBe(200)
    const device = start.json()
    expect(device).toMatchObject({
      verification_uri: `${t.config.authorityUrl}/devicelogin`,
      interval: 5,
      expires_in: 900,
    })
    expect(device.message).toContain(device.user_code)
    const poll = () =>
      postForm(t, '/organizations/oauth2/v2.0/token', {
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        client_id: app.clientId,
        device_code: device.device_code,
      })
    expect((await poll()).json()).toMatchObject({ error: 'authorization_pending' })
    expect((await poll()).json()).toMatchObject({ error: 'slow_down' })
    const view = await t.request('GET', `/api/device-codes/${device.user_code}`, { session: anna })
    expect(view.json()).toMatchObject({ application: { clientId: app.clientId, displayName: 'MSP tool' } })
    const approve = await t.request('POST', `/api/device-codes/${device.user_code}`, {
      session: anna,
      body: { decision: 'approve' },
    })
    expect(approve.status).toBe(204)
    t.clock.offsetMs += 10_000
    const tokens = await poll()
    t.clock.offsetMs -= 10_000
    expect(tokens.status).toBe(200)
    expect(claimsOf(tokens.json().access_token)).toMatchObject({
      aud: 'https://api.partnercenter.microsoft.com',
      upn: 'anna@fabrikam.example',
      scp: 'user_impersonation',
      amr: ['pwd'],
    })
    expect(tokens.json().refresh_token).toEqual(expect.any(String))
    expect((await poll()).json().error).toBe('expired_token')

    const second = (
      await postForm(t, '/organizations/oauth2/v2.0/devicecode', { client_id: app.clientId, scope: 'openid' })
    ).json()
    await t.request('POST', `/api/device-codes/${second.user_code}`, {
      session: anna,
      body: { decision: 'decline' },
    })
    const declined = await postForm(t, '/organizations/oauth2/v2.0/token', {
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      client_id: app.clientId,
      device_code: second.device_code,
    })
    expect(declined.json()).toMatchObject({ error: 'authorization_declined' })
  })

  it('when a confidential client proves itself with a certificate-signed assertion, then it gets a token; an unknown certificate or a wrong audience is invalid_client', async () => {
    const app = await registerApp(t, FABRIKAM, {
      permissions: ['graph/ServiceHealth.Read.All (application)'],
    })
    const pems = await generate([{ name: 'commonName', value: 'msp-tool' }], { keySize: 2048 })
    const anna = await findUserByEmail(t.ctx.db, 'anna@fabrikam.example')
    await addCertificate(t.ctx, actorFor(anna!, 'session'), app.id, {
      description: 'ci',
      certificatePem: pems.cert,
    })
    const x5t = Buffer.from(new X509Certificate(pems.cert).fingerprint256.replace(/:/g, ''), 'hex').toString(
      'base64url',
    )
    const key = await importPKCS8(pems.private, 'PS256')
    const assertion = (aud: string) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'PS256', 'x5t#S256': x5t, typ: 'JWT' })
        .setIssuer(app.clientId)
        .setSubject(app.clientId)
        .setAudience(aud)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(key)
    const ask = async (aud: string) =>
      postForm(t, `/${FABRIKAM}/oauth2/v2.0/token`, {
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: await assertion(aud),
        scope: 'https://graph.microsoft.com/.default',
      })
    const ok = await ask(`${t.config.authorityUrl}/${FABRIKAM}/oauth2/v2.0/token`)
    expect(ok.status).toBe(200)
    expect(claimsOf(ok.json().access_token)).toMatchObject({ azpacr: '2', roles: ['ServiceHealth.Read.All'] })
    const wrongAud = await ask('https://login.microsoftonline.com/x/oauth2/v2.0/token')
    expect(wrongAud.json()).toMatchObject({ error: 'invalid_client', error_codes: [700027] })
    const other = await registerApp(t, FABRIKAM)
    const foreign = await postForm(t, `/${FABRIKAM}/oauth2/v2.0/token`, {
      grant_type: 'client_credentials',
      client_id: other.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: await assertion(`${t.config.authorityUrl}/${FABRIKAM}/oauth2/v2.0/token`),
      scope: 'https://graph.microsoft.com/.default',
    })
    expect(foreign.json()).toMatchObject({ error: 'invalid_client' })
  })
})
