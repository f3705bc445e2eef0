import { effectiveState, givesAccess } from '../gdap/lifecycle.ts'
import type { ProblemType, Severity, SupportPlan, WorkloadId } from '../platform/db/schema.ts'
import type {
  AssignmentFact,
  EntitlementFact,
  IncidentFact,
  PartnerContactFact,
  PolicyFacts,
  PolicyQuestion,
  ProductFact,
  RelationshipFact,
  RoleFact,
  SubscriptionFact,
  HandledBy,
} from './facts.ts'
import { inReadScope, readRight } from './read-right.ts'

/**
 * The seed's rules R1–R14 (DESIGN.md), in one place, as one pure function: `decide(facts, question)`.
 * No I/O: the data layer gathers the facts; HTTP adapters, the CLI and the service-request code only
 * ask. The first rule that refuses decides; an allowed decision names the rule that granted it and
 * says *how*: portal, context, support plan, whose contact details, first-response targets (R14).
 */

export type RuleId =
  'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R8' | 'R9' | 'R10' | 'R11' | 'R12' | 'R13' | 'R14'

export type Portal = 'azure' | 'm365'
export type Context = 'delegated' | 'provider' | 'own' | 'customer' | 'vendor'

export interface Check {
  rule: RuleId
  check: string
  ok: boolean
}

export interface Grant {
  relationshipId: string
  relationshipName: string
  assignmentId: string
  groupName: string
  roleId: string
  roleName: string
}

export interface Decision {
  allowed: boolean
  /** The rule that decided: the refusing rule, or the rule that granted. */
  rule: RuleId | null
  reason: string
  /** Values for the localized message and remedy (see policy-messages.ts). */
  params: Record<string, string>
  portal: Portal | null
  context: Context | null
  supportPlan: { kind: SupportPlan; entitlementId: string | null; reference: string | null } | null
  /** Whose contact details go on the request. */
  contact: 'partner' | 'customer' | null
  handledBy: HandledBy | null
  subscriptionId: string | null
  grant: Grant | null
  /** First-response targets in minutes by severity (R14), for requests the vendor works. */
  firstResponseMinutes: Record<Severity, number> | null
  /** The verification the New request flow shows before the form (R3). */
  checks: Check[]
  isv: ProductFact | null
  partners: PartnerContactFact[]
  /** Other ways that would be allowed (e.g. R8's billing path, R10's partner route). */
  alternatives: { rule: RuleId; problemType?: ProblemType; handledBy?: HandledBy }[]
  /** Active incidents for this workload and tenant, listed first (R4). */
  incidents: IncidentFact[]
}

/** R14: CSP partners' top issues get priority — first response within 2 h, 4 h, 8 h. */
export const FIRST_RESPONSE_MINUTES: Record<Severity, number> = { critical: 120, moderate: 240, minimal: 480 }

const PORTAL: Record<WorkloadId, Portal | null> = {
  azure: 'azure',
  office365: 'm365',
  dynamics: 'm365',
  ems: 'm365',
  marketplace: null,
}

/** R6: the Azure built-in roles that allow Microsoft.Support/supportTickets/write. */
export const AZURE_SUPPORT_WRITERS = new Set(['Owner', 'Contributor', 'Support Request Contributor'])

/** R13: what a valid entitlement reference looks like, and which workloads it covers. */
const ENTITLEMENT_FORMAT: Record<EntitlementFact['kind'], RegExp> = {
  partner_agreement: /^\d{6,10}$/,
  premier: /^[A-Z0-9]{2,10}-?\d{4,12}$/i,
  azure_support_plan: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
}
const ENTITLEMENT_COVERS: Record<EntitlementFact['kind'], (w: WorkloadId) => boolean> = {
  partner_agreement: () => true,
  premier: () => true,
  azure_support_plan: (w) => w === 'azure',
}

export function entitlementFormatValid(e: Pick<EntitlementFact, 'kind' | 'reference'>): boolean {
  return ENTITLEMENT_FORMAT[e.kind].test(e.reference)
}

