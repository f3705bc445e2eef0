import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { type Receiver, startReceiver } from './receiver.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const ANNA = 'anna@fabrikam.example'
const HUGO = 'hugo@fabrikam.example'
const NORA = 'nora@northwind.example'
const ADA = 'ada@adatum.example'
const ENGINEER = 'engineer@contoso.example'
const ROSSI_ADMIN = 'admin@rossi.example'

describe.each(dialects())('webhook subscriptions: who may (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  const receivers: Receiver[] = []
  beforeAll(async () => {
    t = await startTestApp(dialect, { WEBHOOKS_ALLOW_HTTP: 'true', WEBHOOKS_ALLOW_PRIVATE_NETWORK: 'true' })
    for (const p of [ANNA, HUGO, NORA, ADA, ENGINEER, ROSSI_ADMIN]) tokens[p] = await t.tokenFor(p)
  })
  afterEach(async () => {
    await t.ctx.db.deleteFrom('webhook_subscriptions').execute()
    for (const r of receivers.splice(0)) await r.close()
  })
  afterAll(() => t?.close())

  const as = (email: string) => ({ token: tokens[email]! })

  async function receiver() {
    const r = await startReceiver()
    receivers.push(r)
    return r
  }

  async function subscribe(email: string, url: string, events: string[] = ['*']) {
    const res = await t.request('POST', '/api/webhooks', { ...as(email), body: { url, events } })
    expect(res.status, res.body).toBe(201)
    return res.json() as { id: string; secret: string }
  }

  const storedSubscriptions = async () =>
    (await t.ctx.db.selectFrom('webhook_subscriptions').select('id').execute()).length

  it('when hugo (a helpdesk agent) lists or subscribes, then 403 webhook_admin_required and nothing is stored', async () => {
    const list = await t.request('GET', '/api/webhooks', as(HUGO))
    expect(list.status).toBe(403)
    expect(list.json().error.code).toBe('webhook_admin_required')
    const create = await t.request('POST', '/api/webhooks', {
      ...as(HUGO),
      body: { url: 'https://psa.example/hook', events: ['*'] },
    })
    expect(create.status).toBe(403)
    expect(create.json().error.code).toBe('webhook_admin_required')
    expect(await storedSubscriptions()).toBe(0)
  })

  it('when a customer administrator or the vendor’s engineer subscribes, then 403 webhooks_partner_only', async () => {
    for (const email of [ROSSI_ADMIN, ENGINEER]) {
      const create = await t.request('POST', '/api/webhooks', {
        ...as(email),
        body: { url: 'https://psa.example/hook', events: ['*'] },
      })
      expect(create.status, email).toBe(403)
      expect(create.json().error.code, email).toBe('webhooks_partner_only')
      expect((await t.request('GET', '/api/webhooks', as(email))).status, email).toBe(403)
    }
    expect(await storedSubscriptions()).toBe(0)
  })

  it('when anna calls in Rossi’s delegated context, then 403 own_context_required', async () => {
    const delegated = await t.tokenFor(ANNA, ROSSI)
    const res = await t.request('GET', '/api/webhooks', { token: delegated })
    expect(res.status).toBe(403)
    expect(res.json().error.code).toBe('own_context_required')
  })

  it('when nobody is signed in, then 401', async () => {
    expect((await t.request('GET', '/api/webhooks')).status).toBe(401)
  })

  it('when nora asks for Fabrikam’s subscription in any way, then 404 and it is unchanged', async () => {
    const { id } = await subscribe(ANNA, 'https://psa.fabrikam.example/hook', ['service_request.created'])
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/webhooks/${id}`],
      ['PATCH', `/api/webhooks/${id}`, { url: 'https://evil.example/steal', active: true }],
      ['DELETE', `/api/webhooks/${id}`],
      ['POST', `/api/webhooks/${id}/rotate-secret`],
      ['POST', `/api/webhooks/${id}/ping`],
      ['GET', `/api/webhooks/${id}/deliveries`],
      ['POST', `/api/webhooks/${id}/deliveries/1/redeliver`],
    ]
    for (const [method, url, body] of calls) {
      const res = await t.request(method, url, { ...as(NORA), ...(body ? { body } : {}) })
      expect(res.status, `${method} ${url}`).toBe(404)
      expect(res.json().error.code).toBe('not_found')
    }
    expect((await t.request('GET', '/api/webhooks', as(NORA))).json().items).toEqual([])
    const own = await t.request('GET', `/api/webhooks/${id}`, as(ANNA))
    expect(own.json()).toMatchObject({ url: 'https://psa.fabrikam.example/hook', active: true })
    expect(await t.ctx.db.selectFrom('webhook_deliveries').select('id').execute()).toEqual([])
    const changes = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', id)
      .execute()
    expect(changes.map((c) => c.action)).toEqual(['webhook.subscription.create'])
  })

  it('when Northwind and Adatum subscribe to everything, then they never receive Fabrikam’s events, and Adatum receives its own', async () => {
    const fabrikam = await receiver()
    const northwind = await receiver()
    const adatum = await receiver()
    await subscribe(ANNA, fabrikam.url)
    await subscribe(NORA, northwind.url)
    await subscribe(ADA, adatum.url)

    const filed = await t.request('POST', '/api/service-requests', {
      ...as(ANNA),
      body: {
        customerTenantId: ROSSI,
        workload: 'office365',
        supportTopicId: 'o365.teams',
        title: 'Fabrikam only',
        description: 'Calls drop after two minutes for all users.',
        severity: 'moderate',
      },
    })
    expect(filed.status, filed.body).toBe(201)
    const note = await t.request('POST', `/api/service-requests/${filed.json().id}/notes`, {
      ...as(ENGINEER),
      body: { text: 'Looking into it.' },
    })
    expect(note.status).toBe(200)
    const adatumFiled = await t.request('POST', '/api/service-requests', {
      ...as(ADA),
      body: {
        customerTenantId: BIANCHI,
        workload: 'office365',
        supportTopicId: 'o365.teams',
        title: 'Adatum for Bianchi',
        description: 'Mailbox full.',
        severity: 'minimal',
      },
    })
    expect(adatumFiled.status, adatumFiled.body).toBe(201)
    await t.runTask('webhooks')

    expect(fabrikam.received.map((m) => m.json.data.request.title)).toEqual([
      'Fabrikam only',
      'Fabrikam only',
    ])
    expect(adatum.received.map((m) => m.json.data.request.title)).toEqual(['Adatum for Bianchi'])
    expect(northwind.received).toEqual([])
  })
})
