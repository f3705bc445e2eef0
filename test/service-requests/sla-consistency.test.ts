import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slaStateExpression } from '../../src/service-requests/service-requests.data.ts'
import { AT_RISK_FRACTION, type SlaFacts, slaStateOf } from '../../src/service-requests/sla.ts'
import { openTestDatabase, type TestDatabase } from '../support/database.ts'
import { dialects } from '../support/dialects.ts'

const MINUTE = 60_000
const BASE = Date.parse('2026-11-25T08:00:00Z')

/** Requests around one moment: targets before and after it, responses early and late, edges exact. */
const minutes = fc.oneof(fc.integer({ min: -600, max: 600 }), fc.constantFrom(0, -1, 1, 30, -30, 120, 240))
const factsArb = fc
  .record({
    status: fc.constantFrom('open', 'attention_needed', 'closed' as const),
    hasTarget: fc.boolean(),
    startedAt: minutes,
    window: fc.constantFrom(120, 240, 480),
    respondedAt: fc.option(minutes),
    breached: fc.boolean(),
    // the moment, as a share of the window: mostly inside it, where running turns at risk and breached
    nowInWindow: fc.oneof(fc.integer({ min: -10, max: 110 }), fc.constantFrom(0, 74, 75, 76, 99, 100, 101)),
  })
  .map(({ status, hasTarget, startedAt, window, respondedAt, breached, nowInWindow }) => {
    const now = startedAt + Math.round((window * nowInWindow) / 100)
    const started = new Date(BASE + startedAt * MINUTE)
    const due = new Date(started.getTime() + window * MINUTE)
    const facts: SlaFacts = {
      status: status as SlaFacts['status'],
      firstResponseDueAt: hasTarget ? due : null,
      slaStartedAt: hasTarget ? started : null,
      firstResponseAt: hasTarget && respondedAt !== null ? new Date(BASE + respondedAt * MINUTE) : null,
      // the job only marks requests that had no response by the target
      slaBreachedAt: hasTarget && breached && respondedAt === null ? due : null,
    }
    return { facts, now: new Date(BASE + now * MINUTE) }
  })

describe.each(dialects())('SLA state: the SQL and slaStateOf agree (%s)', (dialect) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await openTestDatabase(dialect)
  })
  afterAll(() => t?.close())

  async function sqlState(f: SlaFacts, now: Date): Promise<string> {
    const { rows } = await sql<{ state: string }>`
      select ${slaStateExpression(now)} as state
      from (select ${f.status}::text as status,
                   ${f.firstResponseDueAt}::timestamptz as first_response_due_at,
                   ${f.slaStartedAt}::timestamptz as sla_started_at,
                   ${f.firstResponseAt}::timestamptz as first_response_at,
                   ${f.slaBreachedAt}::timestamptz as sla_breached_at) as r`.execute(t.db)
    return rows[0]!.state
  }

  it('R14: for generated requests and moments, the list filter and the shown state are the same', async () => {
    await fc.assert(
      fc.asyncProperty(factsArb, async ({ facts, now }) => {
        expect(await sqlState(facts, now)).toBe(slaStateOf(facts, now))
      }),
      { numRuns: 400 },
    )
  }, 120_000)

  it('R14: the last quarter of the window is at risk, the target itself is breached', () => {
    const started = new Date(BASE)
    const due = new Date(BASE + 240 * MINUTE)
    const running: SlaFacts = {
      status: 'open',
      firstResponseDueAt: due,
      slaStartedAt: started,
      firstResponseAt: null,
      slaBreachedAt: null,
    }
    const riskFrom = 240 * (1 - AT_RISK_FRACTION)
    expect(slaStateOf(running, new Date(BASE + (riskFrom - 1) * MINUTE))).toBe('running')
    expect(slaStateOf(running, new Date(BASE + riskFrom * MINUTE))).toBe('at_risk')
    expect(slaStateOf(running, due)).toBe('breached')
    expect(slaStateOf({ ...running, firstResponseAt: due }, due)).toBe('met')
    expect(slaStateOf({ ...running, status: 'closed' }, due)).toBe('stopped')
    expect(slaStateOf({ ...running, firstResponseDueAt: null }, due)).toBe('none')
  })
})
