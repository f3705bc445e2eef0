import { sql } from 'kysely'
import { ROLE_IDS } from '../catalog/catalog.ts'
import type { Actor } from '../identity/actor.ts'
import { findUserByEmail, findUserById } from '../identity/users.data.ts'
import type { AppContext } from '../platform/context.ts'
import type { WorkloadId } from '../platform/db/schema.ts'
import { notFound } from '../platform/errors.ts'
import { isUuid } from '../platform/ids.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { describeDecision } from '../policy/policy-messages.ts'
import { gatherFacts } from '../policy/policy.data.ts'
import { decide, liveGrants } from '../policy/support-policy.ts'
import { type AssignmentRecord, listAssignments, type RelationshipRecord } from './gdap.data.ts'
import { GdapError, listForParty, partyOf } from './gdap.service.ts'
import { assignmentLink, chainSteps } from './access-trace.ts'
import { autoExtends, DAY_MS, givesAccess, GLOBAL_ADMINISTRATOR } from './lifecycle.ts'

/**
 * What MSPs ask of GDAP most: which relationships need attention across all customers, and why a
 * user can (or cannot) act in a customer — the chain user → group (nested) → assignment → role →
 * relationship → status, with the seed's rule that needs it.
 */

export type Flag = 'expiring_soon' | 'lost_access' | 'no_support_role' | 'global_admin'

export interface RelationshipInsight {
  relationship: RelationshipRecord
  assignments: AssignmentRecord[]
  flags: Flag[]
}

export async function relationshipInsights(ctx: AppContext, actor: Actor): Promise<RelationshipInsight[]> {
  const party = partyOf(actor)
  const now = ctx.now()
  const all = await listForParty(ctx, party, { offset: 0, limit: 5000 })
  // R9: the roles that open Office 365, EMS and Dynamics requests (for Azure any role will do, R6)
  const supportRoles = new Set(
    (
      await ctx.db.selectFrom('directory_roles').select('id').where('files_m365_tickets', '=', true).execute()
    ).map((r) => r.id),
  )
  const customersWithAccess = new Set(
    all.filter((r) => givesAccess(r.status) && r.customerTenantId).map((r) => r.customerTenantId!),
  )
  return Promise.all(
    all.map(async (r) => {
      const flags: Flag[] = []
      const live = givesAccess(r.status)
      if (live && !autoExtends(r) && r.endAt && r.endAt.getTime() - now.getTime() <= 30 * DAY_MS)
        flags.push('expiring_soon')
      if (
        (r.status === 'expired' || r.status === 'terminated') &&
        r.customerTenantId &&
        !customersWithAccess.has(r.customerTenantId)
      ) {
        flags.push('lost_access')
      }
      if (live && !r.roleIds.some((id) => supportRoles.has(id))) flags.push('no_support_role')
      if (r.roleIds.includes(GLOBAL_ADMINISTRATOR) && !['expired', 'terminated'].includes(r.status))
        flags.push('global_admin')
      return { relationship: r, assignments: await listAssignments(ctx.db, r.id), flags }
    }),
  )
}

export interface TraceGroup {
  id: string
  displayName: string
  /** The shortest chain of groups from a direct membership to this one. */
  path: string[]
  /** Every chain that makes the user a member (direct, and through each nesting). */
  paths: string[][]
}

/** The user's groups, each with every nesting path that makes them a member. */
async function groupPaths(ctx: AppContext, userId: string): Promise<TraceGroup[]> {
  const result = await sql<{ id: string; display_name: string; path: string[] }>`
    with recursive reach(group_id, path) as (
      select m.group_id, array[g.display_name]::text[] from group_user_members m join security_groups g on g.id = m.group_id where m.user_id = ${userId}
      union all
      select n.group_id, reach.path || g.display_name
        from group_group_members n join reach on n.member_group_id = reach.group_id join security_groups g on g.id = n.group_id
       where array_length(reach.path, 1) < 10
    )
    select g.id, g.display_name, reach.path from reach join security_groups g on g.id = reach.group_id`.execute(
    ctx.db,
  )
  const byGroup = new Map<string, TraceGroup>()
  for (const row of result.rows) {
    const group = byGroup.get(row.id) ?? {
      id: row.id,
      displayName: row.display_name,
      path: row.path,
      paths: [],
    }
    group.paths.push(row.path)
    if (row.path.length < group.path.length) group.path = row.path
    byGroup.set(row.id, group)
  }
  return [...byGroup.values()]
    .map((g) => ({
      ...g,
      paths: g.paths.sort((a, b) => a.length - b.length || a.join().localeCompare(b.join())),
    }))
    .sort((a, b) => a.path.length - b.path.length || a.displayName.localeCompare(b.displayName))
}

