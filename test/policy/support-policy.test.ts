import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type {
  AssignmentFact,
  EntitlementFact,
  PolicyFacts,
  PolicyQuestion,
  RelationshipFact,
  RoleFact,
  SubscriptionFact,
} from '../../src/policy/facts.ts'
import { POLICY_REASONS, describeDecision } from '../../src/policy/policy-messages.ts'
import { decide } from '../../src/policy/support-policy.ts'
import { referenceDecision } from './reference-model.ts'

const NOW = new Date('2026-06-15T12:00:00Z')
const DAY = 86400_000
const ME = 'partner-me'
const OTHER = 'partner-other'

const ROLES: RoleFact[] = [
  {
    id: 'ssa',
    name: 'Service Support Administrator',
    filesM365Tickets: true,
    readsServiceHealth: true,
  },
  {
    id: 'hda',
    name: 'Helpdesk Administrator',
    filesM365Tickets: true,
    readsServiceHealth: true,
  },
  {
    id: 'dr',
    name: 'Directory Readers',
    filesM365Tickets: false,
    readsServiceHealth: false,
  },
  {
    id: 'ua',
    name: 'User Administrator',
    filesM365Tickets: false,
    readsServiceHealth: false,
  },
  {
    id: 'gr',
    name: 'Global Reader',
    filesM365Tickets: false,
    readsServiceHealth: true,
  },
]

const workload = fc.constantFrom('azure', 'office365', 'dynamics', 'ems', 'marketplace' as const)
const roleSubset = fc.subarray(ROLES)

const subscription = (tenantId: string, i: number): fc.Arbitrary<SubscriptionFact> =>
  fc.record({
    id: fc.constant(`sub-${i}`),
    tenantId: fc.constant(tenantId),
    workload,
    friendlyName: fc.constant(`Subscription ${i}`),
    channel: fc.constantFrom('csp', 'direct' as const),
    billing: fc.constantFrom('trial', 'paid' as const),
    status: fc.constantFrom('active', 'active', 'suspended' as const),
    providerTenantId: fc.constantFrom(ME, OTHER, null),
    providerName: fc.constant('Some provider'),
    resellerTenantId: fc.constant(null),
    productId: fc.constantFrom(null, 'product-1'),
  })

const subscriptions = (tenantId: string) =>
  fc
    .integer({ min: 0, max: 4 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => subscription(tenantId, i))))

const relationship = (i: number): fc.Arbitrary<RelationshipFact> =>
  fc.record({
    id: fc.constant(`rel-${i}`),
    name: fc.constant(`Relationship ${i}`),
    status: fc.constantFrom(
      'active',
      'active',
      'expiring',
      'expired',
      'terminated',
      'approvalPending',
      'created' as const,
    ),
    endAt: fc.oneof(
      fc.constant(null),
      fc.integer({ min: -400, max: 400 }).map((d) => new Date(NOW.getTime() + d * DAY)),
    ),
    autoExtendDuration: fc.constantFrom('PT0S', 'PT0S', 'P180D'),
    approvalRequestedAt: fc.oneof(
      fc.constant(null),
      fc.integer({ min: -120, max: 0 }).map((d) => new Date(NOW.getTime() + d * DAY)),
    ),
    roleIds: roleSubset.map((roles) => roles.map((r) => r.id)),
  })

const assignment = (i: number, relCount: number): fc.Arbitrary<AssignmentFact> =>
  fc.record({
    id: fc.constant(`asg-${i}`),
    relationshipId: fc.integer({ min: 0, max: Math.max(0, relCount) }).map((r) => `rel-${r}`),
    status: fc.constantFrom('active', 'active', 'pending', 'deleted', 'error' as const),
    groupId: fc.constant(`group-${i}`),
    groupName: fc.constant(`Group ${i}`),
    roles: roleSubset,
  })

