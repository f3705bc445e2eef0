import type { PolicyFacts, PolicyQuestion } from '../../src/policy/facts.ts'

/**
 * A deliberately simple second reading of DESIGN.md's rules, written without looking at the
 * policy's structure: one flat list of (rule, refuses?) guards evaluated in the order the rules are
 * meant to apply, over plain booleans computed up front. The property test compares the two.
 */
export interface ModelAnswer {
  allowed: boolean
  rule: string | null
  plan?: string | undefined
  handledBy?: string | undefined
}

const SUPPORT_WRITERS = ['Owner', 'Contributor', 'Support Request Contributor']

export function referenceDecision(f: PolicyFacts, q: PolicyQuestion): ModelAnswer {
  const a = f.actor
  const now = f.now.getTime()
  const isAzure = q.workload === 'azure'
  const kind = f.target.kind

  if (a.tenantKind === 'vendor') return { allowed: false, rule: null }

  // customer administrators
  if (a.tenantKind === 'customer') {
    if (kind !== 'own') return { allowed: false, rule: null }
    if (!a.roles.includes('global_admin')) return { allowed: false, rule: 'R10' }
    if (q.workload === 'marketplace') return { allowed: false, rule: 'R11' }
    const partners = f.target.kind === 'own' ? f.target.partners : []
    if (q.handledBy === 'partner')
      return partners.length
        ? { allowed: true, rule: 'R10', plan: 'partner', handledBy: 'partner' }
        : { allowed: false, rule: 'R10' }
    const live = f.target.subscriptions.filter((s) => s.status === 'active')
    const forWorkload = live.filter((s) => s.workload === q.workload)
    const pool = forWorkload.length ? forWorkload : live
    return pool.some((s) => s.billing === 'paid')
      ? { allowed: true, rule: 'R10', plan: 'customer', handledBy: 'vendor' }
      : { allowed: false, rule: 'R10' }
  }

  // partner staff, own subscriptions
  if (kind === 'own') {
    if (q.workload === 'marketplace') return { allowed: false, rule: 'R11' }
    const own = f.target.subscriptions.filter((s) => s.workload === q.workload && s.status === 'active')
    const sub = q.subscriptionId ? own.find((s) => s.id === q.subscriptionId) : own[0]
    if (!sub) return { allowed: false, rule: 'R12' }
    if (q.supportPlan === 'csp') return { allowed: false, rule: 'R13' }
    const today = f.now.toISOString().slice(0, 10)
    const valid = (f.target.kind === 'own' ? f.target.entitlements : []).filter((e) => {
      const formatOk =
        e.kind === 'partner_agreement'
          ? /^\d{6,10}$/.test(e.reference)
          : e.kind === 'premier'
            ? /^[A-Z0-9]{2,10}-?\d{4,12}$/i.test(e.reference)
            : /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(e.reference)
      const covers = e.kind !== 'azure_support_plan' || q.workload === 'azure'
      return formatOk && covers && (e.validUntil === null || e.validUntil >= today)
    })
    const chosen = q.entitlementId ? valid.find((e) => e.id === q.entitlementId) : valid[0]
    return chosen
      ? { allowed: true, rule: 'R13', plan: chosen.kind, handledBy: 'vendor' }
      : { allowed: false, rule: 'R13' }
  }

  // partner staff, on behalf of a customer
  if (q.workload === 'marketplace') return { allowed: false, rule: 'R11' }
  if (q.entryPoint === 'workload_portal') return { allowed: false, rule: 'R12' }

  const azureSubs = f.target.subscriptions.filter((s) => s.workload === 'azure' && s.status === 'active')
  const sub = isAzure
    ? q.subscriptionId
      ? azureSubs.find((s) => s.id === q.subscriptionId)
      : (azureSubs.find((s) => s.providerTenantId === a.tenantId) ?? azureSubs[0])
    : undefined
  const isProvider = !!sub && sub.channel === 'csp' && sub.providerTenantId === a.tenantId

  // live: active or expiring, and not past its end — unless auto-extend renews it
  const liveRelationships = f.relationships.filter(
    (r) =>
      (r.status === 'active' || r.status === 'expiring') &&
      (r.endAt === null || r.endAt.getTime() > now || r.autoExtendDuration === 'P180D'),
  )
  const liveAssignments = f.assignments.filter(
    (x) => x.status === 'active' && liveRelationships.some((r) => r.id === x.relationshipId),
  )
  const usableRoles = liveAssignments.flatMap((x) => {
    const rel = liveRelationships.find((r) => r.id === x.relationshipId)!
    return x.roles.filter((role) => rel.roleIds.includes(role.id))
  })
  // R9: Office 365, EMS and Dynamics need a role with the ticket permission; R6: for Azure any role
  // opens the tenant (the permission comes from RBAC)
  const supportRole = isAzure ? usableRoles.length > 0 : usableRoles.some((r) => r.filesM365Tickets)
  const gdapOk = liveRelationships.length > 0 && liveAssignments.length > 0 && supportRole
  const rbacOk =
    !!sub && f.azureRoles.some((r) => r.subscriptionId === sub.id && SUPPORT_WRITERS.includes(r.roleName))
  const billingLike = q.problemType === 'billing' || q.problemType === 'subscription_management'
  const cspOnly = !q.supportPlan || q.supportPlan === 'csp'

  const guards: [string, boolean][] = [
    ['R6', isAzure && !sub],
    ['R5', isAzure && !isProvider],
    ['R1', !a.roles.includes('admin_agent')],
  ]
  for (const [rule, refuses] of guards) if (refuses) return { allowed: false, rule }
  if (isAzure && billingLike && !(gdapOk && rbacOk)) {
    return cspOnly
      ? { allowed: true, rule: 'R8', plan: 'csp', handledBy: 'vendor' }
      : { allowed: false, rule: 'R7' }
  }
  const later: [string, boolean][] = [
    ['R1', liveRelationships.length === 0],
    ['R1', liveAssignments.length === 0],
    [isAzure ? 'R6' : 'R9', !supportRole],
    ['R6', isAzure && !rbacOk],
    ['R7', !cspOnly],
  ]
  for (const [rule, refuses] of later) if (refuses) return { allowed: false, rule }
  return { allowed: true, rule: isAzure ? 'R6' : 'R9', plan: 'csp', handledBy: 'vendor' }
}
