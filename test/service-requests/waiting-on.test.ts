import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoId } from '../../src/demo/world.ts'
import { isAddressee, waitingOn, type ParticipantFacts } from '../../src/service-requests/waiting-on.ts'
import { startTestApp, tenantIdOf, type RequestOptions, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest } from '../support/requests.ts'

const ANNA = 'anna@fabrikam.example'
const HUGO = 'hugo@fabrikam.example'
const ROSSI_ADMIN = 'admin@rossi.example'
const BIANCHI_ADMIN = 'admin@bianchi.example'
const ADA = 'ada@adatum.example'
const ENGINEER = 'engineer@contoso.example'
const FABRIKAM = tenantIdOf('fabrikam.example')
const ANNA_ID = demoId('user', ANNA)
const HUGO_ID = demoId('user', HUGO)

describe('waiting on whom (pure)', () => {
  const filedByAnna: ParticipantFacts = {
    status: 'attention_needed',
    handledBy: 'vendor',
    partnerTenantId: FABRIKAM,
    handlerName: 'Contoso Cloud',
    createdByUserId: ANNA_ID,
    createdByTenantId: FABRIKAM,
    requesterName: 'Fabrikam',
    contact: { userId: HUGO_ID, email: 'Hugo@Fabrikam.example' },
    armContactEmail: 'support@fabrikam.example',
  }
  const reader = (over: Partial<Parameters<typeof isAddressee>[1]>) => ({
    userId: demoId('user', 'someone'),
    email: 'someone@fabrikam.example',
    tenantId: FABRIKAM,
    tenantKind: 'partner' as const,
    principal: 'user' as const,
    ...over,
  })

  it('when information is asked, then it is addressed to the requester and the contact (by user or address, any case), and to the filing organization’s own applications', () => {
    expect(isAddressee(filedByAnna, reader({ userId: ANNA_ID }))).toBe(true)
    expect(isAddressee(filedByAnna, reader({ userId: HUGO_ID }))).toBe(true)
    expect(isAddressee(filedByAnna, reader({ email: 'hugo@fabrikam.EXAMPLE' }))).toBe(true)
    expect(isAddressee(filedByAnna, reader({ email: 'support@fabrikam.example' }))).toBe(true)
    expect(isAddressee(filedByAnna, reader({ principal: 'application', email: '' }))).toBe(true)
    expect(isAddressee(filedByAnna, reader({}))).toBe(false)
    expect(
      isAddressee(filedByAnna, reader({ principal: 'application', tenantId: tenantIdOf('rossi.example') })),
    ).toBe(false)
  })

  it('when a request waits for information, then only the addressee reads “you”; every other reader, the desk included, reads the requester’s name', () => {
    expect(waitingOn(filedByAnna, reader({ userId: ANNA_ID }))).toEqual({ party: 'you', name: 'Fabrikam' })
    expect(waitingOn(filedByAnna, reader({}))).toEqual({ party: 'requester', name: 'Fabrikam' })
    expect(waitingOn(filedByAnna, reader({ tenantKind: 'vendor', tenantId: demoId('tenant', 'v') }))).toEqual(
      {
        party: 'requester',
        name: 'Fabrikam',
      },
    )
  })

  it('when a request is open, then it waits on whoever works it — “you” for that side — and a closed one on no one', () => {
    const open = { ...filedByAnna, status: 'open' as const }
    expect(waitingOn(open, reader({ userId: ANNA_ID }))).toEqual({ party: 'vendor', name: 'Contoso Cloud' })
    expect(waitingOn(open, reader({ tenantKind: 'vendor', tenantId: demoId('tenant', 'v') }))).toEqual({
      party: 'you',
      name: 'Contoso Cloud',
    })
    const partnerWorks = { ...open, handledBy: 'partner' as const, handlerName: 'Fabrikam' }
    expect(
      waitingOn(partnerWorks, reader({ tenantKind: 'customer', tenantId: demoId('tenant', 'c') })),
    ).toEqual({
      party: 'partner',
      name: 'Fabrikam',
    })
    expect(waitingOn({ ...filedByAnna, status: 'closed' }, reader({ userId: ANNA_ID }))).toBeNull()
  })
})