const entitlement = (i: number): fc.Arbitrary<EntitlementFact> =>
  fc.record({
    id: fc.constant(`ent-${i}`),
    kind: fc.constantFrom('partner_agreement', 'premier', 'azure_support_plan' as const),
    reference: fc.constantFrom('4510001', 'abc', 'PRM-1234567', '7c4f2a9e-1b3d-4e5f-8a6b-9c0d1e2f3a4b', ''),
    description: fc.constant(`Entitlement ${i}`),
    validUntil: fc.constantFrom(null, '2020-01-01', '2030-01-01', '2026-06-15'),
  })

const list = <T>(max: number, item: (i: number) => fc.Arbitrary<T>) =>
  fc
    .integer({ min: 0, max })
    .chain((n) =>
      n === 0 ? fc.constant([] as T[]) : fc.tuple(...Array.from({ length: n }, (_, i) => item(i))),
    )

const anyWorld: fc.Arbitrary<{ facts: PolicyFacts; question: PolicyQuestion }> = fc
  .record({
    tenantKind: fc.constantFrom('partner', 'partner', 'partner', 'customer', 'vendor' as const),
    partnerType: fc.constantFrom('direct', 'indirect_provider', 'indirect_reseller', 'advisor' as const),
    roles: fc.subarray(['admin_agent', 'helpdesk_agent', 'sales_agent', 'global_admin'] as const),
    targetKind: fc.constantFrom('own', 'customer' as const),
    relCount: fc.integer({ min: 0, max: 3 }),
  })
  .chain((shape) => {
    const actorTenant = shape.tenantKind === 'partner' ? ME : 'customer-tenant'
    const targetTenant = shape.targetKind === 'own' ? actorTenant : 'customer-target'
    return fc.record({
      shape: fc.constant(shape),
      subscriptions: subscriptions(targetTenant),
      relationships: fc.tuple(...Array.from({ length: shape.relCount }, (_, i) => relationship(i))),
      assignments: list(3, (i) => assignment(i, shape.relCount)),
      entitlements: list(3, entitlement),
      partners: fc.subarray([
        { tenantId: 'p1', name: 'Reseller', email: 'r@x', phone: null, relationship: 'reseller' as const },
      ]),
      azureRoles: list(3, () =>
        fc.record({
          subscriptionId: fc.integer({ min: 0, max: 3 }).map((i) => `sub-${i}`),
          roleName: fc.constantFrom('Owner', 'Contributor', 'Reader', 'Support Request Contributor'),
        }),
      ),
      question: fc.record({
        action: fc.constant('file' as const),
        workload,
        subscriptionId: fc.constantFrom(undefined, 'sub-0', 'sub-1'),
        productId: fc.constantFrom(undefined, 'product-1'),
        problemType: fc.constantFrom(
          undefined,
          'technical',
          'billing',
          'subscription_management',
          'quota' as const,
        ),
        entryPoint: fc.constantFrom(undefined, 'partner_portal', 'workload_portal' as const),
        handledBy: fc.constantFrom(undefined, 'vendor', 'partner' as const),
        supportPlan: fc.constantFrom(undefined, 'csp', 'premier', 'azure_support_plan' as const),
        entitlementId: fc.constantFrom(undefined, 'ent-0', 'ent-9'),
      }),
    })
  })
  .map(
    ({
      shape,
      subscriptions: subs,
      relationships,
      assignments,
      entitlements,
      partners,
      azureRoles,
      question,
    }) => {
      const actorTenant = shape.tenantKind === 'partner' ? ME : 'customer-tenant'
      const roles =
        shape.tenantKind === 'partner' ? shape.roles : shape.roles.filter((r) => r === 'global_admin')
      const target: PolicyFacts['target'] =
        shape.targetKind === 'own'
          ? {
              kind: 'own',
              tenantId: actorTenant,
              tenantName: 'Me',
              subscriptions: subs,
              entitlements,
              partners,
            }
          : { kind: 'customer', tenantId: 'customer-target', tenantName: 'Customer', subscriptions: subs }
      const facts: PolicyFacts = {
        now: NOW,
        actor: {
          userId: 'u',
          email: 'u@x',
          displayName: 'U',
          phone: null,
          locale: null,
          tenantId: actorTenant,
          tenantKind: shape.tenantKind,
          tenantName: 'Me',
          tenantLocale: 'en-US',
          partnerType: shape.tenantKind === 'partner' ? shape.partnerType : null,
          roles: [...roles],
        },
        target,
        relationships,
        assignments,
        azureRoles,
        products: [
          {
            id: 'product-1',
            name: 'Product',
            isvName: 'ISV',
            supportUrl: null,
            supportEmail: 'isv@x',
            supportPhone: null,
          },
        ],
        incidents: [],
      }
      return { facts, question }
    },
  )

