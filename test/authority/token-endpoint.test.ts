import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { claimsOf, FABRIKAM, NORTHWIND, postForm, registerApp, ROSSI } from './helpers.ts'

describe.each(dialects())(
  'the authority: discovery and client credentials (%s)',
  { timeout: 60_000 },
  (dialect) => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(dialect)
    })
    afterAll(async () => {
      await t?.close()
    })

    it('when a client reads the discovery document of a tenant, then the issuer is {authority}/{tid}/v2.0 and every endpoint is there', async () => {
      const res = await t.request('GET', `/${FABRIKAM}/v2.0/.well-known/openid-configuration`)
      expect(res.status).toBe(200)
      const doc = res.json()
      const base = t.config.authorityUrl
      expect(doc).toMatchObject({
        issuer: `${base}/${FABRIKAM}/v2.0`,
        token_endpoint: `${base}/${FABRIKAM}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/${FABRIKAM}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${base}/${FABRIKAM}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `${base}/${FABRIKAM}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/${FABRIKAM}/discovery/v2.0/keys`,
      })
      expect(doc.grant_types_supported).toEqual(
        expect.arrayContaining(['client_credentials', 'authorization_code', 'refresh_token']),
      )
      const keys = (await t.request('GET', `/${FABRIKAM}/discovery/v2.0/keys`)).json()
      expect(keys.keys[0]).toMatchObject({ kty: 'EC', alg: 'ES256', use: 'sig' })
    })

    it('when a client reads the discovery of organizations, common or a domain, then it answers; an unknown tenant gets the identity platform error', async () => {
      for (const segment of ['organizations', 'common']) {
        const doc = (await t.request('GET', `/${segment}/v2.0/.well-known/openid-configuration`)).json()
        expect(doc.issuer).toBe(`${t.config.authorityUrl}/{tenantid}/v2.0`)
        expect(doc.token_endpoint).toBe(`${t.config.authorityUrl}/${segment}/oauth2/v2.0/token`)
      }
      const byDomain = (
        await t.request('GET', '/fabrikam.example/v2.0/.well-known/openid-configuration')
      ).json()
      expect(byDomain.issuer).toBe(`${t.config.authorityUrl}/${FABRIKAM}/v2.0`)
      const unknown = await t.request('GET', '/nowhere.example/v2.0/.well-known/openid-configuration')
      expect(unknown.status).toBe(400)
      expect(unknown.json()).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] })
      expect(unknown.json().error_description).toMatch(/^AADSTS90002: /)
      expect(unknown.json().trace_id).toMatch(/^[0-9a-f-]{36}$/)
      expect(typeof unknown.json().correlation_id).toBe('string')
    })

    it('when MSAL asks for instance discovery of this host, then it answers the tenant discovery endpoint; another host is an invalid_instance', async () => {
      const endpoint = `${t.config.authorityUrl}/common/oauth2/v2.0/authorize`
      const res = await t.request(
        'GET',
        `/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(endpoint)}`,
      )
      expect(res.status).toBe(200)
      const host = new URL(t.config.authorityUrl).host
      expect(res.json()).toMatchObject({
        tenant_discovery_endpoint: `${t.config.authorityUrl}/common/v2.0/.well-known/openid-configuration`,
        metadata: [{ preferred_network: host, aliases: [host] }],
      })
      const other = await t.request(
        'GET',
        `/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent('https://login.example.net/common/oauth2/v2.0/authorize')}`,
      )
      expect(other.json().error).toBe('invalid_instance')
    })

    it('when an app presents its secret at its own tenant, then it gets an application token with roles, tid, azp/appid and ver 2.0, and lists GDAP relationships with it', async () => {
      const app = await registerApp(t, FABRIKAM, {
        permissions: ['graph/DelegatedAdminRelationship.Read.All (application)'],
      })
      const res = await postForm(t, `/${FABRIKAM}/oauth2/v2.0/token`, {
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.clientSecret!,
        scope: 'https://graph.microsoft.com/.default',
      })
      expect(res.status).toBe(200)
      const body = res.json()
      expect(body).toMatchObject({
        token_type: 'Bearer',
        scope: 'https://graph.microsoft.com/.default',
        expires_in: 3600,
      })
      expect(res.headers['cache-control']).toBe('no-store')
      const claims = claimsOf(body.access_token)
      expect(claims).toMatchObject({
        iss: `${t.config.authorityUrl}/${FABRIKAM}/v2.0`,
        aud: 'https://graph.microsoft.com',
        tid: FABRIKAM,
        oid: app.id,
        azp: app.clientId,
        appid: app.clientId,
        roles: ['DelegatedAdminRelationship.Read.All'],
        idtyp: 'app',
        azpacr: '1',
        ver: '2.0',
      })
      const list = await t.request('GET', '/v1.0/tenantRelationships/delegatedAdminRelationships', {
        token: body.access_token,
      })
      expect(list.status).toBe(200)
      expect(list.json().value.length).toBeGreaterThan(0)
    })

    it('when the secret is wrong, then invalid_client with AADSTS7000215, error_codes, trace and correlation ids', async () => {
      const app = await registerApp(t, FABRIKAM)
      const res = await postForm(t, `/${FABRIKAM}/oauth2/v2.0/token`, {
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: 'not-the-secret',
        scope: 'https://graph.microsoft.com/.default',
      })
      expect(res.status).toBe(401)
      expect(res.json()).toMatchObject({ error: 'invalid_client', error_codes: [7000215] })
      expect(res.json().error_description).toMatch(/^AADSTS7000215: Invalid client secret/)
    })

    it("when an app acting on its own asks at another tenant's endpoint, then it is refused (AADSTS700016): it reaches only its own tenant", async () => {
      const app = await registerApp(t, FABRIKAM, {
        permissions: ['graph/DelegatedAdminRelationship.Read.All (application)'],
      })
      for (const tenant of [ROSSI, NORTHWIND]) {
        const res = await postForm(t, `/${tenant}/oauth2/v2.0/token`, {
          grant_type: 'client_credentials',
          client_id: app.clientId,
          client_secret: app.clientSecret!,
          scope: 'https://graph.microsoft.com/.default',
        })
        expect(res.status).toBe(400)
        expect(res.json()).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] })
      }
      const common = await postForm(t, '/common/oauth2/v2.0/token', {
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.clientSecret!,
        scope: 'https://graph.microsoft.com/.default',
      })
      expect(common.json()).toMatchObject({ error: 'invalid_request', error_codes: [90009] })
    })

    it("when an application token of one partner asks for another partner's relationships, then it sees only its own tenant's", async () => {
      const app = await registerApp(t, NORTHWIND, {
        permissions: ['graph/DelegatedAdminRelationship.Read.All (application)'],
      })
      const token = (
        await postForm(t, `/${NORTHWIND}/oauth2/v2.0/token`, {
          grant_type: 'client_credentials',
          client_id: app.clientId,
          client_secret: app.clientSecret!,
          scope: 'https://graph.microsoft.com/.default',
        })
      ).json().access_token
      const list = (
        await t.request('GET', '/v1.0/tenantRelationships/delegatedAdminRelationships', { token })
      ).json()
      const fabrikamRows = await t.ctx.db
        .selectFrom('gdap_relationships')
        .select('id')
        .where('partner_tenant_id', '=', FABRIKAM)
        .execute()
      const ids = new Set(fabrikamRows.map((r) => r.id))
      expect(list.value.some((r: { id: string }) => ids.has(r.id))).toBe(false)
    })

    it('when the scope of client credentials is not <resource>/.default, or the grant is unknown, then invalid_scope / unsupported_grant_type', async () => {
      const app = await registerApp(t, FABRIKAM)
      const base = {
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.clientSecret!,
      }
      const scoped = await postForm(t, `/${FABRIKAM}/oauth2/v2.0/token`, {
        ...base,
        scope: 'https://graph.microsoft.com/ServiceHealth.Read.All',
      })
      expect(scoped.json().error).toBe('invalid_scope')
      const unknownResource = await postForm(t, `/${FABRIKAM}/oauth2/v2.0/token`, {
        ...base,
        scope: 'https://vault.azure.net/.default',
      })
      expect(unknownResource.json()).toMatchObject({ error: 'invalid_scope', error_codes: [70011] })
      const grant = await postForm(t, `/${FABRIKAM}/oauth2/v2.0/token`, {
        ...base,
        grant_type: 'password',
        scope: 'x',
      })
      expect(grant.json()).toMatchObject({ error: 'unsupported_grant_type', error_codes: [70003] })
      const json = await t.request('POST', `/${FABRIKAM}/oauth2/v2.0/token`, { body: base })
      expect(json.status).toBe(400)
      expect(json.json().error).toBe('invalid_request')
    })

    it('when the token endpoint is asked in Italian, then the description is Italian, with the same AADSTS code', async () => {
      const res = await t.request('POST', `/${FABRIKAM}/oauth2/v2.0/token`, {
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'it' },
        rawBody: 'grant_type=client_credentials',
      })
      expect(res.json().error_description).toMatch(
        /^AADSTS900144: Il corpo della richiesta deve contenere il parametro 'scope'/,
      )
    })
  },
)
