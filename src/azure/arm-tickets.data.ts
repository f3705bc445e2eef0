import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { isUuid } from '../platform/ids.ts'
import { findByArmName } from '../service-requests/service-requests.data.ts'
import { armProblem } from './arm-surface.ts'

/**
 * Where a Microsoft.Support call acts: one of the context tenant's Azure subscriptions
 * (`/subscriptions/{id}/providers/Microsoft.Support`) or the context tenant itself
 * (`/providers/Microsoft.Support`, api-version 2024-04-01's tenant-scoped tickets).
 */
export interface TicketScope {
  subscriptionId: string | null
  tenantId: string
  /** the ARM path the scope's resources live under */
  prefix: string
}

/** The Azure subscription, if it belongs to the tenant the call acts in (the customer's, or the caller's own). */
export async function subscriptionInContext(ctx: AppContext, actor: Actor, subscriptionId: string) {
  const sub = isUuid(subscriptionId)
    ? await ctx.db
        .selectFrom('subscriptions')
        .select(['id', 'tenant_id', 'friendly_name'])
        .where('id', '=', subscriptionId)
        .where('workload_id', '=', 'azure')
        .executeTakeFirst()
    : undefined
  if (!sub || sub.tenant_id !== actor.contextTenantId) {
    throw armProblem(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`)
  }
  return sub
}

export async function scopeOf(
  ctx: AppContext,
  actor: Actor,
  subscriptionId: string | undefined,
): Promise<TicketScope> {
  if (subscriptionId === undefined)
    return { subscriptionId: null, tenantId: actor.contextTenantId, prefix: '/providers/Microsoft.Support' }
  await subscriptionInContext(ctx, actor, subscriptionId)
  return {
    subscriptionId,
    tenantId: actor.contextTenantId,
    prefix: `/subscriptions/${subscriptionId}/providers/Microsoft.Support`,
  }
}

/**
 * The id of the ticket named `name` in the scope, if any. At tenant scope every Azure ticket of
 * the context tenant is in view (the newest, should two subscriptions hold the same name).
 */
export async function ticketIdByName(
  ctx: AppContext,
  scope: TicketScope,
  name: string,
): Promise<string | null> {
  if (scope.subscriptionId) return (await findByArmName(ctx.db, scope.subscriptionId, name))?.id ?? null
  const row = await ctx.db
    .selectFrom('service_requests')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('workload_id', '=', 'azure')
    .where((eb) => eb(eb.fn('lower', ['arm_name']), '=', name.toLowerCase()))
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.id ?? null
}
