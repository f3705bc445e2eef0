import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest } from '../support/requests.ts'
import { DEMO_REQUESTS } from '../../src/demo/activity.ts'

const ROSSI = tenantIdOf('rossi.example')
const ENGINEER = 'engineer@contoso.example'
const AUDITOR = 'auditor@contoso.example'

interface Row {
  id: number
  tenantId: string | null
  targetType: string | null
  targetId: string | null
}

/**
 * Who reads which audit trail (docs/audit.md, "Reading"): every tenant's is the vendor's auditors'
 * alone; a support engineer sees the audit of the requests they work — assigned to them or
 * changed by them, a mere read does not count.
 */
describe.each(dialects())('the audit trail: auditors and engineers (%s)', (dialect) => {
  let t: TestApp
  const tokens: Record<string, string> = {}
  let worked: string
  let other: string

  beforeAll(async () => {
    t = await startTestApp(dialect)
    for (const p of ['anna@fabrikam.example', 'ada@adatum.example', ENGINEER, AUDITOR])
      tokens[p] = await t.tokenFor(p)
    worked = (await fileRequest(t, tokens['anna@fabrikam.example']!, { title: 'Worked by the engineer' })).id
    other = (await fileRequest(t, tokens['anna@fabrikam.example']!, { title: 'Not worked by him' })).id
    const engineers = (await t.request('GET', '/api/desk/engineers', { token: tokens[ENGINEER]! })).json()
    const etag = String(
      (await t.request('GET', `/api/service-requests/${worked}`, { token: tokens[ENGINEER]! })).headers.etag,
    )
    const assigned = await t.request('PATCH', `/api/service-requests/${worked}`, {
      token: tokens[ENGINEER]!,
      headers: { 'if-match': etag },
      body: { assignedTo: engineers.items[0].userId },
    })
    expect(assigned.status, assigned.body).toBe(200)
    // reading the other request is not working it
    expect(
      (await t.request('GET', `/api/service-requests/${other}`, { token: tokens[ENGINEER]! })).status,
    ).toBe(200)
  })
  afterAll(() => t?.close())

  const read = async (email: string, query = '') => {
    const res = await t.request('GET', `/api/audit${query}`, { token: tokens[email]! })
    return { status: res.status, body: res.json() as { items: Row[]; error?: { code: string } } }
  }

  it('when the auditor reads the audit trail, then every tenant’s events are there, any request’s too', async () => {
    const inDatabase = await t.db.db.selectFrom('audit_events').select('tenant_id').distinct().execute()
    const all = await read(AUDITOR, '?limit=5000')
    expect(all.status).toBe(200)
    const tenants = new Set(all.body.items.map((r) => r.tenantId))
    expect(inDatabase.length).toBeGreaterThan(1)
    for (const row of inDatabase) expect(tenants).toContain(row.tenant_id)
    const targets = all.body.items.map((r) => r.targetId)
    expect(targets).toContain(worked)
    expect(targets).toContain(other)
    const one = await read(AUDITOR, `?request=${other}`)
    expect(one.status).toBe(200)
    expect(one.body.items.length).toBeGreaterThan(0)
    expect(one.body.items.every((r) => r.targetId === other)).toBe(true)
  })

  it('when the auditor verifies the chain or asks for its head, then it is answered', async () => {
    await t.runTask('audit-seal')
    const verify = await t.request('POST', '/api/audit/verify', { token: tokens[AUDITOR]!, body: {} })
    expect(verify.status, verify.body).toBe(200)
    expect(verify.json().status).toBe('intact')
    expect((await t.request('GET', '/api/audit/chain', { token: tokens[AUDITOR]! })).status).toBe(200)
  })

  it('when the engineer reads the audit trail, then he sees only the requests he works, in any tenant he asks for', async () => {
    // besides this test's, he works three of the demo world's requests at Rossi (not the one at risk)
    const demo = await t.db.db
      .selectFrom('service_requests')
      .select(['id', 'title'])
      .where('title', 'in', Object.values(DEMO_REQUESTS))
      .execute()
    const demoWorked = demo.filter((r) => r.title !== DEMO_REQUESTS.atRisk).map((r) => r.id)
    const atRisk = demo.find((r) => r.title === DEMO_REQUESTS.atRisk)!.id
    for (const [query, expected] of [
      ['', [worked, ...demoWorked]],
      [`?tenant=${ROSSI}`, [worked, ...demoWorked]],
      [`?request=${worked}`, [worked]],
    ] as const) {
      const mine = await read(ENGINEER, `${query}${query ? '&' : '?'}limit=5000`)
      expect(mine.status, query).toBe(200)
      for (const row of mine.body.items) expect(row.targetType, query).toBe('service_request')
      const targets = new Set(mine.body.items.map((r) => r.targetId))
      expect([...targets].sort(), query).toEqual([...expected].sort())
      expect(targets.has(other) || targets.has(atRisk), query).toBe(false)
    }
  })

  it('when the engineer asks for the audit of a request he only read, then it is refused and says whom to ask', async () => {
    const res = await t.request('GET', `/api/audit?request=${other}`, {
      token: tokens[ENGINEER]!,
      headers: { 'accept-language': 'it' },
    })
    expect(res.status).toBe(403)
    expect(res.json().error.code).toBe('request_not_worked')
    expect(res.json().error.message).toContain('rivolgiti a un revisore')
  })

  it('when the engineer (or a partner’s admin) tries to verify the chain or read its head, then only auditors may', async () => {
    for (const email of [ENGINEER, 'ada@adatum.example']) {
      const verify = await t.request('POST', '/api/audit/verify', { token: tokens[email]!, body: {} })
      expect(verify.status, email).toBe(403)
      expect(verify.json().error.code, email).toBe('auditor_required')
      expect(verify.json().error.message, email).toMatch(/^Only Contoso Cloud’s auditors read/)
      const chain = await t.request('GET', '/api/audit/chain', { token: tokens[email]! })
      expect(chain.status, email).toBe(403)
    }
  })

  it('when a partner’s admin asks for every tenant’s audit, then it gets only its own partner’s', async () => {
    const ada = await read('ada@adatum.example', '?limit=5000')
    expect(ada.status).toBe(200)
    expect(ada.body.items.map((r) => r.targetId)).not.toContain(worked)
  })
})
