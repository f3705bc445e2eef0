import type { Static } from 'typebox'
import type { AdviceSchema } from './advice.schema.ts'
import { type AuditEvent, recordAuditSoon } from '../audit/audit.data.ts'
import { type Actor, auditActor } from '../identity/actor.ts'
import { assertMfaForTenant } from '../identity/mfa-policy.ts'
import type { UserRecord } from '../identity/users.data.ts'
import type { AppContext } from '../platform/context.ts'
import type { WorkloadId } from '../platform/db/schema.ts'
import { AppError, notFound } from '../platform/errors.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import type { PolicyFacts, PolicyQuestion } from './facts.ts'
import { checkLabel, describeDecision } from './policy-messages.ts'
import { actorOnlyFacts, gatherFacts } from './policy.data.ts'
import { type ReadScope, readRight } from './read-right.ts'
import { type Decision, decide } from './support-policy.ts'

export interface Asked {
  user: UserRecord
  facts: PolicyFacts
  decision: Decision
}

/**
 * The tenant a call is about: the one given, else — for a delegated token — the customer the token
 * acts in, else the caller's own (null). A delegated token cannot reach any other tenant.
 */
export function targetTenantOf(actor: Actor, given: string | undefined | null): string | null {
  if (actor.delegated) {
    if (given && given !== actor.contextTenantId) throw notFound()
    return actor.contextTenantId
  }
  if (!given || given === actor.homeTenantId) return null
  return given
}

/** Gathers the facts for the actor and target, and asks the policy. Unknown or foreign targets answer 404. */
export async function ask(
  ctx: AppContext,
  actor: Actor,
  customerTenantId: string | null,
  question: PolicyQuestion,
): Promise<Asked> {
  const user = actor.user
  const facts = await gatherFacts(
    ctx.db,
    user,
    { customerTenantId, workload: question.workload, productId: question.productId },
    ctx.now(),
  )
  if (!facts) throw notFound()
  // a delegated action: the user's tenant may require that they signed in with MFA
  if (facts.target.kind === 'customer' && actor.principal === 'user')
    assertMfaForTenant(user, facts.target.tenantId, actor.authMethods)
  const entryPoint =
    question.entryPoint ?? (facts.target.kind === 'customer' ? 'partner_portal' : 'workload_portal')
  return { user, facts, decision: decide(facts, { ...question, entryPoint }) }
}

/** A read decision on an existing request: it depends on who asks, so no target facts are read. */
export function askRead(ctx: AppContext, actor: Actor, question: PolicyQuestion): Asked {
  const facts = actorOnlyFacts(actor.user, ctx.now())
  return { user: actor.user, facts, decision: decide(facts, { ...question, action: 'read' }) }
}

const PLAN_LABELS: Record<string, { en: string; it: string }> = {
  csp: { en: 'Cloud Solution Provider', it: 'Cloud Solution Provider' },
  partner_agreement: { en: 'Partner program agreement', it: 'Contratto del programma partner' },
  premier: { en: 'Premier / Unified support contract', it: 'Contratto di supporto Premier / Unified' },
  azure_support_plan: { en: 'Azure support plan', it: 'Piano di supporto Azure' },
  customer: { en: 'The customer’s own support', it: 'Supporto del cliente' },
  partner: { en: 'Support from the partner', it: 'Supporto del partner' },
}

/** The decision as the advice API and the CLI show it, in the caller's language. */
export function presentDecision(
  asked: Asked,
  workload: WorkloadId,
  locale: Locale,
): Static<typeof AdviceSchema> {
  const { decision, facts } = asked
  const { message, remedy } = describeDecision(decision, locale, facts.vendorName)
  const plan = decision.supportPlan
  const subscription = facts.target.subscriptions.find((s) => s.id === decision.subscriptionId)
  return {
    allowed: decision.allowed,
    rule: decision.rule,
    reason: decision.reason,
    message,
    remedy,
    workload,
    tenant: { tenantId: facts.target.tenantId, name: facts.target.tenantName, kind: facts.target.kind },
    portal: decision.portal,
    context: decision.context,
    supportPlan: plan
      ? `${PLAN_LABELS[plan.kind]![locale]}${plan.reference ? ` (${plan.reference})` : ''}`
      : null,
    supportPlanKind: plan?.kind ?? null,
    entitlementId: plan?.entitlementId ?? null,
    contact: decision.contact,
    handledBy: decision.handledBy,
    subscription: subscription ? { id: subscription.id, name: subscription.friendlyName } : null,
    grant: decision.grant,
    firstResponseMinutes: decision.firstResponseMinutes,
    checks: decision.checks.map((c) => ({
      rule: c.rule,
      check: c.check,
      ok: c.ok,
      label: checkLabel(c.check, locale),
    })),
    isv: decision.isv,
    partners: decision.partners,
    alternatives: decision.alternatives,
    incidents: decision.incidents.map((i) => ({ ...i, startedAt: i.startedAt.toISOString() })),
  }
}

export type DecisionView = Static<typeof AdviceSchema>

/** A refusal by the support policy: 403 with the rule, the reason and the remedy. */
export class PolicyRefusal extends AppError {
  constructor(
    readonly asked: Asked,
    readonly workload: WorkloadId,
  ) {
    super(403, 'policy_refused', 'error.policy_refused')
  }

  override localize(locale: Locale) {
    const view = presentDecision(this.asked, this.workload, locale)
    return {
      message: view.remedy ? `${view.message} ${view.remedy}` : view.message,
      details: {
        rule: view.rule,
        reason: view.reason,
        message: view.message,
        remedy: view.remedy,
        checks: view.checks,
        isv: view.isv,
        partners: view.partners,
        alternatives: view.alternatives,
      },
    }
  }
}

/** Records a decision in the audit log: who, as whom, for which tenant, through which relationship and role. */
export function auditDecision(
  ctx: AppContext,
  actor: Actor,
  asked: Asked,
  action: string,
  target?: { type: string; id: string },
): Promise<void> {
  const { decision, facts } = asked
  return recordAuditSoon(ctx.db, {
    ...auditActor(actor),
    tenantId: facts.target.tenantId,
    relationshipId: decision.grant?.relationshipId ?? null,
    roleName: decision.grant?.roleName ?? null,
    action,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    rule: decision.rule,
    result: decision.allowed ? 'allowed' : 'refused',
    reason: decision.reason,
  })
}

/**
 * A read of an existing request, settled before the request is read: the scope the policy allows
 * the actor's reads in (askRead decides with the same rule), and the event auditDecision records
 * for an allowed one — so the read's own statement can write it (request-thread.data.ts).
 */
export function readAuditOf(
  ctx: AppContext,
  actor: Actor,
  action: string,
): { event: Omit<AuditEvent, 'targetId' | 'targetType'>; scope: ReadScope } {
  const facts = actorOnlyFacts(actor.user, ctx.now())
  const right = readRight(facts.actor)
  return {
    scope: right.scope,
    event: {
      ...auditActor(actor),
      tenantId: facts.target.tenantId,
      // a read is granted by who asks, never through a relationship (decideOnExistingRequest)
      relationshipId: null,
      roleName: null,
      action,
      rule: right.rule,
      result: 'allowed',
      reason: right.reason,
    },
  }
}
