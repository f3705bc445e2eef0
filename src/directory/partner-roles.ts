import { sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'
import type { PartnerRole, UserRole } from '../platform/db/schema.ts'

/**
 * Partner roles are what Partner Center makes them: membership (direct, or through nested groups)
 * of the partner's AdminAgents, HelpdeskAgents and SalesAgents security groups. A group says which
 * role it confers in `security_groups.partner_role`; the other roles (global_admin, billing_admin,
 * support_engineer, …) stay rows of `user_roles`.
 */
export const PARTNER_ROLES: readonly PartnerRole[] = ['admin_agent', 'helpdesk_agent', 'sales_agent']

export const isPartnerRole = (role: string): role is PartnerRole =>
  (PARTNER_ROLES as readonly string[]).includes(role)

/** The names Partner Center gives the role groups of a new partner (the demo world keeps "Admin Agents"). */
export const ROLE_GROUP_NAMES: Record<PartnerRole, string> = {
  admin_agent: 'AdminAgents',
  helpdesk_agent: 'HelpdeskAgents',
  sales_agent: 'SalesAgents',
}

export const ROLE_GROUP_DESCRIPTIONS: Record<PartnerRole, string> = {
  admin_agent: 'Members are admin agents: they administer customers and file requests on their behalf.',
  helpdesk_agent: 'Members are helpdesk agents: they follow the partner’s service requests.',
  sales_agent: 'Members are sales agents: they look after customers and subscriptions.',
}

/**
 * The roles of the user `userIdColumn` (a column reference such as `u.id`, of a user in tenant
 * `tenantIdColumn`): the user's own role rows plus the partner role of every group they belong
 * to, directly or nested. The recursion starts from the one user, so it costs their memberships only.
 */
export function effectiveRolesSql(userIdColumn: string, tenantIdColumn: string) {
  const userId = sql.ref(userIdColumn)
  const tenantId = sql.ref(tenantIdColumn)
  return sql<UserRole[]>`coalesce((select array_agg(x.role order by x.role) from (
      select r.role from user_roles r
       where r.user_id = ${userId} and r.role not in ('admin_agent', 'helpdesk_agent', 'sales_agent')
      union
      select g.partner_role from security_groups g
       where g.tenant_id = ${tenantId} and g.partner_role is not null and g.id in (
         with recursive ug(group_id) as (
           select m.group_id from group_user_members m where m.user_id = ${userId}
           union
           select gg.group_id from group_group_members gg join ug on gg.member_group_id = ug.group_id
         )
         select group_id from ug)
    ) x), '{}')`
}

/** The enabled users of a partner tenant that hold a partner role (members of its role group, nested too). */
export async function partnerRoleHolders(db: Db, tenantId: string, role: PartnerRole): Promise<string[]> {
  const result = await sql<{ id: string }>`
    with recursive groups(id) as (
      select id from security_groups where tenant_id = ${tenantId} and partner_role = ${role}
      union
      select gg.member_group_id from group_group_members gg join groups g on gg.group_id = g.id
    )
    select distinct u.id from group_user_members m
      join groups g on g.id = m.group_id
      join users u on u.id = m.user_id and not u.disabled and u.tenant_id = ${tenantId}
     order by u.id`.execute(db)
  return result.rows.map((r) => r.id)
}
