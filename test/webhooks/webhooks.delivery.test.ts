import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { requestEventId } from '../../src/service-requests/request-events.ts'
import { findServiceRequest } from '../../src/service-requests/service-requests.data.ts'
import { enqueueWebhookEvent } from '../../src/webhooks/webhooks.events.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { type Receiver, signatureOf, startReceiver } from './receiver.ts'
import { fileRequest } from '../support/requests.ts'

const ROSSI = tenantIdOf('rossi.example')
const FABRIKAM = tenantIdOf('fabrikam.example')
const ANNA = 'anna@fabrikam.example'
const ENGINEER = 'engineer@contoso.example'

describe.each(dialects())('webhook deliveries (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  const receivers: Receiver[] = []
  beforeAll(async () => {
    t = await startTestApp(dialect, { WEBHOOKS_ALLOW_HTTP: 'true', WEBHOOKS_ALLOW_PRIVATE_NETWORK: 'true' })
    for (const p of [ANNA, ENGINEER]) tokens[p] = await t.tokenFor(p)
  })
  afterEach(async () => {
    // every test starts with no subscriptions, so no test receives another's events
    await t.ctx.db.deleteFrom('webhook_subscriptions').execute()
    t.clock.offsetMs = 0
    for (const r of receivers.splice(0)) await r.close()
  })
  afterAll(() => t?.close())

  const as = (email: string) => ({ token: tokens[email]! })

  async function receiver() {
    const r = await startReceiver()
    receivers.push(r)
    return r
  }

  async function subscribe(url: string, events: string[] = ['*']) {
    const res = await t.request('POST', '/api/webhooks', {
      ...as(ANNA),
      body: { url, events, description: 'Our PSA' },
    })
    expect(res.status, res.body).toBe(201)
    return res.json() as { id: string; secret: string }
  }

  const fileForRossi = (title = 'Teams calls drop') => fileRequest(t, tokens[ANNA]!, { title })

  async function deliveries(subscriptionId: string) {
    const res = await t.request('GET', `/api/webhooks/${subscriptionId}/deliveries`, as(ANNA))
    expect(res.status, res.body).toBe(200)
    return res.json().items as any[]
  }

  const runWebhooks = () =>
    t.runTask('webhooks') as Promise<{ delivered: number; failed: number; retried: number }>

  it('when anna subscribes and the engineer adds a public and an internal note, then the receiver gets created and the public note only, signed', async () => {
    const r = await receiver()
    const { id: subscriptionId, secret } = await subscribe(r.url)
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/)
    const { id } = await fileForRossi()
    const engineers = (await t.request('GET', '/api/desk/engineers', as(ENGINEER))).json().items
    const noteRes = await t.request('POST', `/api/service-requests/${id}/notes`, {
      ...as(ENGINEER),
      body: { text: 'We are looking into the call drops.' },
    })
    expect(noteRes.status, noteRes.body).toBe(200)
    const internal = await t.request('POST', `/api/service-requests/${id}/notes`, {
      ...as(ENGINEER),
      body: { text: 'Secret: probably the SBC firmware.', visibility: 'internal' },
    })
    expect(internal.status, internal.body).toBe(200)
    const assigned = await t.request('PATCH', `/api/service-requests/${id}`, {
      ...as(ENGINEER),
      headers: { 'if-match': internal.headers.etag as string },
      body: { assignedTo: engineers[0].userId },
    })
    expect(assigned.status, assigned.body).toBe(200)

    expect(await runWebhooks()).toEqual({ delivered: 2, failed: 0, retried: 0 })

    expect(r.received.map((m) => m.json.type)).toEqual([
      'service_request.created',
      'service_request.note_added',
    ])
    for (const m of r.received) {
      expect(m.headers['content-type']).toBe('application/json')
      expect(m.headers['user-agent']).toBe('Tramite-Webhooks/1')
      expect(m.headers['x-tramite-event']).toBe(m.json.type)
      expect(m.headers['x-tramite-delivery']).toBe(m.json.id)
      // the documented field order, whatever order the database keeps
      expect(m.body.startsWith(`{"id":"${m.json.id}","type":"${m.json.type}","createdAt":"`)).toBe(true)
      expect(Object.keys(m.json.data.request)).toEqual([
        'id',
        'title',
        'status',
        'severity',
        'workload',
        'customer',
        'partner',
        'externalReference',
        'createdAt',
        'modifiedAt',
        'links',
      ])
      const signature = signatureOf(secret, m.headers['x-tramite-signature'], m.body)
      expect(signature.valid).toBe(true)
      expect(Math.abs(signature.t - Date.now() / 1000)).toBeLessThan(60)
      expect(signatureOf('whsec_wrong', m.headers['x-tramite-signature'], m.body).valid).toBe(false)
      expect(m.body).not.toContain('SBC firmware')
      expect(m.body).not.toContain(engineers[0].userId)
    }
    const [created, note] = r.received.map((m) => m.json)
    expect(created).toMatchObject({
      type: 'service_request.created',
      data: {
        request: {
          id,
          title: 'Teams calls drop',
          status: 'open',
          severity: 'moderate',
          workload: 'office365',
          customer: { tenantId: ROSSI, name: 'Rossi Costruzioni S.p.A.' },
          partner: { tenantId: FABRIKAM, name: 'Fabrikam' },
          externalReference: null,
          links: {
            portal: `${t.config.publicUrl}/service-requests/${id}`,
            api: `${t.config.publicUrl}/api/service-requests/${id}`,
          },
        },
      },
    })
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(Date.parse(created.createdAt)).not.toBeNaN()
    expect(note.data.note).toMatchObject({ text: 'We are looking into the call drops.' })
    expect(note.data.note.authorName).toBeTruthy()
    expect(note.data.actor).toEqual({ name: note.data.note.authorName, side: 'vendor' })

    // nothing is sent twice, and the portal shows what went out
    expect(await runWebhooks()).toEqual({ delivered: 0, failed: 0, retried: 0 })
    expect(r.received).toHaveLength(2)
    const listed = await deliveries(subscriptionId)
    expect(listed).toHaveLength(2)
    expect(listed.map((d) => d.eventId).sort()).toEqual(r.received.map((m) => m.json.id).sort())
    for (const d of listed) expect(d).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 })
  })

  it('when the receiver answers 500 and then 200, then the event is retried after the backoff and delivered once', async () => {
    const r = await receiver()
    r.answer(500)
    const { id: subscriptionId } = await subscribe(r.url, ['service_request.created'])
    await fileForRossi('Retry me')

    expect(await runWebhooks()).toEqual({ delivered: 0, failed: 0, retried: 1 })
    const [waiting] = await deliveries(subscriptionId)
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
    })
    const waitMs = Date.parse(waiting.nextAttemptAt) - (Date.now() + t.clock.offsetMs)
    expect(waitMs).toBeGreaterThan(25_000)
    expect(waitMs).toBeLessThanOrEqual(30_000)

    // not due yet: nothing is sent
    expect(await runWebhooks()).toEqual({ delivered: 0, failed: 0, retried: 0 })
    expect(r.received).toHaveLength(1)

    t.clock.offsetMs += 31_000
    expect(await runWebhooks()).toEqual({ delivered: 1, failed: 0, retried: 0 })
    expect(await runWebhooks()).toEqual({ delivered: 0, failed: 0, retried: 0 })
    expect(r.received).toHaveLength(2)
    const [first, second] = r.received
    expect(second!.headers['x-tramite-delivery']).toBe(first!.headers['x-tramite-delivery'])
    expect(second!.body).toBe(first!.body)
    expect((await deliveries(subscriptionId))[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastStatusCode: 200,
      nextAttemptAt: null,
    })
  })

  it('when the receiver never accepts, then the waits double and the delivery fails after WEBHOOK_MAX_ATTEMPTS', async () => {
    const r = await receiver()
    r.answer(...Array.from({ length: 20 }, () => 503))
    const { id: subscriptionId } = await subscribe(r.url, ['service_request.created'])
    await fileForRossi('Never accepted')
    const max = t.config.WEBHOOK_MAX_ATTEMPTS
    expect(max).toBe(15)
    const waits: number[] = []
    for (let attempt = 1; attempt <= max; attempt++) {
      const report = await runWebhooks()
      expect(report, `attempt ${attempt}`).toEqual(
        attempt < max ? { delivered: 0, failed: 0, retried: 1 } : { delivered: 0, failed: 1, retried: 0 },
      )
      const [d] = await deliveries(subscriptionId)
      expect(d.attempts).toBe(attempt)
      if (d.nextAttemptAt) waits.push(Date.parse(d.nextAttemptAt) - (Date.now() + t.clock.offsetMs))
      t.clock.offsetMs += 7 * 60 * 60_000
    }
    expect(await runWebhooks()).toEqual({ delivered: 0, failed: 0, retried: 0 })
    expect(r.received).toHaveLength(max)
    expect((await deliveries(subscriptionId))[0]).toMatchObject({ status: 'failed', lastStatusCode: 503 })
    const seconds = waits.map((w) => Math.round(w / 1000))
    expect(seconds.slice(0, 4)).toEqual([30, 60, 120, 240].map((s) => expect.closeTo(s, -1)))
    expect(Math.max(...seconds)).toBeLessThanOrEqual(6 * 60 * 60)
    expect(seconds.at(-1)).toBeGreaterThan(6 * 60 * 60 - 10)
  })

  it('when the same event is recorded twice, then it is delivered once', async () => {
    const r = await receiver()
    const { id: subscriptionId } = await subscribe(r.url, ['service_request.external_reference_changed'])
    const { id } = await fileForRossi('Recorded twice')
    const request = (await findServiceRequest(t.ctx.db, id))!
    const event = {
      id: requestEventId('service_request.external_reference_changed', id, request.version),
      type: 'service_request.external_reference_changed' as const,
      at: t.ctx.now(),
      request,
      actor: { userId: null, email: null, name: 'Tramite', tenantId: null, side: 'system' as const },
      visibility: 'public' as const,
    }
    for (let i = 0; i < 2; i++) {
      await t.ctx.db.transaction().execute((trx) => enqueueWebhookEvent(trx, t.ctx, event))
    }
    expect(await deliveries(subscriptionId)).toHaveLength(1)
    await runWebhooks()
    expect(r.received.map((m) => m.json.id)).toEqual([event.id])
  })

  it('when the receiver answers 410 Gone, then the subscription is switched off and hears nothing more', async () => {
    const r = await receiver()
    r.answer(410)
    const { id: subscriptionId } = await subscribe(r.url)
    await fileForRossi('Gone receiver')

    expect(await runWebhooks()).toEqual({ delivered: 0, failed: 1, retried: 0 })
    const [gone] = await deliveries(subscriptionId)
    expect(gone).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 410 })
    const subscription = (await t.request('GET', `/api/webhooks/${subscriptionId}`, as(ANNA))).json()
    expect(subscription.active).toBe(false)

    await fileForRossi('After the 410')
    expect(await deliveries(subscriptionId)).toHaveLength(1)
    expect(await runWebhooks()).toEqual({ delivered: 0, failed: 0, retried: 0 })
    expect(r.received).toHaveLength(1)
    const ping = await t.request('POST', `/api/webhooks/${subscriptionId}/ping`, as(ANNA))
    expect(ping.status).toBe(409)
    expect(ping.json().error.code).toBe('subscription_inactive')

    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id', 'tenant_id'])
      .where('target_id', '=', subscriptionId)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'webhook.subscription.create',
      'webhook.subscription.deactivate',
    ])
    expect(audit[1]).toMatchObject({ actor_user_id: null, tenant_id: FABRIKAM })

    // switched back on, it hears new events again
    const on = await t.request('PATCH', `/api/webhooks/${subscriptionId}`, {
      ...as(ANNA),
      body: { active: true },
    })
    expect(on.json().active).toBe(true)
    await fileForRossi('Back on')
    expect(await runWebhooks()).toEqual({ delivered: 1, failed: 0, retried: 0 })
    expect(r.received.at(-1)!.json.data.request.title).toBe('Back on')
  })

  it('when anna pings and redelivers, then the receiver gets a signed ping and the same event again', async () => {
    const r = await receiver()
    const { id: subscriptionId, secret } = await subscribe(r.url, ['service_request.created'])
    const ping = await t.request('POST', `/api/webhooks/${subscriptionId}/ping`, as(ANNA))
    expect(ping.status, ping.body).toBe(202)
    expect(ping.json()).toMatchObject({ eventType: 'ping', status: 'pending', attempts: 0 })
    await runWebhooks()
    expect(r.received).toHaveLength(1)
    const [pinged] = r.received
    expect(pinged!.json).toMatchObject({
      id: ping.json().eventId,
      type: 'ping',
      data: { subscription: { id: subscriptionId } },
    })
    expect(signatureOf(secret, pinged!.headers['x-tramite-signature'], pinged!.body).valid).toBe(true)

    await fileForRossi('Redeliver me')
    await runWebhooks()
    const [delivered] = (await deliveries(subscriptionId)).filter(
      (d) => d.eventType === 'service_request.created',
    )
    expect(delivered.status).toBe('delivered')
    const again = await t.request(
      'POST',
      `/api/webhooks/${subscriptionId}/deliveries/${delivered.id}/redeliver`,
      as(ANNA),
    )
    expect(again.status, again.body).toBe(202)
    expect(again.json()).toMatchObject({ id: delivered.id, status: 'pending', attempts: 0 })
    await runWebhooks()
    const created = r.received.filter((m) => m.json.type === 'service_request.created')
    expect(created).toHaveLength(2)
    expect(created[1]!.json.id).toBe(created[0]!.json.id)

    const unknown = await t.request(
      'POST',
      `/api/webhooks/${subscriptionId}/deliveries/999999999/redeliver`,
      as(ANNA),
    )
    expect(unknown.status).toBe(404)
  })

  it('when the secret is rotated, then later deliveries are signed with the new secret only', async () => {
    const r = await receiver()
    const { id: subscriptionId, secret: old } = await subscribe(r.url, ['service_request.created'])
    const rotated = await t.request('POST', `/api/webhooks/${subscriptionId}/rotate-secret`, as(ANNA))
    expect(rotated.status, rotated.body).toBe(200)
    const { secret } = rotated.json()
    expect(secret).toMatch(/^whsec_/)
    expect(secret).not.toBe(old)
    await fileForRossi('After rotation')
    await runWebhooks()
    const [m] = r.received
    expect(signatureOf(secret, m!.headers['x-tramite-signature'], m!.body).valid).toBe(true)
    expect(signatureOf(old, m!.headers['x-tramite-signature'], m!.body).valid).toBe(false)
  })

  it('when the receiver is down, then the attempt is retried and the metrics count it', async () => {
    const r = await receiver()
    const url = r.url
    await r.close()
    const { id: subscriptionId } = await subscribe(url, ['service_request.created'])
    await fileForRossi('Receiver down')
    expect(await runWebhooks()).toEqual({ delivered: 0, failed: 0, retried: 1 })
    const [d] = await deliveries(subscriptionId)
    expect(d).toMatchObject({ status: 'pending', lastStatusCode: null })
    expect(d.lastError).toMatch(/ECONNREFUSED|fetch failed/)

    // read from the registry /metrics serves, one metric at a time (independent of other components' metrics)
    const metrics = [
      await t.ctx.metrics.getSingleMetricAsString('tramite_webhook_deliveries_total'),
      await t.ctx.metrics.getSingleMetricAsString('tramite_webhook_queue'),
    ].join('\n')
    expect(metrics).toMatch(/tramite_webhook_deliveries_total\{outcome="retried"\} [1-9]/)
    expect(metrics).toMatch(/tramite_webhook_queue\{status="pending"\} 1\b/)
  })
})
