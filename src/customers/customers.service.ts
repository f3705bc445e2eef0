import type { Actor } from '../identity/actor.ts'
import { listRelationships, type RelationshipSummary } from '../gdap/relationships.data.ts'
import type { AppContext } from '../platform/context.ts'
import type { UserRole } from '../platform/db/schema.ts'
import { notFound, partnerOnly } from '../platform/errors.ts'
import { CustomerError } from './customers.messages.ts'
import { type CustomerRecord, findCustomer, listCustomers, type Page } from './customers.data.ts'
import { listSubscriptions, type SubscriptionRecord } from './subscriptions.data.ts'

const PARTNER_CENTER_ROLES = new Set([
  'admin_agent',
  'helpdesk_agent',
  'sales_agent',
  'global_admin',
  'billing_admin',
])

/** The partner tenant an actor may read customers for: a partner user in their own context. */
export function partnerTenantOf(actor: Actor): string {
  if (actor.homeTenantKind !== 'partner' || actor.delegated) throw partnerOnly()
  if (!actor.roles.some((r) => PARTNER_CENTER_ROLES.has(r))) throw partnerOnly()
  return actor.homeTenantId
}

/** Partner Center's commerce roles: who creates customers, places orders and manages subscriptions. */
const COMMERCE_ROLES = new Set<UserRole>(['admin_agent', 'sales_agent', 'global_admin'])
const PROFILE_ROLES = new Set<UserRole>(['admin_agent', 'global_admin'])

/** The partner tenant an actor may change customers, orders and subscriptions for. */
export function commercePartnerOf(actor: Actor): string {
  const partner = partnerTenantOf(actor)
  if (!actor.roles.some((r) => COMMERCE_ROLES.has(r))) throw new CustomerError(403, 'commerce_role_required')
  return partner
}

/** The partner tenant whose own profiles an actor may change. */
export function profilePartnerOf(actor: Actor): string {
  const partner = partnerTenantOf(actor)
  if (!actor.roles.some((r) => PROFILE_ROLES.has(r))) throw new CustomerError(403, 'profile_admin_required')
  return partner
}

export function customersForActor(
  ctx: AppContext,
  actor: Actor,
  options: { offset: number; limit: number; nameStartsWith?: string | undefined },
): Promise<Page<CustomerRecord>> {
  return listCustomers(ctx.db, partnerTenantOf(actor), options)
}

/** A customer of the actor's partner; any other tenant answers not found (it is not revealed). */
export async function customerForActor(
  ctx: AppContext,
  actor: Actor,
  customerTenantId: string,
): Promise<CustomerRecord> {
  const customer = await findCustomer(ctx.db, partnerTenantOf(actor), customerTenantId)
  if (!customer) throw notFound()
  return customer
}

export async function subscriptionsForActor(
  ctx: AppContext,
  actor: Actor,
  customerTenantId: string,
  options: { onlySoldByPartner: boolean },
): Promise<SubscriptionRecord[]> {
  const customer = await customerForActor(ctx, actor, customerTenantId)
  return listSubscriptions(ctx.db, partnerTenantOf(actor), customer.tenantId, options)
}

export async function relationshipsForActor(
  ctx: AppContext,
  actor: Actor,
  customerTenantId: string,
): Promise<RelationshipSummary[]> {
  const customer = await customerForActor(ctx, actor, customerTenantId)
  return listRelationships(ctx.db, partnerTenantOf(actor), customer.tenantId, ctx.now())
}
