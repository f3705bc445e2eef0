import { recordAudit } from '../audit/audit.data.ts'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { CustomerError } from './customers.messages.ts'
import { customerForActor, partnerTenantOf, profilePartnerOf } from './customers.service.ts'
import {
  findPartnerByMpn,
  findPartnerProfile,
  type PartnerProfileRecord,
  updateSupportContact,
} from './partner-profile.data.ts'
import {
  customerPartnerRelationships,
  listPartnerRelationships,
  type PartnerRelationshipRecord,
  type PartnerRelationshipType,
} from './partner-relationships.data.ts'
import { findTenantProfile, type TenantProfile } from './profiles.data.ts'

/** The signed-in partner's own organization: company profile and partner record. */
export async function organizationProfileForActor(
  ctx: AppContext,
  actor: Actor,
): Promise<{ profile: TenantProfile; partner: PartnerProfileRecord }> {
  const tenantId = partnerTenantOf(actor)
  const [profile, partner] = await Promise.all([
    findTenantProfile(ctx.db, tenantId),
    findPartnerProfile(ctx.db, tenantId),
  ])
  return { profile: profile!, partner: partner! }
}

/** The partner's own MPN profile, or another partner's by MPN id (how a provider checks a reseller's id). */
export async function mpnProfileForActor(
  ctx: AppContext,
  actor: Actor,
  mpnId: string | undefined,
): Promise<PartnerProfileRecord> {
  const tenantId = partnerTenantOf(actor)
  if (mpnId === undefined) return (await findPartnerProfile(ctx.db, tenantId))!
  if (!/^\d{1,12}$/.test(mpnId)) throw new CustomerError(400, 'invalid_mpn_id', { value: mpnId })
  const partner = await findPartnerByMpn(ctx.db, mpnId)
  if (!partner) throw new CustomerError(404, 'unknown_mpn_id', { value: mpnId })
  return partner
}

export async function supportProfileForActor(ctx: AppContext, actor: Actor): Promise<PartnerProfileRecord> {
  return (await findPartnerProfile(ctx.db, partnerTenantOf(actor)))!
}

/** Changes the support contact R7 puts on the partner's tickets; audited in the same transaction. */
export async function updateSupportProfileAsActor(
  ctx: AppContext,
  actor: Actor,
  contact: { email: string; phone: string | null; website: string | null },
): Promise<PartnerProfileRecord> {
  const tenantId = profilePartnerOf(actor)
  const before = (await findPartnerProfile(ctx.db, tenantId))!
  await ctx.db.transaction().execute(async (trx) => {
    await updateSupportContact(trx, tenantId, contact)
    await recordAudit(trx, {
      actorUserId: actor.userId,
      actorEmail: actor.email,
      actorTenantId: tenantId,
      tenantId,
      action: 'partner.support_profile.update',
      targetType: 'partner',
      targetId: tenantId,
      result: 'done',
      details: {
        before: { email: before.supportEmail, phone: before.supportPhone, website: before.supportWebsite },
        after: contact,
      },
    })
  })
  return (await findPartnerProfile(ctx.db, tenantId))!
}

/** Partner ↔ partner relationships of the indirect model from the signed-in partner's side. */
export async function partnerRelationshipsForActor(
  ctx: AppContext,
  actor: Actor,
  types: PartnerRelationshipType[] | undefined,
  nameStartsWith?: string,
): Promise<PartnerRelationshipRecord[]> {
  const tenantId = partnerTenantOf(actor)
  const applicable: PartnerRelationshipType[] =
    actor.partnerType === 'indirect_provider'
      ? ['is_indirect_cloud_solution_provider_of']
      : actor.partnerType === 'indirect_reseller'
        ? ['is_indirect_reseller_of']
        : []
  return listPartnerRelationships(ctx.db, tenantId, types ?? applicable, { nameStartsWith })
}

/** The indirect-model partner on the other side of one customer (its reseller for the provider, its provider for the reseller). */
export async function customerPartnerRelationshipsForActor(
  ctx: AppContext,
  actor: Actor,
  customerTenantId: string,
): Promise<PartnerRelationshipRecord[]> {
  const customer = await customerForActor(ctx, actor, customerTenantId)
  return customerPartnerRelationships(ctx.db, partnerTenantOf(actor), customer.tenantId)
}
