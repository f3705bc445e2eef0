import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest } from '../support/requests.ts'

const ANNA = 'anna@fabrikam.example'
const ADA = 'ada@adatum.example'
const NORA = 'nora@northwind.example'
const ENGINEER = 'engineer@contoso.example'

interface View {
  id: string
  own?: true
  name?: string
  query: Record<string, string>
  total: number
}

describe.each(dialects())('a person’s own saved views (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    t = await startTestApp(dialect)
    for (const p of [ANNA, ADA, NORA, ENGINEER]) tokens[p] = await t.tokenFor(p)
  })
  afterAll(() => t?.close())

  const viewsOf = async (email: string): Promise<View[]> => {
    const res = await t.request('GET', '/api/service-requests/views', { token: tokens[email]! })
    expect(res.status, res.body).toBe(200)
    return res.json().items
  }
  const save = (email: string, name: string, query: string, locale = 'en') =>
    t.request('POST', '/api/service-requests/views', {
      token: tokens[email]!,
      headers: { 'accept-language': locale },
      body: { name, query },
    })
  const remove = (email: string, id: string) =>
    t.request('DELETE', `/api/service-requests/views/${id}`, { token: tokens[email]! })
  const listed = async (email: string, query: Record<string, string>) =>
    (
      await t.request('GET', `/api/service-requests?${new URLSearchParams({ ...query, limit: '1' })}`, {
        token: tokens[email]!,
      })
    ).json().total

  it('when the engineer saves the list’s filters with paging and stray keys, then only the filters are kept, and the view comes after the fixed ones with the list’s count', async () => {
    await fileRequest(t, tokens[ANNA]!)
    const saved = await save(
      ENGINEER,
      '  Microsoft 365 open  ',
      '?status=open&workload=office365&offset=50&cursor=abc&colour=red',
    )
    expect(saved.status, saved.body).toBe(201)
    const view = saved.json() as View
    expect(view).toMatchObject({
      own: true,
      name: 'Microsoft 365 open',
      query: { status: 'open', workload: 'office365' },
    })
    expect(Object.keys(view.query).sort()).toEqual(['status', 'workload'])
    expect(view.total).toBeGreaterThan(0)
    expect(view.total).toBe(await listed(ENGINEER, view.query))

    const items = await viewsOf(ENGINEER)
    const firstOwn = items.findIndex((v) => v.own)
    expect(items.slice(0, firstOwn).every((v) => !v.own)).toBe(true)
    const listedView = items.find((v) => v.id === view.id)!
    expect(listedView).toMatchObject({
      own: true,
      name: 'Microsoft 365 open',
      query: view.query,
      total: view.total,
    })

    await fileRequest(t, tokens[ANNA]!)
    const counted = (await viewsOf(ENGINEER)).find((v) => v.id === view.id)!
    expect(counted.total).toBe(view.total + 1)
    expect(counted.total).toBe(await listed(ENGINEER, view.query))
  })

  it('when a name is taken (in any case), then the save is refused 409 view_name_taken, in the caller’s language', async () => {
    expect((await save(ENGINEER, 'Critical', 'severity=critical')).status).toBe(201)
    const again = await save(ENGINEER, 'CRITICAL', 'severity=critical&status=open')
    expect(again.status).toBe(409)
    expect(again.json().error).toMatchObject({
      code: 'view_name_taken',
      message: 'You already have a view called “CRITICAL”.',
    })
    const inItalian = await save(ENGINEER, 'critical', 'severity=minimal', 'it')
    expect(inItalian.json().error).toMatchObject({
      code: 'view_name_taken',
      message: 'Hai già una vista chiamata «critical».',
    })
  })

  it('when a name or the filters are not valid, then the save is refused 400 with the reason', async () => {
    const cases: [string, string, string][] = [
      ['', 'status=open', 'view_name_invalid'],
      ['x'.repeat(61), 'status=open', 'view_name_invalid'],
      ['Bad status', 'status=lost', 'view_query_invalid'],
      ['Bad partner', 'partner=not-an-id', 'view_query_invalid'],
      ['Only paging', 'offset=10&limit=5', 'view_query_empty'],
    ]
    for (const [name, query, code] of cases) {
      const res = await save(ENGINEER, name, query, 'it')
      expect(res.status, `${name} ${query}`).toBe(400)
      expect(res.json().error.code).toBe(code)
      expect(res.json().error.message).toMatch(/vista|nome/)
    }
    const long = await save(ENGINEER, 'Long', `q=${'a'.repeat(2001)}`)
    expect(long.status).toBe(400)
  })

  it('when a person keeps 20 views, then the 21st is refused 409 too_many_views until one is deleted', async () => {
    const ids: string[] = []
    for (let i = 1; i <= 20; i++) {
      const res = await save(NORA, `View ${i}`, `q=word${i}`)
      expect(res.status, res.body).toBe(201)
      ids.push(res.json().id)
    }
    const over = await save(NORA, 'View 21', 'q=word21')
    expect(over.status).toBe(409)
    expect(over.json().error).toMatchObject({ code: 'too_many_views' })
    expect((await remove(NORA, ids[0]!)).status).toBe(204)
    expect((await save(NORA, 'View 21', 'q=word21')).status).toBe(201)
    expect((await viewsOf(NORA)).filter((v) => v.own)).toHaveLength(20)
  })

  it('when ada deletes her view, then it is gone; when someone else tries to delete it, then it is not found and stays', async () => {
    const mine = (
      await save(ADA, 'Sent to us, critical', 'handledBy=partner&severity=critical')
    ).json() as View
    const other = (await save(ADA, 'Mine waiting', 'assignee=me&status=attention_needed')).json() as View
    for (const stranger of [ANNA, ENGINEER]) expect((await remove(stranger, other.id)).status).toBe(404)
    expect((await viewsOf(ADA)).some((v) => v.id === other.id)).toBe(true)

    expect((await remove(ADA, mine.id)).status).toBe(204)
    expect((await viewsOf(ADA)).some((v) => v.id === mine.id)).toBe(false)
    expect((await remove(ADA, mine.id)).status).toBe(404)
  })

  it('when a partner saves a view, then no one else — another partner, the vendor’s engineer — ever sees it', async () => {
    const ada = (await save(ADA, 'Adatum only', 'status=open&sort=due')).json() as View
    for (const someone of [ANNA, NORA, ENGINEER]) {
      const views = await viewsOf(someone)
      expect(views.some((v) => v.id === ada.id || v.name === 'Adatum only')).toBe(false)
    }
    // The same name is free for someone else.
    expect((await save(ANNA, 'Adatum only', 'status=open')).status).toBe(201)
  })
})