function base(): Omit<Decision, 'allowed' | 'rule' | 'reason'> {
  return {
    params: {},
    portal: null,
    context: null,
    supportPlan: null,
    contact: null,
    handledBy: null,
    subscriptionId: null,
    grant: null,
    firstResponseMinutes: null,
    checks: [],
    isv: null,
    partners: [],
    alternatives: [],
    incidents: [],
  }
}

type Partial_ = Partial<Omit<Decision, 'allowed' | 'rule' | 'reason'>>

function refuse(rule: RuleId | null, reason: string, extra: Partial_ = {}): Decision {
  return { ...base(), ...extra, allowed: false, rule, reason }
}

function allow(rule: RuleId | null, reason: string, extra: Partial_ = {}): Decision {
  return { ...base(), ...extra, allowed: true, rule, reason }
}

const fmtDate = (d: Date | null): string => (d ? d.toISOString().slice(0, 10) : '')

/** The policy's answer to `question`, for the actor and target in `facts`. */
export function decide(facts: PolicyFacts, question: PolicyQuestion): Decision {
  const decision = decideWithoutIncidents(facts, question)
  // R4: check service health first — active incidents for this workload come with every answer.
  decision.incidents = facts.incidents.filter((i) => i.workload === question.workload)
  return decision
}

function decideWithoutIncidents(facts: PolicyFacts, q: PolicyQuestion): Decision {
  const { actor } = facts
  if (q.action !== 'file') return decideOnExistingRequest(facts, q)
  if (actor.tenantKind === 'vendor') return refuse(null, 'vendor_staff_do_not_file')
  if (actor.tenantKind === 'customer') return customerFiles(facts, q)
  if (facts.target.kind === 'own') return partnerFilesForItself(facts, q)
  return partnerFilesForCustomer(facts, q)
}

// ── R11: marketplace products ───────────────────────────────────────────────────────────────
function r11Marketplace(facts: PolicyFacts, q: PolicyQuestion): Decision {
  const product =
    facts.products.find((p) => p.id === q.productId) ??
    facts.products.find((p) => facts.target.subscriptions.some((s) => s.productId === p.id)) ??
    null
  return refuse('R11', 'marketplace_isv_support', {
    isv: product,
    params: product ? { product: product.name, isv: product.isvName } : { product: '', isv: '' },
  })
}

