import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import type { ProblemType, SupportPlan, WorkloadId } from '../platform/db/schema.ts'
import { AppError } from '../platform/errors.ts'
import { isUuid } from '../platform/ids.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import type { EntryPoint, HandledBy } from './facts.ts'
import { ask, auditDecision, type DecisionView, presentDecision, targetTenantOf } from './policy.service.ts'

export interface AdviceInput {
  customer?: string | undefined
  workload: WorkloadId
  subscriptionId?: string | undefined
  /** A marketplace product's id or name. */
  product?: string | undefined
  problemType?: ProblemType | undefined
  entryPoint?: EntryPoint | undefined
  handledBy?: HandledBy | undefined
  supportPlan?: SupportPlan | undefined
  entitlementId?: string | undefined
}

async function productId(ctx: AppContext, product: string | undefined): Promise<string | undefined> {
  if (!product) return undefined
  if (isUuid(product)) return product
  const row = await ctx.db
    .selectFrom('marketplace_products')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', product.toLowerCase()))
    .executeTakeFirst()
  return row?.id ?? undefined
}

/**
 * The advice for the actor: the policy's decision on filing, with its message and remedy in the
 * caller's language. Every decision is recorded in the audit log.
 */
export async function adviseActor(
  ctx: AppContext,
  actor: Actor,
  input: AdviceInput,
  locale: Locale,
): Promise<DecisionView> {
  const target = targetTenantOf(actor, input.customer)
  const asked = await ask(ctx, actor, target, {
    action: 'file',
    workload: input.workload,
    subscriptionId: input.subscriptionId,
    productId: await productId(ctx, input.product),
    problemType: input.problemType,
    entryPoint: input.entryPoint,
    handledBy: input.handledBy,
    supportPlan: input.supportPlan,
    entitlementId: input.entitlementId,
  })
  if (input.subscriptionId && !asked.facts.target.subscriptions.some((s) => s.id === input.subscriptionId)) {
    throw new AppError(404, 'unknown_subscription', 'error.unknown_subscription', {
      subscription: input.subscriptionId,
    })
  }
  await auditDecision(ctx, actor, asked, 'advice')
  return presentDecision(asked, input.workload, locale)
}
