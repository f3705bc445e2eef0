import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PolicyFacts, RequestFact } from '../../src/policy/facts.ts'
import { inReadScope, readRight } from '../../src/policy/read-right.ts'
import { decide } from '../../src/policy/support-policy.ts'
import type { TenantKind, UserRole } from '../../src/platform/db/schema.ts'

// Pure: no database, so no engines to run it on.
const TENANTS = ['t-vendor', 't-partner', 't-other-partner', 't-customer', 't-other-customer']
const ROLES: UserRole[] = [
  'admin_agent',
  'helpdesk_agent',
  'sales_agent',
  'global_admin',
  'billing_admin',
  'support_engineer',
  'auditor',
]

function facts(kind: TenantKind, tenantId: string, roles: UserRole[]): PolicyFacts {
  return {
    now: new Date('2026-12-04T12:00:00Z'),
    actor: {
      userId: 'u',
      email: 'u@example.test',
      displayName: 'U',
      phone: null,
      locale: null,
      tenantId,
      tenantKind: kind,
      tenantName: tenantId,
      tenantLocale: 'en-US',
      partnerType: kind === 'partner' ? 'direct' : null,
      roles,
    },
    target: {
      kind: 'own',
      tenantId,
      tenantName: tenantId,
      subscriptions: [],
      entitlements: [],
      partners: [],
    },
    relationships: [],
    assignments: [],
    azureRoles: [],
    products: [],
    incidents: [],
  }
}

describe('the read right (what the get-one statement audits in SQL)', () => {
  it('when any actor asks to read any request, then the policy allows it exactly when the request is in the actor’s read scope, by the rule and reason the scope names', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<TenantKind>('vendor', 'partner', 'customer'),
        fc.constantFrom(...TENANTS),
        fc.subarray(ROLES),
        fc.constantFrom(...TENANTS),
        fc.option(fc.constantFrom(...TENANTS)),
        fc.constantFrom<RequestFact['handledBy']>('vendor', 'partner'),
        (kind, tenantId, roles, requestTenant, requestPartner, handledBy) => {
          const f = facts(kind, tenantId, roles)
          const request: RequestFact = {
            tenantId: requestTenant,
            partnerTenantId: requestPartner,
            handledBy,
            workload: 'office365',
            subscriptionId: null,
            problemType: 'technical',
            decidedByRule: 'R9',
          }
          const decision = decide(f, { action: 'read', workload: 'office365', request })
          const right = readRight(f.actor)
          expect(decision.allowed).toBe(inReadScope(right.scope, request))
          if (decision.allowed) {
            expect({ rule: decision.rule, reason: decision.reason, grant: decision.grant }).toEqual({
              rule: right.rule,
              reason: right.reason,
              grant: null,
            })
          }
        },
      ),
      { numRuns: 2000 },
    )
  })
})