/**
 * A world nudged towards an allowed filing for a customer: the actor is an admin agent of the
 * provider of the customer's first subscription (made an active CSP Azure one), its first
 * relationship is active and its first assignment active in it. Roles, RBAC, the other
 * relationships and the question stay random — without this, random worlds almost never reach the
 * allowed paths of R6 and R9.
 */
function nudgedTowardsAllowed({ facts, question }: { facts: PolicyFacts; question: PolicyQuestion }) {
  const subscriptions = facts.target.subscriptions.length
    ? facts.target.subscriptions
    : [
        {
          id: 'sub-0',
          tenantId: 'customer-target',
          workload: 'azure' as const,
          friendlyName: 'Subscription 0',
          channel: 'csp' as const,
          billing: 'paid' as const,
          status: 'active' as const,
          providerTenantId: ME,
          providerName: 'Me',
          resellerTenantId: null,
          productId: null,
        },
      ]
  const [first, ...rest] = subscriptions.map((s) => ({ ...s, tenantId: 'customer-target' }))
  const relationships = facts.relationships.length
    ? facts.relationships
    : [
        {
          id: 'rel-0',
          name: 'Relationship 0',
          status: 'active' as const,
          endAt: null,
          autoExtendDuration: 'PT0S',
          approvalRequestedAt: null,
          roleIds: ROLES.map((r) => r.id),
        },
      ]
  const [rel, ...otherRelationships] = relationships
  const [assignment, ...otherAssignments] = facts.assignments.length
    ? facts.assignments
    : [
        {
          id: 'asg-0',
          relationshipId: 'rel-0',
          status: 'active' as const,
          groupId: 'g',
          groupName: 'G',
          roles: ROLES,
        },
      ]
  const nudged: PolicyFacts = {
    ...facts,
    actor: {
      ...facts.actor,
      tenantId: ME,
      tenantKind: 'partner',
      partnerType: facts.actor.partnerType ?? 'direct',
      roles: [...new Set([...facts.actor.roles, 'admin_agent' as const])],
    },
    target: {
      kind: 'customer',
      tenantId: 'customer-target',
      tenantName: 'Customer',
      subscriptions: [
        { ...first!, workload: 'azure', channel: 'csp', status: 'active', providerTenantId: ME },
        ...rest,
      ],
    },
    relationships: [{ ...rel!, status: 'active', endAt: null }, ...otherRelationships],
    assignments: [{ ...assignment!, relationshipId: rel!.id, status: 'active' }, ...otherAssignments],
  }
  return {
    facts: nudged,
    question: { ...question, entryPoint: 'partner_portal' as const, supportPlan: undefined },
  }
}

const world = fc.oneof(
  { arbitrary: anyWorld, weight: 3 },
  { arbitrary: anyWorld.map(nudgedTowardsAllowed), weight: 1 },
)

