/**
 * The policy's facts as they were gathered before issue 12: one query per fact (groups, target,
 * subscriptions, relationships, assignments, Azure roles, products, entitlements, partners,
 * incidents). Kept for the test only: the one-statement `gatherFacts` must answer the same facts.
 */
import { sql } from 'kysely'
import { customersOf } from '../../src/customers/customers.data.ts'
import { activeIncidents } from '../../src/health/active-incidents.ts'
import { findVendorName } from '../../src/identity/vendor.data.ts'
import type { UserRecord } from '../../src/identity/users.data.ts'
import type { Db } from '../../src/platform/db/database.ts'
import { isUuid } from '../../src/platform/ids.ts'
import { actorFacts, type FactsRequest } from '../../src/policy/policy.data.ts'
import type {
  AssignmentFact,
  RoleFact,
  EntitlementFact,
  PartnerContactFact,
  PolicyFacts,
  ProductFact,
  RelationshipFact,
  SubscriptionFact,
  TargetFacts,
} from '../../src/policy/facts.ts'

/** The user's security groups: direct memberships and every group those are nested in. */
async function groupIdsOf(db: Db, userId: string): Promise<string[]> {
  const result = await sql<{ group_id: string }>`
    with recursive user_groups(group_id) as (
      select group_id from group_user_members where user_id = ${userId}
      union
      select g.group_id from group_group_members g join user_groups u on g.member_group_id = u.group_id
    )
    select group_id from user_groups`.execute(db)
  return result.rows.map((r) => r.group_id)
}

async function subscriptionsOf(db: Db, tenantId: string): Promise<SubscriptionFact[]> {
  const rows = await db
    .selectFrom('subscriptions as s')
    .leftJoin('tenants as p', 'p.id', 's.provider_tenant_id')
    .select([
      's.id',
      's.tenant_id as tenantId',
      's.workload_id as workload',
      's.friendly_name as friendlyName',
      's.channel',
      's.billing',
      's.status',
      's.provider_tenant_id as providerTenantId',
      'p.display_name as providerName',
      's.reseller_tenant_id as resellerTenantId',
      's.marketplace_product_id as productId',
    ])
    .where('s.tenant_id', '=', tenantId)
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute()
  return rows
}

async function productsFor(
  db: Db,
  subscriptions: SubscriptionFact[],
  productId?: string,
): Promise<ProductFact[]> {
  const requested = productId && isUuid(productId) ? [productId] : []
  const ids = [
    ...new Set([...subscriptions.map((s) => s.productId), ...requested].filter((x): x is string => !!x)),
  ]
  if (ids.length === 0) return []
  return db
    .selectFrom('marketplace_products')
    .select([
      'id',
      'name',
      'isv_name as isvName',
      'support_url as supportUrl',
      'support_email as supportEmail',
      'support_phone as supportPhone',
    ])
    .where('id', 'in', ids)
    .execute()
}

async function gdapFacts(
  db: Db,
  partnerTenantId: string,
  customerTenantId: string,
  groupIds: string[],
): Promise<{ relationships: RelationshipFact[]; assignments: AssignmentFact[] }> {
  const relationships = await db
    .selectFrom('gdap_relationships as r')
    .select([
      'r.id',
      'r.display_name as name',
      'r.status',
      'r.end_at as endAt',
      'r.auto_extend_duration as autoExtendDuration',
      'r.approval_requested_at as approvalRequestedAt',
      sql<
        string[]
      >`coalesce((select array_agg(rr.role_id::text) from gdap_relationship_roles rr where rr.relationship_id = r.id), '{}')`.as(
        'roleIds',
      ),
    ])
    .where('r.partner_tenant_id', '=', partnerTenantId)
    .where('r.customer_tenant_id', '=', customerTenantId)
    .execute()
  if (relationships.length === 0 || groupIds.length === 0) return { relationships, assignments: [] }
  const assignments = await db
    .selectFrom('gdap_access_assignments as a')
    .innerJoin('security_groups as g', 'g.id', 'a.security_group_id')
    .select([
      'a.id',
      'a.relationship_id as relationshipId',
      'a.status',
      'g.id as groupId',
      'g.display_name as groupName',
      sql<RoleFact[]>`coalesce((
        select json_agg(json_build_object(
          'id', d.id, 'name', d.display_name, 'filesM365Tickets', d.files_m365_tickets,
          'readsServiceHealth', d.reads_service_health))
          from gdap_assignment_roles ar join directory_roles d on d.id = ar.role_id
         where ar.assignment_id = a.id), '[]')`.as('roles'),
    ])
    .where(
      'a.relationship_id',
      'in',
      relationships.map((r) => r.id),
    )
    .where('a.security_group_id', 'in', groupIds)
    .execute()
  return { relationships, assignments }
}

