import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { up as backfill } from '../../src/platform/db/migrations/0024_timeline_backfill.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest } from '../support/requests.ts'

const ANNA = 'anna@fabrikam.example'
const ENGINEER = 'engineer@contoso.example'
const ROSSI_ADMIN = 'admin@rossi.example'

interface Entry {
  kind: string
  visibility: string
  actor: { name: string; side: string } | null
  from?: string | null
  to?: string | null
  reason?: string | null
  fileName?: string
}

function multipart(fileName: string, text: string) {
  const boundary = `----tramite${Math.random().toString(16).slice(2)}`
  return {
    rawBody: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      Buffer.from(text),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

/** What a reader learns from an entry, without its id and instant (rebuilt ones take the audit's). */
const shape = (e: Entry) => ({
  kind: e.kind,
  visibility: e.visibility,
  actor: e.actor ? { name: e.actor.name, side: e.actor.side } : null,
  from: e.from,
  to: e.to,
  reason: e.reason,
  fileName: e.fileName,
})

describe.each(dialects())('the history of requests changed before migration 0023 (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    t = await startTestApp(dialect)
    for (const p of [ANNA, ENGINEER, ROSSI_ADMIN]) tokens[p] = await t.tokenFor(p)
  })
  afterAll(() => t?.close())

  const as = (email: string) => ({ token: tokens[email]! })
  const timelineOf = async (id: string, email: string) => {
    const res = await t.request('GET', `/api/service-requests/${id}/timeline`, as(email))
    expect(res.status, res.body).toBe(200)
    return (res.json() as { entries: Entry[] }).entries
  }
  const etagOf = async (id: string) =>
    (await t.request('GET', `/api/service-requests/${id}`, as(ENGINEER))).headers.etag!
  const ok = async (res: Promise<{ status: number; body: string }>) => {
    const done = await res
    expect(done.status, done.body).toBeLessThan(300)
  }
  // the state a request changed before 0023 is in: its changes audited, no timeline events
  const forgetEvents = (id: string) =>
    t.db.db.deleteFrom('service_request_events').where('request_id', '=', id).execute()
  const runBackfill = () => backfill(t.db.db as unknown as Kysely<unknown>)

  it('when a request was worked, closed and reopened before the timeline was kept, then the migration rebuilds its whole history in order, internal changes for the desk only, and a second run adds nothing', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!)
    const engineerId = (await t.request('GET', '/api/desk/engineers', as(ENGINEER))).json().items[0]
      .userId as string
    await ok(
      t.request('PATCH', `/api/service-requests/${id}`, {
        ...as(ENGINEER),
        headers: { 'if-match': await etagOf(id) },
        body: { assignedTo: engineerId, severity: 'minimal' },
      }),
    )
    await ok(
      t.request('POST', `/api/service-requests/${id}/attachments`, {
        ...as(ANNA),
        ...multipart('teams.log', '2026-11-25 09:00 call dropped\n'),
      }),
    )
    await ok(
      t.request('PATCH', `/api/service-requests/${id}`, {
        ...as(ANNA),
        headers: { 'if-match': await etagOf(id) },
        body: { externalReference: 'PSA-4711' },
      }),
    )
    await ok(
      t.request('POST', `/api/service-requests/${id}/close`, {
        ...as(ANNA),
        body: { reason: 'Fixed by the client update.' },
      }),
    )
    await ok(
      t.request('POST', `/api/service-requests/${id}/reopen`, {
        ...as(ROSSI_ADMIN),
        body: { reason: 'Calls drop again in Rome.' },
      }),
    )
    const desk = await timelineOf(id, ENGINEER)
    const requester = await timelineOf(id, ANNA)
    expect(desk.map((e) => e.kind)).toEqual([
      'created',
      'severity',
      'assignment',
      'attachment',
      'external_reference',
      'status',
      'status',
    ])

    await forgetEvents(id)
    expect((await timelineOf(id, ENGINEER)).map((e) => e.kind)).toEqual(['created'])

    await runBackfill()
    expect((await timelineOf(id, ENGINEER)).map(shape)).toEqual(desk.map(shape))
    expect((await timelineOf(id, ANNA)).map(shape)).toEqual(requester.map(shape))
    expect(requester.some((e) => e.kind === 'assignment')).toBe(false)
    expect((await timelineOf(id, ENGINEER)).find((e) => e.kind === 'assignment')).toMatchObject({
      from: null,
      to: 'Sam Rivera',
      actor: { side: 'vendor' },
    })

    await runBackfill()
    expect(await timelineOf(id, ENGINEER)).toHaveLength(desk.length)
  })

  it('when a request closed before the timeline was kept is reopened after, then the rebuilt close comes before the recorded reopen, and the recorded one is not doubled', async () => {
    const { id } = await fileRequest(t, tokens[ANNA]!)
    await ok(t.request('POST', `/api/service-requests/${id}/close`, as(ANNA)))
    await forgetEvents(id)
    await ok(
      t.request('POST', `/api/service-requests/${id}/reopen`, {
        ...as(ANNA),
        body: { reason: 'It happens again.' },
      }),
    )
    expect((await timelineOf(id, ANNA)).map((e) => e.kind)).toEqual(['created', 'status'])

    await runBackfill()
    const statuses = (await timelineOf(id, ANNA)).filter((e) => e.kind === 'status')
    expect(statuses.map((e) => [e.from, e.to, e.reason])).toEqual([
      ['open', 'closed', null],
      ['closed', 'open', 'It happens again.'],
    ])
    expect(statuses[0]!.actor).toEqual(expect.objectContaining({ name: 'Anna Moretti', side: 'partner' }))
  })
})
