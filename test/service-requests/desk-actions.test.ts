import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'
import { addEngineer } from '../support/desk.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest, fileToPartner } from '../support/requests.ts'

const ANNA = 'anna@fabrikam.example'
const HUGO = 'hugo@fabrikam.example'
const NORA = 'nora@northwind.example'
const ADA = 'ada@adatum.example'
const ROSSI_ADMIN = 'admin@rossi.example'
const BIANCHI_ADMIN = 'admin@bianchi.example'
const ENGINEER = 'engineer@contoso.example'

interface BulkResult {
  id: string
  ok: boolean
  version?: number
  status?: string
  assignedTo?: { userId: string; name: string | null } | null
  error?: { status: number; code: string; message: string }
}

describe.each(dialects())('the desk’s row and bulk actions (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  const ids: Record<string, string> = {}
  let colleague: string

  beforeAll(async () => {
    t = await startTestApp(dialect)
    for (const p of [ANNA, HUGO, NORA, ADA, ROSSI_ADMIN, BIANCHI_ADMIN, ENGINEER]) {
      tokens[p] = await t.tokenFor(p)
      ids[p] = (await t.request('GET', '/api/session', { token: tokens[p] })).json().user.id
    }
    colleague = await addEngineer(t, 'lena@contoso.example', 'Lena Moretti')
  })
  afterAll(() => t?.close())

  const get = async (who: string, id: string) =>
    t.request('GET', `/api/service-requests/${id}`, { token: tokens[who]! })
  const versionOf = async (id: string) => (await get(ENGINEER, id)).json().version as number
  const bulk = (who: string, body: unknown, headers: Record<string, string> = {}) =>
    t.request('POST', '/api/service-requests/bulk', { token: tokens[who]!, body, headers })
  const auditOf = (action: string, targetId?: string) => {
    let q = t.db.db
      .selectFrom('audit_events')
      .select(['action', 'target_id', 'actor_email', 'result', 'details'])
      .where('action', '=', action)
    if (targetId) q = q.where('target_id', '=', targetId)
    return q.orderBy('id').execute()
  }

  it('when the engineer bulk-assigns two requests to a colleague, then each is assigned, audited and the colleague is told; the answer lists both', async () => {
    const a = (await fileRequest(t, tokens[ANNA]!, { title: 'Bulk A' })).id
    const b = (await fileRequest(t, tokens[ANNA]!, { title: 'Bulk B' })).id
    const res = await bulk(ENGINEER, {
      action: 'assign',
      assignedTo: colleague,
      items: [
        { id: a, version: await versionOf(a) },
        { id: b, version: await versionOf(b) },
      ],
    })
    expect(res.status, res.body).toBe(200)
    expect(res.json()).toMatchObject({ action: 'assign', applied: 2, refused: 0 })
    for (const r of res.json().results as BulkResult[]) {
      expect(r).toMatchObject({ ok: true, assignedTo: { userId: colleague, name: 'Lena Moretti' } })
    }
    expect((res.json().results as BulkResult[]).map((r) => r.id)).toEqual([a, b])
    for (const id of [a, b]) {
      expect((await get(ENGINEER, id)).json().assignedTo).toEqual({ userId: colleague, name: 'Lena Moretti' })
      expect(await auditOf('service_request.assign', id)).toHaveLength(1)
    }
    const [batch] = (await auditOf('service_request.bulk')).slice(-1)
    expect(batch).toMatchObject({ actor_email: ENGINEER, result: 'done' })
    expect(batch!.details).toMatchObject({
      action: 'assign',
      assignedTo: colleague,
      applied: [a, b],
      refused: [],
    })
    const notices = await t.db.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', colleague)
      .where('kind', '=', 'service_request.assigned')
      .execute()
    expect(notices.length).toBeGreaterThanOrEqual(2)
  })

  it('when the engineer bulk-closes a mix, then the open one closes and the closed, stale and unknown ones are refused with the single change’s reason — nothing hidden', async () => {
    const open = (await fileRequest(t, tokens[ANNA]!, { title: 'Close me' })).id
    const closed = (await fileRequest(t, tokens[ANNA]!, { title: 'Already closed' })).id
    const stale = (await fileRequest(t, tokens[ANNA]!, { title: 'Changed meanwhile' })).id
    const closedVersion = (
      await t.request('POST', `/api/service-requests/${closed}/close`, { token: tokens[ENGINEER]! })
    ).json().version
    const staleVersion = await versionOf(stale)
    await t.request('POST', `/api/service-requests/${stale}/notes`, {
      token: tokens[ANNA]!,
      body: { text: 'One more detail.' },
    })

    const res = await bulk(ENGINEER, {
      action: 'close',
      items: [
        { id: open, version: await versionOf(open) },
        { id: closed, version: closedVersion },
        { id: stale, version: staleVersion },
        { id: '999999999', version: 1 },
      ],
    })
    expect(res.status, res.body).toBe(200)
    expect(res.json()).toMatchObject({ applied: 1, refused: 3 })
    const results = res.json().results as BulkResult[]
    expect(results[0]).toMatchObject({ id: open, ok: true, status: 'closed' })
    expect(results[1]).toMatchObject({
      id: closed,
      ok: false,
      error: { status: 409, code: 'already_in_status' },
    })
    expect(results[2]).toMatchObject({
      id: stale,
      ok: false,
      error: { status: 412, code: 'version_conflict' },
    })
    expect(results[3]).toMatchObject({ ok: false, error: { status: 404, code: 'not_found' } })
    for (const r of results.slice(1)) expect(r.error!.message.length).toBeGreaterThan(0)
    expect((await get(ENGINEER, stale)).json().status).toBe('open')
    expect(await auditOf('service_request.close', open)).toHaveLength(1)
    const [batch] = (await auditOf('service_request.bulk')).slice(-1)
    expect(batch!.details).toMatchObject({
      action: 'close',
      applied: [open],
      refused: [
        { id: closed, code: 'already_in_status' },
        { id: stale, code: 'version_conflict' },
        { id: '999999999', code: 'not_found' },
      ],
    })
  })

  it('when the engineer bulk-closes two requests saying why, then each one’s history shows the close with that reason, for anna too, and the audit keeps it', async () => {
    const first = (await fileRequest(t, tokens[ANNA]!, { title: 'Fixed by the rollout (1)' })).id
    const second = (await fileRequest(t, tokens[ANNA]!, { title: 'Fixed by the rollout (2)' })).id
    const reason = 'Fixed by the mailbox rollout of 3 December.'
    const res = await bulk(ENGINEER, {
      action: 'close',
      reason: `  ${reason} `,
      items: [
        { id: first, version: await versionOf(first) },
        { id: second, version: await versionOf(second) },
      ],
    })
    expect(res.status, res.body).toBe(200)
    expect(res.json()).toMatchObject({ applied: 2, refused: 0 })
    for (const id of [first, second]) {
      const timeline = await t.request('GET', `/api/service-requests/${id}/timeline`, {
        token: tokens[ANNA]!,
      })
      expect(timeline.status, timeline.body).toBe(200)
      const closes = (
        timeline.json().entries as { kind: string; to?: string; reason?: string | null }[]
      ).filter((e) => e.kind === 'status' && e.to === 'closed')
      expect(closes).toEqual([
        expect.objectContaining({ reason, actor: expect.objectContaining({ side: 'vendor' }) }),
      ])
      const [audit] = await auditOf('service_request.close', id)
      expect(audit!.details).toMatchObject({ reason })
    }
    const [batch] = (await auditOf('service_request.bulk')).slice(-1)
    expect(batch!.details).toMatchObject({ action: 'close', reason, applied: [first, second] })

    // a reason is only for closing
    const assign = await bulk(
      ENGINEER,
      { action: 'assign', assignedTo: null, reason, items: [{ id: first, version: await versionOf(first) }] },
      { 'accept-language': 'it' },
    )
    expect(assign.status, assign.body).toBe(400)
    expect(assign.json().error.code).toBe('validation_failed')
  })

  it('when nora bulk-closes Fabrikam’s request for Rossi, then it is 404 for that item (not revealed) and the request stays open', async () => {
    const annas = (await fileRequest(t, tokens[ANNA]!, { title: 'Not Northwind’s' })).id
    const res = await bulk(NORA, { action: 'close', items: [{ id: annas, version: await versionOf(annas) }] })
    expect(res.status, res.body).toBe(200)
    expect(res.json().results[0]).toMatchObject({
      id: annas,
      ok: false,
      error: { status: 404, code: 'not_found' },
    })
    expect((await get(ENGINEER, annas)).json().status).toBe('open')
  })

  it('when anna bulk-assigns the vendor’s requests, then each is refused (403 assignment_vendor_only), in Italian when asked', async () => {
    const id = (await fileRequest(t, tokens[ANNA]!, { title: 'Not hers to assign' })).id
    const res = await bulk(
      ANNA,
      { action: 'assign', assignedTo: ids[ANNA], items: [{ id, version: await versionOf(id) }] },
      { 'accept-language': 'it' },
    )
    expect(res.status, res.body).toBe(200)
    const [result] = res.json().results as BulkResult[]
    expect(result).toMatchObject({ ok: false, error: { status: 403, code: 'assignment_vendor_only' } })
    // the vendor by its name: the request's handler
    expect(result!.error!.message).toBe('Solo i tecnici di supporto di Contoso Cloud assegnano le richieste.')
    expect((await get(ENGINEER, id)).json().assignedTo).toBeNull()
  })

  it('when a bulk body is malformed, then it is a structured 400 in the caller’s language and nothing changes', async () => {
    const id = (await fileRequest(t, tokens[ANNA]!, { title: 'Untouched' })).id
    const version = await versionOf(id)
    const cases: [unknown, string][] = [
      [
        {
          action: 'close',
          items: [
            { id, version },
            { id, version },
          ],
        },
        'bulk_duplicate',
      ],
      [{ action: 'assign', items: [{ id, version }] }, 'validation_failed'],
      [{ action: 'close', assignedTo: null, items: [{ id, version }] }, 'validation_failed'],
      [{ action: 'close', items: [] }, 'validation_failed'],
      [
        { action: 'close', items: Array.from({ length: 101 }, (_, i) => ({ id: `${i}`, version: 1 })) },
        'validation_failed',
      ],
      [{ action: 'delete', items: [{ id, version }] }, 'validation_failed'],
      [{ action: 'close', reason: 'x'.repeat(1001), items: [{ id, version }] }, 'validation_failed'],
      [{ action: 'close', items: [{ id }] }, 'validation_failed'],
    ]
    for (const [body, code] of cases) {
      const res = await bulk(ENGINEER, body, { 'accept-language': 'it' })
      expect(res.status, res.body).toBe(400)
      expect(res.json().error.code).toBe(code)
      expect(res.json().error.message.length).toBeGreaterThan(0)
    }
    const duplicate = await bulk(ENGINEER, cases[0]![0])
    expect(duplicate.json().error.message).toBe(`Request ${id} is listed more than once.`)
    expect(await versionOf(id)).toBe(version)
    expect((await get(ENGINEER, id)).json().status).toBe('open')
  })

  it('when partner staff ask whom to assign to, then the engineer gets the engineers, anna her colleagues, a customer 403', async () => {
    const engineers = await t.request('GET', '/api/desk/assignees', { token: tokens[ENGINEER]! })
    expect(
      engineers
        .json()
        .items.map((a: { email: string }) => a.email)
        .sort(),
    ).toEqual([ENGINEER, 'lena@contoso.example'])
    const fabrikam = await t.request('GET', '/api/desk/assignees', { token: tokens[ANNA]! })
    expect(
      fabrikam
        .json()
        .items.map((a: { email: string }) => a.email)
        .sort(),
    ).toEqual([ANNA, HUGO])
    const rossi = await t.request('GET', '/api/desk/assignees', { token: tokens[ROSSI_ADMIN]! })
    expect(rossi.status).toBe(403)
  })

  it('when Bianchi sends a request to Adatum, then ada takes it and it is hers ("assigned to me"), handled by Adatum; the engineer and Bianchi may not assign it', async () => {
    const sent = await fileToPartner(t, tokens[BIANCHI_ADMIN]!, {
      title: 'Le mail non arrivano',
      description: 'Da stamattina le mail esterne non arrivano.',
      severity: 'moderate',
    })
    expect(sent.handledBy).toBe('partner')
    const viewsOf = async () =>
      Object.fromEntries(
        (await t.request('GET', '/api/service-requests/views', { token: tokens[ADA]! }))
          .json()
          .items.map((v: { id: string; total: number }) => [v.id, v.total]),
      ) as Record<string, number>
    const before = await viewsOf()

    const byEngineer = await bulk(ENGINEER, {
      action: 'assign',
      assignedTo: ids[ENGINEER],
      items: [{ id: sent.id, version: sent.version }],
    })
    expect(byEngineer.json().results[0].error).toMatchObject({
      status: 403,
      code: 'assignment_responder_only',
    })
    expect(byEngineer.json().results[0].error.message).toBe(
      'Only Adatum, who works this request, assigns it.',
    )
    const byCustomer = await bulk(BIANCHI_ADMIN, {
      action: 'assign',
      assignedTo: ids[BIANCHI_ADMIN],
      items: [{ id: sent.id, version: sent.version }],
    })
    expect(byCustomer.json().results[0].error.code).toBe('assignment_responder_only')
    const toAnna = await t.request('PATCH', `/api/service-requests/${sent.id}`, {
      token: tokens[ADA]!,
      headers: { 'if-match': `"${sent.id}-${sent.version}"` },
      body: { assignedTo: ids[ANNA] },
    })
    expect(toAnna.status, toAnna.body).toBe(400)
    expect(toAnna.json().error.code).toBe('invalid_assignee')

    const taken = await t.request('PATCH', `/api/service-requests/${sent.id}`, {
      token: tokens[ADA]!,
      headers: { 'if-match': `"${sent.id}-${sent.version}"` },
      body: { assignedTo: ids[ADA] },
    })
    expect(taken.status, taken.body).toBe(200)
    expect(taken.json().assignedTo).toMatchObject({ userId: ids[ADA] })

    const after = await viewsOf()
    expect(after.mine).toBe(before.mine! + 1)
    expect(after.sent_to_you).toBe(before.sent_to_you!)
    expect(after.unassigned).toBe(before.unassigned! - 1)
    const mine = await t.request('GET', '/api/service-requests?assignee=me&status=open', {
      token: tokens[ADA]!,
    })
    expect(mine.json().items.map((r: { id: string }) => r.id)).toContain(sent.id)
    const handledByAdatum = await t.request('GET', '/api/service-requests?handledBy=partner', {
      token: tokens[ADA]!,
    })
    expect(handledByAdatum.json().items.map((r: { id: string }) => r.id)).toContain(sent.id)
    const handledByVendor = await t.request('GET', '/api/service-requests?handledBy=vendor', {
      token: tokens[ADA]!,
    })
    expect(handledByVendor.json().items.map((r: { id: string }) => r.id)).not.toContain(sent.id)
    for (const r of handledByVendor.json().items)
      expect(r.handler).toMatchObject({ kind: 'vendor', name: 'Contoso Cloud' })
    const bad = await t.request('GET', '/api/service-requests?handledBy=someone', { token: tokens[ADA]! })
    expect(bad.status).toBe(400)
  })
})
