import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { DEMO_REQUESTS } from '../../src/demo/activity.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const TAILSPIN = tenantIdOf('tailspin.example')
const FABRIKAM = tenantIdOf('fabrikam.example')
const NEVER = '0001-01-01T00:00:00'

/** The body of Partner Center's "Update a service request" example, with the note's text replaced. */
const documentedPatch = (text: string) => ({
  Id: null,
  Title: null,
  Description: null,
  Severity: 'unknown',
  SupportTopicId: null,
  SupportTopicName: null,
  Status: 'none',
  Organization: null,
  PrimaryContact: null,
  LastUpdatedBy: null,
  ProductName: null,
  ProductId: null,
  CreatedDate: '0001-01-01T00:00:00',
  LastModifiedDate: '0001-01-01T00:00:00',
  LastClosedDate: '0001-01-01T00:00:00',
  NewNote: { CreatedByName: null, CreatedDate: null, Text: text },
  Notes: null,
  CountryCode: null,
  FileLinks: null,
  Attributes: { ObjectType: 'ServiceRequest' },
})

interface Item {
  id: string
  status: string
  organization: { id: string }
  notes?: unknown
  attributes: { objectType: string }
}

describe.each(dialects())('Partner Center v1 service requests (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    t = await startTestApp(dialect)
    for (const email of [
      'anna@fabrikam.example',
      'ada@adatum.example',
      'admin@rossi.example',
      'admin@bianchi.example',
      'engineer@contoso.example',
    ])
      tokens[email] = await t.tokenFor(email)
  })
  afterAll(() => t?.close())

  const as = (email: string, extra: { headers?: Record<string, string>; body?: unknown } = {}) => ({
    token: tokens[email]!,
    ...extra,
  })

  /** Files through the portal API (Partner Center's own create API was retired in 2020). */
  async function file(email: string, body: Record<string, unknown>): Promise<string> {
    const res = await t.request('POST', '/api/service-requests', {
      ...as(email),
      body: {
        title: 'Teams calls drop',
        description: 'Calls drop after two minutes for all users.',
        severity: 'moderate',
        ...body,
      },
    })
    expect(res.status, res.body).toBe(201)
    return res.json().id as string
  }
  const fileForRossi = (extra: Record<string, unknown> = {}) =>
    file('anna@fabrikam.example', {
      customerTenantId: ROSSI,
      workload: 'office365',
      supportTopicId: 'o365.teams',
      ...extra,
    })

  const get = (id: string, email = 'anna@fabrikam.example', headers: Record<string, string> = {}) =>
    t.request('GET', `/v1/servicerequests/${id}`, as(email, { headers }))
  const patch = (
    id: string,
    body: unknown,
    headers: Record<string, string> = {},
    email = 'anna@fabrikam.example',
  ) => t.request('PATCH', `/v1/servicerequests/${id}`, as(email, { body, headers }))
  const listIds = async (url: string, email = 'anna@fabrikam.example') => {
    const res = await t.request('GET', url, as(email))
    expect(res.status, res.body).toBe(200)
    return (res.json().items as Item[]).map((i) => i.id)
  }

  const expectPartnerCenterError = (res: { status: number; json(): any }, status: number, code: string) => {
    expect(res.status).toBe(status)
    const body = res.json()
    expect(body).toMatchObject({ code, source: 'Tramite' })
    expect(typeof body.description).toBe('string')
    expect(Array.isArray(body.data)).toBe(true)
    return body as { code: string; description: string; data: unknown[] }
  }

  it('when anna lists service requests, then she gets Fabrikam’s customers’ and its own, newest first, in the collection envelope', async () => {
    const rossi = await fileForRossi({ severity: 'critical' })
    const own = await file('anna@fabrikam.example', { workload: 'azure', title: 'Own VM will not start' })
    const res = await t.request('GET', '/v1/servicerequests', as('anna@fabrikam.example'))
    expect(res.status).toBe(200)
    const body = res.json()
    expect(body.attributes).toEqual({ objectType: 'Collection' })
    expect(body.totalCount).toBe(body.items.length)
    expect(body.links.self.uri).toContain('/servicerequests')
    const ids = (body.items as Item[]).map((i) => i.id)
    expect(ids.indexOf(own)).toBeLessThan(ids.indexOf(rossi))
    expect(ids.indexOf(rossi)).toBeGreaterThanOrEqual(0)
    expect((body.items as Item[]).every((i) => i.attributes.objectType === 'ServiceRequest')).toBe(true)
    expect((body.items as Item[]).every((i) => i.notes === undefined)).toBe(true)

    const item = body.items.find((i: Item) => i.id === rossi)
    expect(item).toMatchObject({
      id: rossi,
      title: 'Teams calls drop',
      description: 'Calls drop after two minutes for all users.',
      severity: 'critical',
      status: 'open',
      supportTopicId: 'o365.teams',
      organization: { id: ROSSI, name: 'Rossi Costruzioni S.p.A.' },
      primaryContact: {
        firstName: 'Anna',
        lastName: 'Moretti',
        email: 'anna@fabrikam.example',
        phoneNumber: '+39 02 5550 1001',
      },
      productName: 'Office 365 / Microsoft 365',
      countryCode: 'IT',
      lastClosedDate: NEVER,
      attributes: { objectType: 'ServiceRequest' },
    })
    expect(typeof item.supportTopicName).toBe('string')
    expect(item.createdDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(item.lastModifiedDate).toMatch(/Z$/)
    expect(body.items.find((i: Item) => i.id === own)).toMatchObject({
      organization: { id: FABRIKAM, name: 'Fabrikam' },
      productName: 'Azure',
    })
  })

  it('when paging with offset and size, then next and previous links walk the whole list without gaps or repeats', async () => {
    for (let i = 0; i < 3; i++) await fileForRossi({ title: `Paging ${i}` })
    const all = await listIds('/v1/servicerequests?size=500')
    expect(all.length).toBeGreaterThanOrEqual(3)

    const first = (
      await t.request('GET', '/v1/servicerequests?offset=0&size=2', as('anna@fabrikam.example'))
    ).json()
    expect(first.items).toHaveLength(2)
    expect(first.totalCount).toBe(2)
    expect(first.links.previous).toBeUndefined()
    expect(first.links.next).toMatchObject({ uri: '/servicerequests?offset=2&size=2', method: 'GET' })

    const seen: string[] = first.items.map((i: Item) => i.id)
    let page = first
    while (page.links.next) {
      page = (await t.request('GET', `/v1${page.links.next.uri}`, as('anna@fabrikam.example'))).json()
      expect(page.links.previous.uri).toMatch(/^\/servicerequests\?offset=\d+&size=2$/)
      seen.push(...page.items.map((i: Item) => i.id))
    }
    expect(seen).toEqual(all)

    const second = (
      await t.request('GET', '/v1/servicerequests?offset=2&size=2', as('anna@fabrikam.example'))
    ).json()
    expect(second.links.previous.uri).toBe('/servicerequests?offset=0&size=2')
    expect((await t.request('GET', '/v1/servicerequests?size=0', as('anna@fabrikam.example'))).status).toBe(
      400,
    )
  })

  it('when filtering by status (status=, or the SDKs’ filter JSON, even encoded twice), then only requests in that status are listed', async () => {
    const closed = await fileForRossi({ title: 'To be closed' })
    const open = await fileForRossi({ title: 'Stays open' })
    expect((await patch(closed, { Status: 'closed' })).status).toBe(200)

    const byStatus = await listIds('/v1/servicerequests?status=closed&size=500')
    expect(byStatus).toContain(closed)
    expect(byStatus).not.toContain(open)
    const openOnes = await listIds('/v1/servicerequests?status=OPEN&size=500')
    expect(openOnes).toContain(open)
    expect(openOnes).not.toContain(closed)

    const json = JSON.stringify({ Field: 'Status', Value: 'Closed', Operator: 'equals' })
    expect(await listIds(`/v1/servicerequests?size=500&filter=${encodeURIComponent(json)}`)).toEqual(byStatus)
    const twice = encodeURIComponent(encodeURIComponent(json))
    expect(await listIds(`/v1/servicerequests?size=500&filter=${twice}`)).toEqual(byStatus)

    const filtered = (
      await t.request('GET', '/v1/servicerequests?status=closed&size=1', as('anna@fabrikam.example'))
    ).json()
    if (filtered.links.next) expect(filtered.links.next.uri).toContain('status=closed')
    // of anna's requests only the demo world's own waits on her (the engineer asked for information)
    const waiting = await t.db.db
      .selectFrom('service_requests')
      .select('id')
      .where('title', '=', DEMO_REQUESTS.waitingOnPartner)
      .executeTakeFirstOrThrow()
    expect(await listIds('/v1/servicerequests?status=attention_needed')).toEqual([waiting.id])
  })

  it('when the status filter is not one Partner Center knows, then 400 in Partner Center’s error shape', async () => {
    const token = as('anna@fabrikam.example')
    for (const query of [
      'status=pending',
      'status=none',
      `filter=${encodeURIComponent('{nope')}`,
      `filter=${encodeURIComponent(JSON.stringify({ Field: 'Severity', Value: 'critical', Operator: 'equals' }))}`,
      `filter=${encodeURIComponent(JSON.stringify({ Field: 'Status', Value: 'open', Operator: 'starts_with' }))}`,
      `status=open&filter=${encodeURIComponent(JSON.stringify({ Field: 'Status', Value: 'closed' }))}`,
    ]) {
      const res = await t.request('GET', `/v1/servicerequests?${query}`, token)
      expectPartnerCenterError(res, 400, 'validation_failed')
    }
  })

  it('when anna reads one request, then it has its notes, an ETag and attributes.etag', async () => {
    const id = await fileForRossi()
    await t.request('POST', `/api/service-requests/${id}/notes`, {
      ...as('admin@rossi.example'),
      body: { text: 'Also in Rome.' },
    })
    const res = await get(id)
    expect(res.status).toBe(200)
    expect(res.headers.etag).toBe(`"${id}-2"`)
    expect(res.json()).toMatchObject({
      id,
      status: 'open',
      lastClosedDate: NEVER,
      attributes: { objectType: 'ServiceRequest', etag: `"${id}-2"` },
    })
    expect(res.json().notes).toEqual([
      { createdByName: 'Marco Rossi', createdDate: expect.stringMatching(/Z$/), text: 'Also in Rome.' },
    ])
  })

  it('when anna lists and reads through a customer, then only that customer’s requests are there', async () => {
    const rossi = await fileForRossi({ title: 'Rossi only' })
    const own = await file('anna@fabrikam.example', { workload: 'azure', title: 'Own, not Rossi' })
    const ids = await listIds(`/v1/customers/${ROSSI}/servicerequests?size=500`)
    expect(ids).toContain(rossi)
    expect(ids).not.toContain(own)
    const body = (
      await t.request('GET', `/v1/customers/${ROSSI}/servicerequests`, as('anna@fabrikam.example'))
    ).json()
    expect((body.items as Item[]).every((i) => i.organization.id === ROSSI)).toBe(true)
    expect(body.links.self.uri).toBe(`/customers/${ROSSI}/servicerequests?offset=0&size=200`)

    const one = await t.request(
      'GET',
      `/v1/customers/${ROSSI}/servicerequests/${rossi}`,
      as('anna@fabrikam.example'),
    )
    expect(one.status).toBe(200)
    expect(one.json()).toMatchObject({ id: rossi, notes: [] })
    expect(one.headers.etag).toBe(`"${rossi}-1"`)
    // Tailspin is Fabrikam's customer too, but the request is Rossi's
    const elsewhere = await t.request(
      'GET',
      `/v1/customers/${TAILSPIN}/servicerequests/${rossi}`,
      as('anna@fabrikam.example'),
    )
    expectPartnerCenterError(elsewhere, 404, 'not_found')
    expect(await listIds(`/v1/customers/${TAILSPIN}/servicerequests`)).toEqual([])

    const noted = await t.request('PATCH', `/v1/customers/${ROSSI}/servicerequests/${rossi}`, {
      ...as('anna@fabrikam.example'),
      body: { newNote: { text: 'Through the customer path.' } },
    })
    expect(noted.status).toBe(200)
    expect(noted.json().notes).toMatchObject([{ text: 'Through the customer path.' }])
  })

  it("when a partner reaches for another partner's request or customer, then every route answers 404 and nothing changes", async () => {
    const adas = await file('ada@adatum.example', {
      customerTenantId: BIANCHI,
      workload: 'office365',
      supportTopicId: 'o365.teams',
      title: 'Bianchi mail',
    })
    const annas = await fileForRossi({ title: 'Rossi, not for Adatum' })

    expect(await listIds('/v1/servicerequests?size=500')).not.toContain(adas)
    expect(await listIds('/v1/servicerequests?size=500', 'ada@adatum.example')).not.toContain(annas)

    const anna = 'anna@fabrikam.example'
    const ada = 'ada@adatum.example'
    for (const [email, method, url] of [
      [anna, 'GET', `/v1/servicerequests/${adas}`],
      [anna, 'PATCH', `/v1/servicerequests/${adas}`],
      [anna, 'GET', `/v1/customers/${BIANCHI}/servicerequests`],
      [anna, 'GET', `/v1/customers/${BIANCHI}/servicerequests/${adas}`],
      [anna, 'PATCH', `/v1/customers/${BIANCHI}/servicerequests/${adas}`],
      [anna, 'GET', `/v1/customers/${ROSSI}/servicerequests/${adas}`],
      [ada, 'GET', `/v1/servicerequests/${annas}`],
      [ada, 'PATCH', `/v1/servicerequests/${annas}`],
      [ada, 'GET', `/v1/customers/${ROSSI}/servicerequests`],
      [ada, 'GET', `/v1/customers/${ROSSI}/servicerequests/${annas}`],
      [ada, 'PATCH', `/v1/customers/${ROSSI}/servicerequests/${annas}`],
      [ada, 'GET', `/v1/customers/${BIANCHI}/servicerequests/${annas}`],
    ] as const) {
      const res = await t.request(method, url, {
        ...as(email),
        ...(method === 'PATCH' ? { body: { NewNote: { Text: 'should not land' }, Status: 'closed' } } : {}),
      })
      expect(res.status, `${email} ${method} ${url}`).toBe(404)
      expect(res.json()).toMatchObject({ code: 'not_found', source: 'Tramite' })
    }
    const adasNow = await get(adas, ada)
    expect(adasNow.json()).toMatchObject({ status: 'open', notes: [] })
    expect(adasNow.headers.etag).toBe(`"${adas}-1"`)
    const annasNow = await get(annas)
    expect(annasNow.json()).toMatchObject({ status: 'open', notes: [] })
    expect(annasNow.headers.etag).toBe(`"${annas}-1"`)
  })

  it('when the partner works a request itself (R10, trial customer), then its internal notes never reach Partner Center', async () => {
    const id = await file('admin@bianchi.example', { workload: 'office365', handledBy: 'partner' })
    await t.request('POST', `/api/service-requests/${id}/notes`, {
      ...as('ada@adatum.example'),
      body: { text: 'We are on it.' },
    })
    await t.db.db
      .insertInto('service_request_notes')
      .values({
        request_id: id,
        author_user_id: null,
        author_name: 'Ada Russo',
        author_tenant_id: tenantIdOf('adatum.example'),
        text: 'Customer is on a trial: upsell.',
        created_at: new Date(),
        visibility: 'internal',
      })
      .execute()
    for (const url of [`/v1/servicerequests/${id}`, `/v1/customers/${BIANCHI}/servicerequests/${id}`]) {
      const res = await t.request('GET', url, as('ada@adatum.example'))
      expect(res.status, res.body).toBe(200)
      expect(res.json().notes.map((n: { text: string }) => n.text)).toEqual(['We are on it.'])
    }
    const patched = await patch(id, { NewNote: { Text: 'Fixed.' } }, {}, 'ada@adatum.example')
    expect(patched.json().notes.map((n: { text: string }) => n.text)).toEqual(['We are on it.', 'Fixed.'])
  })

  it('when a customer administrator, the vendor or a delegated token calls, then 403 partner_only', async () => {
    const id = await fileForRossi()
    const delegated = await t.tokenFor('anna@fabrikam.example', 'rossi.example')
    for (const token of [tokens['admin@rossi.example']!, tokens['engineer@contoso.example']!, delegated]) {
      for (const url of ['/v1/servicerequests', `/v1/servicerequests/${id}`]) {
        const res = await t.request('GET', url, { token })
        expectPartnerCenterError(res, 403, 'partner_only')
      }
    }
    expect((await t.request('GET', '/v1/servicerequests')).status).toBe(401)
  })

  it('when the documented PATCH body carries a NewNote, then the note is added (and shows on GET), the other fields are ignored', async () => {
    const id = await fileForRossi()
    const res = await patch(id, documentedPatch('Sample Note'))
    expect(res.status, res.body).toBe(200)
    expect(res.headers.etag).toBe(`"${id}-2"`)
    expect(res.json()).toMatchObject({
      id,
      status: 'open',
      severity: 'moderate',
      title: 'Teams calls drop',
      notes: [{ createdByName: 'Anna Moretti', text: 'Sample Note' }],
      attributes: { objectType: 'ServiceRequest' },
    })
    const read = await get(id)
    expect(read.json().notes).toMatchObject([{ createdByName: 'Anna Moretti', text: 'Sample Note' }])

    // camelCase, as the SDKs send it
    const camel = await patch(id, { newNote: { text: 'From the SDK' } })
    expect(camel.json().notes.map((n: { text: string }) => n.text)).toEqual(['Sample Note', 'From the SDK'])
  })

  it('when an SDK sends back the request it read with a NewNote (get, modify, patch), then only the note is added', async () => {
    const id = await fileForRossi()
    const read = (await get(id)).json()
    const res = await patch(id, { ...read, newNote: { text: 'Round trip' } })
    expect(res.status, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'open', notes: [{ text: 'Round trip' }] })
  })

  it('when PATCH sets Status closed, then the request closes; a second close answers 409 already_in_status; open (or the enum number 1) reopens it', async () => {
    const id = await fileForRossi()
    const closed = await patch(id, { Status: 'closed' })
    expect(closed.status, closed.body).toBe(200)
    expect(closed.json().status).toBe('closed')
    expect(closed.json().lastClosedDate).not.toBe(NEVER)
    expect(closed.json().lastClosedDate).toMatch(/Z$/)

    const again = await patch(id, { Status: 'closed' })
    expectPartnerCenterError(again, 409, 'already_in_status')
    const noteOnClosed = await patch(id, { NewNote: { Text: 'late' } })
    expectPartnerCenterError(noteOnClosed, 409, 'request_closed')

    const reopened = await patch(id, { status: 1, newNote: { text: 'It happened again.' } })
    expect(reopened.status, reopened.body).toBe(200)
    expect(reopened.json()).toMatchObject({ status: 'open', notes: [{ text: 'It happened again.' }] })
    const openAgain = await patch(id, { Status: 'open' })
    expectPartnerCenterError(openAgain, 409, 'already_in_status')
  })

  it('when PATCH sends a NewNote and Status closed together, then the note is added and the request closed', async () => {
    const id = await fileForRossi()
    const res = await patch(id, { NewNote: { Text: 'Solved by a restart.' }, Status: 'closed' })
    expect(res.status, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'closed', notes: [{ text: 'Solved by a restart.' }] })
    expect(res.headers.etag).toBe(`"${id}-3"`)
  })

  it('when If-Match is stale, then 412 and nothing changes; the current ETag is honoured', async () => {
    const id = await fileForRossi()
    expect((await patch(id, { NewNote: { Text: 'first' } })).headers.etag).toBe(`"${id}-2"`)
    const stale = await patch(
      id,
      { NewNote: { Text: 'stale' }, Status: 'closed' },
      { 'if-match': `"${id}-1"` },
    )
    expectPartnerCenterError(stale, 412, 'version_conflict')
    const after = await get(id)
    expect(after.json()).toMatchObject({ status: 'open', notes: [{ text: 'first' }] })
    expect(after.json().notes).toHaveLength(1)

    const fresh = await patch(
      id,
      { NewNote: { Text: 'fresh' }, Status: 'closed' },
      { 'if-match': after.headers.etag as string },
    )
    expect(fresh.status, fresh.body).toBe(200)
    expect(fresh.json().status).toBe('closed')
    expectPartnerCenterError(
      await patch(id, { Status: 'open' }, { 'if-match': '"nonsense"' }),
      400,
      'validation_failed',
    )
  })

  it('when the PATCH body is bad (empty note, unknown status, nothing to do, malformed JSON), then 400 in Partner Center’s shape and nothing changes', async () => {
    const id = await fileForRossi()
    const cases: [unknown, string][] = [
      [{ NewNote: { Text: '' } }, 'body.NewNote.Text'],
      [{ NewNote: { Text: '   ' }, Status: 'closed' }, 'body.NewNote.Text'],
      [{ NewNote: {} }, 'body.NewNote.Text'],
      [{ NewNote: 'text' }, 'body.NewNote'],
      [{ Status: 'pending' }, 'body.Status'],
      [{ Status: 'none' }, 'body'],
      [{ Title: 'A new title' }, 'body'],
      [{ Status: 'closed', status: 'open' }, 'body.Status'],
    ]
    for (const [body, location] of cases) {
      const res = await patch(id, body)
      const error = expectPartnerCenterError(res, 400, 'validation_failed')
      expect(error.data, JSON.stringify(body)).toMatchObject([{ location }])
    }
    for (const body of [[{ NewNote: { Text: 'x' } }], 'closed', null]) {
      expectPartnerCenterError(await patch(id, body), 400, 'validation_failed')
    }
    const malformed = await t.request('PATCH', `/v1/servicerequests/${id}`, {
      ...as('anna@fabrikam.example'),
      headers: { 'content-type': 'application/json' },
      rawBody: '{"NewNote": {"Text": "half',
    })
    expectPartnerCenterError(malformed, 400, 'bad_json')

    const after = await get(id)
    expect(after.headers.etag).toBe(`"${id}-1"`)
    expect(after.json()).toMatchObject({ status: 'open', notes: [], title: 'Teams calls drop' })
  })

  it('when the requesting partner sets Status attention_needed, then the desk rules refuse it (403) and nothing changes', async () => {
    const id = await fileForRossi()
    const res = await patch(id, { Status: 'attentionNeeded' })
    expectPartnerCenterError(res, 403, 'status_move_not_allowed')
    const after = await get(id)
    expect(after.headers.etag).toBe(`"${id}-1"`)
    expect(after.json().status).toBe('open')
  })

  it('when X-Locale is it-IT, then messages are Italian; with en-US they are English', async () => {
    const id = await fileForRossi()
    const it_ = { 'x-locale': 'it-IT' }
    const en = { 'x-locale': 'en-US' }

    const missing = expectPartnerCenterError(
      await get('9999999999999999', 'anna@fabrikam.example', it_),
      404,
      'not_found',
    )
    expect(missing.description).toBe('La risorsa richiesta non esiste.')
    const missingEn = expectPartnerCenterError(
      await get('9999999999999999', 'anna@fabrikam.example', en),
      404,
      'not_found',
    )
    expect(missingEn.description).toBe('The requested resource does not exist.')

    const empty = expectPartnerCenterError(
      await patch(id, { NewNote: { Text: '' } }, it_),
      400,
      'validation_failed',
    )
    expect(empty.description).toMatch(
      /^La richiesta non è valida: NewNote\.Text deve essere un testo non vuoto/,
    )
    const emptyEn = expectPartnerCenterError(
      await patch(id, { NewNote: { Text: '' } }, en),
      400,
      'validation_failed',
    )
    expect(emptyEn.description).toMatch(/^The request is not valid: NewNote\.Text must be a non-empty text/)

    const badFilter = expectPartnerCenterError(
      await t.request(
        'GET',
        '/v1/servicerequests?status=pending',
        as('anna@fabrikam.example', { headers: it_ }),
      ),
      400,
      'validation_failed',
    )
    expect(badFilter.description).toMatch(/deve valere open, closed o attention_needed/)

    expect((await patch(id, { Status: 'closed' })).status).toBe(200)
    const closedAgain = expectPartnerCenterError(
      await patch(id, { Status: 'closed' }, it_),
      409,
      'already_in_status',
    )
    expect(closedAgain.description).toMatch(/^La richiesta è già/)
  })
})
