import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp, type BrowserSession } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { runCli } from '../support/process.ts'
import { claimsOf, FABRIKAM, postForm } from './helpers.ts'

describe.each(dialects())('app registrations: portal API (%s)', { timeout: 60_000 }, (dialect) => {
  let t: TestApp
  let anna: BrowserSession
  beforeAll(async () => {
    t = await startTestApp(dialect)
    anna = await t.signIn('anna@fabrikam.example')
  })
  afterAll(async () => {
    await t?.close()
  })

  it("when an administrator registers an app, adds a secret and consents, then the secret is shown once, stored hashed, and the app gets its tenant's token", async () => {
    const created = await t.request('POST', '/api/applications', {
      session: anna,
      body: {
        displayName: 'PSA connector',
        redirectUris: ['https://psa.example/callback'],
        permissions: ['graph/ServiceHealth.Read.All (application)'],
      },
    })
    expect(created.status).toBe(201)
    const app = created.json()
    expect(app.clientSecret).toEqual(expect.any(String))
    const stored = await t.ctx.db
      .selectFrom('app_client_secrets')
      .select('secret_hash')
      .where('application_id', '=', app.id)
      .execute()
    expect(stored[0]!.secret_hash).not.toContain(app.clientSecret)
    const detail = (await t.request('GET', `/api/applications/${app.id}`, { session: anna })).json()
    expect(JSON.stringify(detail)).not.toContain(app.clientSecret)
    expect(detail.permissions).toEqual([
      expect.objectContaining({
        permission: 'ServiceHealth.Read.All',
        kind: 'application',
        consentedAt: null,
      }),
    ])

    const token = () =>
      postForm(t, `/${FABRIKAM}/oauth2/v2.0/token`, {
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      })
    expect(claimsOf((await token()).json().access_token).roles).toBeUndefined()
    expect(
      (
        await t.request('PUT', `/api/applications/${app.id}/consent`, {
          session: anna,
          body: { granted: true },
        })
      ).status,
    ).toBe(204)
    const consented = (await token()).json().access_token
    expect(claimsOf(consented).roles).toEqual(['ServiceHealth.Read.All'])
    expect(
      (await t.request('GET', '/v1.0/admin/serviceAnnouncement/healthOverviews', { token: consented }))
        .status,
    ).toBe(200)

    // revoking consent takes effect on the next call, for tokens already issued too
    await t.request('PUT', `/api/applications/${app.id}/consent`, { session: anna, body: { granted: false } })
    expect(
      (await t.request('GET', '/v1.0/admin/serviceAnnouncement/healthOverviews', { token: consented }))
        .status,
    ).toBe(403)

    // rotation: a second secret works beside the first; removing the first stops it
    const second = (
      await t.request('POST', `/api/applications/${app.id}/secrets`, {
        session: anna,
        body: { description: 'rotation', days: 30 },
      })
    ).json()
    const firstId = detail.secrets[0].id
    await t.request('DELETE', `/api/applications/${app.id}/secrets/${firstId}`, { session: anna })
    expect((await token()).json().error_codes).toEqual([7000215])
    const withSecond = await postForm(t, `/${FABRIKAM}/oauth2/v2.0/token`, {
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: second.secret,
      scope: 'https://graph.microsoft.com/.default',
    })
    expect(withSecond.status).toBe(200)

    // deleting the app stops its tokens at once
    expect((await t.request('DELETE', `/api/applications/${app.id}`, { session: anna })).status).toBe(204)
    expect(
      (
        await t.request('GET', '/v1.0/admin/serviceAnnouncement/healthOverviews', {
          token: withSecond.json().access_token,
        })
      ).status,
    ).toBe(401)
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_email'])
      .where('application_id', '=', app.id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'authority.app.create',
        'authority.consent.grant',
        'authority.consent.revoke',
        'authority.app.secret.add',
        'authority.app.delete',
      ]),
    )
  })

  it("when another tenant's administrator asks for an app, then it answers 404; a user who is not an administrator is refused", async () => {
    const created = (
      await t.request('POST', '/api/applications', { session: anna, body: { displayName: 'Private tool' } })
    ).json()
    const ada = await t.signIn('ada@adatum.example')
    expect((await t.request('GET', `/api/applications/${created.id}`, { session: ada })).status).toBe(404)
    expect((await t.request('DELETE', `/api/applications/${created.id}`, { session: ada })).status).toBe(404)
    expect(
      (await t.request('GET', '/api/applications', { session: ada }))
        .json()
        .items.some((a: { id: string }) => a.id === created.id),
    ).toBe(false)
    const hugo = await t.signIn('hugo@fabrikam.example')
    expect((await t.request('GET', '/api/applications', { session: hugo })).status).toBe(403)
  })

  it('when the input is bad, then a structured 400 names it and nothing is created', async () => {
    const before = await t.ctx.db.selectFrom('app_registrations').select('id').execute()
    const bad = await t.request('POST', '/api/applications', {
      session: anna,
      headers: { 'accept-language': 'it' },
      body: { displayName: 'X', permissions: ['graph/Mail.Send'] },
    })
    expect(bad.status).toBe(400)
    expect(bad.json().error.code).toBe('validation_failed')
    const http = await t.request('POST', '/api/applications', {
      session: anna,
      body: { displayName: 'X', redirectUris: ['http://tool.example/cb'] },
    })
    expect(http.status).toBe(400)
    const publicApp = await t.request('POST', '/api/applications', {
      session: anna,
      body: {
        displayName: 'X',
        publicClient: true,
        permissions: ['graph/ServiceHealth.Read.All (application)'],
      },
    })
    expect(publicApp.status).toBe(400)
    expect((await t.ctx.db.selectFrom('app_registrations').select('id').execute()).length).toBe(before.length)
  })
})

describe('tramite app create (the CLI)', { timeout: 120_000 }, () => {
  it('when the CLI registers an app with --json, then it prints clientId, clientSecret (null for a public client) and tenantId; an unknown tenant fails naming it', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const dataDir = mkdtempSync(join(tmpdir(), 'tramite-app-cli-'))
    try {
      const env = { TRAMITE_DATA_DIR: dataDir, TRAMITE_DEMO_PASSWORD: 'cli-test-password' }
      const result = await runCli(
        [
          'app',
          'create',
          '--tenant',
          'fabrikam.example',
          '--name',
          'PSA',
          '--permission',
          'graph/DelegatedAdminRelationship.Read.All (application)',
          '--json',
        ],
        env,
      )
      expect(result.code, result.stderr).toBe(0)
      const printed = JSON.parse(result.stdout.trim())
      expect(printed).toEqual({
        clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        clientSecret: expect.any(String),
        tenantId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      })
      const publicApp = await runCli(
        [
          'app',
          'create',
          '--tenant',
          printed.tenantId,
          '--name',
          'Scripts',
          '--public',
          '--redirect-uri',
          'http://localhost',
          '--json',
        ],
        env,
      )
      expect(JSON.parse(publicApp.stdout.trim()).clientSecret).toBeNull()
      const unknown = await runCli(
        ['app', 'create', '--tenant', 'nowhere.example', '--name', 'X', '--json'],
        env,
      )
      expect(unknown.code).toBe(1)
      expect(unknown.stderr).toMatch(/nowhere\.example/)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
