import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_INCIDENTS, DEMO_REQUESTS } from '../../src/demo/activity.ts'
import { resetDemoWorld } from '../../src/demo/seed.ts'
import { demoId, tenantIdOf } from '../../src/demo/world.ts'
import { openTestDatabase, type TestDatabase } from '../support/database.ts'
import { dialects } from '../support/dialects.ts'

const MINUTE = 60_000

describe.each(dialects())('demo world activity (%s)', (dialect) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await openTestDatabase(dialect)
  })
  afterAll(() => t?.close())

  const requests = () =>
    t.db
      .selectFrom('service_requests as r')
      .leftJoin('users as a', 'a.id', 'r.assigned_to_user_id')
      .select([
        'r.id',
        'r.title',
        'r.status',
        'r.tenant_id',
        'r.created_by_user_id',
        'a.email as assignee',
        'r.first_response_at',
        'r.first_response_due_at',
        'r.created_at',
      ])
      .orderBy('r.created_at')
      .execute()
  const byTitle = async (title: string) => (await requests()).find((r) => r.title === title)!
  const unread = (email: string) =>
    t.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['n.kind', 'n.link'])
      .where('u.email', '=', email)
      .where('n.read_at', 'is', null)
      .orderBy('n.kind')
      .execute()

  it("when created, then anna's requests at Rossi are in each state, filed through the service (audited)", async () => {
    const all = await requests()
    expect(all.map((r) => [r.title, r.status])).toEqual([
      [DEMO_REQUESTS.closed, 'closed'],
      [DEMO_REQUESTS.answeredByPartner, 'open'],
      [DEMO_REQUESTS.waitingOnPartner, 'attention_needed'],
      [DEMO_REQUESTS.atRisk, 'open'],
    ])
    for (const r of all) {
      expect(r.tenant_id).toBe(tenantIdOf('rossi.example'))
      expect(r.created_by_user_id).toBe(demoId('user', 'anna@fabrikam.example'))
    }
    const audited = await t.db
      .selectFrom('audit_events')
      .select('target_id')
      .where('action', '=', 'service_request.create')
      .where('result', '=', 'allowed')
      .execute()
    expect(audited.map((a) => a.target_id).sort()).toEqual(all.map((r) => r.id).sort())
    const closed = all.find((r) => r.title === DEMO_REQUESTS.closed)!
    const closing = await t.db
      .selectFrom('audit_events')
      .select(['action', 'actor_email'])
      .where('target_id', '=', closed.id)
      .where('action', '=', 'service_request.close')
      .execute()
    expect(closing).toEqual([{ action: 'service_request.close', actor_email: 'anna@fabrikam.example' }])
  })

  it('when created, then one request is at risk of missing its first response: moderate, unanswered, due within the hour', async () => {
    const atRisk = await byTitle(DEMO_REQUESTS.atRisk)
    expect(atRisk.assignee).toBeNull()
    expect(atRisk.first_response_at).toBeNull()
    const left = new Date(atRisk.first_response_due_at!).getTime() - Date.now()
    expect(left).toBeGreaterThan(0)
    expect(left).toBeLessThanOrEqual(60 * MINUTE)
  })

  it('when created, then the engineer works the others and has answered the closed one', async () => {
    for (const title of [
      DEMO_REQUESTS.waitingOnPartner,
      DEMO_REQUESTS.answeredByPartner,
      DEMO_REQUESTS.closed,
    ])
      expect((await byTitle(title)).assignee).toBe('engineer@contoso.example')
    expect((await byTitle(DEMO_REQUESTS.closed)).first_response_at).not.toBeNull()
  })

  it('when created, then an Exchange incident affects Rossi now and a Teams incident is resolved', async () => {
    const incidents = await t.db
      .selectFrom('incidents as i')
      .innerJoin('incident_services as s', 's.incident_id', 'i.id')
      .select(['i.title', 'i.is_resolved', 's.service_id'])
      .orderBy('i.title')
      .execute()
    expect(incidents).toEqual([
      { title: DEMO_INCIDENTS.active, is_resolved: false, service_id: 'Exchange' },
      { title: DEMO_INCIDENTS.resolved, is_resolved: true, service_id: 'microsoftteams' },
    ])
    const affected = await t.db
      .selectFrom('incident_tenants as it')
      .innerJoin('incidents as i', 'i.id', 'it.incident_id')
      .select('it.tenant_id')
      .where('i.title', '=', DEMO_INCIDENTS.active)
      .execute()
    expect(affected).toEqual([{ tenant_id: tenantIdOf('rossi.example') }])
  })

  it('when created, then anna has unread notices (information requested, the Exchange incident) and the engineer one (her answer)', async () => {
    const waiting = await byTitle(DEMO_REQUESTS.waitingOnPartner)
    const answered = await byTitle(DEMO_REQUESTS.answeredByPartner)
    const anna = await unread('anna@fabrikam.example')
    expect(anna).toContainEqual({
      kind: 'service_request.information_requested',
      link: `/service-requests/${waiting.id}`,
    })
    expect(anna.map((n) => n.kind)).toContain('health.incident_affects_customers')
    expect(await unread('engineer@contoso.example')).toEqual([
      { kind: 'service_request.answered', link: `/service-requests/${answered.id}` },
    ])
  })

  it('when created, then no mail of its past waits in the outbox', async () => {
    expect(await t.db.selectFrom('email_outbox').select('id').execute()).toEqual([])
  })

  it('when the demo is reset, then the same requests, incidents and notices are made again', async () => {
    const shape = async () => ({
      requests: (await requests()).map((r) => [r.title, r.status, r.assignee]),
      incidents: await t.db
        .selectFrom('incidents')
        .select(['title', 'is_resolved'])
        .orderBy('title')
        .execute(),
      anna: (await unread('anna@fabrikam.example')).map((n) => n.kind),
      engineer: (await unread('engineer@contoso.example')).map((n) => n.kind),
    })
    const before = await shape()
    await resetDemoWorld(t.db, { password: 'reset-password' })
    expect(await shape()).toEqual(before)
  })
})