const WORKLOADS = ['office365', 'dynamics', 'ems', 'azure'] as const satisfies readonly WorkloadId[]

/**
 * Why `userRef` (an email or id of the actor's own partner) can or cannot act in `customerTenantId`:
 * every group, assignment and role on the way, and the policy's verdict for each workload.
 */
export async function traceAccess(
  ctx: AppContext,
  actor: Actor,
  userRef: string,
  customerTenantId: string,
  locale: Locale,
) {
  const party = partyOf(actor)
  if (party.side !== 'partner') throw new GdapError(403, 'gdap_not_allowed')
  const user = isUuid(userRef) ? await findUserById(ctx.db, userRef) : await findUserByEmail(ctx.db, userRef)
  if (!user || user.tenantId !== party.tenantId) throw notFound()
  const facts = await gatherFacts(ctx.db, user, { customerTenantId, workload: 'office365' }, ctx.now())
  if (!facts) throw notFound()
  const groups = await groupPaths(ctx, user.id)
  const relationships = await listForParty(ctx, party, { customerTenantId, offset: 0, limit: 100 })
  const grants = liveGrants(facts)
  const userGroupIds = new Set(groups.map((g) => g.id))
  const traced = await Promise.all(
    relationships.map(async (r) => ({
      id: r.id,
      displayName: r.displayName,
      // the status now (a relationship past its end is expired here, whatever is stored)
      status: r.status,
      givesAccess: givesAccess(r.status),
      endAt: r.endAt?.toISOString() ?? null,
      roles: r.roles,
      assignments: (await listAssignments(ctx.db, r.id)).map((a) => {
        const group = groups.find((g) => g.id === a.groupId)
        const link = assignmentLink(
          { status: a.status, groupId: a.groupId, roleIds: a.roles.map((x) => x.id) },
          { status: r.status, roleIds: r.roleIds },
          userGroupIds,
        )
        return {
          id: a.id,
          // an assignment of an expired or terminated relationship is never shown as active
          status: link.status,
          assignmentStatus: a.status,
          group: { id: a.groupId, displayName: a.groupName },
          roles: a.roles,
          memberOfGroup: link.memberOfGroup,
          reachesUser: link.reachesUser,
          blockedBy: link.blockedBy,
          path: group?.path ?? [],
          paths: group?.paths ?? [],
        }
      }),
    })),
  )
  const adminAgent = user.roles.includes('admin_agent')
  return {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      adminAgent,
    },
    customer: { tenantId: facts.target.tenantId, name: facts.target.tenantName },
    steps: chainSteps({
      adminAgent,
      relationships: traced,
      groupCount: groups.length,
      assignments: traced.flatMap((r) => r.assignments),
      grantCount: grants.length,
    }),
    groups,
    relationships: traced,
    grants,
    verdicts: await Promise.all(
      WORKLOADS.map(async (workload) => {
        const workloadFacts = await gatherFacts(ctx.db, user, { customerTenantId, workload }, ctx.now())
        const decision = decide(workloadFacts!, { action: 'file', workload, entryPoint: 'partner_portal' })
        const { message, remedy } = describeDecision(decision, locale, workloadFacts!.vendorName)
        return {
          workload,
          allowed: decision.allowed,
          rule: decision.rule,
          reason: decision.reason,
          message,
          remedy,
        }
      }),
    ),
  }
}

/** The roles GDAP can grant, with what each allows; the least-privileged one for support work first. */
export async function roleCatalog(ctx: AppContext, locale: Locale) {
  const rows = await ctx.db.selectFrom('directory_roles').selectAll().orderBy('display_name').execute()
  return rows
    .map((r) => ({
      id: r.id,
      displayName: r.display_name,
      description: locale === 'it' ? r.description_it : r.description_en,
      filesM365Tickets: r.files_m365_tickets,
      readsServiceHealth: r.reads_service_health,
      privileged: r.is_privileged,
      recommendedForSupport: r.id === ROLE_IDS.serviceSupportAdministrator,
    }))
    .sort((a, b) => Number(b.recommendedForSupport) - Number(a.recommendedForSupport))
}
