import { recordAudit } from '../audit/audit.data.ts'
import { auditActor, type Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { inTransaction } from '../platform/db/in-transaction.ts'
import { isUuid } from '../platform/ids.ts'
import { CustomerError } from './customers.messages.ts'
import { commercePartnerOf, customerForActor } from './customers.service.ts'
import { type CustomerRecord, findCustomer } from './customers.data.ts'
import {
  domainTaken,
  emailTaken,
  findPartner,
  findRelationship,
  insertCustomerRelationship,
  insertCustomerTenant,
  type NewCustomerTenant,
  type PartnerSummary,
  providersOf,
} from './onboarding.data.ts'
import { isResellerOf } from './partner-relationships.data.ts'

/**
 * How a partner gains customers: it creates the customer's tenant (Partner Center's Create
 * Customer), or an existing tenant's administrator accepts its reseller relationship link; and how
 * the partner lets one go. Every change is audited in the transaction that makes it.
 */

export interface CreatedCustomer {
  customer: CustomerRecord
  /** Shown once: only the hash of the password is kept. */
  credentials: { userName: string; password: string }
}

/**
 * Creates the customer's tenant with its first administrator. A direct partner or an advisor
 * creates its own customer; an indirect provider creates it for one of its indirect resellers
 * (`associatedPartnerId`), which becomes the reseller of record; an indirect reseller cannot.
 */
export async function createCustomerAsActor(
  ctx: AppContext,
  actor: Actor,
  input: NewCustomerTenant & { associatedPartnerId?: string | undefined },
): Promise<CreatedCustomer> {
  const partnerId = commercePartnerOf(actor)
  const relationship = await relationshipForNewCustomer(ctx, actor, partnerId, input.associatedPartnerId)
  if (await domainTaken(ctx.db, input.domain)) {
    throw new CustomerError(409, 'domain_taken', { domain: input.domain })
  }
  if (await emailTaken(ctx.db, `admin@${input.domain}`)) {
    throw new CustomerError(409, 'admin_email_taken', { email: `admin@${input.domain}` })
  }
  const now = ctx.now()
  const created = await inTransaction(ctx.db, async (trx) => {
    const tenant = await insertCustomerTenant(trx, input, now)
    await insertCustomerRelationship(trx, { customerTenantId: tenant.tenantId, ...relationship }, now)
    await recordAudit(trx, {
      ...auditActor(actor),
      tenantId: tenant.tenantId,
      action: 'customer.create',
      targetType: 'tenant',
      targetId: tenant.tenantId,
      result: 'done',
      details: {
        companyName: input.companyName,
        domain: input.domain,
        country: input.country,
        partnerTenantId: relationship.partnerTenantId,
        indirectProviderTenantId: relationship.indirectProviderTenantId,
        relationship: relationship.relationship,
        adminUserId: tenant.adminUserId,
      },
    })
    return tenant
  })
  const customer = await findCustomer(ctx.db, partnerId, created.tenantId)
  return {
    customer: customer!,
    credentials: { userName: created.adminEmail, password: created.password },
  }
}

async function relationshipForNewCustomer(
  ctx: AppContext,
  actor: Actor,
  partnerId: string,
  associatedPartnerId: string | undefined,
) {
  switch (actor.partnerType) {
    case 'indirect_provider': {
      if (!associatedPartnerId) throw new CustomerError(400, 'associated_partner_required')
      if (!(await isResellerOf(ctx.db, partnerId, associatedPartnerId))) {
        throw new CustomerError(400, 'associated_partner_not_reseller', { tenant: associatedPartnerId })
      }
      return {
        partnerTenantId: associatedPartnerId,
        relationship: 'reseller' as const,
        indirectProviderTenantId: partnerId,
      }
    }
    case 'indirect_reseller':
      throw new CustomerError(403, 'reseller_cannot_create')
    default:
      if (associatedPartnerId) throw new CustomerError(400, 'associated_partner_not_allowed')
      return {
        partnerTenantId: partnerId,
        relationship: actor.partnerType === 'advisor' ? ('advisor' as const) : ('reseller' as const),
        indirectProviderTenantId: null,
      }
  }
}

/**
 * The link a customer's administrator opens to accept the partner as its reseller (or advisor).
 * An indirect reseller's link names the indirect provider it works with for the customer.
 */
export async function relationshipRequestAsActor(
  ctx: AppContext,
  actor: Actor,
  options: { indirectProviderId?: string | undefined },
): Promise<{ url: string }> {
  const partnerId = commercePartnerOf(actor)
  const url = new URL('/partner-invitation', ctx.config.publicUrl)
  url.searchParams.set('partnerId', partnerId)
  if (actor.partnerType === 'indirect_reseller') {
    const providers = await providersOf(ctx.db, partnerId)
    const provider = options.indirectProviderId ?? (providers.length === 1 ? providers[0] : undefined)
    if (!provider)
      throw new CustomerError(400, 'invitation_provider_required', { partner: actor.homeTenantName })
    if (!providers.includes(provider)) {
      throw new CustomerError(400, 'invitation_provider_invalid', {
        provider,
        partner: actor.homeTenantName,
      })
    }
    url.searchParams.set('indirectCSPId', provider)
  }
  return { url: url.toString() }
}

export interface InvitationView {
  partner: PartnerSummary
  indirectProvider: PartnerSummary | null
  relationship: 'reseller' | 'advisor'
  alreadyAccepted: boolean
}

function customerAdminTenantOf(actor: Actor): string {
  if (
    actor.principal !== 'user' ||
    actor.homeTenantKind !== 'customer' ||
    actor.delegated ||
    !actor.roles.includes('global_admin')
  ) {
    throw new CustomerError(403, 'invitation_customer_admin_only')
  }
  return actor.homeTenantId
}

/** What an invitation link offers the customer's administrator, checked before it is shown. */
export async function readInvitationAsActor(
  ctx: AppContext,
  actor: Actor,
  link: { partnerId: string; indirectProviderId?: string | undefined },
): Promise<InvitationView> {
  const customerTenantId = customerAdminTenantOf(actor)
  const partner = isUuid(link.partnerId) ? await findPartner(ctx.db, link.partnerId) : null
  if (!partner || partner.status !== 'active') {
    throw new CustomerError(404, 'invitation_unknown_partner', { partner: link.partnerId })
  }
  let indirectProvider: PartnerSummary | null = null
  if (partner.partnerType === 'indirect_reseller') {
    const providers = await providersOf(ctx.db, partner.tenantId)
    const providerId = link.indirectProviderId ?? (providers.length === 1 ? providers[0] : undefined)
    if (!providerId)
      throw new CustomerError(400, 'invitation_provider_required', { partner: partner.displayName })
    if (!providers.includes(providerId)) {
      throw new CustomerError(400, 'invitation_provider_invalid', {
        provider: providerId,
        partner: partner.displayName,
      })
    }
    indirectProvider = await findPartner(ctx.db, providerId)
  }
  return {
    partner,
    indirectProvider,
    relationship: partner.partnerType === 'advisor' ? 'advisor' : 'reseller',
    alreadyAccepted: (await findRelationship(ctx.db, customerTenantId, partner.tenantId)) !== null,
  }
}

/** The customer's administrator accepts: the partner (and its indirect provider) now serve the tenant. */
export async function acceptInvitationAsActor(
  ctx: AppContext,
  actor: Actor,
  link: { partnerId: string; indirectProviderId?: string | undefined },
): Promise<InvitationView> {
  const view = await readInvitationAsActor(ctx, actor, link)
  if (view.alreadyAccepted) {
    throw new CustomerError(409, 'invitation_already_accepted', { partner: view.partner.displayName })
  }
  await inTransaction(ctx.db, async (trx) => {
    await insertCustomerRelationship(
      trx,
      {
        customerTenantId: actor.homeTenantId,
        partnerTenantId: view.partner.tenantId,
        relationship: view.relationship,
        indirectProviderTenantId: view.indirectProvider?.tenantId ?? null,
      },
      ctx.now(),
    )
    await recordAudit(trx, {
      ...auditActor(actor),
      tenantId: actor.homeTenantId,
      action: 'customer.relationship.accept',
      targetType: 'partner',
      targetId: view.partner.tenantId,
      result: 'done',
      details: {
        relationship: view.relationship,
        indirectProviderTenantId: view.indirectProvider?.tenantId ?? null,
      },
    })
  })
  return { ...view, alreadyAccepted: true }
}

/**
 * The partner removes its reseller (or advisor) relationship with the customer. Refused while it
 * still sells the customer active subscriptions; GDAP relationships, orders, subscriptions and
 * tickets stay for the history.
 */
export async function removeRelationshipAsActor(
  ctx: AppContext,
  actor: Actor,
  customerTenantId: string,
): Promise<void> {
  const partnerId = commercePartnerOf(actor)
  const customer = await customerForActor(ctx, actor, customerTenantId)
  const selling = await ctx.db
    .selectFrom('subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', customer.tenantId)
    .where('status', '=', 'active')
    .where((w) => w.or([w('provider_tenant_id', '=', partnerId), w('reseller_tenant_id', '=', partnerId)]))
    .executeTakeFirstOrThrow()
  if (Number(selling.n) > 0) {
    throw new CustomerError(409, 'relationship_remove_subscriptions', { count: String(selling.n) })
  }
  await inTransaction(ctx.db, async (trx) => {
    const removed = await trx
      .deleteFrom('customer_relationships')
      .where('customer_tenant_id', '=', customer.tenantId)
      .where((w) =>
        w.or([w('partner_tenant_id', '=', partnerId), w('indirect_provider_tenant_id', '=', partnerId)]),
      )
      .returning(['partner_tenant_id', 'relationship', 'indirect_provider_tenant_id', 'created_at'])
      .execute()
    await recordAudit(trx, {
      ...auditActor(actor),
      tenantId: customer.tenantId,
      action: 'customer.relationship.remove',
      targetType: 'tenant',
      targetId: customer.tenantId,
      result: 'done',
      details: {
        removed: removed.map((r) => ({
          partnerTenantId: r.partner_tenant_id,
          relationship: r.relationship,
          indirectProviderTenantId: r.indirect_provider_tenant_id,
          since: r.created_at.toISOString(),
        })),
      },
    })
  })
}
