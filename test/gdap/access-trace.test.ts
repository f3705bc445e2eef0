import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assignmentLink, chainSteps, TRACE_STEPS } from '../../src/gdap/access-trace.ts'
import { GDAP_STATUSES } from '../../src/gdap/lifecycle.ts'
import type { AssignmentStatus } from '../../src/platform/db/schema.ts'

const ASSIGNMENT_STATUSES: AssignmentStatus[] = ['pending', 'active', 'deleting', 'deleted', 'error']

describe('the access trace’s links (pure)', () => {
  it('when the relationship has expired or was terminated, then its active assignment is inactive and does not reach the user, blocked by the relationship', () => {
    for (const status of ['expired', 'terminated'] as const) {
      expect(
        assignmentLink(
          { status: 'active', groupId: 'g', roleIds: ['dr'] },
          { status, roleIds: ['dr'] },
          new Set(['g']),
        ),
      ).toEqual({ status: 'inactive', memberOfGroup: true, reachesUser: false, blockedBy: 'relationship' })
    }
  })

  it('when everything holds, then the assignment reaches the user; each missing piece names itself, first cause first', () => {
    const rel = { status: 'active' as const, roleIds: ['dr'] }
    const link = (status: AssignmentStatus, groupId: string, roleIds: string[]) =>
      assignmentLink({ status, groupId, roleIds }, rel, new Set(['g']))
    expect(link('active', 'g', ['dr'])).toMatchObject({
      status: 'active',
      reachesUser: true,
      blockedBy: null,
    })
    expect(link('deleted', 'g', ['dr'])).toMatchObject({ status: 'deleted', blockedBy: 'assignment' })
    expect(link('active', 'other', ['dr'])).toMatchObject({ memberOfGroup: false, blockedBy: 'membership' })
    expect(link('active', 'g', ['ssa'])).toMatchObject({ reachesUser: false, blockedBy: 'roles' })
  })

  it('never shows an assignment as active, or as reaching the user, unless its relationship gives access now', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GDAP_STATUSES),
        fc.constantFrom(...ASSIGNMENT_STATUSES),
        fc.boolean(),
        fc.subarray(['dr', 'ssa']),
        fc.subarray(['dr', 'ssa']),
        (relationshipStatus, assignmentStatus, member, assignedRoles, relationshipRoles) => {
          const link = assignmentLink(
            { status: assignmentStatus, groupId: 'g', roleIds: assignedRoles },
            { status: relationshipStatus, roleIds: relationshipRoles },
            new Set(member ? ['g'] : []),
          )
          const live = relationshipStatus === 'active' || relationshipStatus === 'expiring'
          if (!live) {
            expect(link.status).toBe('inactive')
            expect(link.reachesUser).toBe(false)
          }
          expect(link.reachesUser).toBe(
            live &&
              assignmentStatus === 'active' &&
              member &&
              assignedRoles.some((r) => relationshipRoles.includes(r)),
          )
        },
      ),
    )
  })

  it('when a link fails, then it is the only broken one and every later link is not reached', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.nat(2),
        fc.boolean(),
        fc.nat(2),
        (adminAgent, live, groupCount, reaches, grantCount) => {
          const steps = chainSteps({
            adminAgent,
            relationships: [{ status: live ? 'active' : 'expired' }],
            groupCount,
            assignments: [{ status: 'active', memberOfGroup: true, reachesUser: reaches, blockedBy: null }],
            grantCount,
          })
          expect(steps.map((s) => s.step)).toEqual([...TRACE_STEPS])
          const holds = [adminAgent, live, groupCount > 0, reaches, grantCount > 0]
          const first = holds.indexOf(false)
          steps.forEach((s, i) => {
            expect(s.state).toBe(first < 0 || i < first ? 'ok' : i === first ? 'broken' : 'after_break')
          })
          expect(steps.filter((s) => s.state === 'broken').length).toBe(first < 0 ? 0 : 1)
        },
      ),
    )
  })
})
