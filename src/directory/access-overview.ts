import { sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'

/**
 * What membership lets people do in which customer: the GDAP roles that active access
 * assignments give to a set of groups (a user's groups, direct and nested, or one group), and the
 * Azure RBAC roles those groups or the user hold on customers' subscriptions. The directory pages
 * show it and link each customer to the access trace, which explains the whole chain.
 */

export interface CustomerAccess {
  customerTenantId: string
  customerName: string
  gdap: {
    relationshipId: string
    relationshipName: string
    status: string
    endAt: Date | null
    groupId: string
    groupName: string
    roles: string[]
  }[]
  azure: { subscriptionId: string; subscriptionName: string; role: string; groupName: string | null }[]
}

/** `groupIds`: the groups whose assignments count; `userId`: also the user's own RBAC assignments. */
export async function customerAccess(
  db: Db,
  partnerTenantId: string,
  groupIds: string[],
  userId: string | null,
  at: Date,
): Promise<CustomerAccess[]> {
  const byCustomer = new Map<string, CustomerAccess>()
  const entry = (id: string, name: string) => {
    let e = byCustomer.get(id)
    if (!e) byCustomer.set(id, (e = { customerTenantId: id, customerName: name, gdap: [], azure: [] }))
    return e
  }
  if (groupIds.length > 0) {
    const rows = await sql<{
      customerTenantId: string
      customerName: string
      relationshipId: string
      relationshipName: string
      status: string
      endAt: Date | null
      groupId: string
      groupName: string
      role: string
    }>`
      select r.customer_tenant_id as "customerTenantId", t.display_name as "customerName",
             r.id as "relationshipId", r.display_name as "relationshipName",
             case when r.end_at is not null and r.end_at <= ${at} and r.auto_extend_duration <> 'P180D' then 'expired' else r.status end as status,
             r.end_at as "endAt", g.id as "groupId", g.display_name as "groupName", dr.display_name as role
        from gdap_access_assignments a
        join gdap_relationships r on r.id = a.relationship_id
        join tenants t on t.id = r.customer_tenant_id
        join security_groups g on g.id = a.security_group_id
        join gdap_assignment_roles ar on ar.assignment_id = a.id
        join gdap_relationship_roles rr on rr.relationship_id = r.id and rr.role_id = ar.role_id
        join directory_roles dr on dr.id = ar.role_id
       where r.partner_tenant_id = ${partnerTenantId}
         and a.status = 'active'
         and r.status in ('active', 'expiring')
         and a.security_group_id in (${sql.join(groupIds)})
       order by t.display_name, r.display_name, g.display_name, dr.display_name`.execute(db)
    for (const row of rows.rows) {
      if (row.status === 'expired') continue
      const e = entry(row.customerTenantId, row.customerName)
      let link = e.gdap.find((x) => x.relationshipId === row.relationshipId && x.groupId === row.groupId)
      if (!link) {
        link = { ...row, roles: [] }
        e.gdap.push(link)
      }
      link.roles.push(row.role)
    }
  }
  const principals = [...groupIds, ...(userId ? [userId] : [])]
  if (principals.length > 0) {
    const rbac = await db
      .selectFrom('azure_role_assignments as ra')
      .innerJoin('subscriptions as s', 's.id', 'ra.subscription_id')
      .innerJoin('tenants as t', 't.id', 's.tenant_id')
      .leftJoin('security_groups as g', (j) =>
        j.onRef('g.id', '=', 'ra.principal_id').on('ra.principal_kind', '=', 'group'),
      )
      .select([
        's.tenant_id as customerTenantId',
        't.display_name as customerName',
        's.id as subscriptionId',
        's.friendly_name as subscriptionName',
        'ra.role_name as role',
        'g.display_name as groupName',
      ])
      .where('ra.principal_id', 'in', principals)
      .where('s.tenant_id', '<>', partnerTenantId)
      .where('s.status', '<>', 'deleted')
      .orderBy('t.display_name')
      .execute()
    for (const row of rbac)
      entry(row.customerTenantId, row.customerName).azure.push({
        subscriptionId: row.subscriptionId,
        subscriptionName: row.subscriptionName,
        role: row.role,
        groupName: row.groupName,
      })
  }
  return [...byCustomer.values()].sort((a, b) => a.customerName.localeCompare(b.customerName))
}
