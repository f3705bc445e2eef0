import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { auditedChange } from './audited.ts'
import { adminTenantOf, directoryTenantOf } from './directory-access.ts'
import { DirectoryError } from './directory.messages.ts'
import {
  type DirectoryGroup,
  directMembers,
  groupIn,
  groupsOf,
  type Member,
  type Membership,
  memberOf,
  transitiveMembers,
  userIn,
  wouldCycle,
} from './people.data.ts'

/**
 * Security groups of the caller's tenant, their nesting and memberships. The partner roles are
 * membership of the role groups (partner-roles.ts): adding anna to AdminAgents makes her an admin
 * agent at once, removing her takes the role away at once.
 */

export interface GroupInput {
  displayName: string
  description?: string | null | undefined
  mailNickname?: string | null | undefined
}

export async function listGroups(ctx: AppContext, actor: Actor): Promise<DirectoryGroup[]> {
  return groupsOf(ctx.db, directoryTenantOf(actor))
}

export async function getGroup(ctx: AppContext, actor: Actor, id: string): Promise<DirectoryGroup> {
  const group = await groupIn(ctx.db, directoryTenantOf(actor), id)
  if (!group) throw new DirectoryError(404, 'not_your_object', { kind: 'group', id })
  return group
}

async function assertNameFree(ctx: AppContext, tenantId: string, name: string, except?: string) {
  let query = ctx.db
    .selectFrom('security_groups')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`lower(display_name) = ${name.toLowerCase()}`)
  if (except) query = query.where('id', '<>', except)
  if (await query.executeTakeFirst()) throw new DirectoryError(409, 'group_name_taken', { name })
}

export async function createGroup(ctx: AppContext, actor: Actor, input: GroupInput): Promise<DirectoryGroup> {
  const tenantId = adminTenantOf(actor)
  const displayName = input.displayName.trim()
  await assertNameFree(ctx, tenantId, displayName)
  const id = randomUUID()
  const event = { tenantId, action: 'directory.group.create', targetType: 'group', targetId: id }
  await auditedChange(ctx, actor, { ...event, details: { displayName } }, async (trx) => {
    await trx
      .insertInto('security_groups')
      .values({
        id,
        tenant_id: tenantId,
        display_name: displayName,
        description: input.description ?? null,
        mail_nickname: input.mailNickname ?? null,
        created_at: ctx.now(),
      })
      .execute()
  })
  return (await groupIn(ctx.db, tenantId, id))!
}

export async function updateGroup(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<GroupInput>,
): Promise<DirectoryGroup> {
  const tenantId = adminTenantOf(actor)
  const group = await getGroup(ctx, actor, id)
  const displayName = patch.displayName?.trim()
  if (displayName !== undefined) await assertNameFree(ctx, tenantId, displayName, group.id)
  const set = {
    ...(displayName === undefined ? {} : { display_name: displayName }),
    ...(patch.description === undefined ? {} : { description: patch.description }),
    ...(patch.mailNickname === undefined ? {} : { mail_nickname: patch.mailNickname }),
  }
  if (Object.keys(set).length === 0) return group
  const event = { tenantId, action: 'directory.group.update', targetType: 'group', targetId: group.id }
  await auditedChange(ctx, actor, { ...event, details: { changed: Object.keys(set) } }, (trx) =>
    trx
      .updateTable('security_groups')
      .set(set)
      .where('id', '=', group.id)
      .where('tenant_id', '=', tenantId)
      .execute(),
  )
  return (await groupIn(ctx.db, tenantId, group.id))!
}

const ROLE_WORDS = {
  admin_agent: 'admin agent',
  helpdesk_agent: 'helpdesk agent',
  sales_agent: 'sales agent',
}

/**
 * Deletes a group. The role groups stay (their members hold the partner roles); a group that GDAP
 * access assignments name stays until they end, so the assignments' history is kept.
 */
