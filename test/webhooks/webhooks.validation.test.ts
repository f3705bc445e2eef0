import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const FABRIKAM = tenantIdOf('fabrikam.example')
const ANNA = 'anna@fabrikam.example'

/** The server as deployed: WEBHOOKS_ALLOW_HTTP unset, so only https URLs are accepted. */
describe.each(dialects())('webhook subscriptions: what is accepted (%s)', (dialect) => {
  let t: TestApp
  let token: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    token = await t.tokenFor(ANNA)
  })
  afterAll(() => t?.close())

  const create = (body: unknown, headers: Record<string, string> = {}) =>
    t.request('POST', '/api/webhooks', { token, body, headers })
  const stored = async () =>
    t.ctx.db.selectFrom('webhook_subscriptions').select('id').where('tenant_id', '=', FABRIKAM).execute()

  it('when a URL is not an absolute http(s) URL, carries credentials or a fragment, then 400 with a machine code and nothing is stored', async () => {
    const cases: [string, string, string?][] = [
      ['not a url', 'invalid_url', 'not_absolute'],
      ['/relative/path', 'invalid_url', 'not_absolute'],
      ['ftp://psa.example/hook', 'invalid_url', 'scheme'],
      ['javascript:alert(1)', 'invalid_url', 'scheme'],
      ['https://psa.example/hook#part', 'invalid_url', 'fragment'],
      [`https://psa.example/${'a'.repeat(2000)}`, 'validation_failed'],
      ['https://user:secret@psa.example/hook', 'url_credentials'],
      ['https://token@psa.example/hook', 'url_credentials'],
    ]
    for (const [url, code, reason] of cases) {
      const res = await create({ url, events: ['*'] })
      expect(res.status, url).toBe(400)
      expect(res.json().error.code, url).toBe(code)
      if (reason) expect(res.json().error.details, url).toEqual({ reason })
    }
    expect(await stored()).toEqual([])
  })

  it('when the URL is plain http and WEBHOOKS_ALLOW_HTTP is off, then 400 insecure_url, in Italian too', async () => {
    const res = await create({ url: 'http://psa.example/hook', events: ['*'] })
    expect(res.status).toBe(400)
    expect(res.json().error.code).toBe('insecure_url')
    expect(res.json().error.message).toBe('The URL must use https.')
    const it = await create({ url: 'http://psa.example/hook', events: ['*'] }, { 'accept-language': 'it' })
    expect(it.json().error.message).toBe("L'URL deve usare https.")
    expect(await stored()).toEqual([])
  })

  it('when an event type is unknown, repeated or missing, then 400 and nothing is stored', async () => {
    const unknown = await create({
      url: 'https://psa.example/hook',
      events: ['service_request.created', 'service_request.deleted'],
    })
    expect(unknown.status).toBe(400)
    expect(unknown.json().error).toMatchObject({
      code: 'unknown_event_type',
      details: { unknown: ['service_request.deleted'] },
    })
    expect(unknown.json().error.message).toContain('service_request.deleted')
    const ping = await create({ url: 'https://psa.example/hook', events: ['ping'] })
    expect(ping.json().error.code).toBe('unknown_event_type')
    const repeated = await create({ url: 'https://psa.example/hook', events: ['*', '*'] })
    expect(repeated.json().error.code).toBe('duplicate_event_type')
    const none = await create({ url: 'https://psa.example/hook', events: [] })
    expect(none.status).toBe(400)
    expect(none.json().error.code).toBe('validation_failed')
    const extra = await create({ url: 'https://psa.example/hook', events: ['*'], secret: 'mine' })
    expect(extra.status).toBe(400)
    expect(await stored()).toEqual([])
  })

  it('when a subscription is created, then the secret is answered once and never by GET, and a change keeps checking the URL', async () => {
    const res = await create({
      url: 'https://PSA.example/hook?tenant=fabrikam',
      events: ['service_request.created', 'service_request.note_added'],
      description: '  ConnectWise  ',
    })
    expect(res.status, res.body).toBe(201)
    const { id, secret, ...rest } = res.json()
    expect(res.headers.location).toBe(`/api/webhooks/${id}`)
    expect(secret).toMatch(/^whsec_/)
    expect(rest).toMatchObject({
      url: 'https://psa.example/hook?tenant=fabrikam',
      events: ['service_request.created', 'service_request.note_added'],
      description: 'ConnectWise',
      active: true,
    })

    const list = await t.request('GET', '/api/webhooks', { token })
    const one = await t.request('GET', `/api/webhooks/${id}`, { token })
    const changed = await t.request('PATCH', `/api/webhooks/${id}`, {
      token,
      body: { events: ['*'], description: null },
    })
    expect(changed.status, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ events: ['*'], description: null })
    for (const body of [list.body, one.body, changed.body]) {
      expect(body).not.toContain(secret)
      expect(body).not.toContain('secret')
    }
    expect(list.json().items).toHaveLength(1)

    const insecure = await t.request('PATCH', `/api/webhooks/${id}`, {
      token,
      body: { url: 'http://psa.example/hook' },
    })
    expect(insecure.json().error.code).toBe('insecure_url')
    expect((await t.request('GET', `/api/webhooks/${id}`, { token })).json().url).toBe(
      'https://psa.example/hook?tenant=fabrikam',
    )

    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_email', 'tenant_id', 'details'])
      .where('target_id', '=', id)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['webhook.subscription.create', 'webhook.subscription.update'])
    expect(audit[0]).toMatchObject({ actor_email: ANNA, tenant_id: FABRIKAM })
    expect(JSON.stringify(audit)).not.toContain(secret)

    const deleted = await t.request('DELETE', `/api/webhooks/${id}`, { token })
    expect(deleted.status).toBe(204)
    expect((await t.request('GET', `/api/webhooks/${id}`, { token })).status).toBe(404)
    expect(await stored()).toEqual([])
  })

  it('when an id is not a uuid, then 404', async () => {
    expect((await t.request('GET', '/api/webhooks/not-a-uuid', { token })).status).toBe(404)
  })
})