describe('the support policy (pure)', () => {
  it('agrees with an independent, simple reference model over 12,000 random worlds', () => {
    fc.assert(
      fc.property(world, ({ facts, question }) => {
        const decision = decide(facts, question)
        const model = referenceDecision(facts, question)
        expect({ allowed: decision.allowed, rule: decision.rule }).toEqual({
          allowed: model.allowed,
          rule: model.rule,
        })
        if (decision.allowed) {
          expect(decision.supportPlan?.kind).toBe(model.plan)
          expect(decision.handledBy).toBe(model.handledBy)
        }
      }),
      { numRuns: 12_000 },
    )
  })

  it('never allows a filing on behalf of a customer without a live relationship and a support role, except R8 billing', () => {
    fc.assert(
      fc.property(world, ({ facts, question }) => {
        const decision = decide(facts, question)
        if (!decision.allowed || facts.target.kind !== 'customer') return
        if (decision.rule === 'R8') {
          expect(['billing', 'subscription_management']).toContain(question.problemType)
          return
        }
        expect(decision.grant).not.toBeNull()
        const rel = facts.relationships.find((r) => r.id === decision.grant!.relationshipId)!
        expect(['active', 'expiring']).toContain(rel.status)
        expect(rel.endAt === null || rel.endAt > facts.now || rel.autoExtendDuration === 'P180D').toBe(true)
        expect(decision.contact).toBe('partner')
        expect(decision.supportPlan?.kind).toBe('csp')
      }),
      { numRuns: 3000 },
    )
  })

  it('R6 and R9: an Azure filing for a customer always rests on RBAC allowing supportTickets/write (any GDAP role opens the tenant); an Office 365, EMS or Dynamics filing on a role with the ticket permission', () => {
    let azureWithoutTicketRole = 0
    let m365Allowed = 0
    fc.assert(
      fc.property(world, ({ facts, question }) => {
        const decision = decide(facts, question)
        if (!decision.allowed || facts.target.kind !== 'customer' || decision.rule === 'R8') return
        const role = ROLES.find((r) => r.id === decision.grant!.roleId)!
        if (question.workload === 'azure') {
          expect(decision.rule).toBe('R6')
          expect(
            facts.azureRoles.some(
              (r) =>
                r.subscriptionId === decision.subscriptionId &&
                ['Owner', 'Contributor', 'Support Request Contributor'].includes(r.roleName),
            ),
          ).toBe(true)
          if (!role.filesM365Tickets) azureWithoutTicketRole++
        } else {
          expect(decision.rule).toBe('R9')
          expect(role.filesM365Tickets).toBe(true)
          m365Allowed++
        }
      }),
      { numRuns: 5000 },
    )
    // the worlds do reach the case the rule is about: Directory Readers alone, plus RBAC
    expect(azureWithoutTicketRole).toBeGreaterThan(0)
    expect(m365Allowed).toBeGreaterThan(0)
  })

  it('says something, in both languages, for every decision it can make', () => {
    fc.assert(
      fc.property(world, ({ facts, question }) => {
        const decision = decide(facts, question)
        expect(POLICY_REASONS).toContain(decision.reason)
        for (const locale of ['en', 'it'] as const) {
          const { message, remedy } = describeDecision(decision, locale)
          expect(message).not.toMatch(/\{\w+\}/)
          if (!decision.allowed && decision.rule) expect(remedy ?? '', decision.reason).not.toMatch(/\{\w+\}/)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('when a refusal names the day a relationship expired, then each language says it as its pages show dates, not as an ISO string', () => {
    const { facts, question } = fc.sample(world, { numRuns: 1, seed: 7 })[0]!
    const expired = {
      ...decide(facts, question),
      allowed: false,
      rule: 'R9' as const,
      reason: 'gdap_expired',
      params: { customer: 'Tailspin Toys', relationship: 'Fabrikam e Tailspin', date: '2026-11-04' },
    }
    expect(describeDecision(expired, 'it').message).toContain('è scaduta il 4 nov 2026:')
    expect(describeDecision(expired, 'en').message).toContain('expired on Nov 4, 2026:')
  })

  it('R4: the active incidents for the workload and tenant come with the decision, others do not', () => {
    const { facts, question } = fc.sample(world, { numRuns: 1, seed: 7 })[0]!
    const incidents = [
      {
        id: 'i1',
        title: 'Exchange degraded',
        status: 'serviceDegradation',
        workload: 'office365' as const,
        startedAt: NOW,
      },
      { id: 'i2', title: 'VMs slow', status: 'investigating', workload: 'azure' as const, startedAt: NOW },
    ]
    const decision = decide({ ...facts, incidents }, { ...question, workload: 'office365' })
    expect(decision.incidents.map((i) => i.id)).toEqual(['i1'])
    expect(decide({ ...facts, incidents: [] }, { ...question, workload: 'office365' }).incidents).toEqual([])
  })
})
