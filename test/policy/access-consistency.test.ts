import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoUsers, tenantIdOf } from '../../src/demo/world.ts'
import { resolveAccess } from '../../src/gdap/access.data.ts'
import { findUserByEmail } from '../../src/identity/users.data.ts'
import { gatherFacts } from '../../src/policy/policy.data.ts'
import { liveGrants } from '../../src/policy/support-policy.ts'
import { openTestDatabase, type TestDatabase } from '../support/database.ts'
import { dialects } from '../support/dialects.ts'

const CUSTOMERS = ['rossi.example', 'bianchi.example', 'tailspin.example', 'wideworld.example']
const PARTNER_USERS = demoUsers()
  .filter((u) => u.roles.some((r) => r === 'admin_agent' || r === 'helpdesk_agent'))
  .map((u) => u.email)
const DAY = 86400_000

describe.each(dialects())('GDAP access: SQL resolution and the policy agree (%s)', (dialect) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await openTestDatabase(dialect)
  })
  afterAll(() => t?.close())

  async function compareAll(now: Date) {
    for (const email of PARTNER_USERS) {
      const user = (await findUserByEmail(t.db, email))!
      for (const domain of CUSTOMERS) {
        const customer = tenantIdOf(domain)
        const sqlGrants = (await resolveAccess(t.db, user.id, customer, now)).map(
          (g) => `${g.relationshipId}|${g.assignmentId}|${g.roleId}`,
        )
        const facts = await gatherFacts(
          t.db,
          user,
          { customerTenantId: customer, workload: 'office365' },
          now,
        )
        const policyGrants = facts
          ? liveGrants(facts).map((g) => `${g.relationshipId}|${g.assignmentId}|${g.roleId}`)
          : []
        expect(policyGrants.sort(), `${email} → ${domain}`).toEqual(sqlGrants.sort())
      }
    }
  }

  it('when the demo world is read now and at other instants, then both give the same grants', async () => {
    for (const days of [0, 200, 400, 800]) await compareAll(new Date(Date.now() + days * DAY))
  })

  it('when statuses, end dates and memberships change at random, then both still give the same grants', async () => {
    const relationships = await t.db.selectFrom('gdap_relationships').select('id').execute()
    const assignments = await t.db.selectFrom('gdap_access_assignments').select('id').execute()
    const memberships = await t.db.selectFrom('group_user_members').selectAll().execute()
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom(...relationships.map((r) => r.id)),
            fc.constantFrom('active', 'expiring', 'expired', 'terminated', 'approvalPending' as const),
            fc.integer({ min: -30, max: 30 }),
          ),
        ),
        fc.array(
          fc.tuple(
            fc.constantFrom(...assignments.map((a) => a.id)),
            fc.constantFrom('active', 'pending', 'deleted', 'error' as const),
          ),
        ),
        fc.subarray(memberships),
        async (relChanges, asgChanges, removed) => {
          await t.db.transaction().execute(async (trx) => {
            for (const [id, status, days] of relChanges) {
              await trx
                .updateTable('gdap_relationships')
                .set({ status, end_at: new Date(Date.now() + days * DAY) })
                .where('id', '=', id)
                .execute()
            }
            for (const [id, status] of asgChanges)
              await trx.updateTable('gdap_access_assignments').set({ status }).where('id', '=', id).execute()
            for (const m of removed)
              await trx
                .deleteFrom('group_user_members')
                .where('group_id', '=', m.group_id)
                .where('user_id', '=', m.user_id)
                .execute()
          })
          try {
            await compareAll(new Date())
          } finally {
            await t.db.transaction().execute(async (trx) => {
              for (const m of removed) await trx.insertInto('group_user_members').values(m).execute()
            })
          }
        },
      ),
      { numRuns: 25 },
    )
  })
})
