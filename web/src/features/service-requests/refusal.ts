import { ApiError } from '../../shared/api/client.ts'
import type { Advice, Refusal } from './api.ts'

/** A 403 `policy_refused` body's details, with the message split from the remedy it ends with. */
export function refusalFromError(error: unknown): Refusal | null {
  if (!(error instanceof ApiError) || error.status !== 403 || error.code !== 'policy_refused') return null
  const details = error.details as Partial<Refusal> | undefined
  if (!details || typeof details !== 'object') return null
  const remedy = details.remedy ?? null
  const message =
    remedy && error.message.endsWith(remedy) ? error.message.slice(0, -remedy.length).trim() : error.message
  return {
    rule: details.rule ?? null,
    reason: details.reason ?? '',
    message,
    remedy,
    checks: details.checks ?? [],
    isv: details.isv ?? null,
    partners: details.partners ?? [],
    alternatives: details.alternatives ?? [],
  }
}

/** The advice's refusal part, for the same box. */
export function refusalFromAdvice(advice: Advice): Refusal {
  return {
    rule: advice.rule,
    reason: advice.reason,
    message: advice.message,
    remedy: advice.remedy,
    checks: advice.checks,
    isv: advice.isv,
    partners: advice.partners,
    alternatives: advice.alternatives,
    ...(advice.tenant.kind === 'customer'
      ? { customer: { tenantId: advice.tenant.tenantId, name: advice.tenant.name } }
      : {}),
  }
}
