import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isPublicAddress } from '../../src/webhooks/webhooks.network.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest } from '../support/requests.ts'
import { type Receiver, startReceiver } from './receiver.ts'

const ANNA = 'anna@fabrikam.example'

describe('which addresses webhooks may call', () => {
  it('when an address is public unicast, then it is allowed; loopback, private, link-local, CGNAT, ULA, mapped and unspecified ones are not', () => {
    for (const a of ['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888', '151.101.1.69'])
      expect(isPublicAddress(a), a).toBe(true)
    for (const a of [
      '127.0.0.1',
      '127.8.9.10',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.254',
      '192.168.1.1',
      '169.254.169.254', // cloud metadata
      '100.64.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '224.0.0.1',
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'not-an-address',
    ])
      expect(isPublicAddress(a), a).toBe(false)
  })
})

/** The server as deployed, but with http allowed so a local receiver can be named. */
describe.each(dialects())('webhooks and private networks (%s)', (dialect) => {
  let t: TestApp
  let token: string
  let receiver: Receiver
  beforeAll(async () => {
    t = await startTestApp(dialect, { WEBHOOKS_ALLOW_HTTP: 'true' })
    token = await t.tokenFor(ANNA)
    receiver = await startReceiver()
  })
  afterAll(async () => {
    await receiver?.close()
    await t?.close()
  })

  it('when the URL is a private or loopback IP literal, then 400 private_address, in Italian too, and nothing is created', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://[::1]/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.5/hook',
      'https://192.168.1.10/hook',
    ]) {
      const res = await t.request('POST', '/api/webhooks', { token, body: { url, events: ['*'] } })
      expect(res.status, url).toBe(400)
      expect(res.json().error.code, url).toBe('private_address')
    }
    const it = await t.request('POST', '/api/webhooks', {
      token,
      headers: { 'accept-language': 'it' },
      body: { url: 'http://127.0.0.1:8080/hook', events: ['*'] },
    })
    expect(it.json().error.message).toContain('non è un indirizzo pubblico')
    const list = await t.request('GET', '/api/webhooks', { token })
    expect(list.json().items).toEqual([])
  })

  it('when a host name resolves to loopback, then the delivery is refused at connection time and recorded as failed; the receiver gets nothing', async () => {
    const port = new URL(receiver.url).port
    const created = await t.request('POST', '/api/webhooks', {
      token,
      body: { url: `http://localhost:${port}/hooks/tramite`, events: ['*'] },
    })
    expect(created.status, created.body).toBe(201)
    const subscriptionId = created.json().id as string
    await fileRequest(t, token)

    const report = (await t.runTask('webhooks')) as { delivered: number; retried: number }
    expect(report.delivered).toBe(0)
    expect(report.retried).toBe(1)
    expect(receiver.received).toEqual([])
    const deliveries = await t.request('GET', `/api/webhooks/${subscriptionId}/deliveries`, { token })
    const [delivery] = deliveries.json().items
    expect(delivery.status).toBe('pending')
    expect(delivery.lastError).toContain('not a public internet address')
  })
})
