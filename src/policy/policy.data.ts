import { type RawBuilder, sql } from 'kysely'
import type { UserRecord } from '../identity/users.data.ts'
import type { Db } from '../platform/db/database.ts'
import { CompiledOnce, type Slots } from '../platform/db/compiled-once.ts'
import { prepared } from '../platform/db/prepared.ts'
import { isUuid } from '../platform/ids.ts'
import type { WorkloadId } from '../platform/db/schema.ts'
import type {
  ActorFacts,
  AssignmentFact,
  EntitlementFact,
  IncidentFact,
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

export interface FactsRequest {
  /** A customer tenant, or null for the actor's own tenant. */
  customerTenantId: string | null
  workload: WorkloadId
  productId?: string | undefined
}

/**
 * Facts about the actor alone: enough for decisions on reading or following an existing request
 * in the actor's own scope, which depend on who asks, not on the target's subscriptions or GDAP.
 */
export function actorOnlyFacts(user: UserRecord, now: Date): PolicyFacts {
  return {
    now,
    actor: actorFacts(user),
    target: {
      kind: 'own',
      tenantId: user.tenantId,
      tenantName: user.tenantName,
      subscriptions: [],
      entitlements: [],
      partners: [],
    },
    relationships: [],
    assignments: [],
    azureRoles: [],
    products: [],
    incidents: [],
  }
}

/** What the one statement of `gatherFacts` answers; JSON keeps timestamps as text. */
interface FactsRow {
  targetId: string | null
  vendorName: string | null
  targetName: string | null
  subscriptions: SubscriptionFact[]
  relationships: (Omit<RelationshipFact, 'endAt' | 'approvalRequestedAt'> & {
    endAt: string | null
    approvalRequestedAt: string | null
  })[]
  assignments: AssignmentFact[]
  azureRoles: PolicyFacts['azureRoles']
  products: ProductFact[]
  entitlements: EntitlementFact[]
  partners: {
    tenantId: string
    name: string
    email: string | null
    phone: string | null
    relationship: 'reseller' | 'advisor'
    providerId: string | null
    providerName: string | null
    providerEmail: string | null
    providerPhone: string | null
  }[]
  incidents: (Omit<IncidentFact, 'startedAt' | 'workload'> & { startedAt: string })[]
}

const none = sql`'[]'::json`
const dateOf = (value: string | null) => (value === null ? null : new Date(value))

/**
 * The statement that gathers every fact at once: each fact a JSON aggregate over the target (a
 * CTE), so a decision costs one round trip whatever it needs. Parts a question cannot use are
 * left out (they answer `[]`); lists keep the orders the policy reads them in.
 */
/** What the facts statement's text depends on; everything else is a value. */
interface FactsShape {
  own: boolean
  tenantKind: UserRecord['tenantKind']
  azure: boolean
  marketplace: boolean
  /** Whether a marketplace product was asked about (R11). */
  requested: boolean
}

interface FactsValues extends Record<string, unknown> {
  userId: string
  tenantId: string
  customerTenantId: string | null
  workload: WorkloadId
  productId: string | null
}

function factsStatement(v: Slots<FactsValues>, shape: FactsShape): RawBuilder<FactsRow> {
  const { own } = shape
  const partner = shape.tenantKind === 'partner'
  const user = { id: v.userId, tenantId: v.tenantId, tenantKind: shape.tenantKind }
  const request = { customerTenantId: v.customerTenantId, workload: v.workload }
  const target = own
    ? sql`select t.id, t.display_name from tenants t where t.id = ${user.tenantId}`
    : // a partner reaches a customer only through customers.data.ts's scope (customersOf)
      sql`select t.id, t.display_name from tenants t
           where t.kind = 'customer' and t.id = ${request.customerTenantId}
             and t.id in (select scope.customer_tenant_id from customer_relationships scope
                           where scope.partner_tenant_id = ${user.tenantId}
                              or scope.indirect_provider_tenant_id = ${user.tenantId})`
  // the user's security groups: direct memberships and every group those are nested in
  const groups = partner
    ? sql`select group_id from group_user_members where user_id = ${user.id}
          union
          select g.group_id from group_group_members g join user_groups u on g.member_group_id = u.group_id`
    : sql`select group_id from group_user_members where false`
  const relationshipsOfTarget = sql`gdap_relationships r
     where r.partner_tenant_id = ${user.tenantId} and r.customer_tenant_id = (select id from target)`
  const relationships = own
    ? none
    : sql`(select coalesce(json_agg(json_build_object(
          'id', r.id, 'name', r.display_name, 'status', r.status, 'endAt', r.end_at,
          'autoExtendDuration', r.auto_extend_duration, 'approvalRequestedAt', r.approval_requested_at,
          'roleIds', coalesce((select array_agg(rr.role_id::text) from gdap_relationship_roles rr
                                where rr.relationship_id = r.id), '{}'))
          order by r.created_at, r.id), '[]') from ${relationshipsOfTarget})`
  const assignments =
    own || !partner
      ? none
      : sql`(select coalesce(json_agg(json_build_object(
          'id', a.id, 'relationshipId', a.relationship_id, 'status', a.status,
          'groupId', g.id, 'groupName', g.display_name,
          'roles', coalesce((select json_agg(json_build_object(
              'id', d.id, 'name', d.display_name, 'filesM365Tickets', d.files_m365_tickets,
              'readsServiceHealth', d.reads_service_health))
            from gdap_assignment_roles ar join directory_roles d on d.id = ar.role_id
           where ar.assignment_id = a.id), '[]'))
          order by a.created_at, a.id), '[]')
          from gdap_access_assignments a join security_groups g on g.id = a.security_group_id
         where a.relationship_id in (select r.id from ${relationshipsOfTarget})
           and a.security_group_id in (select group_id from user_groups))`
  // Azure RBAC matters only to Azure decisions (R6)
  const azureRoles =
    shape.azure && partner
      ? sql`(select coalesce(json_agg(json_build_object(
            'subscriptionId', a.subscription_id, 'roleName', a.role_name) order by a.created_at, a.id), '[]')
            from azure_role_assignments a
           where a.subscription_id in (select s.id from subscriptions s
                                        where s.tenant_id = (select id from target) and s.workload_id = 'azure')
             and ((a.principal_kind = 'user' and a.principal_id = ${user.id})
               or (a.principal_kind = 'group' and a.principal_id in (select group_id from user_groups))))`
      : none
  // marketplace products matter only to R11
  const products = shape.marketplace
    ? sql`(select coalesce(json_agg(json_build_object(
            'id', m.id, 'name', m.name, 'isvName', m.isv_name, 'supportUrl', m.support_url,
            'supportEmail', m.support_email, 'supportPhone', m.support_phone) order by m.name, m.id), '[]')
            from marketplace_products m
           where m.id in (select s.marketplace_product_id from subscriptions s where s.tenant_id = (select id from target))
              ${shape.requested ? sql`or m.id = ${v.productId}` : sql``})`
    : none
  // a removed entitlement stays for the requests filed under it, but covers nothing new (R13)
  const entitlements =
    own && partner
      ? sql`(select coalesce(json_agg(json_build_object(
            'id', e.id, 'kind', e.kind, 'reference', e.reference, 'description', e.description,
            'validUntil', e.valid_until) order by e.created_at), '[]')
            from support_entitlements e where e.partner_tenant_id = ${user.tenantId} and e.removed_at is null)`
      : none
  // for a customer administrator: its reseller or advisor, and a reseller's indirect provider (R10)
  const partners =
    own && user.tenantKind === 'customer'
      ? sql`(select coalesce(json_agg(json_build_object(
            'tenantId', cr.partner_tenant_id, 'name', t.display_name, 'email', p.support_email,
            'phone', p.support_phone, 'relationship', cr.relationship,
            'providerId', cr.indirect_provider_tenant_id, 'providerName', it.display_name,
            'providerEmail', ip.support_email, 'providerPhone', ip.support_phone) order by cr.created_at), '[]')
            from customer_relationships cr
            join tenants t on t.id = cr.partner_tenant_id
            join partners p on p.tenant_id = cr.partner_tenant_id
            left join tenants it on it.id = cr.indirect_provider_tenant_id
            left join partners ip on ip.tenant_id = cr.indirect_provider_tenant_id
           where cr.customer_tenant_id = ${user.tenantId})`
      : none
  // R4: the unresolved incidents affecting the target in the workload (health.data.ts's order)
  const incidents = shape.marketplace
    ? none
    : sql`(select coalesce(json_agg(json_build_object(
            'id', i.id, 'title', i.title, 'status', i.status, 'startedAt', i.start_at)
            order by i.is_resolved, i.start_at desc, i.id), '[]')
            from (select i.* from incidents i
                   where i.is_resolved = false
                     and (i.all_tenants or exists (select 1 from incident_tenants it
                           where it.tenant_id = (select id from target) and it.incident_id = i.id))
                     and exists (select 1 from incident_services s join health_services hs on hs.id = s.service_id
                                  where s.incident_id = i.id and hs.workload_id = ${request.workload})
                   order by i.is_resolved, i.start_at desc, i.id limit 50) i)`
  return sql<FactsRow>`${prepared} with recursive user_groups(group_id) as (${groups}), target as (${target})
    select (select id from target) as "targetId", (select display_name from target) as "targetName",
      (select coalesce(json_agg(json_build_object(
          'id', s.id, 'tenantId', s.tenant_id, 'workload', s.workload_id, 'friendlyName', s.friendly_name,
          'channel', s.channel, 'billing', s.billing, 'status', s.status,
          'providerTenantId', s.provider_tenant_id, 'providerName', p.display_name,
          'resellerTenantId', s.reseller_tenant_id, 'productId', s.marketplace_product_id)
          order by s.created_at, s.id), '[]')
         from subscriptions s left join tenants p on p.id = s.provider_tenant_id
        where s.tenant_id = (select id from target)) as subscriptions,
      ${relationships} as relationships, ${assignments} as assignments, ${azureRoles} as "azureRoles",
      ${products} as products, ${entitlements} as entitlements, ${partners} as partners,
      ${incidents} as incidents,
      -- the messages name the vendor ("Contoso Cloud"), never "the vendor"
      (select v.display_name from tenants v where v.kind = 'vendor' order by v.created_at limit 1) as "vendorName"`
}

/** The facts statement of each shape, built and compiled once. */
const facts = new CompiledOnce<FactsValues, FactsRow>((slots, shape, db) =>
  factsStatement(slots, JSON.parse(shape) as FactsShape).compile(db),
)

/**
 * The facts for `user` acting for `customerTenantId` (or in their own tenant), read in one
 * statement. Answers null when the target is not one the actor may address at all (another
 * partner's customer, another tenant): the caller then answers 404 without revealing that the
 * tenant exists.
 */
export async function gatherFacts(
  db: Db,
  user: UserRecord,
  request: FactsRequest,
  now: Date,
): Promise<PolicyFacts | null> {
  const own = request.customerTenantId === null || request.customerTenantId === user.tenantId
  if (!own && (user.tenantKind !== 'partner' || !isUuid(request.customerTenantId!))) return null
  const requested = request.productId && isUuid(request.productId) ? request.productId : null
  const shape: FactsShape = {
    own,
    tenantKind: user.tenantKind,
    azure: request.workload === 'azure',
    marketplace: request.workload === 'marketplace',
    requested: requested !== null,
  }
  const { rows } = await facts.execute(db, JSON.stringify(shape), {
    userId: user.id,
    tenantId: user.tenantId,
    customerTenantId: request.customerTenantId,
    workload: request.workload,
    productId: requested,
  })
  const row = rows[0]!
  if (!own && !row.targetId) return null
  const target: TargetFacts = own
    ? {
        kind: 'own',
        tenantId: user.tenantId,
        tenantName: user.tenantName,
        subscriptions: row.subscriptions,
        entitlements: row.entitlements,
        partners: row.partners.flatMap((r): PartnerContactFact[] => [
          {
            tenantId: r.tenantId,
            name: r.name,
            email: r.email,
            phone: r.phone,
            relationship: r.relationship,
          },
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
        ]),
      }
    : {
        kind: 'customer',
        tenantId: row.targetId!,
        tenantName: row.targetName!,
        subscriptions: row.subscriptions,
      }
  return {
    now,
    actor: actorFacts(user),
    target,
    relationships: row.relationships.map((r) => ({
      ...r,
      endAt: dateOf(r.endAt),
      approvalRequestedAt: dateOf(r.approvalRequestedAt),
    })),
    assignments: row.assignments,
    azureRoles: row.azureRoles,
    products: row.products,
    incidents: row.incidents.map((i) => ({
      id: i.id,
      title: i.title,
      status: i.status,
      workload: request.workload,
      startedAt: new Date(i.startedAt),
    })),
    vendorName: row.vendorName,
  }
}
