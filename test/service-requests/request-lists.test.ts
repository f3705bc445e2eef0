import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  listServiceRequests,
  SEARCH_CANDIDATES,
  SEARCH_COUNT_CAP,
} from '../../src/service-requests/request-list.data.ts'
import { recordSelect, type ServiceRequestRecord } from '../../src/service-requests/service-requests.data.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest } from '../support/requests.ts'

const ANNA = 'anna@fabrikam.example'
const ROSSI_ADMIN = 'admin@rossi.example'
const ENGINEER = 'engineer@contoso.example'

interface Item {
  id: string
  createdAt: string
  modifiedAt: string
}
interface Page {
  items: Item[]
  total: number | null
  totalCapped: boolean
  nextCursor: string | null
}

/**
 * Searches read their page one of two ways (request-list.data.ts, searchPathOf): a word matching up
 * to the count's cap, or past it but seldom among the newest requests, is read through the text
 * index and sorted; a word common among the newest requests walks the sort's index. Every way must
 * page the same: in the sort's order, each match once.
 */
describe.each(dialects())('lists and searches paged by cursor (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    t = await startTestApp(dialect)
    for (const p of [ANNA, ROSSI_ADMIN, ENGINEER]) tokens[p] = await t.tokenFor(p)
  })
  afterAll(() => t?.close())

  const list = async (who: string, query: string): Promise<Page> => {
    const res = await t.request('GET', `/api/service-requests?${query}`, { token: tokens[who]! })
    expect(res.status, res.body).toBe(200)
    return res.json()
  }

  /** Every page of a list, following nextCursor; answers the ids in order and each page's total. */
  const walk = async (who: string, query: string) => {
    const ids: string[] = []
    const totals: (number | null)[] = []
    let cursor: string | null = null
    for (let pages = 0; pages < 50; pages++) {
      const page: Page = await list(who, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ids.push(...page.items.map((i) => i.id))
      totals.push(page.total)
      cursor = page.nextCursor
      if (!cursor) break
    }
    return { ids, totals }
  }

  it('when a rare word is searched, then every sort pages through all its requests by cursor, in order, each once', async () => {
    const filed: string[] = []
    for (let i = 0; i < 7; i++) {
      const r = await fileRequest(t, tokens[ANNA]!, {
        title: `Ornitorinco ${i} nel magazzino`,
        description: `Il lettore ornitorinco del reparto ${i} non risponde.`,
      })
      filed.push(r.id)
      // distinct creation times, one second apart, newest last
      t.clock.offsetMs += 1000
    }
    await fileRequest(t, tokens[ANNA]!, { title: 'Another problem', description: 'Nothing in common.' })
    const newestFirst = [...filed].reverse()

    for (const sort of ['created', 'modified', 'due', 'relevance']) {
      const { ids, totals } = await walk(ENGINEER, `q=ornitorinco&limit=3&sort=${sort}`)
      expect(new Set(ids).size, sort).toBe(ids.length)
      expect([...ids].sort(), sort).toEqual([...filed].sort())
      expect(totals, sort).toEqual([7, 7, 7])
    }
    expect((await walk(ENGINEER, 'q=ornitorinco&limit=3&sort=created')).ids).toEqual(newestFirst)
    // the requester's own list finds the same requests; the customer's list is scoped to Rossi
    expect((await walk(ANNA, 'q=ornitorinco&limit=2&sort=created')).ids).toEqual(newestFirst)
    expect((await walk(ROSSI_ADMIN, 'q=ornitorinco&limit=4&sort=created')).ids).toEqual(newestFirst)
  })

  /**
   * Copies of one filed request, numbered `prefix` + 1 … `copies`, one a minute further in the past
   * each (from `minutesBack` minutes before it), titled `title`; answers the id of copy n.
   */
  const copiesOf = async (
    requestId: string,
    prefix: string,
    copies: number,
    title: string,
    minutesBack = 0,
  ) => {
    await sql`
      insert into service_requests (id, tenant_id, partner_tenant_id, handled_by, workload_id, problem_type, title,
        description, severity, status, contact, created_by_user_id, created_by_tenant_id, delegation, decided_by_rule,
        support_plan, locale, country, created_at, modified_at)
      select ${prefix} || lpad(n::text, 10, '0'), s.tenant_id, s.partner_tenant_id, s.handled_by, s.workload_id,
        s.problem_type, ${title} || ' ' || n, 'The report number ' || n || ' is late.', s.severity, s.status,
        s.contact, s.created_by_user_id, s.created_by_tenant_id, s.delegation, s.decided_by_rule, s.support_plan,
        s.locale, s.country, s.created_at - (${minutesBack}::int + n) * interval '1 minute',
        s.created_at - (${minutesBack}::int + n) * interval '1 minute'
      from service_requests s cross join generate_series(1, ${copies}::int) n
      where s.id = ${requestId}`.execute(t.ctx.db)
    return (n: number) => `${prefix}${String(n).padStart(10, '0')}`
  }

  it(`when a word is in more than ${SEARCH_COUNT_CAP.toLocaleString('en')} requests, then the newest come first, pages follow by cursor and the total says "${SEARCH_COUNT_CAP.toLocaleString('en')}+"`, async () => {
    const template = await fileRequest(t, tokens[ANNA]!, { title: 'Template', description: 'A template.' })
    // more matches than the cap, and more than a search ranks: its page walks the date index
    const copies = SEARCH_COUNT_CAP + 50
    expect(copies).toBeGreaterThan(SEARCH_CANDIDATES)
    const newest = await copiesOf(template.id, '99', copies, 'Quokka')

    const first = await list(ENGINEER, 'q=quokka&limit=50&sort=created')
    expect(first.items.map((i) => i.id)).toEqual(Array.from({ length: 50 }, (_, i) => newest(i + 1)))
    expect(first).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true })
    const second = await list(ENGINEER, `q=quokka&limit=50&sort=created&cursor=${first.nextCursor}`)
    expect(second.items.map((i) => i.id)).toEqual(Array.from({ length: 50 }, (_, i) => newest(i + 51)))

    // relevance ranks the newest matches (every copy ranks alike: newest first among equals)
    const ranked = await list(ENGINEER, 'q=quokka&limit=20')
    expect(ranked.items.map((i) => i.id)).toEqual(Array.from({ length: 20 }, (_, i) => newest(i + 1)))
    const due = await list(ENGINEER, 'q=quokka&limit=10&sort=due')
    expect(due.items.map((i) => i.id)).toEqual(Array.from({ length: 10 }, (_, i) => newest(i + 1)))
  })

  it('when a word is in more requests than the cap but seldom among the newest, then its pages hold the same matches, in order, and the total is capped', async () => {
    const template = await fileRequest(t, tokens[ANNA]!, { title: 'Template', description: 'A template.' })
    // 40 older requests mention "wombat"; the 30 newest (and the template) do not
    const older = await copiesOf(template.id, '98', 40, 'Wombat', 100)
    await copiesOf(template.id, '97', 30, 'Echidna')
    const scope = { kind: 'all' } as const
    // a small cap and window, so that the word is past the cap and absent from the window
    const tuning = { countCap: 25, window: 31 }
    const base = { q: 'wombat', searchInternal: 'vendor' as const, offset: 0, limit: 15 }
    const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id)
    const expected = Array.from({ length: 40 }, (_, i) => older(i + 1))

    for (const sort of ['created', 'modified', 'due', 'relevance'] as const) {
      const seen: string[] = []
      let cursor: string | undefined
      for (let pages = 0; pages < 10; pages++) {
        const page = await listServiceRequests(t.ctx.db, scope, { ...base, sort, cursor }, tuning)
        expect(page, sort).toMatchObject({ total: 25, totalCapped: true })
        seen.push(...ids(page))
        if (!page.nextCursor) break
        cursor = page.nextCursor
      }
      expect(seen, sort).toEqual(expected)
    }
    // the same search with the usual knobs (within the cap) finds the same page, counted exactly
    const usual = await listServiceRequests(t.ctx.db, scope, { ...base, sort: 'created' })
    expect(usual).toMatchObject({ total: 40, totalCapped: false })
    expect(ids(usual)).toEqual(expected.slice(0, 15))
  })

  it('when a filtered list is sorted due first, then the running clocks come first, soonest due, then the rest newest first, each once across pages', async () => {
    for (let i = 0; i < 4; i++) {
      await fileRequest(t, tokens[ANNA]!, { title: `Due ${i}`, description: 'A clock that runs.' })
      t.clock.offsetMs += 1000
    }
    // one of them answered (its clock stops), one closed
    const { rows: mine } = await sql<{
      id: string
    }>`select id from service_requests where title like 'Due %' order by title`.execute(t.db.db)
    await sql`update service_requests set first_response_at = now() where id = ${mine[1]!.id}`.execute(
      t.db.db,
    )
    await sql`update service_requests set status = 'closed', closed_at = now() where id = ${mine[2]!.id}`.execute(
      t.db.db,
    )
    const { rows: expected } = await sql<{ id: string }>`
      select r.id from service_requests r, tenants p
      where p.default_domain = 'fabrikam.example' and r.partner_tenant_id = p.id and r.status = 'open'
      order by (r.first_response_due_at is not null and r.first_response_at is null
                and r.sla_breached_at is null and r.status <> 'closed') desc,
        case when r.first_response_due_at is not null and r.first_response_at is null
                  and r.sla_breached_at is null and r.status <> 'closed' then r.first_response_due_at end,
        r.created_at desc, r.id desc`.execute(t.db.db)
    expect(expected.length).toBeGreaterThan(3)
    // small pages cross the running block and into the rest (the walk stops after 50 pages) …
    const { ids: first } = await walk(ANNA, 'status=open&sort=due&limit=2')
    expect(first).toEqual(expected.slice(0, first.length).map((r) => r.id))
    expect(first).toContain(mine[0]!.id)
    // … and full pages hold every open request once
    const { ids } = await walk(ANNA, 'status=open&sort=due&limit=50')
    expect(ids).toEqual(expected.map((r) => r.id))
    expect(ids).not.toContain(mine[2]!.id)
  })

  it('when a request is read, then its notes and attachments come in order, internal ones only for whoever works it', async () => {
    const request = await fileRequest(t, tokens[ANNA]!, { title: 'Thread', description: 'A thread to read.' })
    const post = (who: string, body: Record<string, unknown>) =>
      t.request('POST', `/api/service-requests/${request.id}/notes`, { token: tokens[who]!, body })
    expect((await post(ANNA, { text: 'First, public.' })).status).toBe(200)
    expect((await post(ENGINEER, { text: 'Second, internal.', visibility: 'internal' })).status).toBe(200)
    expect((await post(ENGINEER, { text: 'Third, public.' })).status).toBe(200)

    const read = async (who: string) => {
      const res = await t.request('GET', `/api/service-requests/${request.id}`, { token: tokens[who]! })
      expect(res.status, res.body).toBe(200)
      return res.json() as {
        id: string
        notes: { text: string; createdAt: string }[]
        attachments: unknown[]
      }
    }
    const desk = await read(ENGINEER)
    expect(desk.id).toBe(request.id)
    expect(desk.notes.map((n) => n.text)).toEqual(['First, public.', 'Second, internal.', 'Third, public.'])
    expect(Number.isNaN(Date.parse(desk.notes[0]!.createdAt))).toBe(false)
    for (const who of [ANNA, ROSSI_ADMIN]) {
      const seen = await read(who)
      expect(
        seen.notes.map((n) => n.text),
        who,
      ).toEqual(['First, public.', 'Third, public.'])
      expect(seen.attachments, who).toEqual([])
    }
    // another request's thread is not mixed in, and an unknown one is 404
    const other = await fileRequest(t, tokens[ANNA]!, { title: 'Quiet', description: 'No notes.' })
    expect((await read(ENGINEER)).notes).toHaveLength(3)
    const quiet = await t.request('GET', `/api/service-requests/${other.id}`, { token: tokens[ENGINEER]! })
    expect(quiet.json()).toMatchObject({ notes: [], attachments: [] })
    expect(
      (await t.request('GET', '/api/service-requests/1234567', { token: tokens[ENGINEER]! })).status,
    ).toBe(404)
  })
  it('when a page is listed, then each request carries the names it carries when read alone (each name looked up once per page)', async () => {
    // every kind of name a record holds, on a few of the newest requests
    const [a, b, c] = await Promise.all(
      ['Names one', 'Names two', 'Names three'].map((title) =>
        fileRequest(t, tokens[ANNA]!, { title, description: 'Names of what it points at.' }),
      ),
    )
    await sql`update service_requests set
        assigned_to_user_id = (select id from users where email = ${ENGINEER}),
        linked_incident_id = (select id from incidents order by id limit 1),
        azure_problem_classification_id = (select id from azure_problem_classifications order by id limit 1),
        azure_service_id = (select service_id from azure_problem_classifications order by id limit 1),
        support_topic_id = (select id from support_topics order by id limit 1)
      where id in (${a!.id}, ${b!.id})`.execute(t.db.db)
    await sql`update service_requests set handled_by = 'partner',
        subscription_id = (select id from subscriptions s where s.tenant_id = service_requests.tenant_id limit 1)
      where id = ${c!.id}`.execute(t.db.db)
    const page = await listServiceRequests(t.ctx.db, { kind: 'all' }, { offset: 0, limit: 200 })
    expect(page.items.length).toBeGreaterThan(3)
    const { rows } = await sql<ServiceRequestRecord>`
      select ${recordSelect('r')} from service_requests r
      where r.id in (${sql.join(page.items.map((i) => i.id))})`.execute(t.db.db)
    const alone = new Map(rows.map((r) => [r.id, r]))
    for (const item of page.items) expect(item, item.id).toEqual(alone.get(item.id))
    // the names of each kind were there to compare
    const listed = new Map(page.items.map((i) => [i.id, i]))
    expect(listed.get(a!.id)).toMatchObject({
      assignedToName: expect.any(String),
      linkedIncidentTitle: expect.any(String),
      linkedIncidentStatus: expect.any(String),
      azureServiceNameEn: expect.any(String),
      azureServiceNameIt: expect.any(String),
      classificationNameEn: expect.any(String),
      classificationNameIt: expect.any(String),
      supportTopicNameEn: expect.any(String),
      supportTopicNameIt: expect.any(String),
      createdByName: expect.any(String),
      handlerName: expect.any(String),
    })
    expect(listed.get(c!.id)).toMatchObject({
      handledBy: 'partner',
      handlerName: 'Fabrikam',
      partnerName: 'Fabrikam',
    })
    expect(listed.get(c!.id)!.subscriptionName).toEqual(expect.any(String))
  })
})
