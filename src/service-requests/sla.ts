/**
 * The first-response SLA of a request (R14) as one state, the same in every list. The SQL twin of
 * this function (`slaStateCondition` in service-requests.data.ts) must agree with it; a property
 * test checks both on generated requests.
 */
export type SlaState = 'none' | 'running' | 'at_risk' | 'breached' | 'met' | 'stopped'

export const SLA_STATES: readonly SlaState[] = ['none', 'running', 'at_risk', 'breached', 'met', 'stopped']

/** The last quarter of the target window counts as "at risk". */
export const AT_RISK_FRACTION = 0.25

export interface SlaFacts {
  status: 'open' | 'attention_needed' | 'closed'
  firstResponseDueAt: Date | null
  slaStartedAt: Date | null
  firstResponseAt: Date | null
  slaBreachedAt: Date | null
}

export function slaStateOf(r: SlaFacts, now: Date): SlaState {
  const due = r.firstResponseDueAt
  if (!due) return 'none'
  if (r.slaBreachedAt) return 'breached'
  if (r.firstResponseAt) return r.firstResponseAt.getTime() <= due.getTime() ? 'met' : 'breached'
  if (r.status === 'closed') return 'stopped'
  if (now.getTime() >= due.getTime()) return 'breached'
  const started = (r.slaStartedAt ?? due).getTime()
  const atRiskFrom = due.getTime() - (due.getTime() - started) * AT_RISK_FRACTION
  return now.getTime() >= atRiskFrom ? 'at_risk' : 'running'
}

/** What a list shows about the clock: the state, the target and, while it runs, the time left. */
export function presentSla(r: SlaFacts, now: Date) {
  const state = slaStateOf(r, now)
  return {
    state,
    firstResponseDueAt: r.firstResponseDueAt?.toISOString() ?? null,
    firstResponseAt: r.firstResponseAt?.toISOString() ?? null,
    breachedAt: r.slaBreachedAt?.toISOString() ?? null,
    remainingMinutes:
      (state === 'running' || state === 'at_risk') && r.firstResponseDueAt
        ? Math.ceil((r.firstResponseDueAt.getTime() - now.getTime()) / 60_000)
        : null,
  }
}