async function azureRolesOf(
  db: Db,
  userId: string,
  groupIds: string[],
  subscriptionIds: string[],
): Promise<PolicyFacts['azureRoles']> {
  if (subscriptionIds.length === 0) return []
  return db
    .selectFrom('azure_role_assignments')
    .select(['subscription_id as subscriptionId', 'role_name as roleName'])
    .where('subscription_id', 'in', subscriptionIds)
    .where((w) =>
      w.or([
        w.and([w('principal_kind', '=', 'user'), w('principal_id', '=', userId)]),
        ...(groupIds.length
          ? [w.and([w('principal_kind', '=', 'group'), w('principal_id', 'in', groupIds)])]
          : []),
      ]),
    )
    .execute()
}

async function entitlementsOf(db: Db, partnerTenantId: string): Promise<EntitlementFact[]> {
  return (
    db
      .selectFrom('support_entitlements')
      .select(['id', 'kind', 'reference', 'description', 'valid_until as validUntil'])
      .where('partner_tenant_id', '=', partnerTenantId)
      // a removed entitlement stays for the requests filed under it, but covers nothing new (R13)
      .where('removed_at', 'is', null)
      .orderBy('created_at')
      .execute()
  )
}

/** The partners that serve a customer tenant: its reseller or advisor, and a reseller's indirect provider. */
async function partnersOfCustomer(db: Db, customerTenantId: string): Promise<PartnerContactFact[]> {
  const rows = await db
    .selectFrom('customer_relationships as cr')
    .innerJoin('tenants as t', 't.id', 'cr.partner_tenant_id')
    .innerJoin('partners as p', 'p.tenant_id', 'cr.partner_tenant_id')
    .leftJoin('tenants as it', 'it.id', 'cr.indirect_provider_tenant_id')
    .leftJoin('partners as ip', 'ip.tenant_id', 'cr.indirect_provider_tenant_id')
    .select([
      'cr.partner_tenant_id as tenantId',
      't.display_name as name',
      'p.support_email as email',
      'p.support_phone as phone',
      'cr.relationship',
      'cr.indirect_provider_tenant_id as providerId',
      'it.display_name as providerName',
      'ip.support_email as providerEmail',
      'ip.support_phone as providerPhone',
    ])
    .where('cr.customer_tenant_id', '=', customerTenantId)
    .orderBy('cr.created_at')
    .execute()
  return rows.flatMap((r) => [
    { tenantId: r.tenantId, name: r.name, email: r.email, phone: r.phone, relationship: r.relationship },
    ...(r.providerId
      ? [
          {
            tenantId: r.providerId,
            name: r.providerName ?? '',
            email: r.providerEmail,
            phone: r.providerPhone,
            relationship: 'indirect_provider' as const,
          },
        ]
      : []),
  ])
}

export async function gatherFactsStepwise(
  db: Db,
  user: UserRecord,
  request: FactsRequest,
  now: Date,
): Promise<PolicyFacts | null> {
  const actor = actorFacts(user)
  const ownTenant = request.customerTenantId === null || request.customerTenantId === user.tenantId
  let target: TargetFacts
  let gdap: { relationships: RelationshipFact[]; assignments: AssignmentFact[] } = {
    relationships: [],
    assignments: [],
  }
  let azureRoles: PolicyFacts['azureRoles'] = []
  const groupIds = user.tenantKind === 'partner' ? await groupIdsOf(db, user.id) : []

  if (ownTenant) {
    const subscriptions = await subscriptionsOf(db, user.tenantId)
    target = {
      kind: 'own',
      tenantId: user.tenantId,
      tenantName: user.tenantName,
      subscriptions,
      entitlements: user.tenantKind === 'partner' ? await entitlementsOf(db, user.tenantId) : [],
      partners: user.tenantKind === 'customer' ? await partnersOfCustomer(db, user.tenantId) : [],
    }
  } else {
    if (user.tenantKind !== 'partner' || !isUuid(request.customerTenantId!)) return null
    const customer = await db
      .selectFrom('tenants')
      .select(['id', 'display_name'])
      .where('kind', '=', 'customer')
      .where('id', '=', request.customerTenantId!)
      .where('id', 'in', customersOf(db, user.tenantId))
      .executeTakeFirst()
    if (!customer) return null
    const subscriptions = await subscriptionsOf(db, customer.id)
    target = { kind: 'customer', tenantId: customer.id, tenantName: customer.display_name, subscriptions }
    gdap = await gdapFacts(db, user.tenantId, customer.id, groupIds)
  }
  // Azure RBAC matters only to Azure decisions (R6)
  if (request.workload === 'azure' && user.tenantKind === 'partner') {
    azureRoles = await azureRolesOf(
      db,
      user.id,
      groupIds,
      target.subscriptions.filter((s) => s.workload === 'azure').map((s) => s.id),
    )
  }
  return {
    now,
    actor,
    target,
    relationships: gdap.relationships,
    assignments: gdap.assignments,
    azureRoles,
    // marketplace products matter only to R11
    products:
      request.workload === 'marketplace'
        ? await productsFor(db, target.subscriptions, request.productId)
        : [],
    incidents: await activeIncidents(db, target.tenantId, request.workload, now),
    vendorName: await findVendorName(db),
  }
}
