import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest } from '../support/requests.ts'

const ANNA = 'anna@fabrikam.example'
const ADA = 'ada@adatum.example'
const ENGINEER = 'engineer@contoso.example'

describe.each(dialects())('the desk’s saved views (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    t = await startTestApp(dialect)
    for (const p of [ANNA, ADA, ENGINEER]) tokens[p] = await t.tokenFor(p)
  })
  afterAll(() => t?.close())

  const viewsOf = async (email: string) => {
    const res = await t.request('GET', '/api/service-requests/views', { token: tokens[email]! })
    expect(res.status, res.body).toBe(200)
    return Object.fromEntries(
      res.json().items.map((v: { id: string; total: number; query: Record<string, string> }) => [v.id, v]),
    ) as Record<string, { total: number; query: Record<string, string> }>
  }
  /** What the list shows for a view's query: its count must be the same. */
  const listed = async (email: string, query: Record<string, string>) =>
    (
      await t.request('GET', `/api/service-requests?${new URLSearchParams({ ...query, limit: '1' })}`, {
        token: tokens[email]!,
      })
    ).json().total

  it('when anna files and the engineer takes one, then the engineer’s views count it as open, then mine — each as the list counts it', async () => {
    const before = await viewsOf(ENGINEER)
    const { id } = await fileRequest(t, tokens[ANNA]!)
    const filed = await viewsOf(ENGINEER)
    expect(filed.open!.total).toBe(before.open!.total + 1)
    expect(filed.unassigned!.total).toBe(before.unassigned!.total + 1)

    const me = (await t.request('GET', '/api/session', { token: tokens[ENGINEER]! })).json().user.id
    const etag = String(
      (await t.request('GET', `/api/service-requests/${id}`, { token: tokens[ENGINEER]! })).headers.etag,
    )
    const taken = await t.request('PATCH', `/api/service-requests/${id}`, {
      token: tokens[ENGINEER]!,
      headers: { 'if-match': etag },
      body: { assignedTo: me },
    })
    expect(taken.status, taken.body).toBe(200)
    const after = await viewsOf(ENGINEER)
    expect(after.mine!.total).toBe(filed.mine!.total + 1)
    expect(after.unassigned!.total).toBe(filed.unassigned!.total - 1)
    for (const view of Object.values(after)) expect(await listed(ENGINEER, view.query)).toBe(view.total)
  })

  it('when ada asks for her views, then she gets partner staff’s views (assigned to her, her team’s, sent to Adatum) counting only her organization’s requests', async () => {
    await fileRequest(t, tokens[ANNA]!)
    const ada = await viewsOf(ADA)
    expect(Object.keys(ada)).toEqual([
      'mine',
      'team',
      'sent_to_you',
      'unassigned',
      'waiting',
      'at_risk',
      'breached',
    ])
    expect(ada.sent_to_you!.query).toMatchObject({ handledBy: 'partner', status: 'open' })
    for (const view of Object.values(ada)) expect(await listed(ADA, view.query)).toBe(view.total)
    const anna = await viewsOf(ANNA)
    expect(anna.team!.total).toBeGreaterThan(ada.team!.total)
  })
})
