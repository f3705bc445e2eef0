import { sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type { PartnerRole, UserRole } from '../platform/db/schema.ts'
import { isUuid } from '../platform/ids.ts'
import { effectiveRolesSql } from './partner-roles.ts'

/**
 * The directory's people and groups, always read within one tenant (`tenantId` is the first
 * argument of every function): an object of another tenant is simply not found.
 */

export interface DirectoryUser {
  id: string
  tenantId: string
  email: string
  displayName: string
  givenName: string | null
  surname: string | null
  jobTitle: string | null
  phone: string | null
  locale: string | null
  accountEnabled: boolean
  createdAt: Date
  /** Can sign in with a password (else: waiting for an invitation to be accepted). */
  hasPassword: boolean
  /** An invitation that is neither accepted, revoked nor expired. */
  invitationPending: boolean
  roles: UserRole[]
}

export interface DirectoryGroup {
  id: string
  tenantId: string
  displayName: string
  description: string | null
  mailNickname: string | null
  partnerRole: PartnerRole | null
  createdAt: Date
}

function usersQuery(db: Db, tenantId: string, now: Date) {
  return db
    .selectFrom('users as u')
    .where('u.tenant_id', '=', tenantId)
    .where('u.deleted_at', 'is', null)
    .select([
      'u.id',
      'u.tenant_id as tenantId',
      'u.email',
      'u.display_name as displayName',
      'u.given_name as givenName',
      'u.surname',
      'u.job_title as jobTitle',
      'u.phone',
      'u.locale',
      sql<boolean>`not u.disabled`.as('accountEnabled'),
      'u.created_at as createdAt',
      sql<boolean>`u.password_hash is not null`.as('hasPassword'),
      sql<boolean>`exists (select 1 from user_invitations i where i.user_id = u.id and i.accepted_at is null
        and i.revoked_at is null and i.expires_at > ${now})`.as('invitationPending'),
      effectiveRolesSql('u.id', 'u.tenant_id').as('roles'),
    ])
}

/** The tenant's users (not deleted), by display name; at most `limit`. */
export async function usersOf(db: Db, tenantId: string, now: Date, limit = 20_000): Promise<DirectoryUser[]> {
  return usersQuery(db, tenantId, now).orderBy('u.display_name').orderBy('u.id').limit(limit).execute()
}

export async function userIn(db: Db, tenantId: string, id: string, now: Date): Promise<DirectoryUser | null> {
  if (!isUuid(id)) return null
  return (await usersQuery(db, tenantId, now).where('u.id', '=', id).executeTakeFirst()) ?? null
}

/** A user of the tenant by id or by email (Graph addresses users by id or userPrincipalName). */
export async function userByIdOrEmail(
  db: Db,
  tenantId: string,
  key: string,
  now: Date,
): Promise<DirectoryUser | null> {
  if (isUuid(key)) return userIn(db, tenantId, key, now)
  if (!key.includes('@')) return null
  return (
    (await usersQuery(db, tenantId, now)
      .where('u.email', '=', key.trim().toLowerCase())
      .executeTakeFirst()) ?? null
  )
}

function groupsQuery(db: Db, tenantId: string) {
  return db
    .selectFrom('security_groups as g')
    .where('g.tenant_id', '=', tenantId)
    .select([
      'g.id',
      'g.tenant_id as tenantId',
      'g.display_name as displayName',
      'g.description',
      'g.mail_nickname as mailNickname',
      'g.partner_role as partnerRole',
      'g.created_at as createdAt',
    ])
}

export async function groupsOf(db: Db, tenantId: string, limit = 20_000): Promise<DirectoryGroup[]> {
  return groupsQuery(db, tenantId).orderBy('g.display_name').orderBy('g.id').limit(limit).execute()
}

export async function groupIn(db: Db, tenantId: string, id: string): Promise<DirectoryGroup | null> {
  if (!isUuid(id)) return null
  return (await groupsQuery(db, tenantId).where('g.id', '=', id).executeTakeFirst()) ?? null
}

export interface Member {
  kind: 'user' | 'group'
  id: string
  displayName: string
  email: string | null
  accountEnabled: boolean | null
  /** For transitive lists: the direct member group through which this one belongs (null: direct). */
  via: string | null
}

/** The direct members of a group: users (not deleted) and nested groups. */
export async function directMembers(db: Db, tenantId: string, groupId: string): Promise<Member[]> {
  const users = await db
    .selectFrom('group_user_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .where('m.group_id', '=', groupId)
    .where('u.tenant_id', '=', tenantId)
    .where('u.deleted_at', 'is', null)
    .select(['u.id', 'u.display_name as displayName', 'u.email', 'u.disabled'])
    .orderBy('u.display_name')
    .execute()
  const groups = await db
    .selectFrom('group_group_members as m')
    .innerJoin('security_groups as g', 'g.id', 'm.member_group_id')
    .where('m.group_id', '=', groupId)
    .where('g.tenant_id', '=', tenantId)
    .select(['g.id', 'g.display_name as displayName'])
    .orderBy('g.display_name')
    .execute()
  return [
    ...users.map((u) => ({
      kind: 'user' as const,
      id: u.id,
      displayName: u.displayName,
      email: u.email,
      accountEnabled: !u.disabled,
      via: null,
    })),
    ...groups.map((g) => ({
      kind: 'group' as const,
      id: g.id,
      displayName: g.displayName,
      email: null,
      accountEnabled: null,
      via: null,
    })),
  ]
}

/** Every member of a group, through any depth of nesting; each once, with the direct member group it came through. */
export async function transitiveMembers(db: Db, tenantId: string, groupId: string): Promise<Member[]> {
  const nested = await sql<{ id: string; via: string | null; depth: number }>`
    with recursive nested(id, via, depth) as (
      select gg.member_group_id, null::uuid, 1 from group_group_members gg where gg.group_id = ${groupId}
      union
      select gg.member_group_id, coalesce(n.via, n.id), n.depth + 1 from group_group_members gg
        join nested n on gg.group_id = n.id where n.depth < 64
    )
    select id, via, depth from nested order by depth`.execute(db)
  // the shortest path wins: a group reached directly is "direct" even if also nested deeper
  const reach = new Map<string, string | null>()
  for (const r of nested.rows) if (!reach.has(r.id)) reach.set(r.id, r.via)
  const groups = reach.size
    ? await db
        .selectFrom('security_groups')
        .select(['id', 'display_name as displayName'])
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', [...reach.keys()])
        .execute()
    : []
  const sources = [groupId, ...groups.map((g) => g.id)]
  const users = await db
    .selectFrom('group_user_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .where('m.group_id', 'in', sources)
    .where('u.tenant_id', '=', tenantId)
    .where('u.deleted_at', 'is', null)
    .select(['m.group_id as groupId', 'u.id', 'u.display_name as displayName', 'u.email', 'u.disabled'])
    .execute()
  const byUser = new Map<string, Member>()
  for (const u of users) {
    const via = u.groupId === groupId ? null : (reach.get(u.groupId) ?? u.groupId)
    const known = byUser.get(u.id)
    if (known && known.via === null) continue
    byUser.set(u.id, {
      kind: 'user',
      id: u.id,
      displayName: u.displayName,
      email: u.email,
      accountEnabled: !u.disabled,
      via,
    })
  }
  const members: Member[] = [
    ...groups.map((g) => ({
      kind: 'group' as const,
      id: g.id,
      displayName: g.displayName,
      email: null,
      accountEnabled: null,
      via: reach.get(g.id) ?? null,
    })),
    ...byUser.values(),
  ]
  return members.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id))
}

export interface Membership {
  group: DirectoryGroup
  /** null: a direct member; else the group (a direct membership) through which the member belongs. */
  via: string | null
}

/** The groups a user or group belongs to, directly (`transitive` false) or through nesting too. */
export async function memberOf(
  db: Db,
  tenantId: string,
  member: { kind: 'user' | 'group'; id: string },
  transitive: boolean,
): Promise<Membership[]> {
  const start =
    member.kind === 'user'
      ? sql`select m.group_id as id, null::uuid as via, 1 as depth from group_user_members m where m.user_id = ${member.id}`
      : sql`select gg.group_id as id, null::uuid as via, 1 as depth from group_group_members gg where gg.member_group_id = ${member.id}`
  const rows = await sql<{ id: string; via: string | null }>`
    with recursive up(id, via, depth) as (
      ${start}
      union
      select gg.group_id, coalesce(up.via, up.id), up.depth + 1 from group_group_members gg
        join up on gg.member_group_id = up.id where ${sql.lit(transitive)} and up.depth < 64
    )
    select distinct on (id) id, via from up order by id, depth`.execute(db)
  const groups = new Map((await groupsOf(db, tenantId)).map((g) => [g.id, g]))
  return rows.rows
    .filter((r) => groups.has(r.id))
    .map((r) => ({ group: groups.get(r.id)!, via: r.via }))
    .sort((a, b) => a.group.displayName.localeCompare(b.group.displayName))
}

/** Would nesting `memberGroupId` inside `groupId` make a cycle (is groupId already inside memberGroupId)? */
export async function wouldCycle(db: Db, groupId: string, memberGroupId: string): Promise<boolean> {
  if (groupId === memberGroupId) return true
  const row = await sql<{ found: boolean }>`
    with recursive inside(id) as (
      select gg.member_group_id from group_group_members gg where gg.group_id = ${memberGroupId}
      union
      select gg.member_group_id from group_group_members gg join inside i on gg.group_id = i.id
    )
    select exists (select 1 from inside where id = ${groupId}) as found`.execute(db)
  return row.rows[0]?.found === true
}