// ── partner users on behalf of a customer: R2, R3, R5, R1, R8, R6, R9, R7, R14 ─────────────────
function partnerFilesForCustomer(facts: PolicyFacts, q: PolicyQuestion): Decision {
  const { actor, target } = facts
  const customer = target.tenantName
  const partner = actor.tenantName
  if (q.workload === 'marketplace') return r11Marketplace(facts, q)

  // R12: a workload portal opened directly is the partner's own context, not the customer's.
  // R2: requests on behalf of customers start in the partner portal (which attaches the CSP entitlement).
  if (q.entryPoint === 'workload_portal')
    return refuse('R12', 'workload_portal_is_own_context', { params: { customer } })

  let subscription: SubscriptionFact | null = null
  if (q.workload === 'azure') {
    // R6: an Azure request is opened for a subscription, and its permission (RBAC) lives on that
    // subscription — with no active Azure subscription there is nothing to file for.
    const azure = target.subscriptions.filter((s) => s.workload === 'azure' && s.status === 'active')
    subscription = q.subscriptionId
      ? (azure.find((s) => s.id === q.subscriptionId) ?? null)
      : (azure.find((s) => s.providerTenantId === actor.tenantId) ?? azure[0] ?? null)
    if (!subscription) {
      const named = q.subscriptionId ? target.subscriptions.find((s) => s.id === q.subscriptionId) : undefined
      return named
        ? refuse('R6', 'azure_subscription_unavailable', {
            params: { customer, subscription: named.friendlyName },
          })
        : refuse('R6', 'no_azure_subscription', { params: { customer } })
    }
    // R5: only the Azure subscription's provider (CSP direct partner or indirect provider) may file.
    const r5 = r5Provider(facts, subscription)
    if (r5) return r5
  }

  // R1: only admin agents file on behalf of customers.
  const checks: Check[] = []
  const adminAgent = actor.roles.includes('admin_agent')
  checks.push({ rule: 'R1', check: 'admin_agent_role', ok: adminAgent })
  if (!adminAgent) return refuse('R1', 'not_admin_agent', { checks, params: { partner, customer } })

  const chain = gdapChain(facts, q.workload, checks)

  if (q.workload === 'azure') {
    const rbacOk = subscription ? hasAzureSupportWrite(facts, subscription.id) : false
    const problemType = q.problemType ?? 'technical'
    // R8: the provider without admin permissions has a narrower path: billing and subscription
    // management requests for the subscriptions it provides, without GDAP.
    if ((!chain.ok || !rbacOk) && (problemType === 'billing' || problemType === 'subscription_management')) {
      return withCspPlan(
        q,
        allow('R8', 'provider_billing_path', {
          checks,
          portal: 'azure',
          context: 'provider',
          handledBy: 'vendor',
          subscriptionId: subscription!.id,
          params: { customer, subscription: subscription!.friendlyName },
        }),
      )
    }
    const r8Alternative = { rule: 'R8' as const, problemType: 'billing' as const }
    if (!chain.ok) return { ...chain.refusal, alternatives: [r8Alternative] }
    // R6: the permission to open the ticket comes from RBAC on the subscription, not from GDAP.
    checks.push({ rule: 'R6', check: 'azure_rbac_support_write', ok: rbacOk })
    if (!rbacOk) {
      return refuse('R6', 'azure_rbac_missing', {
        checks,
        subscriptionId: subscription!.id,
        alternatives: [r8Alternative],
        params: { customer, role: chain.grant.roleName, subscription: subscription!.friendlyName },
      })
    }
    return withCspPlan(
      q,
      allow('R6', 'delegated_azure', {
        checks,
        portal: 'azure',
        context: 'delegated',
        handledBy: 'vendor',
        grant: chain.grant,
        subscriptionId: subscription!.id,
        params: {
          customer,
          role: chain.grant.roleName,
          rbacRole: azureSupportWriter(facts, subscription!.id) ?? '',
          subscription: subscription!.friendlyName,
        },
      }),
    )
  }

  if (!chain.ok) return chain.refusal
  // R9: Office 365, EMS, Dynamics — an active GDAP relationship with an appropriate role.
  return withCspPlan(
    q,
    allow('R9', 'delegated_m365', {
      checks,
      portal: 'm365',
      context: 'delegated',
      handledBy: 'vendor',
      grant: chain.grant,
      params: { customer, role: chain.grant!.roleName },
    }),
  )
}

function r5Provider(facts: PolicyFacts, subscription: SubscriptionFact): Decision | null {
  const { actor } = facts
  const customer = facts.target.tenantName
  if (subscription.channel === 'csp' && subscription.providerTenantId === actor.tenantId) return null
  const params = {
    customer,
    subscription: subscription.friendlyName,
    provider: subscription.providerName ?? '',
  }
  if (subscription.channel === 'direct') return refuse('R5', 'azure_bought_direct', { params })
  if (actor.partnerType === 'indirect_reseller') return refuse('R5', 'reseller_not_provider', { params })
  if (actor.partnerType === 'advisor') return refuse('R5', 'advisor_not_provider', { params })
  return refuse('R5', 'not_the_provider', { params })
}

function hasAzureSupportWrite(facts: PolicyFacts, subscriptionId: string): boolean {
  return azureSupportWriter(facts, subscriptionId) !== null
}

/** The Azure role (as listed in AZURE_SUPPORT_WRITERS, most privileged first) that lets the actor file. */
function azureSupportWriter(facts: PolicyFacts, subscriptionId: string): string | null {
  const held = new Set(
    facts.azureRoles.filter((r) => r.subscriptionId === subscriptionId).map((r) => r.roleName),
  )
  return [...AZURE_SUPPORT_WRITERS].find((name) => held.has(name)) ?? null
}

