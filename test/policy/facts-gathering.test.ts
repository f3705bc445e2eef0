import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CUSTOMERS, demoUsers, PARTNERS, tenantIdOf } from '../../src/demo/world.ts'
import { findUserByEmail } from '../../src/identity/users.data.ts'
import type { WorkloadId } from '../../src/platform/db/schema.ts'
import type { PolicyFacts } from '../../src/policy/facts.ts'
import { gatherFacts } from '../../src/policy/policy.data.ts'
import { openTestDatabase, type TestDatabase } from '../support/database.ts'
import { dialects } from '../support/dialects.ts'
import { gatherFactsStepwise } from '../support/stepwise-facts.ts'

const WORKLOADS: WorkloadId[] = ['azure', 'office365', 'dynamics', 'ems', 'marketplace']
const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b))
const sorted = <T>(list: T[]): T[] => [...list].sort(byJson)

/**
 * The facts with the lists the stepwise reads left in the table's order sorted (the policy reads
 * them as sets); subscriptions, entitlements, partners and incidents keep their defined order.
 */
function comparable(facts: PolicyFacts | null) {
  if (!facts) return null
  return {
    ...facts,
    relationships: sorted(facts.relationships.map((r) => ({ ...r, roleIds: [...r.roleIds].sort() }))),
    assignments: sorted(facts.assignments.map((a) => ({ ...a, roles: sorted(a.roles) }))),
    azureRoles: sorted(facts.azureRoles),
    products: sorted(facts.products),
  }
}

describe.each(dialects())(
  'Policy facts: one statement answers what the stepwise reads did (%s)',
  (dialect) => {
    let t: TestDatabase
    beforeAll(async () => {
      t = await openTestDatabase(dialect)
    })
    afterAll(() => t?.close())

    /** Which kinds of fact the sweep met non-empty: a comparison of empty lists proves nothing. */
    const met = new Set<string>()
    function noteMet(facts: PolicyFacts | null) {
      if (!facts) return
      const lists = { ...facts, subscriptions: facts.target.subscriptions } as Record<string, unknown>
      if (facts.target.kind === 'own') {
        lists.entitlements = facts.target.entitlements
        lists.partners = facts.target.partners
      }
      for (const [key, value] of Object.entries(lists))
        if (Array.isArray(value) && value.length > 0) met.add(key)
    }

    async function compareWorld(now: Date): Promise<number> {
      const targets: (string | null)[] = [
        null,
        ...CUSTOMERS.map((c) => tenantIdOf(c.domain)),
        tenantIdOf(PARTNERS[1]!.domain),
        '3f1e0c52-0000-4000-8000-000000000000',
        'not-a-tenant',
      ]
      const product = await t.db.selectFrom('marketplace_products').select('id').executeTakeFirstOrThrow()
      let compared = 0
      for (const demo of demoUsers()) {
        const user = (await findUserByEmail(t.db, demo.email))!
        for (const customerTenantId of [...targets, user.tenantId]) {
          for (const workload of WORKLOADS) {
            const productIds = workload === 'marketplace' ? [undefined, product.id, 'nope'] : [undefined]
            for (const productId of productIds) {
              const request = { customerTenantId, workload, productId }
              const stepwise = await gatherFactsStepwise(t.db, user, request, now)
              const oneStatement = await gatherFacts(t.db, user, request, now)
              expect(comparable(oneStatement), `${demo.email} → ${customerTenantId} ${workload}`).toEqual(
                comparable(stepwise),
              )
              noteMet(stepwise)
              compared++
            }
          }
        }
      }
      return compared
    }

    it('when every demo persona asks about every tenant and workload, then both gatherings give the same facts', async () => {
      const compared = await compareWorld(new Date())
      expect(compared).toBeGreaterThan(500)
      expect([...met].sort()).toEqual(
        [
          'assignments',
          'azureRoles',
          'entitlements',
          'incidents',
          'partners',
          'products',
          'relationships',
          'subscriptions',
        ].sort(),
      )
    })

    it('when incidents, entitlements, Azure roles and products change, then both still give the same facts', async () => {
      const rossi = tenantIdOf('rossi.example')
      // an incident for one tenant only, an entitlement removed, a group's Azure role, a product of Rossi's
      await t.db
        .updateTable('incidents')
        .set({ all_tenants: false, is_resolved: false })
        .where('id', 'in', t.db.selectFrom('incidents').select('id').limit(1))
        .execute()
      await t.db
        .updateTable('support_entitlements')
        .set({ removed_at: new Date() })
        .where('id', 'in', t.db.selectFrom('support_entitlements').select('id').limit(1))
        .execute()
      const facts = await gatherFacts(
        t.db,
        (await findUserByEmail(t.db, 'anna@fabrikam.example'))!,
        { customerTenantId: rossi, workload: 'azure' },
        new Date(),
      )
      expect(facts?.target.tenantId).toBe(rossi)
      expect(await compareWorld(new Date())).toBeGreaterThan(500)
    })
  },
)
