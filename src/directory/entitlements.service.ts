import { randomUUID } from 'node:crypto'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import type { EntitlementKind } from '../platform/db/schema.ts'
import { isUuid } from '../platform/ids.ts'
import { auditedChange } from './audited.ts'
import { adminTenantOf, directoryTenantOf } from './directory-access.ts'
import { DirectoryError } from './directory.messages.ts'

/**
 * A partner's own support entitlements (R13): the partner program agreement, a Premier contract,
 * an Azure support plan — what covers requests about the partner's own subscriptions. Removing
 * one keeps it for the requests filed under it; the policy stops offering it.
 */

export const ENTITLEMENT_KINDS: readonly EntitlementKind[] = [
  'partner_agreement',
  'premier',
  'azure_support_plan',
]

export interface Entitlement {
  id: string
  kind: EntitlementKind
  reference: string
  description: string
  validUntil: string | null
  createdAt: Date
}

function partnerTenantOf(actor: Actor, write: boolean): string {
  const tenantId = write ? adminTenantOf(actor) : directoryTenantOf(actor)
  if (actor.homeTenantKind !== 'partner') throw new DirectoryError(403, 'directory_admin_required')
  return tenantId
}

export async function listEntitlements(ctx: AppContext, actor: Actor): Promise<Entitlement[]> {
  return ctx.db
    .selectFrom('support_entitlements')
    .select([
      'id',
      'kind',
      'reference',
      'description',
      'valid_until as validUntil',
      'created_at as createdAt',
    ])
    .where('partner_tenant_id', '=', partnerTenantOf(actor, false))
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .execute()
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

function checkDate(value: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(value)))
    throw new DirectoryError(400, 'date_invalid', { field: 'validUntil', value })
  return value
}

function checkReference(value: string): string {
  const reference = value.trim()
  if (!reference) throw new DirectoryError(400, 'reference_required')
  return reference
}

export async function addEntitlement(
  ctx: AppContext,
  actor: Actor,
  input: { kind: EntitlementKind; reference: string; description: string; validUntil: string },
): Promise<Entitlement> {
  const tenantId = partnerTenantOf(actor, true)
  if (!ENTITLEMENT_KINDS.includes(input.kind))
    throw new DirectoryError(400, 'csv_invalid', {
      detail: `kind must be one of ${ENTITLEMENT_KINDS.join(', ')}`,
    })
  checkDate(input.validUntil)
  const reference = checkReference(input.reference)
  const id = randomUUID()
  const event = { tenantId, action: 'directory.entitlement.add', targetType: 'entitlement', targetId: id }
  const details = { kind: input.kind, reference, validUntil: input.validUntil }
  await auditedChange(ctx, actor, { ...event, rule: 'R13', details }, async (trx) => {
    await trx
      .insertInto('support_entitlements')
      .values({
        id,
        partner_tenant_id: tenantId,
        kind: input.kind,
        reference,
        description: input.description.trim() || reference,
        valid_until: input.validUntil,
        created_at: ctx.now(),
      })
      .execute()
  })
  return (await listEntitlements(ctx, actor)).find((e) => e.id === id)!
}

export type EntitlementPatch = Partial<{ reference: string; description: string; validUntil: string }>

/** Changes an entitlement's reference, description or end date (a renewed plan, a corrected id). */
export async function updateEntitlement(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: EntitlementPatch,
): Promise<Entitlement> {
  const tenantId = partnerTenantOf(actor, true)
  const set = {
    ...(patch.reference === undefined ? {} : { reference: checkReference(patch.reference) }),
    ...(patch.description === undefined ? {} : { description: patch.description.trim() }),
    ...(patch.validUntil === undefined ? {} : { valid_until: checkDate(patch.validUntil) }),
  }
  const current = (await listEntitlements(ctx, actor)).find((e) => e.id === id)
  if (!current) throw new DirectoryError(404, 'not_your_object', { kind: 'entitlement', id })
  if (Object.keys(set).length === 0) return current
  const event = { tenantId, action: 'directory.entitlement.update', targetType: 'entitlement', targetId: id }
  const details = { changed: Object.keys(patch), ...set }
  await auditedChange(ctx, actor, { ...event, rule: 'R13', details }, async (trx) => {
    const found = isUuid(id)
      ? await trx
          .updateTable('support_entitlements')
          .set(set)
          .where('id', '=', id)
          .where('partner_tenant_id', '=', tenantId)
          .where('removed_at', 'is', null)
          .returning('id')
          .executeTakeFirst()
      : undefined
    if (!found) throw new DirectoryError(404, 'not_your_object', { kind: 'entitlement', id })
  })
  return (await listEntitlements(ctx, actor)).find((e) => e.id === id)!
}

export async function removeEntitlement(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const tenantId = partnerTenantOf(actor, true)
  const event = { tenantId, action: 'directory.entitlement.remove', targetType: 'entitlement', targetId: id }
  await auditedChange(ctx, actor, { ...event, rule: 'R13' }, async (trx) => {
    const removed = isUuid(id)
      ? await trx
          .updateTable('support_entitlements')
          .set({ removed_at: ctx.now() })
          .where('id', '=', id)
          .where('partner_tenant_id', '=', tenantId)
          .where('removed_at', 'is', null)
          .returning('id')
          .executeTakeFirst()
      : undefined
    if (!removed) throw new DirectoryError(404, 'not_your_object', { kind: 'entitlement', id })
  })
}
