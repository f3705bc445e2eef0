import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest, fileToPartner } from '../support/requests.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const ANNA = 'anna@fabrikam.example'
const ADA = 'ada@adatum.example'
const ENGINEER = 'engineer@contoso.example'
const ROSSI_ADMIN = 'admin@rossi.example'
const BIANCHI_ADMIN = 'admin@bianchi.example'
const HOUR = 3_600_000

/** An SSE client that collects `notification` events until closed. */
async function openStream(url: string, token: string) {
  const controller = new AbortController()
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal })
  const notices: { id: number; unread: number }[] = []
  let connected!: () => void
  const ready = new Promise<void>((resolve) => (connected = resolve))
  let arrived: () => void = () => undefined
  void (async () => {
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (block.includes(': connected')) connected()
          if (/^event: notification$/m.test(block)) {
            notices.push(JSON.parse(/^data: (.+)$/m.exec(block)![1]!))
            arrived()
          }
        }
      }
    } catch {
      // aborted
    }
  })()
  await ready
  return {
    notices,
    /** Resolves once `n` notices came (the test's own timeout bounds the wait). */
    waitFor: (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => (notices.length >= n ? resolve() : (arrived = check))
        check()
      }),
    close: () => controller.abort(),
  }
}

describe.each(dialects())('where each person lands (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    t = await startTestApp(dialect)
    for (const p of [ANNA, ADA, ENGINEER, ROSSI_ADMIN, BIANCHI_ADMIN]) tokens[p] = await t.tokenFor(p)
  })
  afterAll(() => t?.close())

  const as = (email: string) => ({ token: tokens[email]! })
  const homeOf = async (email: string) => {
    const res = await t.request('GET', '/api/home', as(email))
    expect(res.status, res.body).toBe(200)
    return res.json()
  }
  const ids = (section: { items: { id: string }[] }) => section.items.map((r) => r.id)

  it('when the engineer asks anna for information, then the request is on her home under "waiting on you" — and not on ada’s', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!, {
      severity: 'critical',
      contact: { phone: '+39 02 555 0101' },
    })
    await t.request('POST', `/api/service-requests/${id}/notes`, {
      ...as(ENGINEER),
      body: { text: 'Which build?', requestInformation: true },
    })
    const anna = await homeOf(ANNA)
    expect(anna.persona).toBe('partner')
    expect(ids(anna.waitingOnYou)).toContain(id)
    expect(anna.waitingOnYou.total).toBeGreaterThanOrEqual(1)
    const ada = await homeOf(ADA)
    for (const section of [ada.waitingOnYou, ada.sentToYou, ada.atRisk])
      expect(section.items.every((r: { tenant: { tenantId: string } }) => r.tenant.tenantId !== ROSSI)).toBe(
        true,
      )
  })

  it('when a request’s first-response clock nears its end, then it is on the partner’s home under "at risk"', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!, { title: 'Clock nearly out' })
    t.clock.offsetMs = 3.5 * HOUR
    try {
      expect(ids((await homeOf(ANNA)).atRisk)).toContain(id)
      // the engineer's home shows it too, and their queue most urgent first
      const engineer = await homeOf(ENGINEER)
      expect(engineer.persona).toBe('vendor')
      expect(ids(engineer.atRisk)).toContain(id)
    } finally {
      t.clock.offsetMs = 0
    }
  })

  it('when a trial customer sends its partner a request, then it is on ada’s home under "sent to you"', async () => {
    const sent = await fileToPartner(t, as(BIANCHI_ADMIN).token, {
      title: 'Printer',
      description: 'Prints blank.',
      severity: 'minimal',
    })
    const ada = await homeOf(ADA)
    expect(ids(ada.sentToYou)).toContain(sent.id)
    expect(ids((await homeOf(ANNA)).sentToYou)).not.toContain(sent.id)
  })

  it('when an incident affects Rossi, then anna’s home lists it with Rossi by name; ada’s does not', async () => {
    const published = await t.request('POST', '/api/health/incidents', {
      ...as(ENGINEER),
      body: {
        title: 'Exchange mail delayed',
        classification: 'incident',
        status: 'investigating',
        impactDescription: 'Mail is delayed.',
        serviceIds: ['Exchange'],
        tenantIds: [ROSSI],
        message: 'Investigating.',
      },
    })
    expect(published.status, published.body).toBe(201)
    const incident = (await homeOf(ANNA)).incidents.find(
      (i: { incidentId: string }) => i.incidentId === published.json().id,
    )
    expect(incident.customers).toEqual([{ tenantId: ROSSI, name: 'Rossi Costruzioni S.p.A.' }])
    expect(
      (await homeOf(ADA)).incidents.some((i: { incidentId: string }) => i.incidentId === published.json().id),
    ).toBe(false)
    // Rossi's administrator sees it on their own home
    expect(
      (await homeOf(ROSSI_ADMIN)).incidents.some(
        (i: { incidentId: string }) => i.incidentId === published.json().id,
      ),
    ).toBe(true)
    expect(
      (await homeOf(BIANCHI_ADMIN)).incidents.some(
        (i: { incidentId: string }) => i.incidentId === published.json().id,
      ),
    ).toBe(false)
  })

  it('when Fabrikam’s relationship with Tailspin has expired, then anna’s home lists it as lost; ada’s shows no Fabrikam relationship', async () => {
    const anna = await homeOf(ANNA)
    expect(
      anna.gdap.some(
        (g: { customerName: string; status: string }) =>
          g.customerName === 'Tailspin Toys' && g.status === 'expired',
      ),
    ).toBe(true)
    expect(
      (await homeOf(ADA)).gdap.every((g: { customerName: string }) => g.customerName !== 'Tailspin Toys'),
    ).toBe(true)
  })

  it('when a customer administrator lands, then their home holds their own requests and nothing of another customer', async () => {
    const filed = await t.request('POST', '/api/service-requests', {
      ...as(ROSSI_ADMIN),
      body: {
        workload: 'office365',
        title: 'OneDrive sync',
        description: 'Sync stops.',
        severity: 'minimal',
      },
    })
    expect(filed.status, filed.body).toBe(201)
    const rossi = await homeOf(ROSSI_ADMIN)
    expect(rossi.persona).toBe('customer')
    expect(ids(rossi.open)).toContain(filed.json().id)
    const bianchi = await homeOf(BIANCHI_ADMIN)
    expect(
      [...bianchi.open.items, ...bianchi.waitingOnYou.items].every(
        (r: { tenant: { tenantId: string } }) => r.tenant.tenantId === BIANCHI,
      ),
    ).toBe(true)
  })

  it('when the engineer asks anna for information while her page is open, then her live stream carries the notice — and ada’s stream nothing', async () => {
    const base = await t.listen()
    const anna = await openStream(`${base}/api/health/stream`, tokens[ANNA]!)
    const ada = await openStream(`${base}/api/health/stream`, tokens[ADA]!)
    try {
      const { id } = await fileRequest(t, tokens[ANNA]!)
      const asked = await t.request('POST', `/api/service-requests/${id}/notes`, {
        ...as(ENGINEER),
        body: { text: 'Logs, please.', requestInformation: true },
      })
      expect(asked.status).toBe(200)
      await anna.waitFor(1)
      const notices = (await t.request('GET', '/api/notifications', as(ANNA))).json()
      expect(anna.notices[0]).toEqual({ id: notices.items[0].id, unread: notices.unread })
      expect(ada.notices).toEqual([])
    } finally {
      anna.close()
      ada.close()
    }
  })
})
