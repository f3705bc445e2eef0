import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { demoIncidentId } from '../support/demo.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const ROOT = '/v1.0/admin/serviceAnnouncement'

interface Issue {
  id: string
  title: string
  service: string
  status: string
  classification: string
  isResolved: boolean
  startDateTime: string
  lastModifiedDateTime: string
}

describe.each(dialects())(
  'Graph serviceAnnouncement query options, over HTTP (%s)',
  { timeout: 120_000 },
  (dialect) => {
    let t: TestApp
    let base: string
    let rossiAdmin: string
    const published: Record<string, string> = {}

    /** GET over a real socket, as a client would send it. */
    async function get(path: string, token = rossiAdmin) {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })
      const text = await res.text()
      return {
        status: res.status,
        type: res.headers.get('content-type') ?? '',
        text,
        json: () => JSON.parse(text),
      }
    }
    const list = async (query: string, token?: string): Promise<Issue[]> => {
      const res = await get(`${ROOT}/issues?${query}`, token)
      expect(res.status, res.text).toBe(200)
      return res.json().value
    }

    beforeAll(async () => {
      t = await startTestApp(dialect)
      base = await t.listen()
      rossiAdmin = await t.tokenFor('admin@rossi.example')
      const engineer = await t.tokenFor('engineer@contoso.example')
      const publish = async (key: string, body: Record<string, unknown>) => {
        const res = await t.request('POST', '/api/health/incidents', {
          token: engineer,
          body: { impactDescription: 'Users are affected.', message: 'Investigating.', ...body },
        })
        expect(res.status, res.body).toBe(201)
        published[key] = res.json().id
      }
      await publish('mailResolved', {
        title: 'Mail was delayed',
        classification: 'incident',
        status: 'serviceRestored',
        serviceIds: ['Exchange'],
        tenantIds: [ROSSI],
      })
      await publish('mailOpen', {
        title: "Mail isn't delivered",
        classification: 'incident',
        status: 'serviceDegradation',
        serviceIds: ['Exchange'],
        tenantIds: [ROSSI],
      })
      await publish('teamsAdvisory', {
        title: 'Teams meetings: slow join',
        classification: 'advisory',
        status: 'investigating',
        serviceIds: ['microsoftteams'],
        tenantIds: [ROSSI],
      })
      await publish('bianchiOnly', {
        title: 'Bianchi mail',
        classification: 'incident',
        status: 'serviceInterruption',
        serviceIds: ['Exchange'],
        tenantIds: [BIANCHI],
      })
    })
    afterAll(() => t?.close())

    it('when a client filters isResolved eq false, then only unresolved issues come back (and eq true only resolved ones)', async () => {
      const all = await list('')
      const open = await list('$filter=isResolved%20eq%20false')
      const resolved = await list('$filter=isResolved eq true')
      expect(open.length).toBeGreaterThan(0)
      expect(resolved.length).toBeGreaterThan(0)
      expect(open.every((i) => !i.isResolved)).toBe(true)
      expect(resolved.every((i) => i.isResolved)).toBe(true)
      expect(open.map((i) => i.id)).toContain(published.mailOpen)
      expect(open.map((i) => i.id)).not.toContain(published.mailResolved)
      expect(resolved.map((i) => i.id)).toContain(published.mailResolved)
      expect(open.length + resolved.length).toBe(all.length)
    })

    it('when filters combine service, classification, status and dates, then each condition holds for every item returned', async () => {
      const exchangeIncidents = await list(
        "$filter=service eq 'Exchange Online' and classification eq 'incident' and (status eq 'serviceDegradation' or status eq 'serviceRestored')",
      )
      // the demo world's own Exchange incident at Rossi (service degradation) matches too
      const demoExchange = await demoIncidentId(t, 'active')
      expect(exchangeIncidents.map((i) => i.id).sort()).toEqual(
        [published.mailOpen, published.mailResolved, demoExchange].sort(),
      )
      const advisories = await list(
        "$filter=classification eq 'Advisory' and not (service eq 'Exchange Online')",
      )
      expect(advisories.map((i) => i.id)).toContain(published.teamsAdvisory)
      expect(
        advisories.every((i) => i.classification === 'advisory' && i.service !== 'Exchange Online'),
      ).toBe(true)
      const all = await list('')
      const pivot = all.find((i) => i.id === published.mailOpen)!
      const since = await list(`$filter=lastModifiedDateTime ge ${pivot.lastModifiedDateTime}`)
      expect(since.map((i) => i.id).sort()).toEqual(
        all
          .filter((i) => i.lastModifiedDateTime >= pivot.lastModifiedDateTime)
          .map((i) => i.id)
          .sort(),
      )
      const before = await list(
        `$filter=startDateTime le ${pivot.startDateTime} and startDateTime ge 2000-01-01`,
      )
      expect(before.map((i) => i.id).sort()).toEqual(
        all
          .filter((i) => i.startDateTime <= pivot.startDateTime)
          .map((i) => i.id)
          .sort(),
      )
      const statuses = await list("$filter=status in ('serviceDegradation', 'investigating')")
      expect(statuses.every((i) => ['serviceDegradation', 'investigating'].includes(i.status))).toBe(true)
    })

    it('when $orderby, $select, $top and $count are given, then the list is sorted, trimmed, paged through @odata.nextLink and counted', async () => {
      const sorted = await list('$orderby=title desc')
      expect(sorted.map((i) => i.title)).toEqual(
        [...sorted.map((i) => i.title)].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase())),
      )

      const selected = await get(`${ROOT}/issues?$select=id,title&$filter=id eq '${published.mailOpen}'`)
      expect(selected.json()).toEqual({
        '@odata.context': `${base}/v1.0/$metadata#admin/serviceAnnouncement/issues(id,title)`,
        value: [{ id: published.mailOpen, title: "Mail isn't delivered" }],
      })

      const all = await list('$orderby=startDateTime asc')
      const seen: string[] = []
      let url: string | undefined = `${ROOT}/issues?$top=1&$count=true&$orderby=startDateTime asc`
      let pages = 0
      while (url) {
        const page = await get(url.replace(base, ''))
        expect(page.status, page.text).toBe(200)
        const body = page.json()
        expect(body['@odata.count']).toBe(all.length)
        expect(body.value.length).toBeLessThanOrEqual(1)
        seen.push(...body.value.map((i: Issue) => i.id))
        url = body['@odata.nextLink']
        if (++pages > all.length + 1) throw new Error('paging does not end')
      }
      expect(seen).toEqual(all.map((i) => i.id))
    })

    it('when /issues/$count is read, then it answers the number of matching issues as text/plain', async () => {
      const open = await list('$filter=isResolved eq false')
      const res = await get(`${ROOT}/issues/$count?$filter=isResolved eq false`)
      expect(res.status).toBe(200)
      expect(res.type).toMatch(/^text\/plain/)
      expect(res.text).toBe(String(open.length))
      expect((await get(`${ROOT}/issues/$count`)).text).toBe(String((await list('')).length))
    })

    it('when an option or expression is not supported, then the answer is 400 in Graph’s error shape, never a silently unfiltered list', async () => {
      const cases: [string, string][] = [
        ["$filter=contains(title,'Mail')", 'Request_UnsupportedQuery'],
        ["$filter=impactDescription eq 'x'", 'Request_UnsupportedQuery'],
        ["$filter=isResolved eq 'no'", 'BadRequest'],
        ['$filter=isResolved eq false or', 'BadRequest'],
        ["$filter=status eq 'broken'", 'BadRequest'],
        ['$filter=nosuch eq 1', 'BadRequest'],
        ['$search="mail"', 'Request_UnsupportedQuery'],
        ['$expand=posts', 'Request_UnsupportedQuery'],
        ['$orderby=posts', 'Request_UnsupportedQuery'],
        ['$top=1000', 'BadRequest'],
        ['$skiptoken=forged', 'BadRequest'],
        ['$count=maybe', 'BadRequest'],
      ]
      for (const [query, code] of cases) {
        const res = await fetch(`${base}${ROOT}/issues?${query}`, {
          headers: { authorization: `Bearer ${rossiAdmin}`, 'client-request-id': 'c-123' },
        })
        expect(res.status, query).toBe(400)
        const body = (await res.json()) as { error: Record<string, any> }
        expect(body.error.code, query).toBe(code)
        expect(body.error.message.length, query).toBeGreaterThan(10)
        expect(body.error.innerError).toMatchObject({
          'request-id': expect.any(String),
          'client-request-id': 'c-123',
          date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        })
      }
      const italian = await fetch(`${base}${ROOT}/issues?$top=0`, {
        headers: { authorization: `Bearer ${rossiAdmin}`, 'accept-language': 'it-IT' },
      })
      expect(((await italian.json()) as any).error.message).toMatch(/Dimensione di pagina non valida/)
    })

    it('when healthOverviews/{service} names the service as Graph documents it (Exchange Online, URL-encoded), then that service answers', async () => {
      const byName = await get(`${ROOT}/healthOverviews/Exchange%20Online`)
      expect(byName.status, byName.text).toBe(200)
      expect(byName.json()).toMatchObject({
        '@odata.context': `${base}/v1.0/$metadata#admin/serviceAnnouncement/healthOverviews/$entity`,
        id: 'Exchange',
        service: 'Exchange Online',
        status: 'serviceDegradation',
      })
      const byId = await get(`${ROOT}/healthOverviews/exchange?$expand=issues&$select=id,issues`)
      expect(byId.json()['@odata.context']).toBe(
        `${base}/v1.0/$metadata#admin/serviceAnnouncement/healthOverviews(issues())(id,issues)/$entity`,
      )
      expect(Object.keys(byId.json()).sort()).toEqual(['@odata.context', 'id', 'issues'])
      expect(byId.json().issues.map((i: Issue) => i.id)).toContain(published.mailOpen)
      expect((await get(`${ROOT}/healthOverviews/Exchange%20Offline`)).status).toBe(404)
    })

    it('when healthOverviews are filtered, sorted and counted, then only matching services come back', async () => {
      const degraded = await get(
        `${ROOT}/healthOverviews?$filter=status ne 'serviceOperational'&$orderby=service&$count=true`,
      )
      expect(degraded.status, degraded.text).toBe(200)
      const body = degraded.json()
      expect(body.value.map((s: { id: string }) => s.id)).toContain('Exchange')
      expect(body.value.every((s: { status: string }) => s.status !== 'serviceOperational')).toBe(true)
      expect(body['@odata.count']).toBe(body.value.length)
      const count = await get(`${ROOT}/healthOverviews/$count?$filter=service eq 'Exchange Online'`)
      expect(count.text).toBe('1')
      expect((await get(`${ROOT}/healthOverviews?$filter=issues eq null`)).json().error.code).toBe(
        'Request_UnsupportedQuery',
      )
    })

    it('when a Graph call fails for any reason, then the body is Graph’s error with its code, and request-id / client-request-id headers come back', async () => {
      const anonymous = await fetch(`${base}${ROOT}/issues`, { headers: { 'client-request-id': 'mine-1' } })
      expect(anonymous.status).toBe(401)
      expect(anonymous.headers.get('client-request-id')).toBe('mine-1')
      expect(anonymous.headers.get('request-id')).toEqual(expect.any(String))
      expect(((await anonymous.json()) as any).error).toMatchObject({
        code: 'InvalidAuthenticationToken',
        innerError: { code: 'unauthenticated', 'client-request-id': 'mine-1' },
      })
      const missing = await get(`${ROOT}/issues/EX999999`)
      expect(missing.status).toBe(404)
      expect(missing.json().error).toMatchObject({
        code: 'ResourceNotFound',
        innerError: { code: 'not_found' },
      })
      const noRoute = await get('/v1.0/admin/serviceAnnouncement/nothingHere')
      expect(noRoute.status).toBe(404)
      expect(noRoute.json().error.code).toBe('ResourceNotFound')
    })

    it('when a filter names another tenant’s issue, then it neither returns nor counts it', async () => {
      const id = published.bianchiOnly
      expect(await list(`$filter=id eq '${id}'`)).toEqual([])
      expect((await get(`${ROOT}/issues/$count?$filter=id eq '${id}'`)).text).toBe('0')
      const bianchi = await t.tokenFor('admin@bianchi.example')
      expect((await list(`$filter=id eq '${id}'`, bianchi)).map((i) => i.id)).toEqual([id])
      expect(await list(`$filter=id eq '${published.mailOpen}'`, bianchi)).toEqual([])
    })
  },
)
