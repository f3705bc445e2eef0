import { sql } from 'kysely'
import { customersOf } from '../customers/customers.data.ts'
import { activeIncidents } from '../health/incidents.seam.ts'
import type { UserRecord } from '../identity/users.data.ts'
import type { Db } from '../platform/db/database.ts'
import { isUuid } from '../platform/ids.ts'
import type { WorkloadId } from '../platform/db/schema.ts'
import type {
  ActorFacts,
  AssignmentFact,
  EntitlementFact,
  PartnerContactFact,
  PolicyFacts,
  ProductFact,
  RelationshipFact,
  SubscriptionFact,
  TargetFacts,
} from './facts.ts'

/**
 * Gathers the facts the support policy decides on. Every read is scoped: a partner reaches a
 * customer only through `customersOf`; anything else comes back as `null` (the caller answers 404).
 */

export function actorFacts(user: UserRecord): ActorFacts {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    phone: user.phone,
    locale: user.locale,
    tenantId: user.tenantId,
    tenantKind: user.tenantKind,
    tenantName: user.tenantName,
    tenantLocale: user.tenantLocale,
    partnerType: user.partnerType,
    roles: user.roles,
  }
}

/** The user's security groups: direct memberships and every group those are nested in. */
export async function groupIdsOf(db: Db, userId: string): Promise<string[]> {
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
    .selectFrom('gdap_relationships')
    .select(['id', 'display_name', 'status', 'end_at'])
    .where('partner_tenant_id', '=', partnerTenantId)
    .where('customer_tenant_id', '=', customerTenantId)
    .execute()
  if (relationships.length === 0) return { relationships: [], assignments: [] }
  const relIds = relationships.map((r) => r.id)
  const relRoles = await db
    .selectFrom('gdap_relationship_roles')
    .select(['relationship_id', 'role_id'])
    .where('relationship_id', 'in', relIds)
    .execute()
  const assignmentRows =
    groupIds.length === 0
      ? []
      : await db
          .selectFrom('gdap_access_assignments as a')
          .innerJoin('security_groups as g', 'g.id', 'a.security_group_id')
          .select(['a.id', 'a.relationship_id', 'a.status', 'g.id as groupId', 'g.display_name as groupName'])
          .where('a.relationship_id', 'in', relIds)
          .where('a.security_group_id', 'in', groupIds)
          .execute()
  const roleRows =
    assignmentRows.length === 0
      ? []
      : await db
          .selectFrom('gdap_assignment_roles as ar')
          .innerJoin('directory_roles as d', 'd.id', 'ar.role_id')
          .select([
            'ar.assignment_id',
            'd.id',
            'd.display_name as name',
            'd.files_m365_tickets as filesM365Tickets',
            'd.files_azure_tickets as filesAzureTickets',
            'd.reads_service_health as readsServiceHealth',
          ])
          .where(
            'ar.assignment_id',
            'in',
            assignmentRows.map((a) => a.id),
          )
          .execute()
  return {
    relationships: relationships.map((r) => ({
      id: r.id,
      name: r.display_name,
      status: r.status,
      endAt: r.end_at,
      roleIds: relRoles.filter((x) => x.relationship_id === r.id).map((x) => x.role_id),
    })),
    assignments: assignmentRows.map((a) => ({
      id: a.id,
      relationshipId: a.relationship_id,
      status: a.status,
      groupId: a.groupId,
      groupName: a.groupName,
      roles: roleRows.filter((x) => x.assignment_id === a.id).map(({ assignment_id: _, ...role }) => role),
    })),
  }
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
  return db
    .selectFrom('support_entitlements')
    .select(['id', 'kind', 'reference', 'description', 'valid_until as validUntil'])
    .where('partner_tenant_id', '=', partnerTenantId)
    .orderBy('created_at')
    .execute()
}

/** The partners that serve a customer tenant: its reseller or advisor, and a reseller's indirect provider. */
export async function partnersOfCustomer(db: Db, customerTenantId: string): Promise<PartnerContactFact[]> {
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

export interface FactsRequest {
  /** A customer tenant, or null for the actor's own tenant. */
  customerTenantId: string | null
  workload: WorkloadId
  productId?: string | undefined
}

/**
 * The facts for `user` acting for `customerTenantId` (or in their own tenant). Answers null when
 * the target is not one the actor may address at all (another partner's customer, another tenant):
 * the caller then answers 404 without revealing that the tenant exists.
 */
export async function gatherFacts(
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
    if (user.tenantKind !== 'partner') return null
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
    azureRoles = await azureRolesOf(
      db,
      user.id,
      groupIds,
      subscriptions.filter((s) => s.workload === 'azure').map((s) => s.id),
    )
  }
  if (ownTenant && user.tenantKind === 'partner') {
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
    products: await productsFor(db, target.subscriptions, request.productId),
    incidents: await activeIncidents(db, target.tenantId, request.workload, now),
  }
}