/** R7: customers' requests go under the Cloud Solution Provider plan, with the partner's contact details. */
function withCspPlan(q: PolicyQuestion, decision: Decision): Decision {
  if (q.supportPlan && q.supportPlan !== 'csp') {
    return refuse('R7', 'csp_plan_required', { checks: decision.checks, params: decision.params })
  }
  decision.checks.push({ rule: 'R7', check: 'csp_plan_and_partner_contact', ok: true })
  return {
    ...decision,
    supportPlan: { kind: 'csp', entitlementId: null, reference: null },
    contact: 'partner',
    firstResponseMinutes: FIRST_RESPONSE_MINUTES,
  }
}

type Chain = { ok: true; grant: Grant; refusal?: undefined } | { ok: false; grant: null; refusal: Decision }

/**
 * R9: for Office 365, EMS and Dynamics the role must carry the support-ticket permission.
 * R6: for Azure any Entra role opens the customer's tenant to the partner; the permission to file
 * comes from Azure RBAC on the subscription, checked after the chain.
 */
const permits = (workload: WorkloadId) => (role: RoleFact) =>
  workload === 'azure' ? true : role.filesM365Tickets

/**
 * Least privilege first: the role the request is recorded under. For Azure the role only opens the
 * tenant, so Directory Readers (the least-privileged role) is preferred; Global Administrator is last.
 */
const PREFERENCE: Record<'azure' | 'm365', string[]> = {
  azure: ['Directory Readers', 'Service Support Administrator', 'Helpdesk Administrator'],
  m365: ['Service Support Administrator', 'Helpdesk Administrator'],
}
const LAST = 'Global Administrator'
const preference = (workload: WorkloadId, name: string): number => {
  const order = PREFERENCE[workload === 'azure' ? 'azure' : 'm365']
  if (name === LAST) return order.length + 1
  const i = order.indexOf(name)
  return i < 0 ? order.length : i
}

/**
 * R1 and R3: a GDAP role reaches the user only through an active relationship, whose active access
 * assignment gives the role (one of the relationship's) to a group the user belongs to. R9: for
 * Office 365, EMS and Dynamics the role must carry the support-ticket permission; R6: for Azure any
 * role will do (it only opens the tenant).
 */
export function gdapChain(facts: PolicyFacts, workload: WorkloadId, checks: Check[]): Chain {
  const customer = facts.target.tenantName
  const active = facts.relationships.filter((r) => givesAccess(statusNow(r, facts.now)))
  checks.push({ rule: 'R1', check: 'active_gdap_relationship', ok: active.length > 0 })
  if (active.length === 0) return { ok: false, grant: null, refusal: explainNoRelationship(facts, checks) }

  const assigned = activeAssignments(facts.assignments, active)
  checks.push({ rule: 'R1', check: 'group_assignment', ok: assigned.length > 0 })
  if (assigned.length === 0) {
    return {
      ok: false,
      grant: null,
      refusal: refuse('R1', 'gdap_not_assigned', {
        checks,
        params: { customer, relationship: active[0]!.name },
      }),
    }
  }
  const candidates = grantTriples(assigned)
    .filter(({ role }) => permits(workload)(role))
    .sort(
      (a, b) =>
        preference(workload, a.role.name) - preference(workload, b.role.name) ||
        a.role.name.localeCompare(b.role.name),
    )
  const azure = workload === 'azure'
  const rule = azure ? 'R6' : 'R9'
  checks.push({
    rule,
    check: azure ? 'gdap_role_opens_tenant' : 'gdap_role_for_support',
    ok: candidates.length > 0,
  })
  const best = candidates[0]
  if (!best) {
    const held = [
      ...new Set(assigned.flatMap(({ assignment }) => assignment.roles.map((r) => r.name))),
    ].sort()
    return {
      ok: false,
      grant: null,
      refusal: refuse(rule, azure ? 'gdap_no_role_in_tenant' : 'gdap_role_insufficient', {
        checks,
        params: { customer, roles: held.join(', ') },
      }),
    }
  }
  return {
    ok: true,
    grant: {
      relationshipId: best.relationship.id,
      relationshipName: best.relationship.name,
      assignmentId: best.assignment.id,
      groupName: best.assignment.groupName,
      roleId: best.role.id,
      roleName: best.role.name,
    },
  }
}

