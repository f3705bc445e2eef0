import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest, fileToPartner } from '../support/requests.ts'

const ROSSI = tenantIdOf('rossi.example')
const ANNA = 'anna@fabrikam.example'
const HUGO = 'hugo@fabrikam.example'
const ADA = 'ada@adatum.example'
const ENGINEER = 'engineer@contoso.example'
const BIANCHI_ADMIN = 'admin@bianchi.example'

interface Notice {
  id: number
  kind: string
  text: string
  link: string | null
  readAt: string | null
}

describe.each(dialects())('notifications of the daily loop (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    t = await startTestApp(dialect)
    for (const p of [ANNA, HUGO, ADA, ENGINEER, BIANCHI_ADMIN]) tokens[p] = await t.tokenFor(p)
  })
  afterAll(() => t?.close())

  const as = (email: string) => ({ token: tokens[email]! })
  const noticesOf = async (email: string, lang = 'en') => {
    const res = await t.request('GET', '/api/notifications', {
      ...as(email),
      headers: { 'accept-language': lang },
    })
    expect(res.status, res.body).toBe(200)
    return res.json<{ unread: number; items: Notice[] }>()
  }
  const askInformation = (id: string) =>
    t.request('POST', `/api/service-requests/${id}/notes`, {
      ...as(ENGINEER),
      body: { text: 'Which Teams client version?', requestInformation: true },
    })
  const setPreferences = (email: string, body: unknown) =>
    t.request('PATCH', '/api/notifications/preferences', { ...as(email), body })

  it('when the engineer asks anna for information, then anna is told in the app, in her language, with a link — and nobody else', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!)
    const before = await noticesOf(ANNA)
    const hugoBefore = await noticesOf(HUGO)
    expect((await askInformation(id)).status).toBe(200)

    const after = await noticesOf(ANNA)
    expect(after.unread).toBe(before.unread + 1)
    expect(after.items[0]).toMatchObject({
      kind: 'service_request.information_requested',
      link: `/service-requests/${id}`,
      readAt: null,
    })
    expect(after.items[0]!.text).toContain('asks you for information')
    const italian = await noticesOf(ANNA, 'it')
    expect(italian.items[0]!.text).toContain('ti chiede informazioni')
    // the engineer made the change: no notice for them; hugo is not on the request
    expect((await noticesOf(HUGO)).items.length).toBe(hugoBefore.items.length)
  })

  it('when anna answers a request assigned to the engineer, then the engineer is told of the answer', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!)
    const me = (await t.request('GET', '/api/session', as(ENGINEER))).json().user.id
    const etag = String((await t.request('GET', `/api/service-requests/${id}`, as(ENGINEER))).headers.etag)
    const assigned = await t.request('PATCH', `/api/service-requests/${id}`, {
      ...as(ENGINEER),
      headers: { 'if-match': etag },
      body: { assignedTo: me },
    })
    expect(assigned.status, assigned.body).toBe(200)
    await askInformation(id)
    const answered = await t.request('POST', `/api/service-requests/${id}/notes`, {
      ...as(ANNA),
      body: { text: 'Version 24.1 on every desk.' },
    })
    expect(answered.status, answered.body).toBe(200)
    const engineer = await noticesOf(ENGINEER)
    expect(engineer.items.find((n) => n.link === `/service-requests/${id}`)).toMatchObject({
      kind: 'service_request.answered',
    })
  })

  it('when a request is closed and reopened, then the other side hears of each, and mark read / mark all read clear the count', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!)
    const move = async (email: string, status: string) => {
      const etag = String((await t.request('GET', `/api/service-requests/${id}`, as(email))).headers.etag)
      const res = await t.request('PATCH', `/api/service-requests/${id}`, {
        ...as(email),
        headers: { 'if-match': etag },
        body: { status },
      })
      expect(res.status, res.body).toBe(200)
    }
    await move(ENGINEER, 'closed')
    await move(ANNA, 'open')
    const kinds = (await noticesOf(ANNA)).items.filter((n) => n.link === `/service-requests/${id}`)
    expect(kinds.map((n) => n.kind)).toEqual(['service_request.closed'])

    const first = kinds[0]!
    expect((await t.request('POST', `/api/notifications/${first.id}/read`, as(ANNA))).status).toBe(204)
    expect((await noticesOf(ANNA)).items.find((n) => n.id === first.id)!.readAt).not.toBeNull()
    expect((await t.request('POST', '/api/notifications/all/read', as(ANNA))).status).toBe(204)
    expect((await noticesOf(ANNA)).unread).toBe(0)
  })

  it('when someone marks another person’s notification read, then the answer is 404 and it stays unread', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!)
    await askInformation(id)
    const annas = (await noticesOf(ANNA)).items[0]!
    expect((await t.request('POST', `/api/notifications/${annas.id}/read`, as(HUGO))).status).toBe(404)
    expect((await noticesOf(ANNA)).items[0]!.readAt).toBeNull()
  })

  it('when a trial customer sends its partner a request, then the partner’s admin agents are told', async () => {
    const sent = await fileToPartner(t, as(BIANCHI_ADMIN).token, {
      title: 'Mailbox full',
      description: 'The shared mailbox refuses mail.',
      severity: 'moderate',
    })
    const ada = await noticesOf(ADA)
    expect(ada.items[0]).toMatchObject({
      kind: 'service_request.customer_request',
      link: `/service-requests/${sent.id}`,
    })
    expect(ada.items[0]!.text).toContain('Bianchi Logistica')
    // Fabrikam does not serve Bianchi
    expect((await noticesOf(ANNA)).items.some((n) => n.link === `/service-requests/${sent.id}`)).toBe(false)
  })

  it('when an incident affects Rossi, then anna gets one notice naming how many of her customers — not one per update — and ada none', async () => {
    const published = await t.request('POST', '/api/health/incidents', {
      ...as(ENGINEER),
      body: {
        title: 'Exchange mail delayed',
        classification: 'incident',
        status: 'investigating',
        impactDescription: 'Mail is delayed by up to an hour.',
        serviceIds: ['Exchange'],
        tenantIds: [ROSSI],
        message: 'We are investigating.',
      },
    })
    expect(published.status, published.body).toBe(201)
    const incident = published.json()
    const kindOf = (n: Notice) =>
      n.kind === 'health.incident_affects_customers' && n.link?.endsWith(incident.id)
    const anna = (await noticesOf(ANNA)).items.filter(kindOf)
    expect(anna).toHaveLength(1)
    // the name ends in a full stop ("S.p.A."): the sentence takes no second one
    expect(anna[0]!.text).toMatch(/affects 1 of your customers: Rossi Costruzioni S\.p\.A\.$/)
    expect((await noticesOf(ADA)).items.filter(kindOf)).toHaveLength(0)

    const updated = await t.request('PATCH', `/api/health/incidents/${incident.id}`, {
      ...as(ENGINEER),
      headers: { 'if-match': String(published.headers.etag ?? '*') },
      body: { status: 'restoringService', message: 'A fix is rolling out.' },
    })
    expect(updated.status, updated.body).toBe(200)
    expect((await noticesOf(ANNA)).items.filter(kindOf)).toHaveLength(1)
  })

  describe('preferences', () => {
    it('when nobody chose, then each topic has its default; a choice changes only that topic', async () => {
      const res = await t.request('GET', '/api/notifications/preferences', as(HUGO))
      expect(res.status).toBe(200)
      expect(res.json()).toMatchObject({ information_requested: 'both', incident_affects_customers: 'app' })
      const saved = await setPreferences(HUGO, { incident_affects_customers: 'email' })
      expect(saved.status, saved.body).toBe(200)
      expect(saved.json()).toMatchObject({
        information_requested: 'both',
        incident_affects_customers: 'email',
      })
      // another person's choices are their own
      expect((await t.request('GET', '/api/notifications/preferences', as(ADA))).json()).toMatchObject({
        incident_affects_customers: 'app',
      })
    })

    it('when a choice names an unknown channel or topic, then the answer is 400 and nothing changes', async () => {
      const before = (await t.request('GET', '/api/notifications/preferences', as(ADA))).json()
      for (const body of [{ answer: 'pigeon' }, { gossip: 'app' }, 'both']) {
        const res = await setPreferences(ADA, body)
        expect(res.status, JSON.stringify(body)).toBe(400)
        expect(res.json().error.code).toBeTruthy()
      }
      expect((await t.request('GET', '/api/notifications/preferences', as(ADA))).json()).toEqual(before)
    })

    it('when anna hears of requests for information by email only, then no in-app notice comes, and the email goes out', async () => {
      expect((await setPreferences(ANNA, { information_requested: 'email' })).status).toBe(200)
      try {
        const { id } = await fileRequest(t, tokens[ANNA]!)
        await askInformation(id)
        expect((await noticesOf(ANNA)).items.some((n) => n.link === `/service-requests/${id}`)).toBe(false)
        const mail = await t.db.db
          .selectFrom('email_outbox')
          .select(['to_address', 'subject'])
          .where('request_id', '=', id)
          .execute()
        expect(mail.map((m) => m.to_address)).toContain('anna@fabrikam.example')
      } finally {
        await setPreferences(ANNA, { information_requested: 'both' })
      }
    })

    it('when anna hears of requests for information nowhere, then neither the notice nor the email to her goes out', async () => {
      expect((await setPreferences(ANNA, { information_requested: 'none' })).status).toBe(200)
      try {
        const { id } = await fileRequest(t, tokens[ANNA]!)
        await askInformation(id)
        expect((await noticesOf(ANNA)).items.some((n) => n.link === `/service-requests/${id}`)).toBe(false)
        const mail = await t.db.db
          .selectFrom('email_outbox')
          .select('subject')
          .where('request_id', '=', id)
          .where('to_address', '=', 'anna@fabrikam.example')
          .execute()
        // the "created" confirmation is the request's own record; the question is not sent
        expect(mail.every((m) => !/information/i.test(m.subject))).toBe(true)
      } finally {
        await setPreferences(ANNA, { information_requested: 'both' })
      }
    })

    it('when anna takes incident notices by email, then an incident affecting her customers reaches her mailbox, not the bell — and hugo, who reads no customer’s health, hears nothing', async () => {
      // hugo is in no group: GDAP gives him no customer's health, so no incident is "his"
      const before = await t.db.db
        .selectFrom('email_outbox')
        .select('id')
        .where('to_address', '=', 'hugo@fabrikam.example')
        .execute()
      await setPreferences(ANNA, { incident_affects_customers: 'email' })
      try {
        const published = await t.request('POST', '/api/health/incidents', {
          ...as(ENGINEER),
          body: {
            title: 'Teams sign-in fails',
            classification: 'incident',
            status: 'investigating',
            impactDescription: 'Sign-in fails.',
            serviceIds: ['microsoftteams'],
            tenantIds: [ROSSI],
            message: 'Investigating.',
          },
        })
        expect(published.status, published.body).toBe(201)
        const id = published.json().id
        const mail = await t.db.db
          .selectFrom('email_outbox')
          .select(['subject', 'body_text'])
          .where('to_address', '=', 'anna@fabrikam.example')
          .where('dedupe_key', 'like', `notice:incident-affects:${id}:%`)
          .execute()
        expect(mail).toHaveLength(1)
        expect(mail[0]!.body_text).toContain(`/health/incidents/${id}`)
        expect((await noticesOf(ANNA)).items.some((n) => n.link?.endsWith(`/${id}`))).toBe(false)
        const after = await t.db.db
          .selectFrom('email_outbox')
          .select('id')
          .where('to_address', '=', 'hugo@fabrikam.example')
          .execute()
        expect(after.length).toBe(before.length)
      } finally {
        await setPreferences(ANNA, { incident_affects_customers: 'app' })
      }
    })
  })
})
