import { sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type { AzureRoleName } from '../platform/db/schema.ts'
import { isUuid } from '../platform/ids.ts'

/** Azure RBAC role assignments on a subscription, with the principal's type as ARM reports it. */

export type PrincipalType = 'User' | 'Group' | 'ForeignGroup'

export interface RoleAssignmentRecord {
  id: string
  subscriptionId: string
  principalId: string
  principalKind: 'user' | 'group'
  principalType: PrincipalType
  principalName: string
  roleName: AzureRoleName
  description: string | null
  createdAt: Date
  createdBy: string | null
}

function assignmentQuery(db: Db, subscriptionId: string) {
  return db
    .selectFrom('azure_role_assignments as a')
    .innerJoin('subscriptions as s', 's.id', 'a.subscription_id')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'a.principal_id').on('a.principal_kind', '=', 'user'))
    .leftJoin('security_groups as g', (j) =>
      j.onRef('g.id', '=', 'a.principal_id').on('a.principal_kind', '=', 'group'),
    )
    .leftJoin('tenants as gt', 'gt.id', 'g.tenant_id')
    .where('a.subscription_id', '=', subscriptionId)
    .select([
      'a.id',
      'a.subscription_id as subscriptionId',
      'a.principal_id as principalId',
      'a.principal_kind as principalKind',
      'a.role_name as roleName',
      'a.description',
      'a.created_at as createdAt',
      'a.created_by_user_id as createdBy',
      sql<PrincipalType>`case when a.principal_kind = 'user' then 'User' when g.tenant_id = s.tenant_id then 'Group' else 'ForeignGroup' end`.as(
        'principalType',
      ),
      sql<string>`coalesce(u.display_name, g.display_name || case when g.tenant_id <> s.tenant_id then ' (' || gt.display_name || ')' else '' end, '')`.as(
        'principalName',
      ),
    ])
}

export async function listAssignments(
  db: Db,
  subscriptionId: string,
  filter: { principalIds?: string[] | undefined } = {},
): Promise<RoleAssignmentRecord[]> {
  let query = assignmentQuery(db, subscriptionId)
  if (filter.principalIds) {
    if (filter.principalIds.length === 0) return []
    query = query.where('a.principal_id', 'in', filter.principalIds)
  }
  return query.orderBy('a.created_at').orderBy('a.id').execute()
}

export async function findAssignment(
  db: Db,
  subscriptionId: string,
  id: string,
): Promise<RoleAssignmentRecord | null> {
  if (!isUuid(id)) return null
  return (
    (await assignmentQuery(db, subscriptionId).where('a.id', '=', id.toLowerCase()).executeTakeFirst()) ??
    null
  )
}

/** The partners that serve a tenant (reseller, advisor or indirect provider): their groups may hold roles there. */
function servingPartners(db: Db, tenantId: string) {
  return db
    .selectFrom('customer_relationships')
    .select('partner_tenant_id')
    .where('customer_tenant_id', '=', tenantId)
    .union(
      db
        .selectFrom('customer_relationships')
        .select('indirect_provider_tenant_id as partner_tenant_id')
        .where('customer_tenant_id', '=', tenantId)
        .where('indirect_provider_tenant_id', 'is not', null)
        .$narrowType<{ partner_tenant_id: string }>(),
    )
}

export interface AssignablePrincipal {
  id: string
  type: PrincipalType
  displayName: string
  /** The principal's tenant (a foreign group's partner). */
  tenantName: string
}

/** Whom a subscription of `tenantId` can give a role to: its users and groups, and its partners' groups. */
export async function assignablePrincipals(db: Db, tenantId: string): Promise<AssignablePrincipal[]> {
  const users = await db
    .selectFrom('users as u')
    .innerJoin('tenants as t', 't.id', 'u.tenant_id')
    .select(['u.id', 'u.display_name as displayName', 't.display_name as tenantName'])
    .where('u.tenant_id', '=', tenantId)
    .where('u.deleted_at', 'is', null)
    .orderBy('u.display_name')
    .execute()
  const groups = await db
    .selectFrom('security_groups as g')
    .innerJoin('tenants as t', 't.id', 'g.tenant_id')
    .select([
      'g.id',
      'g.tenant_id as tenantId',
      'g.display_name as displayName',
      't.display_name as tenantName',
    ])
    .where((w) =>
      w.or([w('g.tenant_id', '=', tenantId), w('g.tenant_id', 'in', servingPartners(db, tenantId))]),
    )
    .orderBy('t.display_name')
    .orderBy('g.display_name')
    .execute()
  return [
    ...users.map((u) => ({ ...u, type: 'User' as const })),
    ...groups.map(({ tenantId: owner, ...g }) => ({
      ...g,
      type: owner === tenantId ? ('Group' as const) : ('ForeignGroup' as const),
    })),
  ]
}

/**
 * Who a principal id names, seen from a subscription's tenant: a user or group of that tenant, or
 * a group of a partner that serves it (reseller, advisor or indirect provider) — a foreign principal.
 */
export async function resolvePrincipal(
  db: Db,
  tenantId: string,
  principalId: string,
): Promise<{ kind: 'user' | 'group'; type: PrincipalType } | null> {
  if (!isUuid(principalId)) return null
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', principalId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst()
  if (user) return { kind: 'user', type: 'User' }
  const group = await db
    .selectFrom('security_groups')
    .select('tenant_id')
    .where('id', '=', principalId)
    .where((w) => w.or([w('tenant_id', '=', tenantId), w('tenant_id', 'in', servingPartners(db, tenantId))]))
    .executeTakeFirst()
  if (group) return { kind: 'group', type: group.tenant_id === tenantId ? 'Group' : 'ForeignGroup' }
  return null
}

/** The principals a user acts as: the user and every group it belongs to, directly or nested. */
export async function principalsOf(db: Db, userId: string): Promise<string[]> {
  const result = await sql<{ group_id: string }>`
    with recursive user_groups(group_id) as (
      select group_id from group_user_members where user_id = ${userId}
      union
      select g.group_id from group_group_members g join user_groups u on g.member_group_id = u.group_id
    )
    select group_id from user_groups`.execute(db)
  return [userId, ...result.rows.map((r) => r.group_id)]
}