export async function deleteGroup(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const tenantId = adminTenantOf(actor)
  const group = await getGroup(ctx, actor, id)
  if (group.partnerRole)
    throw new DirectoryError(409, 'role_group_fixed', {
      group: group.displayName,
      role: ROLE_WORDS[group.partnerRole],
    })
  const used = await ctx.db
    .selectFrom('gdap_access_assignments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('security_group_id', '=', group.id)
    .executeTakeFirstOrThrow()
  if (used.n > 0)
    throw new DirectoryError(409, 'group_in_use', { group: group.displayName, count: String(used.n) })
  const event = { tenantId, action: 'directory.group.delete', targetType: 'group', targetId: group.id }
  await auditedChange(
    ctx,
    actor,
    (members: { user_id: string }[]) => ({
      ...event,
      details: { displayName: group.displayName, members: members.map((m) => m.user_id) },
    }),
    async (trx) => {
      const members = await trx
        .selectFrom('group_user_members')
        .select('user_id')
        .where('group_id', '=', group.id)
        .execute()
      await trx
        .deleteFrom('security_groups')
        .where('id', '=', group.id)
        .where('tenant_id', '=', tenantId)
        .execute()
      return members
    },
  )
}

export async function listMembers(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
  transitive: boolean,
): Promise<Member[]> {
  const tenantId = directoryTenantOf(actor)
  const group = await getGroup(ctx, actor, groupId)
  return transitive
    ? transitiveMembers(ctx.db, tenantId, group.id)
    : directMembers(ctx.db, tenantId, group.id)
}

/** What a member id names in the caller's tenant: a user or a group (404 otherwise). */
async function resolveMember(ctx: AppContext, tenantId: string, id: string) {
  const user = await userIn(ctx.db, tenantId, id, ctx.now())
  if (user) return { kind: 'user' as const, id: user.id, name: user.displayName }
  const group = await groupIn(ctx.db, tenantId, id)
  if (group) return { kind: 'group' as const, id: group.id, name: group.displayName }
  throw new DirectoryError(404, 'not_your_object', { kind: 'directory object', id })
}

export async function addMember(ctx: AppContext, actor: Actor, groupId: string, memberId: string) {
  await changeMembership(ctx, actor, groupId, memberId, 'add')
}

export async function removeMember(ctx: AppContext, actor: Actor, groupId: string, memberId: string) {
  await changeMembership(ctx, actor, groupId, memberId, 'remove')
}

/** Adds or removes one direct member (a user, or a group to nest), audited. */
async function changeMembership(
  ctx: AppContext,
  actor: Actor,
  groupId: string,
  memberId: string,
  change: 'add' | 'remove',
): Promise<void> {
  const tenantId = adminTenantOf(actor)
  const group = await getGroup(ctx, actor, groupId)
  const member = await resolveMember(ctx, tenantId, memberId)
  const names = { member: member.name, group: group.displayName }
  if (change === 'add' && member.kind === 'group') {
    if (member.id === group.id) throw new DirectoryError(400, 'group_self')
    if (await wouldCycle(ctx.db, group.id, member.id)) throw new DirectoryError(400, 'nesting_cycle', names)
  }
  const event = {
    tenantId,
    action: `directory.group.member.${change}`,
    targetType: 'group',
    targetId: group.id,
    details: { memberKind: member.kind, memberId: member.id, partnerRole: group.partnerRole },
  }
  await auditedChange(ctx, actor, event, async (trx) => {
    if (change === 'add') {
      const inserted =
        member.kind === 'user'
          ? await trx
              .insertInto('group_user_members')
              .values({ group_id: group.id, user_id: member.id })
              .onConflict((oc) => oc.doNothing())
              .returning('group_id')
              .executeTakeFirst()
          : await trx
              .insertInto('group_group_members')
              .values({ group_id: group.id, member_group_id: member.id })
              .onConflict((oc) => oc.doNothing())
              .returning('group_id')
              .executeTakeFirst()
      // Graph answers 400 "One or more added object references already exist"
      if (!inserted) throw new DirectoryError(400, 'already_member', names)
    } else {
      const removed =
        member.kind === 'group'
          ? await trx
              .deleteFrom('group_group_members')
              .where('group_id', '=', group.id)
              .where('member_group_id', '=', member.id)
              .returning('group_id')
              .executeTakeFirst()
          : await trx
              .deleteFrom('group_user_members')
              .where('group_id', '=', group.id)
              .where('user_id', '=', member.id)
              .returning('group_id')
              .executeTakeFirst()
      if (!removed) throw new DirectoryError(404, 'not_member', names)
    }
  })
}

export async function membershipsOf(
  ctx: AppContext,
  actor: Actor,
  member: { kind: 'user' | 'group'; id: string },
  transitive: boolean,
): Promise<Membership[]> {
  const tenantId = directoryTenantOf(actor)
  return memberOf(ctx.db, tenantId, member, transitive)
}
