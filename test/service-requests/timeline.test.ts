import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest, fileToPartner } from '../support/requests.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const ANNA = 'anna@fabrikam.example'
const ADA = 'ada@adatum.example'
const NORA = 'nora@northwind.example'
const LEO = 'leo@litware.example'
const ENGINEER = 'engineer@contoso.example'
const ROSSI_ADMIN = 'admin@rossi.example'
const BIANCHI_ADMIN = 'admin@bianchi.example'
const TAILSPIN_ADMIN = 'admin@tailspin.example'
const PERSONAS = [ANNA, ADA, NORA, LEO, ENGINEER, ROSSI_ADMIN, BIANCHI_ADMIN, TAILSPIN_ADMIN]

interface Entry {
  kind: string
  visibility: string
  actor: { name: string; side: string } | null
  text?: string
  from?: string | null
  to?: string | null
  reason?: string | null
  request?: { id: string; title: string; handledBy: string }
}

describe.each(dialects())('a request’s timeline (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    t = await startTestApp(dialect)
    for (const p of PERSONAS) tokens[p] = await t.tokenFor(p)
  })
  afterAll(() => t?.close())

  const as = (email: string) => ({ token: tokens[email]! })
  const timelineOf = async (id: string, email: string) => {
    const res = await t.request('GET', `/api/service-requests/${id}/timeline`, as(email))
    expect(res.status, res.body).toBe(200)
    return res.json() as { entries: Entry[]; links: { escalationOf: any; escalations: any[] } }
  }
  const engineerId = async () =>
    (await t.request('GET', '/api/desk/engineers', as(ENGINEER))).json().items[0].userId as string

  it('when a request is worked, closed and reopened with reasons, then each reader sees its life — internal notes and assignment only on the desk', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!)
    const etagOf = async () =>
      (await t.request('GET', `/api/service-requests/${id}`, as(ENGINEER))).headers.etag!
    expect(
      (
        await t.request('POST', `/api/service-requests/${id}/notes`, {
          ...as(ENGINEER),
          body: { text: 'Checking the tenant’s call quality logs.', visibility: 'internal' },
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await t.request('POST', `/api/service-requests/${id}/notes`, {
          ...as(ENGINEER),
          body: { text: 'Which client version do the users run?' },
        })
      ).status,
    ).toBe(200)
    const assigned = await t.request('PATCH', `/api/service-requests/${id}`, {
      ...as(ENGINEER),
      headers: { 'if-match': await etagOf() },
      body: { assignedTo: await engineerId(), severity: 'minimal' },
    })
    expect(assigned.status, assigned.body).toBe(200)
    const closed = await t.request('POST', `/api/service-requests/${id}/close`, {
      ...as(ANNA),
      body: { reason: 'Fixed by the client update.' },
    })
    expect(closed.status, closed.body).toBe(200)
    const reopened = await t.request('POST', `/api/service-requests/${id}/reopen`, {
      ...as(ROSSI_ADMIN),
      body: { reason: 'Calls drop again in Rome.' },
    })
    expect(reopened.status, reopened.body).toBe(200)

    const desk = await timelineOf(id, ENGINEER)
    expect(desk.entries.map((e) => e.kind)).toEqual([
      'created',
      'note',
      'note',
      'severity',
      'assignment',
      'status',
      'status',
    ])
    expect(desk.entries[0]).toMatchObject({
      kind: 'created',
      actor: { name: 'Anna Moretti', side: 'partner' },
    })
    expect(desk.entries[1]).toMatchObject({
      visibility: 'internal',
      text: 'Checking the tenant’s call quality logs.',
    })
    expect(desk.entries.find((e) => e.kind === 'assignment')).toMatchObject({
      visibility: 'internal',
      from: null,
    })
    expect(desk.entries.find((e) => e.kind === 'severity')).toMatchObject({ from: 'moderate', to: 'minimal' })
    const [close, reopen] = desk.entries.filter((e) => e.kind === 'status')
    expect(close).toMatchObject({
      from: 'open',
      to: 'closed',
      reason: 'Fixed by the client update.',
      actor: { name: 'Anna Moretti', side: 'partner' },
    })
    expect(reopen).toMatchObject({
      from: 'closed',
      to: 'open',
      reason: 'Calls drop again in Rome.',
      actor: { side: 'customer' },
    })

    for (const reader of [ANNA, ROSSI_ADMIN]) {
      const seen = await timelineOf(id, reader)
      expect(seen.entries.map((e) => e.kind)).toEqual(['created', 'note', 'severity', 'status', 'status'])
      expect(seen.entries.every((e) => e.visibility === 'public')).toBe(true)
      expect(JSON.stringify(seen)).not.toContain('call quality logs')
      expect(seen.entries.filter((e) => e.kind === 'status').map((e) => e.reason)).toEqual([
        'Fixed by the client update.',
        'Calls drop again in Rome.',
      ])
    }
  })

  it('when a request is read, then its timeline links to its ticket in the workload portal in the reader’s context', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!)
    const portal = async (email: string) =>
      (await t.request('GET', `/api/service-requests/${id}/timeline`, as(email))).json().portal
    expect(await portal(ANNA)).toEqual({
      kind: 'm365',
      path: `/admin-center/support/requests?tenant=${ROSSI}&workload=office365&request=${id}`,
    })
    expect(await portal(ROSSI_ADMIN)).toEqual({
      kind: 'm365',
      path: `/admin-center/support/requests?workload=office365&request=${id}`,
    })
    expect(await portal(ENGINEER)).toBeNull()
  })

  it('when a reopen gives no reason, then it is refused with 400 and the request stays closed', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!)
    expect((await t.request('POST', `/api/service-requests/${id}/close`, as(ANNA))).status).toBe(200)
    for (const body of [undefined, {}, { reason: '   ' }]) {
      const res = await t.request('POST', `/api/service-requests/${id}/reopen`, { ...as(ANNA), body })
      expect(res.status).toBe(400)
      expect(res.json().error.code).toBeTruthy()
    }
    const now = (await t.request('GET', `/api/service-requests/${id}`, as(ANNA))).json()
    expect(now.status).toBe('closed')
    const statuses = (await timelineOf(id, ANNA)).entries.filter((e) => e.kind === 'status')
    expect(statuses).toHaveLength(1)
    expect(statuses[0]).toMatchObject({ to: 'closed', reason: null })
  })

  it('when someone outside the request asks for its timeline, then it answers 404', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!)
    for (const outsider of [LEO, TAILSPIN_ADMIN, ADA]) {
      const res = await t.request('GET', `/api/service-requests/${id}/timeline`, as(outsider))
      expect(res.status).toBe(404)
    }
  })

  it('when Adatum escalates Bianchi’s request to the vendor, then the two requests are linked both ways', async () => {
    const sent = await fileToPartner(t, tokens[BIANCHI_ADMIN]!, {
      title: 'Mail stuck in the outbox',
      description: 'Since this morning.',
      severity: 'moderate',
    })
    const filed = await t.request('POST', '/api/service-requests', {
      ...as(ADA),
      body: {
        customerTenantId: BIANCHI,
        workload: 'office365',
        title: 'Mail stuck in the outbox',
        description: 'Since this morning. Escalated for Bianchi.',
        severity: 'moderate',
        escalationOf: sent.id,
      },
    })
    expect(filed.status, filed.body).toBe(201)
    const escalation = filed.json()
    expect(escalation.handledBy).toBe('vendor')

    const source = await timelineOf(sent.id, BIANCHI_ADMIN)
    expect(source.links.escalations).toEqual([
      { id: escalation.id, title: 'Mail stuck in the outbox', status: 'open', handledBy: 'vendor' },
    ])
    expect(source.entries.find((e) => e.kind === 'escalated')).toMatchObject({
      actor: { name: 'Ada Russo', side: 'partner' },
      request: { id: escalation.id, handledBy: 'vendor' },
    })
    for (const reader of [ADA, ENGINEER]) {
      const target = await timelineOf(escalation.id, reader)
      expect(target.links.escalationOf).toMatchObject({ id: sent.id, handledBy: 'partner' })
    }
  })

  it('when someone other than the partner working it escalates a request, then it is refused and nothing is filed', async () => {
    const sent = await fileToPartner(t, tokens[BIANCHI_ADMIN]!, {
      title: 'Teams meeting recordings missing',
      description: 'None since Monday.',
      severity: 'minimal',
    })
    const body = (extra: Record<string, unknown>) => ({
      workload: 'office365',
      title: 'Escalation',
      description: 'x',
      severity: 'minimal',
      escalationOf: sent.id,
      ...extra,
    })
    // Fabrikam works for Rossi, not Bianchi; Northwind does not work this request
    const byAnna = await t.request('POST', '/api/service-requests', {
      ...as(ANNA),
      body: body({ customerTenantId: ROSSI }),
    })
    expect(byAnna.status).toBe(404)
    const byNora = await t.request('POST', '/api/service-requests', {
      ...as(NORA),
      body: body({ customerTenantId: BIANCHI, workload: 'azure' }),
    })
    expect([403, 404]).toContain(byNora.status)
    const unknown = await t.request('POST', '/api/service-requests', {
      ...as(ADA),
      body: body({ customerTenantId: BIANCHI, escalationOf: '2611250000009999' }),
    })
    expect(unknown.status).toBe(404)
    expect((await t.request('POST', `/api/service-requests/${sent.id}/close`, as(ADA))).status).toBe(200)
    const closed = await t.request('POST', '/api/service-requests', {
      ...as(ADA),
      body: body({ customerTenantId: BIANCHI }),
    })
    expect(closed.status).toBe(409)
    expect((await timelineOf(sent.id, ADA)).links.escalations).toEqual([])
  })
})
