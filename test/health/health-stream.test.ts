import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const TAILSPIN = tenantIdOf('tailspin.example')
const BIANCHI = tenantIdOf('bianchi.example')

/**
 * An SSE client: collects the incident events (the stream also carries the user's notifications,
 * tested in test/home), resolves `connected` once the server says it listens.
 */
async function openStream(url: string, token: string) {
  const controller = new AbortController()
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  })
  const events: { event: string; data: any }[] = []
  let buffer = ''
  let connected!: () => void
  const ready = new Promise<void>((r) => (connected = r))
  void (async () => {
    const decoder = new TextDecoder()
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (block.includes(': connected')) connected()
          const event = /^event: (.+)$/m.exec(block)?.[1]
          const data = /^data: (.+)$/m.exec(block)?.[1]
          if (event && event !== 'notification' && data) events.push({ event, data: JSON.parse(data) })
        }
      }
    } catch {
      // aborted
    }
  })()
  await ready
  return { status: res.status, events, close: () => controller.abort() }
}

describe.each(dialects())('live service health (%s)', (dialect) => {
  let t: TestApp
  let base: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    base = await t.listen()
  })
  afterAll(() => t?.close())

  it('when incidents are published, then each stream carries only those of tenants its user may read — never another tenant’s', async () => {
    const anna = await openStream(`${base}/api/health/stream`, await t.tokenFor('anna@fabrikam.example'))
    const ada = await openStream(`${base}/api/health/stream`, await t.tokenFor('ada@adatum.example'))
    const rossiAdmin = await openStream(`${base}/api/health/stream`, await t.tokenFor('admin@rossi.example'))
    const engineer = await t.tokenFor('engineer@contoso.example')
    try {
      const publish = async (title: string, tenantIds: string[]) =>
        (
          await t.request('POST', '/api/health/incidents', {
            token: engineer,
            body: {
              title,
              classification: 'incident',
              status: 'investigating',
              impactDescription: 'x',
              serviceIds: ['Exchange'],
              tenantIds,
              message: 'Investigating.',
            },
          })
        ).json()
      const both = await publish('Mail delayed', [ROSSI, TAILSPIN])
      const tailspinOnly = await publish('Tailspin only', [TAILSPIN])
      await t.request('PATCH', `/api/health/incidents/${both.id}`, {
        token: engineer,
        body: { status: 'serviceRestored', message: 'Fixed.' },
      })
      await expect.poll(() => anna.events.length, { timeout: 10_000 }).toBe(2)
      expect(anna.events.map((e) => [e.data.kind, e.data.incident.id, e.data.tenants])).toEqual([
        ['published', both.id, [ROSSI]],
        ['updated', both.id, [ROSSI]],
      ])
      expect(anna.events.some((e) => e.data.incident.id === tailspinOnly.id)).toBe(false)
      await expect.poll(() => rossiAdmin.events.length, { timeout: 10_000 }).toBe(2)
      // nothing for ada: give the stream time to (wrongly) deliver
      await new Promise((r) => setTimeout(r, 300))
      expect(ada.events).toEqual([])
    } finally {
      anna.close()
      ada.close()
      rossiAdmin.close()
    }
  })

  it('when an update takes Rossi off an incident, then anna’s stream says it is withdrawn (its id only) and Bianchi’s readers get the update', async () => {
    const engineer = await t.tokenFor('engineer@contoso.example')
    const published = await t.request('POST', '/api/health/incidents', {
      token: engineer,
      body: {
        title: 'Secret title for Bianchi',
        classification: 'incident',
        status: 'investigating',
        impactDescription: 'x',
        serviceIds: ['Exchange'],
        tenantIds: [ROSSI, BIANCHI],
        message: 'Investigating.',
      },
    })
    expect(published.status, published.body).toBe(201)
    const id = published.json().id as string
    const anna = await openStream(`${base}/api/health/stream`, await t.tokenFor('anna@fabrikam.example'))
    const ada = await openStream(`${base}/api/health/stream`, await t.tokenFor('ada@adatum.example'))
    const tailspinAdmin = await openStream(
      `${base}/api/health/stream`,
      await t.tokenFor('admin@tailspin.example'),
    )
    try {
      const narrowed = await t.request('PATCH', `/api/health/incidents/${id}`, {
        token: engineer,
        body: { tenantIds: [BIANCHI], message: 'Only Bianchi is affected.' },
      })
      expect(narrowed.status, narrowed.body).toBe(200)
      await expect.poll(() => anna.events.length, { timeout: 10_000 }).toBe(1)
      expect(anna.events[0]!.data).toEqual({ kind: 'withdrawn', incident: { id }, tenants: [ROSSI] })
      expect(JSON.stringify(anna.events)).not.toContain('Only Bianchi')
      await expect.poll(() => ada.events.length, { timeout: 10_000 }).toBe(1)
      expect(ada.events[0]!.data.kind).toBe('updated')
      expect(ada.events[0]!.data.tenants).toEqual([BIANCHI])
      // a tenant that never had it hears nothing
      await new Promise((r) => setTimeout(r, 300))
      expect(tailspinAdmin.events).toEqual([])
    } finally {
      anna.close()
      ada.close()
      tailspinAdmin.close()
    }
  })

  it('when a stream asks for a tenant it may not read, then 404', async () => {
    const res = await fetch(`${base}/api/health/stream?tenant=${TAILSPIN}`, {
      headers: { authorization: `Bearer ${await t.tokenFor('anna@fabrikam.example')}` },
    })
    expect(res.status).toBe(404)
    await res.body?.cancel()
  })
})
