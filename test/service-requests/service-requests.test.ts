import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const FABRIKAM = tenantIdOf('fabrikam.example')

const PERSONAS = [
  'anna@fabrikam.example',
  'hugo@fabrikam.example',
  'nora@northwind.example',
  'ada@adatum.example',
  'leo@litware.example',
  'admin@rossi.example',
  'admin@bianchi.example',
  'admin@tailspin.example',
  'admin@wideworld.example',
  'engineer@contoso.example',
]

describe.each(dialects())('service requests (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    t = await startTestApp(dialect)
    for (const p of PERSONAS) tokens[p] = await t.tokenFor(p)
  })
  afterAll(() => t?.close())

  const as = (email: string) => ({ token: tokens[email]! })
  const body = (extra: Record<string, unknown>) => ({
    title: 'Teams calls drop',
    description: 'Calls drop after two minutes for all users.',
    severity: 'moderate',
    ...extra,
  })

  async function fileAsAnna(extra: Record<string, unknown> = {}) {
    const res = await t.request('POST', '/api/service-requests', {
      ...as('anna@fabrikam.example'),
      body: body({ customerTenantId: ROSSI, workload: 'office365', supportTopicId: 'o365.teams', ...extra }),
    })
    expect(res.status, res.body).toBe(201)
    return res
  }

  it('when anna files for Rossi, then the customer’s admin sees it with the partner’s contact and the CSP plan', async () => {
    const created = await fileAsAnna()
    const id = created.json().id as string
    expect(id).toMatch(/^\d{16}$/)
    expect(created.headers.location).toBe(`/api/service-requests/${id}`)
    expect(created.headers.etag).toBe(`"${id}-1"`)

    const seen = await t.request('GET', `/api/service-requests/${id}`, as('admin@rossi.example'))
    expect(seen.status).toBe(200)
    expect(seen.json()).toMatchObject({
      id,
      supportPlan: 'csp',
      contact: { name: 'Anna Moretti', email: 'anna@fabrikam.example' },
      partner: { name: 'Fabrikam' },
      notes: [],
    })
    const list = (await t.request('GET', '/api/service-requests', as('admin@rossi.example'))).json()
    expect(list.items.map((r: { id: string }) => r.id)).toContain(id)
    // and the vendor's engineer sees it on the desk
    expect(
      (await t.request('GET', `/api/service-requests/${id}`, as('engineer@contoso.example'))).status,
    ).toBe(200)
  })

  it('when a request is followed, then notes append, close and reopen work, and each change is audited', async () => {
    const id = (await fileAsAnna()).json().id as string
    const noted = await t.request('POST', `/api/service-requests/${id}/notes`, {
      ...as('anna@fabrikam.example'),
      body: { text: 'Happens on the Milan site only.' },
    })
    expect(noted.status).toBe(200)
    expect(noted.json().notes).toMatchObject([
      { authorName: 'Anna Moretti', text: 'Happens on the Milan site only.' },
    ])
    expect(noted.json().version).toBe(2)

    const customerNote = await t.request('POST', `/api/service-requests/${id}/notes`, {
      ...as('admin@rossi.example'),
      body: { text: 'Also in Rome.' },
    })
    expect(customerNote.json().notes).toHaveLength(2)

    const closed = await t.request('POST', `/api/service-requests/${id}/close`, as('anna@fabrikam.example'))
    expect(closed.json()).toMatchObject({ status: 'closed' })
    expect(closed.json().closedAt).not.toBeNull()
    const closedAgain = await t.request(
      'POST',
      `/api/service-requests/${id}/close`,
      as('anna@fabrikam.example'),
    )
    expect(closedAgain.status).toBe(409)
    const noteOnClosed = await t.request('POST', `/api/service-requests/${id}/notes`, {
      ...as('anna@fabrikam.example'),
      body: { text: 'late' },
    })
    expect(noteOnClosed.status).toBe(409)
    expect(noteOnClosed.json().error.code).toBe('request_closed')
    const reopened = await t.request('POST', `/api/service-requests/${id}/reopen`, {
      ...as('admin@rossi.example'),
      body: { reason: 'It happens again.' },
    })
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null })

    const audit = (await t.request('GET', `/api/audit?tenant=${ROSSI}`, as('admin@rossi.example'))).json()
      .items
    const mine = audit
      .filter((e: { targetId: string }) => e.targetId === id)
      .map((e: { action: string }) => e.action)
    expect(mine).toEqual(
      expect.arrayContaining([
        'service_request.create',
        'service_request.note',
        'service_request.close',
        'service_request.reopen',
      ]),
    )
    const create = audit.find(
      (e: { targetId: string; action: string }) => e.targetId === id && e.action === 'service_request.create',
    )
    expect(create).toMatchObject({
      actorEmail: 'anna@fabrikam.example',
      actorTenantName: 'Fabrikam',
      tenantId: ROSSI,
      roleName: 'Service Support Administrator',
      rule: 'R9',
      result: 'allowed',
    })
    expect(create.relationshipId).toBeTruthy()
  })

  it('when two people change a request from the same version, then the second gets 412 and nothing is lost', async () => {
    const created = await fileAsAnna()
    const { id } = created.json()
    const etag = created.headers.etag as string
    const first = await t.request('POST', `/api/service-requests/${id}/notes`, {
      ...as('anna@fabrikam.example'),
      headers: { 'if-match': etag },
      body: { text: 'first' },
    })
    expect(first.status).toBe(200)
    const second = await t.request('POST', `/api/service-requests/${id}/notes`, {
      ...as('admin@rossi.example'),
      headers: { 'if-match': etag },
      body: { text: 'second' },
    })
    expect(second.status).toBe(412)
    expect(second.json().error.code).toBe('version_conflict')
    const notes = (await t.request('GET', `/api/service-requests/${id}`, as('anna@fabrikam.example'))).json()
      .notes
    expect(notes.map((n: { text: string }) => n.text)).toEqual(['first'])
  })

  it('when notes are changed in the database, then the database refuses (append-only), and so does the audit log', async () => {
    const { id } = (await fileAsAnna()).json()
    await t.request('POST', `/api/service-requests/${id}/notes`, {
      ...as('anna@fabrikam.example'),
      body: { text: 'original' },
    })
    await expect(
      t.db.db.updateTable('service_request_notes').set({ text: 'edited' }).execute(),
    ).rejects.toThrow(/append-only/)
    await expect(t.db.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/)
    await expect(t.db.db.updateTable('audit_events').set({ result: 'done' }).execute()).rejects.toThrow(
      /append-only/,
    )
  })

  it('when lists are filtered and paged, then they are newest first and honour every filter', async () => {
    for (const severity of ['critical', 'minimal', 'critical'] as const) {
      await fileAsAnna({ severity, workload: 'ems', supportTopicId: 'ems.intune' })
    }
    const all = (
      await t.request('GET', '/api/service-requests?workload=ems&limit=2', as('anna@fabrikam.example'))
    ).json()
    expect(all.total).toBe(3)
    expect(all.items).toHaveLength(2)
    const stamps = all.items.map((r: { createdAt: string; id: string }) => r.id)
    expect([...stamps].sort().reverse()).toEqual(stamps)
    const page2 = (
      await t.request(
        'GET',
        '/api/service-requests?workload=ems&limit=2&offset=2',
        as('anna@fabrikam.example'),
      )
    ).json()
    expect(page2.items).toHaveLength(1)
    const critical = (
      await t.request(
        'GET',
        '/api/service-requests?workload=ems&severity=critical',
        as('anna@fabrikam.example'),
      )
    ).json()
    expect(critical.total).toBe(2)
    const byCustomer = (
      await t.request('GET', `/api/service-requests?customer=${BIANCHI}`, as('anna@fabrikam.example'))
    ).json()
    expect(byCustomer.total).toBe(0)
    const closed = (
      await t.request('GET', '/api/service-requests?status=closed&workload=ems', as('anna@fabrikam.example'))
    ).json()
    expect(closed.total).toBe(0)
  })

  it('when a refused filing is attempted, then 403 names the rule and remedy, nothing is written but the audit event', async () => {
    const count = async () =>
      (
        await t.db.db
          .selectFrom('service_requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    const before = await count()
    const res = await t.request('POST', '/api/service-requests', {
      ...as('ada@adatum.example'),
      headers: { 'accept-language': 'it' },
      body: body({ customerTenantId: BIANCHI, workload: 'azure' }),
    })
    expect(res.status).toBe(403)
    expect(res.json().error).toMatchObject({
      code: 'policy_refused',
      details: { rule: 'R5', reason: 'reseller_not_provider' },
    })
    expect(res.json().error.message).toMatch(/rivenditori indiretti/)
    expect(res.json().error.details.remedy).toMatch(/Northwind Distribution/)
    expect(await count()).toBe(before)
    const audit = (await t.request('GET', `/api/audit?tenant=${BIANCHI}`, as('ada@adatum.example'))).json()
      .items
    expect(audit[0]).toMatchObject({
      action: 'service_request.create',
      result: 'refused',
      rule: 'R5',
      actorEmail: 'ada@adatum.example',
    })
  })

  it('when the audit log is exported, then it is CSV, and a partner sees only its own actions for its customer', async () => {
    await fileAsAnna()
    const csv = await t.request('GET', `/api/audit?tenant=${ROSSI}&format=csv`, as('anna@fabrikam.example'))
    expect(csv.status).toBe(200)
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    const lines = csv.body.trim().split('\r\n')
    expect(lines[0]).toBe(
      'id,at,actorEmail,actorTenantName,tenantId,relationshipId,roleName,action,targetType,targetId,rule,result,reason,applicationId,integrity',
    )
    expect(lines.slice(1).every((l) => l.includes('anna@fabrikam.example'))).toBe(true)
    // the customer's admin sees everyone's actions on its tenant, including its own (and the
    // engineer's on the demo world's requests at Rossi)
    const admin = (await t.request('GET', `/api/audit?tenant=${ROSSI}`, as('admin@rossi.example'))).json()
      .items
    expect(new Set(admin.map((e: { actorEmail: string }) => e.actorEmail))).toEqual(
      new Set(['anna@fabrikam.example', 'admin@rossi.example', 'engineer@contoso.example']),
    )
    // others answer 404
    expect((await t.request('GET', `/api/audit?tenant=${ROSSI}`, as('ada@adatum.example'))).status).toBe(404)
    expect((await t.request('GET', `/api/audit?tenant=${ROSSI}`, as('admin@bianchi.example'))).status).toBe(
      404,
    )
  })

  it('when a CSV cell starts like a formula, then it is neutralized', async () => {
    const { toCsv } = await import('../../src/audit/audit.http.ts')
    const csv = toCsv([
      {
        id: 1,
        at: new Date(0),
        actorEmail: '=HYPERLINK("x")',
        actorTenantId: null,
        actorTenantName: 'A, "B"',
        tenantId: null,
        relationshipId: null,
        roleName: null,
        action: 'a',
        targetType: null,
        targetId: null,
        rule: null,
        result: 'done',
        reason: null,
        applicationId: null,
        integrity: 'verified',
      },
    ])
    expect(csv.split('\r\n')[1]).toBe(
      `1,1970-01-01T00:00:00.000Z,"'=HYPERLINK(""x"")","A, ""B""",,,,a,,,,done,,,verified`,
    )
  })

  it('when every persona tries every route on a request of Rossi, then only those the policy allows see it; others get 404', async () => {
    const { id } = (await fileAsAnna()).json()
    const canRead = new Set([
      'anna@fabrikam.example',
      'hugo@fabrikam.example',
      'admin@rossi.example',
      'engineer@contoso.example',
    ])
    for (const persona of PERSONAS) {
      const read = await t.request('GET', `/api/service-requests/${id}`, as(persona))
      expect(read.status, `${persona} GET`).toBe(canRead.has(persona) ? 200 : 404)
      const note = await t.request('POST', `/api/service-requests/${id}/notes`, {
        ...as(persona),
        body: { text: `from ${persona}` },
      })
      const close = await t.request('POST', `/api/service-requests/${id}/close`, as(persona))
      if (!canRead.has(persona)) {
        expect(note.status, `${persona} note`).toBe(404)
        expect(close.status, `${persona} close`).toBe(404)
      } else if (persona === 'hugo@fabrikam.example') {
        // hugo may follow Fabrikam's requests, but acting for the customer needs the filing right (R1)
        expect(note.status).toBe(403)
        expect(note.json().error.details.rule).toBe('R1')
      } else {
        expect(note.status, `${persona} note`).toBe(200)
        expect([200, 409]).toContain(close.status)
        if (close.status === 200)
          await t.request('POST', `/api/service-requests/${id}/reopen`, {
            ...as(persona),
            body: { reason: 'again' },
          })
      }
      const list = await t.request('GET', '/api/service-requests?limit=200', as(persona))
      if (list.status === 200) {
        expect(
          list.json().items.some((r: { id: string }) => r.id === id),
          `${persona} list`,
        ).toBe(canRead.has(persona))
      }
    }
  })

  it('when a partner’s GDAP relationship expires, then it can still read its past requests but no longer act for the customer', async () => {
    const { id } = (await fileAsAnna()).json()
    t.clock.offsetMs = 800 * 86400_000
    try {
      const token = tokens['anna@fabrikam.example']!
      expect((await t.request('GET', `/api/service-requests/${id}`, { token })).status).toBe(200)
      const note = await t.request('POST', `/api/service-requests/${id}/notes`, {
        token,
        body: { text: 'still there?' },
      })
      expect(note.status).toBe(403)
      expect(note.json().error.details).toMatchObject({ rule: 'R1', reason: 'gdap_expired' })
    } finally {
      t.clock.offsetMs = 0
    }
  })

  it('when a request id is malformed or unknown, then 404 — never 500', async () => {
    for (const id of ['abc', '1'.repeat(40), '0000000000000000', "1' or '1'='1"]) {
      const res = await t.request(
        'GET',
        `/api/service-requests/${encodeURIComponent(id)}`,
        as('anna@fabrikam.example'),
      )
      expect(res.status, id).toBe(404)
    }
  })

  it('when the subscription or topic does not belong, then 4xx and nothing is filed', async () => {
    const otherSub = (
      await t.db.db
        .selectFrom('subscriptions')
        .select('id')
        .where('tenant_id', '=', BIANCHI)
        .executeTakeFirstOrThrow()
    ).id
    const res = await t.request('POST', '/api/service-requests', {
      ...as('anna@fabrikam.example'),
      body: body({ customerTenantId: ROSSI, workload: 'azure', subscriptionId: otherSub }),
    })
    expect(res.status).toBe(404)
    const topic = await t.request('POST', '/api/service-requests', {
      ...as('anna@fabrikam.example'),
      body: body({ customerTenantId: ROSSI, workload: 'office365', supportTopicId: 'az.vm' }),
    })
    expect(topic.status).toBe(400)
    expect(topic.json().error.code).toBe('unknown_topic')
  })

  it('when a delegated token (partner acting in the customer’s tenant) files, then it files for that customer only', async () => {
    const delegated = await t.tokenFor('anna@fabrikam.example', 'rossi.example')
    const res = await t.request('POST', '/api/service-requests', {
      token: delegated,
      body: body({ workload: 'office365' }),
    })
    expect(res.status, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      tenant: { tenantId: ROSSI },
      partner: { tenantId: FABRIKAM },
      rule: 'R9',
    })
    const elsewhere = await t.request('POST', '/api/service-requests', {
      token: delegated,
      body: body({ workload: 'office365', customerTenantId: tenantIdOf('tailspin.example') }),
    })
    expect(elsewhere.status).toBe(404)
  })

  it('when support topics are asked for, then the uncommon ones are marked for “More…”, in the caller’s language', async () => {
    const res = (
      await t.request('GET', '/api/support-topics?workload=office365', {
        ...as('anna@fabrikam.example'),
        headers: { 'accept-language': 'it' },
      })
    ).json()
    expect(res.items[0]).toEqual({
      id: 'o365.exchange',
      name: 'Exchange Online: flusso di posta e cassette postali',
      common: true,
    })
    expect(res.items.some((i: { common: boolean }) => !i.common)).toBe(true)
  })
})
