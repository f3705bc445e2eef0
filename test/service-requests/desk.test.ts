import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext } from '../../src/app.ts'
import { openDatabase } from '../../src/platform/db/database.ts'
import { runSlaJob } from '../../src/service-requests/sla.jobs.ts'
import { startTestApp, tenantIdOf, type RequestOptions, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest } from '../support/requests.ts'

const ROSSI = tenantIdOf('rossi.example')
const HOUR = 3_600_000

const ANNA = 'anna@fabrikam.example'
const HUGO = 'hugo@fabrikam.example'
const NORA = 'nora@northwind.example'
const ROSSI_ADMIN = 'admin@rossi.example'
const TAILSPIN_ADMIN = 'admin@tailspin.example'
const ENGINEER = 'engineer@contoso.example'

describe.each(dialects())('the vendor’s support desk (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    t = await startTestApp(dialect)
    for (const p of [ANNA, HUGO, NORA, ROSSI_ADMIN, TAILSPIN_ADMIN, ENGINEER]) tokens[p] = await t.tokenFor(p)
  })
  afterAll(() => t?.close())

  const as = (email: string, extra: Partial<RequestOptions> = {}): RequestOptions => ({
    token: tokens[email]!,
    ...extra,
  })

  const fileAsAnna = (extra: Record<string, unknown> = {}) => fileRequest(t, tokens[ANNA]!, extra)

  const get = async (email: string, id: string) => t.request('GET', `/api/service-requests/${id}`, as(email))
  const etagOf = async (id: string) => String((await get(ENGINEER, id)).headers.etag)
  const patch = async (email: string, id: string, body: unknown, ifMatch?: string) =>
    t.request('PATCH', `/api/service-requests/${id}`, {
      ...as(email, { headers: { 'if-match': ifMatch ?? (await etagOf(id)) } }),
      body,
    })
  const note = (email: string, id: string, body: Record<string, unknown>) =>
    t.request('POST', `/api/service-requests/${id}/notes`, { ...as(email), body })

  it('when anna files for Rossi, then the request is in the engineer’s queue with its first-response clock running', async () => {
    const { id, createdAt } = await fileAsAnna()
    const queue = await t.request('GET', '/api/service-requests?sla=running&sort=due&limit=200', as(ENGINEER))
    expect(queue.status).toBe(200)
    const mine = queue.json().items.find((r: { id: string }) => r.id === id)
    expect(mine).toMatchObject({
      status: 'open',
      assignedTo: null,
      sla: {
        state: 'running',
        firstResponseDueAt: new Date(Date.parse(createdAt) + 4 * HOUR).toISOString(),
        firstResponseAt: null,
        breachedAt: null,
      },
    })
    expect(mine.sla.remainingMinutes).toBeGreaterThan(235)
    expect(mine.sla.remainingMinutes).toBeLessThanOrEqual(240)
    // the partner's own list shows the same clock
    const annas = (await t.request('GET', '/api/service-requests?limit=200', as(ANNA))).json()
    expect(annas.items.find((r: { id: string }) => r.id === id).sla.state).toBe('running')
    // sorted by due date: no running request further down is due earlier
    const dues = queue
      .json()
      .items.map((r: { sla: { firstResponseDueAt: string } }) => Date.parse(r.sla.firstResponseDueAt))
    expect(dues).toEqual([...dues].sort((a, b) => a - b))
  })

  it('when the engineer asks for information, then the request waits on anna, the SLA is met, and her answer reopens the work', async () => {
    const { id } = await fileAsAnna()
    const asked = await note(ENGINEER, id, { text: 'Which Teams client version?', requestInformation: true })
    expect(asked.status, asked.body).toBe(200)
    expect(asked.json()).toMatchObject({ status: 'attention_needed', sla: { state: 'met' } })
    expect(asked.json().sla.firstResponseAt).not.toBeNull()

    // only whoever works the request asks for information
    const annaTries = await patch(ANNA, id, { status: 'attention_needed' })
    expect(annaTries.status).toBe(403)
    expect(annaTries.json().error.code).toBe('status_move_not_allowed')

    const answered = await note(ANNA, id, { text: 'Version 24215, on Windows 11.' })
    expect(answered.json().status).toBe('open')
    // a later note of the engineer does not move the first response
    const later = await note(ENGINEER, id, { text: 'Thanks, looking into it.' })
    expect(later.json().sla.firstResponseAt).toBe(asked.json().sla.firstResponseAt)
  })

  it('when a status is changed without If-Match or from a stale ETag, then it is refused and nothing changes', async () => {
    const { id } = await fileAsAnna()
    const stale = await etagOf(id)
    const blind = await t.request('PATCH', `/api/service-requests/${id}`, {
      ...as(ENGINEER),
      body: { status: 'attention_needed' },
    })
    expect(blind.status).toBe(428)
    expect(blind.json().error.code).toBe('precondition_required')

    expect((await patch(ENGINEER, id, { status: 'attention_needed' }, stale)).status).toBe(200)
    const second = await patch(ENGINEER, id, { status: 'closed' }, stale)
    expect(second.status).toBe(412)
    expect(second.json().error.code).toBe('version_conflict')
    expect((await get(ENGINEER, id)).json().status).toBe('attention_needed')

    // engineer: attention needed → open → closed; closed → reopened by anna
    expect((await patch(ENGINEER, id, { status: 'open' })).json().status).toBe('open')
    expect((await patch(ENGINEER, id, { status: 'closed' })).json().status).toBe('closed')
    const again = await patch(ENGINEER, id, { status: 'attention_needed' })
    expect(again.status).toBe(409)
    expect((await patch(ANNA, id, { status: 'open' })).json().status).toBe('open')
    const same = await patch(ANNA, id, { status: 'open' })
    expect(same.status).toBe(409)
    expect(same.json().error.code).toBe('already_in_status')
  })

  it('when the engineer writes an internal note, then only the desk sees and finds it', async () => {
    const { id } = await fileAsAnna({ description: 'Calls drop for the sales team.' })
    const internal = await note(ENGINEER, id, {
      text: 'Correlates with the frontdoor rollout zanzibar-7.',
      visibility: 'internal',
    })
    expect(internal.status, internal.body).toBe(200)
    expect(internal.json().notes.at(-1)).toMatchObject({ visibility: 'internal' })
    // an internal note is not a response to the customer
    expect(internal.json().sla.firstResponseAt).toBeNull()

    for (const reader of [ANNA, ROSSI_ADMIN]) {
      const seen = (await get(reader, id)).json()
      expect(seen.notes.map((n: { text: string }) => n.text).join(' ')).not.toContain('zanzibar')
    }
    const search = (who: string) =>
      t
        .request('GET', '/api/service-requests?q=zanzibar', as(who))
        .then((r) => r.json().items.map((i: { id: string }) => i.id))
    expect(await search(ENGINEER)).toEqual([id])
    expect(await search(ANNA)).toEqual([])

    const annaInternal = await note(ANNA, id, { text: 'secret', visibility: 'internal' })
    expect(annaInternal.status).toBe(403)
    expect(annaInternal.json().error.code).toBe('internal_notes_responder_only')
  })

  it('when the severity changes, then the requester may raise it, the engineer may only lower it, and the clock restarts', async () => {
    const { id } = await fileAsAnna({ severity: 'minimal' })
    t.clock.offsetMs = 30 * 60_000
    try {
      const raised = await patch(ANNA, id, { severity: 'critical' })
      expect(raised.status, raised.body).toBe(200)
      const due = Date.parse(raised.json().sla.firstResponseDueAt)
      expect(due - (Date.now() + t.clock.offsetMs)).toBeGreaterThan(2 * HOUR - 60_000)
      expect(due - (Date.now() + t.clock.offsetMs)).toBeLessThanOrEqual(2 * HOUR)

      const up = await patch(ENGINEER, id, { severity: 'critical' })
      expect(up.status).toBe(200) // unchanged severity: nothing to refuse
      const lowered = await patch(ENGINEER, id, { severity: 'moderate' })
      expect(lowered.json().severity).toBe('moderate')
      const raisedByEngineer = await patch(ENGINEER, id, { severity: 'critical' })
      expect(raisedByEngineer.status).toBe(403)
      expect(raisedByEngineer.json().error.code).toBe('severity_raise_by_responder')
    } finally {
      t.clock.offsetMs = 0
    }
  })

  it('when a contact without a phone number asks for critical, then it is refused until a phone is given', async () => {
    const base = {
      workload: 'azure',
      problemType: 'technical',
      title: 'VM unreachable',
      description: 'The production VM does not answer.',
      severity: 'critical',
    }
    const subs = (await t.request('GET', '/api/subscriptions', as(TAILSPIN_ADMIN))).json()
    const subscriptionId = subs.items?.find((s: { workload: string }) => s.workload === 'azure')?.id
    const refused = await t.request('POST', '/api/service-requests', {
      ...as(TAILSPIN_ADMIN),
      body: { ...base, subscriptionId },
    })
    expect(refused.status, refused.body).toBe(422)
    expect(refused.json().error.code).toBe('critical_needs_phone')
    const accepted = await t.request('POST', '/api/service-requests', {
      ...as(TAILSPIN_ADMIN),
      body: { ...base, subscriptionId, contact: { phone: '+1 555 0100' } },
    })
    expect(accepted.status, accepted.body).toBe(201)
  })

  it('when the engineer assigns a request, then the queue filters by assignee and only engineers can be assigned', async () => {
    const { id } = await fileAsAnna()
    const me = (await t.request('GET', '/api/desk/engineers', as(ENGINEER))).json().items
    expect(me).toEqual([expect.objectContaining({ email: ENGINEER, name: 'Sam Rivera' })])
    const engineerId = me[0].userId as string

    const assigned = await patch(ENGINEER, id, { assignedTo: engineerId })
    expect(assigned.status, assigned.body).toBe(200)
    expect(assigned.json().assignedTo).toEqual({ userId: engineerId, name: 'Sam Rivera' })
    const mine = (await t.request('GET', '/api/service-requests?assignee=me&limit=200', as(ENGINEER))).json()
    expect(mine.items.map((r: { id: string }) => r.id)).toContain(id)
    const unassigned = (
      await t.request('GET', '/api/service-requests?assignee=none&limit=200', as(ENGINEER))
    ).json()
    expect(unassigned.items.map((r: { id: string }) => r.id)).not.toContain(id)

    const annaId = (await get(ANNA, id)).json().contact.userId as string
    const wrong = await patch(ENGINEER, id, { assignedTo: annaId })
    expect(wrong.status).toBe(400)
    expect(wrong.json().error.code).toBe('invalid_assignee')
    const byAnna = await patch(ANNA, id, { assignedTo: null })
    expect(byAnna.status).toBe(403)
    expect(byAnna.json().error.code).toBe('assignment_vendor_only')
    expect((await t.request('GET', '/api/desk/engineers', as(ANNA))).status).toBe(403)
    expect((await patch(ENGINEER, id, { assignedTo: null })).json().assignedTo).toBeNull()
  })

  it('when the engineer asks for the partner directory, then every partner is listed with its type and the queue filters by one; partners and customers get 403', async () => {
    const { id } = await fileAsAnna()
    const res = await t.request('GET', '/api/desk/partners', as(ENGINEER))
    expect(res.status, res.body).toBe(200)
    const partners = res.json().items as { tenantId: string; name: string; partnerType: string }[]
    expect(partners.map((p) => p.name)).toEqual(['Adatum', 'Fabrikam', 'Litware', 'Northwind Distribution'])
    const fabrikam = partners.find((p) => p.name === 'Fabrikam')!
    expect(fabrikam.partnerType).toBe('direct')
    const queue = (
      await t.request('GET', `/api/service-requests?partner=${fabrikam.tenantId}&limit=200`, as(ENGINEER))
    ).json()
    expect(queue.items.map((r: { id: string }) => r.id)).toContain(id)
    const adatum = partners.find((p) => p.name === 'Adatum')!
    const other = (
      await t.request('GET', `/api/service-requests?partner=${adatum.tenantId}&limit=200`, as(ENGINEER))
    ).json()
    expect(other.items.map((r: { id: string }) => r.id)).not.toContain(id)
    expect((await t.request('GET', '/api/desk/partners', as(ANNA))).status).toBe(403)
    expect((await t.request('GET', '/api/desk/partners', as(TAILSPIN_ADMIN))).status).toBe(403)
  })

  it('when the first-response target passes without a response, then the job marks the breach once, alerts the desk and exports it', async () => {
    const { id } = await fileAsAnna({ severity: 'critical' })
    t.clock.offsetMs = 2 * HOUR + 60_000
    try {
      const first = await t.runTask('sla')
      expect(first).toMatchObject({ skipped: false })
      expect((first as { breached: number }).breached).toBeGreaterThanOrEqual(1)
      const seen = (await get(ENGINEER, id)).json()
      expect(seen.sla.state).toBe('breached')
      // the breach happened when the target passed, not when the job saw it
      expect(seen.sla.breachedAt).toBe(seen.sla.firstResponseDueAt)
      expect(await t.runTask('sla')).toEqual({ breached: 0, skipped: false })

      const breached = (
        await t.request('GET', '/api/service-requests?sla=breached&limit=200', as(ENGINEER))
      ).json()
      expect(breached.items.map((r: { id: string }) => r.id)).toContain(id)
      const notices = (await t.request('GET', '/api/notifications', as(ENGINEER))).json()
      expect(
        notices.items.some(
          (n: { kind: string; link: string }) =>
            n.kind === 'service_request.sla_breached' && n.link.endsWith(id),
        ),
      ).toBe(true)

      const metrics = (await t.request('GET', '/metrics')).body
      expect(metrics).toMatch(/tramite_service_requests\{severity="critical",sla_state="breached"\} [1-9]/)
      expect(metrics).toMatch(/tramite_sla_breaches_total [1-9]/)
      // a late first response leaves it breached
      const late = await note(ENGINEER, id, { text: 'Sorry for the wait.' })
      expect(late.json().sla.state).toBe('breached')
    } finally {
      t.clock.offsetMs = 0
    }
  })

  it('when several instances look for breaches at once, then each breach is recorded once', async () => {
    const filed = await Promise.all([1, 2, 3].map(() => fileAsAnna({ severity: 'critical' })))
    const second = dialect === 'postgres' ? await openDatabase({ kind: 'postgres', url: t.db.url! }) : null
    const other = second ? createContext(t.config, second, () => t.ctx.now()) : t.ctx
    t.clock.offsetMs = 2 * HOUR + 60_000
    try {
      const reports = await Promise.all([runSlaJob(t.ctx), runSlaJob(other), runSlaJob(t.ctx)])
      const total = reports.reduce((n, r) => n + r.breached, 0)
      const rows = await t.db.db
        .selectFrom('service_requests')
        .select(['id', 'sla_breached_at'])
        .where(
          'id',
          'in',
          filed.map((f) => f.id),
        )
        .execute()
      expect(rows.every((r) => r.sla_breached_at !== null)).toBe(true)
      // one alert per breach and engineer, however many instances saw it
      for (const { id } of filed) {
        const alerts = await t.db.db
          .selectFrom('notifications')
          .select('dedupe_key')
          .where('kind', '=', 'service_request.sla_breached')
          .where('dedupe_key', 'like', `sla-breach:${id}:%`)
          .execute()
        expect(alerts).toHaveLength(1)
      }
      expect(total).toBeGreaterThanOrEqual(3)
      expect(await runSlaJob(t.ctx)).toEqual({ breached: 0, skipped: false })
    } finally {
      t.clock.offsetMs = 0
      if (second) {
        await other.events.close()
        await other.authCache.close()
        await second.close()
      }
    }
  })

  it('when requests are searched, then Italian and English stems match titles, descriptions and public notes', async () => {
    const italian = await fileAsAnna({
      title: 'Le stampanti di rete non rispondono',
      description: 'Dal mattino nessuna stampante del secondo piano accetta lavori.',
    })
    const english = await fileAsAnna({
      title: 'Mailbox migrations stalled',
      description: 'Several mailboxes are stuck while migrating to the cloud.',
    })
    await note(ANNA, english.id, { text: 'The throttling started yesterday.' })
    const find = async (q: string, who = ENGINEER) =>
      (await t.request('GET', `/api/service-requests?q=${encodeURIComponent(q)}&limit=200`, as(who)))
        .json()
        .items.map((r: { id: string }) => r.id)
    expect(await find('stampante')).toContain(italian.id)
    expect(await find('stampanti rete')).toEqual([italian.id])
    expect(await find('migrate mailbox')).toEqual([english.id])
    expect(await find('throttled')).toEqual([english.id])
    expect(await find(english.id)).toEqual([english.id])
    expect(await find('stampante', ANNA)).toContain(italian.id)
    // another partner finds nothing of Fabrikam's
    expect(await find('stampante', NORA)).toEqual([])
    expect(await find('"nessuna corrispondenza" zzqx')).toEqual([])
  })

  it('when a create is retried with the same Idempotency-Key, then one request is made and the retry answers it', async () => {
    const body = {
      customerTenantId: ROSSI,
      workload: 'office365',
      supportTopicId: 'o365.teams',
      title: 'Retried create',
      description: 'The PSA tool timed out and sent this again.',
      severity: 'minimal',
      externalReference: 'PSA-4711',
    }
    const send = (key: string, b: unknown = body) =>
      t.request('POST', '/api/service-requests', {
        ...as(ANNA, { headers: { 'idempotency-key': key } }),
        body: b,
      })
    const count = async () =>
      (await t.request('GET', '/api/service-requests?q=Retried&limit=200', as(ANNA))).json().total as number
    const before = await count()
    const key = `psa-${dialect}-${Date.now()}`
    const [a, b] = await Promise.all([send(key), send(key)])
    const c = await send(key)
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201])
    expect(new Set([a.json().id, b.json().id, c.json().id]).size).toBe(1)
    expect(c.headers['idempotent-replayed']).toBe('true')
    expect(c.json().externalReference).toBe('PSA-4711')
    expect(await count()).toBe(before + 1)

    const reused = await send(key, { ...body, title: 'Something else' })
    expect(reused.status).toBe(422)
    expect(reused.json().error.code).toBe('idempotency_key_reused')
    const bad = await send('has space')
    expect(bad.status).toBe(400)
    expect(await count()).toBe(before + 1)
    // the key is the caller's: the same key from hugo is not a retry of anna's create (he gets his own decision)
    const hugo = await t.request('POST', '/api/service-requests', {
      ...as(HUGO, { headers: { 'idempotency-key': key } }),
      body,
    })
    expect(hugo.headers['idempotent-replayed']).toBeUndefined()
    expect(hugo.json().id).toBeUndefined()
    expect(hugo.json().error.code).not.toBe('idempotency_key_reused')
  })

  it('when the external reference is set, then the partner sees it and may clear it', async () => {
    const { id } = await fileAsAnna()
    expect((await patch(ANNA, id, { externalReference: 'CW-1234' })).json().externalReference).toBe('CW-1234')
    expect((await patch(ANNA, id, { externalReference: null })).json().externalReference).toBeNull()
    const empty = await patch(ANNA, id, { externalReference: '   ' })
    expect(empty.status).toBe(400)
    const nothing = await patch(ANNA, id, {})
    expect(nothing.status).toBe(400)
  })
})