describe.each(dialects())('waiting on whom, over the portal API (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    t = await startTestApp(dialect)
    for (const p of [ANNA, HUGO, ROSSI_ADMIN, BIANCHI_ADMIN, ADA, ENGINEER]) tokens[p] = await t.tokenFor(p)
  })
  afterAll(() => t?.close())

  const as = (email: string, extra: Partial<RequestOptions> = {}): RequestOptions => ({
    token: tokens[email]!,
    ...extra,
  })
  const get = async (email: string, id: string) =>
    (await t.request('GET', `/api/service-requests/${id}`, as(email))).json()
  const note = (email: string, id: string, body: Record<string, unknown>, locale = 'en') =>
    t.request('POST', `/api/service-requests/${id}/notes`, {
      ...as(email, { headers: { 'accept-language': locale } }),
      body,
    })

  it('when the engineer asks anna for information, then anna reads “you”, Rossi’s admin, hugo and the desk read Fabrikam, and “handled by” names Contoso Cloud', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!)
    const asked = await note(ENGINEER, id, { text: 'Which Teams client version?', requestInformation: true })
    expect(asked.status).toBe(200)

    expect(await get(ANNA, id)).toMatchObject({
      status: 'attention_needed',
      waitingOn: { party: 'you', name: 'Fabrikam' },
      handler: { kind: 'vendor', name: 'Contoso Cloud' },
      requester: { tenantId: FABRIKAM, name: 'Fabrikam' },
    })
    for (const reader of [ROSSI_ADMIN, HUGO, ENGINEER]) {
      expect((await get(reader, id)).waitingOn, reader).toEqual({ party: 'requester', name: 'Fabrikam' })
    }
    // the lists say the same, per reader
    const queue = (
      await t.request('GET', '/api/service-requests?status=attention_needed&limit=200', as(ENGINEER))
    )
      .json()
      .items.find((r: { id: string }) => r.id === id)
    expect(queue.waitingOn).toEqual({ party: 'requester', name: 'Fabrikam' })
    const annas = (await t.request('GET', '/api/service-requests?limit=200', as(ANNA)))
      .json()
      .items.find((r: { id: string }) => r.id === id)
    expect(annas.waitingOn).toEqual({ party: 'you', name: 'Fabrikam' })
  })

  it('when a reader lists the requests awaiting their reply, then the list holds exactly those whose waitingOn is “you” while information is asked (the SQL twin agrees)', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!, { contact: { userId: HUGO_ID } })
    await note(ENGINEER, id, { text: 'Which Teams client version?', requestInformation: true })
    const ids = async (reader: string, query: string) =>
      (await t.request('GET', `/api/service-requests?limit=200${query}`, as(reader)))
        .json()
        .items.filter((r: { status: string; waitingOn: { party: string } | null }) =>
          query ? true : r.status === 'attention_needed' && r.waitingOn?.party === 'you',
        )
        .map((r: { id: string }) => r.id)
        .sort()
    for (const reader of [ANNA, HUGO, ROSSI_ADMIN, ENGINEER]) {
      const awaiting = await ids(reader, '&awaitingReplyFrom=me')
      expect(awaiting, reader).toEqual(await ids(reader, ''))
      expect(awaiting.includes(id), reader).toBe(reader === ANNA || reader === HUGO)
    }
    const bad = await t.request('GET', '/api/service-requests?awaitingReplyFrom=someone', as(ANNA))
    expect(bad.status).toBe(400)
  })

  it('when Rossi’s admin or hugo answers a request for information addressed to anna, then it is refused (403, in the caller’s language, naming Fabrikam) and nothing changes', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!)
    await note(ENGINEER, id, { text: 'Which Teams client version?', requestInformation: true })
    const before = await get(ENGINEER, id)

    const admin = await note(ROSSI_ADMIN, id, { text: 'Version 1.6' }, 'it')
    expect(admin.status).toBe(403)
    expect(admin.json().error.code).toBe('answer_by_addressee_only')
    expect(admin.json().error.message).toMatch(/chieste a Fabrikam/)
    const adminEn = await note(ROSSI_ADMIN, id, { text: 'Version 1.6' })
    expect(adminEn.json().error).toMatchObject({ code: 'answer_by_addressee_only' })
    expect(adminEn.json().error.message).toMatch(/asked of Fabrikam/)
    // the engineer's colleagues on the partner's side (hugo reads; the policy lets him change nothing)
    expect((await note(HUGO, id, { text: 'Version 1.6' })).status).toBe(403)

    const after = await get(ENGINEER, id)
    expect(after).toMatchObject({ status: 'attention_needed', version: before.version })
    expect(after.notes).toHaveLength(before.notes.length)

    // anna, the requester, answers: the request goes back to the desk
    const answered = await note(ANNA, id, { text: 'Version 1.6.00.4472' })
    expect(answered.status).toBe(200)
    expect(answered.json()).toMatchObject({
      status: 'open',
      waitingOn: { party: 'vendor', name: 'Contoso Cloud' },
    })
    expect((await get(ENGINEER, id)).waitingOn).toEqual({ party: 'you', name: 'Contoso Cloud' })
    // open again, the customer's admin adds notes as before
    expect((await note(ROSSI_ADMIN, id, { text: 'Also in Rome.' })).status).toBe(200)
  })

  it('when the request’s contact is hugo, then he is addressed too and (as an admin agent with the GDAP role) his answer reopens the work', async () => {
    // hugo joins anna's groups: Admin Agents (R1's role) and Tier1 Support (the GDAP role in Rossi)
    const groups = ['Admin Agents', 'Tier1 Support'].map((g) => demoId('group', `fabrikam.example/${g}`))
    await t.db.db
      .insertInto('group_user_members')
      .values(groups.map((group_id) => ({ group_id, user_id: HUGO_ID })))
      .execute()
    try {
      const { id } = await fileRequest(t, tokens[ANNA]!, { contact: { userId: HUGO_ID } })
      await note(ENGINEER, id, { text: 'Can you send the client logs?', requestInformation: true })
      expect((await get(HUGO, id)).waitingOn).toEqual({ party: 'you', name: 'Fabrikam' })
      expect((await get(ANNA, id)).waitingOn).toEqual({ party: 'you', name: 'Fabrikam' })
      const answered = await note(HUGO, id, { text: 'Logs attached to the PSA ticket.' })
      expect(answered.status, answered.body).toBe(200)
      expect(answered.json().status).toBe('open')
    } finally {
      await t.db.db
        .deleteFrom('group_user_members')
        .where('user_id', '=', HUGO_ID)
        .where('group_id', 'in', groups)
        .execute()
    }
  })

  it('when a trial customer’s request to its partner waits for information, then Adatum reads Bianchi’s name, Bianchi’s admin reads “you”, and “handled by” names Adatum', async () => {
    const created = await t.request('POST', '/api/service-requests', {
      ...as(BIANCHI_ADMIN),
      body: {
        workload: 'office365',
        supportTopicId: 'o365.teams',
        handledBy: 'partner',
        title: 'Mailbox full',
        description: 'The shared mailbox stopped receiving mail.',
        severity: 'minimal',
      },
    })
    expect(created.status, created.body).toBe(201)
    const { id } = created.json()
    expect(created.json()).toMatchObject({ handler: { kind: 'partner', name: 'Adatum' } })
    expect((await note(ADA, id, { text: 'Which mailbox?', requestInformation: true })).status).toBe(200)
    expect((await get(ADA, id)).waitingOn).toEqual({ party: 'requester', name: 'Bianchi Logistica S.r.l.' })
    expect((await get(BIANCHI_ADMIN, id)).waitingOn).toEqual({
      party: 'you',
      name: 'Bianchi Logistica S.r.l.',
    })
  })

  it('when a request is closed, then it waits on no one', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!)
    expect((await t.request('POST', `/api/service-requests/${id}/close`, as(ANNA))).json()).toMatchObject({
      status: 'closed',
      waitingOn: null,
    })
  })
})
