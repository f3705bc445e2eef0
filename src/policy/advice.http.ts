import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import { AdviceSchema } from './advice.schema.ts'
import { adviseActor } from './advice.service.ts'

export const WorkloadSchema = Type.Enum(['azure', 'office365', 'dynamics', 'ems', 'marketplace'])
export const ProblemTypeSchema = Type.Enum(['technical', 'billing', 'subscription_management', 'quota'])
export const EntryPointSchema = Type.Enum(['partner_portal', 'workload_portal'])
export const HandledBySchema = Type.Enum(['vendor', 'partner'])
export const SupportPlanSchema = Type.Enum([
  'csp',
  'partner_agreement',
  'premier',
  'azure_support_plan',
  'customer',
  'partner',
])

/** The seed's "when and how": may the signed-in user file this request, and how? */
export function registerAdviceRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/advice',
    {
      schema: {
        tags: ['support policy'],
        summary: 'May the signed-in user open this support request, and how (rules R1–R14)',
        description:
          'Omit `customer` (or give your own tenant) for your own subscriptions. A refusal is still 200: ' +
          '`allowed` is false and `rule`, `message` and `remedy` say why and what to do.',
        querystring: Type.Object(
          {
            customer: Type.Optional(Type.String({ maxLength: 64 })),
            workload: WorkloadSchema,
            subscription: Type.Optional(Type.String({ maxLength: 64 })),
            product: Type.Optional(Type.String({ maxLength: 200 })),
            problemType: Type.Optional(ProblemTypeSchema),
            entryPoint: Type.Optional(EntryPointSchema),
            handledBy: Type.Optional(HandledBySchema),
            supportPlan: Type.Optional(SupportPlanSchema),
            entitlement: Type.Optional(Type.String({ maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: AdviceSchema },
      },
    },
    async (request) => {
      const q = request.query
      return adviseActor(
        ctx,
        actorOf(request),
        {
          customer: q.customer,
          workload: q.workload,
          subscriptionId: q.subscription,
          product: q.product,
          problemType: q.problemType,
          entryPoint: q.entryPoint,
          handledBy: q.handledBy,
          supportPlan: q.supportPlan,
          entitlementId: q.entitlement,
        },
        request.locale,
      )
    },
  )
}
