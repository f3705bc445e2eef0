import { sql } from 'kysely'
import type { Db } from '../platform/db/database.ts'

/** One role a user holds in a customer tenant, and the chain that gives it. */
export interface AccessGrant {
  relationshipId: string
  relationshipName: string
  relationshipEndsAt: Date | null
  assignmentId: string
  groupId: string
  groupName: string
  roleId: string
  roleName: string
  filesM365Tickets: boolean
  filesAzureTickets: boolean
  readsServiceHealth: boolean
}

/**
 * Which GDAP roles does `userId` hold in `customerTenantId` at instant `at`, and through which
 * relationship, access assignment and (possibly nested) security group?
 *
 * A role reaches the user only through an *active* relationship between the user's own partner
 * tenant and the customer that has not passed its end, whose *active* access assignment gives
 * the role (one of the relationship's roles) to a group the user belongs to, directly or
 * through nesting. An `active` relationship past its end date is expired here, at once,
 * whether or not a job has updated its status yet.
 */
export async function resolveAccess(
  db: Db,
  userId: string,
  customerTenantId: string,
  at: Date = new Date(),
): Promise<AccessGrant[]> {
  const result = await sql<AccessGrant>`
    with recursive user_groups(group_id) as (
      select group_id from group_user_members where user_id = ${userId}
      union
      select g.group_id from group_group_members g join user_groups u on g.member_group_id = u.group_id
    )
    select r.id as "relationshipId",
           r.display_name as "relationshipName",
           r.end_at as "relationshipEndsAt",
           a.id as "assignmentId",
           sg.id as "groupId",
           sg.display_name as "groupName",
           d.id as "roleId",
           d.display_name as "roleName",
           d.files_m365_tickets as "filesM365Tickets",
           d.files_azure_tickets as "filesAzureTickets",
           d.reads_service_health as "readsServiceHealth"
      from users usr
      join gdap_relationships r on r.partner_tenant_id = usr.tenant_id
      join gdap_access_assignments a on a.relationship_id = r.id and a.status = 'active'
      join user_groups ug on ug.group_id = a.security_group_id
      join security_groups sg on sg.id = a.security_group_id
      join gdap_assignment_roles ar on ar.assignment_id = a.id
      join gdap_relationship_roles rr on rr.relationship_id = r.id and rr.role_id = ar.role_id
      join directory_roles d on d.id = ar.role_id
     where usr.id = ${userId}
       and usr.disabled = false
       and r.customer_tenant_id = ${customerTenantId}
       and r.status in ('active', 'expiring')
       and (r.end_at is null or r.end_at > ${at})
     order by r.display_name, sg.display_name, d.display_name
  `.execute(db)
  return result.rows
}