/** Each role an assignment gives that its relationship also grants. */
function grantTriples(assigned: ReturnType<typeof activeAssignments>) {
  return assigned.flatMap(({ assignment, relationship }) =>
    assignment.roles
      .filter((role) => relationship.roleIds.includes(role.id))
      .map((role) => ({ assignment, relationship, role })),
  )
}

/**
 * Every role the actor holds in the target now, through which relationship and assignment — the
 * same answer as the SQL access resolution the token issuer uses (a test keeps them in step).
 */
export function liveGrants(facts: PolicyFacts): Grant[] {
  const active = facts.relationships.filter((r) => givesAccess(statusNow(r, facts.now)))
  return grantTriples(activeAssignments(facts.assignments, active)).map(
    ({ assignment, relationship, role }) => ({
      relationshipId: relationship.id,
      relationshipName: relationship.name,
      assignmentId: assignment.id,
      groupName: assignment.groupName,
      roleId: role.id,
      roleName: role.name,
    }),
  )
}

/** A relationship's status at `now` (time expires it, auto-extend renews it, an unapproved request lapses). */
function statusNow(r: RelationshipFact, now: Date) {
  return effectiveState({ ...r, duration: '', activatedAt: null, roleIds: r.roleIds }, now).status
}

function activeAssignments(assignments: AssignmentFact[], active: RelationshipFact[]) {
  return assignments
    .filter((a) => a.status === 'active')
    .flatMap((assignment) => {
      const relationship = active.find((r) => r.id === assignment.relationshipId)
      return relationship ? [{ assignment, relationship }] : []
    })
}

function explainNoRelationship(facts: PolicyFacts, checks: Check[]): Decision {
  const customer = facts.target.tenantName
  const latest = [...facts.relationships].sort(
    (a, b) => (b.endAt?.getTime() ?? 0) - (a.endAt?.getTime() ?? 0),
  )[0]
  if (!latest) return refuse('R1', 'gdap_none', { checks, params: { customer } })
  const status = statusNow(latest, facts.now)
  const params = { customer, relationship: latest.name, date: fmtDate(latest.endAt) }
  if (status === 'expired') return refuse('R1', 'gdap_expired', { checks, params })
  if (status === 'terminated' || status === 'terminating' || status === 'terminationRequested') {
    return refuse('R1', 'gdap_terminated', { checks, params })
  }
  return refuse('R1', 'gdap_not_active', { checks, params: { ...params, status } })
}

// ── partner users for their own subscriptions: R12, R13 ──────────────────────────────────────
function partnerFilesForItself(facts: PolicyFacts, q: PolicyQuestion): Decision {
  const target = facts.target
  if (target.kind !== 'own') throw new Error('own target expected')
  if (q.workload === 'marketplace') return r11Marketplace(facts, q)
  const workloadName = q.workload
  const mine = target.subscriptions.filter((s) => s.workload === q.workload && s.status === 'active')
  const subscription = q.subscriptionId
    ? (mine.find((s) => s.id === q.subscriptionId) ?? null)
    : (mine[0] ?? null)
  // R12: directly in a workload portal, the user is in their own context: only their own subscriptions.
  if (!subscription) return refuse('R12', 'no_own_subscription', { params: { workload: workloadName } })
  // R13: the CSP entitlement does not cover the partner's own subscriptions.
  if (q.supportPlan === 'csp') return refuse('R13', 'csp_not_for_own', { subscriptionId: subscription.id })
  const today = facts.now.toISOString().slice(0, 10)
  const usable = target.entitlements.filter(
    (e) =>
      entitlementFormatValid(e) &&
      (e.validUntil === null || e.validUntil >= today) &&
      ENTITLEMENT_COVERS[e.kind](q.workload),
  )
  const chosen = q.entitlementId ? usable.find((e) => e.id === q.entitlementId) : usable[0]
  if (!chosen) {
    const reason = q.entitlementId
      ? 'entitlement_not_valid'
      : target.entitlements.length === 0
        ? 'no_entitlement'
        : 'entitlement_not_covering'
    return refuse('R13', reason, { subscriptionId: subscription.id, params: { workload: workloadName } })
  }
  return allow('R13', 'own_with_entitlement', {
    portal: PORTAL[q.workload],
    context: 'own',
    handledBy: 'vendor',
    contact: 'partner',
    subscriptionId: subscription.id,
    supportPlan: { kind: chosen.kind, entitlementId: chosen.id, reference: chosen.reference },
    firstResponseMinutes: FIRST_RESPONSE_MINUTES,
    params: { workload: workloadName, entitlement: chosen.description },
  })
}

