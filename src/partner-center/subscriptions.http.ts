import Type from 'typebox'
import { subscriptionsForActor } from '../customers/customers.service.ts'
import {
  setSupportContactAsActor,
  subscribedSkusForActor,
  subscriptionForActor,
  supportContactForActor,
} from '../customers/subscriptions.service.ts'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import { WireBody } from '../platform/http/wire-body.ts'
import { collection, presentSubscribedSku, presentSubscription, presentSupportContact } from './presenters.ts'

const looseObject = Type.Object({}, { additionalProperties: true })
const CustomerId = Type.Object({ customerTenantId: Type.String({ maxLength: 64 }) })
const SubscriptionIds = Type.Object({
  customerTenantId: Type.String({ maxLength: 64 }),
  subscriptionId: Type.String({ maxLength: 64 }),
})
const tags = ['Partner Center v1']

/** A customer's subscriptions the partner sold: list, one, its support contact; the customer's subscribed SKUs. */
export function registerPartnerCenterSubscriptionRoutes(pc: App, ctx: AppContext): void {
  pc.get(
    '/customers/:customerTenantId/subscriptions',
    {
      schema: {
        tags,
        summary: "A customer's subscriptions sold by the partner",
        params: CustomerId,
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const { customerTenantId } = request.params
      const subscriptions = await subscriptionsForActor(ctx, actorOf(request), customerTenantId, {
        onlySoldByPartner: true,
      })
      return collection(
        subscriptions.map(presentSubscription),
        `/customers/${customerTenantId}/subscriptions`,
      )
    },
  )

  pc.get(
    '/customers/:customerTenantId/subscriptions/:subscriptionId',
    {
      schema: {
        tags,
        summary: 'One subscription the partner sold to the customer',
        params: SubscriptionIds,
        response: { 200: looseObject },
      },
    },
    async (request, reply) => {
      const { customerTenantId, subscriptionId } = request.params
      const subscription = await subscriptionForActor(ctx, actorOf(request), customerTenantId, subscriptionId)
      reply.header('etag', `"${subscription.version}"`)
      return presentSubscription(subscription)
    },
  )

  pc.get(
    '/customers/:customerTenantId/subscriptions/:subscriptionId/supportcontact',
    {
      schema: {
        tags,
        summary: "The subscription's support contact: the partner the customer calls",
        params: SubscriptionIds,
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const { customerTenantId, subscriptionId } = request.params
      const { subscription, contact } = await supportContactForActor(
        ctx,
        actorOf(request),
        customerTenantId,
        subscriptionId,
      )
      return presentSupportContact(subscription, contact)
    },
  )

  pc.put(
    '/customers/:customerTenantId/subscriptions/:subscriptionId/supportcontact',
    {
      schema: {
        tags,
        summary: "Names one of the indirect provider's resellers as the subscription's support contact",
        params: SubscriptionIds,
        body: Type.Object(
          {},
          {
            additionalProperties: true,
            description:
              'A SupportContact (property names in any letter case): SupportTenantId, SupportMpnId, Name.',
          },
        ),
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const body = WireBody.of(request.body)
      const tenantId = body.guid('SupportTenantId', { required: true })
      const mpnId = body.text('SupportMpnId', { max: 20 })
      body.text('Name', { max: 256 })
      body.check()
      const { customerTenantId, subscriptionId } = request.params
      const { subscription, contact } = await setSupportContactAsActor(
        ctx,
        actorOf(request),
        customerTenantId,
        subscriptionId,
        { tenantId: tenantId!, mpnId },
      )
      return presentSupportContact(subscription, contact)
    },
  )

  pc.get(
    '/customers/:customerTenantId/subscribedskus',
    {
      schema: {
        tags,
        summary: "The customer's licenses by product SKU (trial and paid apart)",
        params: CustomerId,
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const { customerTenantId } = request.params
      const skus = await subscribedSkusForActor(ctx, actorOf(request), customerTenantId)
      return collection(skus.map(presentSubscribedSku), `/customers/${customerTenantId}/subscribedskus`)
    },
  )
}