// ── customer administrators: R10 ─────────────────────────────────────────────────────────────
function customerFiles(facts: PolicyFacts, q: PolicyQuestion): Decision {
  const { actor, target } = facts
  if (target.kind !== 'own') return refuse(null, 'customers_file_for_themselves')
  if (!actor.roles.includes('global_admin')) return refuse('R10', 'not_customer_admin')
  if (q.workload === 'marketplace') return r11Marketplace(facts, q)
  const partners = target.partners
  const active = target.subscriptions.filter((s) => s.status === 'active')
  const relevant = active.some((s) => s.workload === q.workload)
    ? active.filter((s) => s.workload === q.workload)
    : active
  const paid = relevant.some((s) => s.billing === 'paid')
  const partnerRoute = partners.length > 0 ? [{ rule: 'R10' as const, handledBy: 'partner' as const }] : []

  if (q.handledBy === 'partner') {
    if (partners.length === 0) return refuse('R10', 'no_partner')
    return allow('R10', 'contact_partner', {
      portal: PORTAL[q.workload],
      context: 'customer',
      handledBy: 'partner',
      contact: 'customer',
      partners,
      supportPlan: { kind: 'partner', entitlementId: null, reference: null },
      params: { partner: partners[0]!.name },
    })
  }
  // R10: with only trial subscriptions, the customer's support is its CSP partner.
  if (!paid) {
    if (relevant.length === 0)
      return refuse('R10', 'no_subscription', { partners, alternatives: partnerRoute })
    return refuse('R10', 'trial_partner_only', {
      partners,
      alternatives: partnerRoute,
      params: { partner: partners[0]?.name ?? '' },
    })
  }
  return allow('R10', 'paid_vendor_or_partner', {
    portal: PORTAL[q.workload],
    context: 'customer',
    handledBy: 'vendor',
    contact: 'customer',
    partners,
    alternatives: partnerRoute,
    supportPlan: { kind: 'customer', entitlementId: null, reference: null },
    firstResponseMinutes: FIRST_RESPONSE_MINUTES,
  })
}

// ── reading and changing an existing request ────────────────────────────────────────────────
function decideOnExistingRequest(facts: PolicyFacts, q: PolicyQuestion): Decision {
  const { actor } = facts
  const request = q.request
  if (!request) throw new Error('a read or change decision needs the request')
  const right = readRight(actor)
  if (!inReadScope(right.scope, request)) return refuse(null, 'not_found')
  if (actor.tenantKind === 'vendor') return allow(right.rule, right.reason, { context: 'vendor' })
  if (actor.tenantKind === 'customer') return allow(right.rule, right.reason, { context: 'customer' })
  if (q.action === 'read' || request.tenantId === actor.tenantId || request.handledBy === 'partner') {
    return allow(right.rule, right.reason, {
      context: request.tenantId === actor.tenantId ? 'own' : 'delegated',
    })
  }
  // Following a request on a customer's behalf needs the same right as filing it, now:
  // an expired or terminated relationship stops the partner from acting for the customer (R1).
  const again = partnerFilesForCustomer(facts, {
    action: 'file',
    workload: request.workload,
    subscriptionId: request.subscriptionId ?? undefined,
    problemType: request.problemType,
    entryPoint: 'partner_portal',
  })
  return again.allowed ? { ...again, reason: 'partner_may_follow' } : again
}
