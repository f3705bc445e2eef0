import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import { findPartner } from '../customers/onboarding.data.ts'
import {
  createCustomerAsActor,
  relationshipRequestAsActor,
  removeRelationshipAsActor,
} from '../customers/onboarding.service.ts'
import { customerForActor } from '../customers/customers.service.ts'
import {
  createOrderAsActor,
  offerForActor,
  offersForActor,
  ordersForActor,
  updateSubscriptionAsActor,
} from '../customers/orders.service.ts'
import type { AppContext } from '../platform/context.ts'
import { CustomerError } from '../customers/customers.messages.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import { WireBody } from '../platform/http/wire-body.ts'
import { readCustomerBody, readOrderBody, readSubscriptionPatch } from './commerce-bodies.ts'
import { presentOffer, presentOrder } from './commerce-presenters.ts'
import { collection, presentCustomer, presentSubscription } from './presenters.ts'

const looseObject = Type.Object({}, { additionalProperties: true })
const openBody = Type.Object({}, { additionalProperties: true })
const CustomerId = Type.Object({ customerTenantId: Type.String({ maxLength: 64 }) })
const Country = Type.Object({ country: Type.String({ pattern: '^[A-Za-z]{2}$' }) })
const tags = ['Partner Center v1']

/** `If-Match: "3"` (or W/"3", or 3): the subscription version the caller read. */
function ifMatchOf(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match']
  if (typeof header !== 'string' || header.trim() === '*') return undefined
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim())
  return match ? Number(match[1]) : -1
}

/**
 * Partner Center's commerce calls: create a customer (its tenant and first administrator), the
 * reseller relationship link and its removal, the offer catalog, orders, and subscription changes.
 */
export function registerPartnerCenterCommerceRoutes(pc: App, ctx: AppContext): void {
  pc.post(
    '/customers',
    {
      schema: {
        tags,
        summary: "Creates a customer's tenant and its first administrator (Create Customer)",
        body: openBody,
        response: { 201: looseObject },
      },
    },
    async (request, reply) => {
      const input = readCustomerBody(WireBody.of(request.body))
      const { customer, credentials } = await createCustomerAsActor(ctx, actorOf(request), input)
      reply.status(201)
      return { ...presentCustomer(customer), userCredentials: credentials }
    },
  )

  pc.get(
    '/customers/relationshiprequests',
    {
      schema: {
        tags,
        summary:
          'The link a customer opens to accept the partner as its reseller (Get Relationship Request Link)',
        querystring: Type.Object({
          indirectCloudSolutionProviderId: Type.Optional(Type.String({ format: 'uuid' })),
          indirectResellerId: Type.Optional(Type.String({ maxLength: 64 })),
        }),
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const { url } = await relationshipRequestAsActor(ctx, actorOf(request), {
        indirectProviderId: request.query.indirectCloudSolutionProviderId?.toLowerCase(),
      })
      return { url, attributes: { objectType: 'RelationshipRequest' } }
    },
  )

  pc.patch(
    '/customers/:customerTenantId',
    {
      schema: {
        tags,
        summary: 'Removes the reseller relationship with the customer (relationshipToPartner: none)',
        params: CustomerId,
        body: openBody,
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const body = WireBody.of(request.body)
      const value = body.text('RelationshipToPartner', { required: true, max: 40 })
      body.check()
      if (value?.toLowerCase() !== 'none') throw new CustomerError(400, 'relationship_value')
      const actor = actorOf(request)
      const customer = await customerForActor(ctx, actor, request.params.customerTenantId)
      await removeRelationshipAsActor(ctx, actor, customer.tenantId)
      return { ...presentCustomer(customer), relationshipToPartner: 'none' }
    },
  )

  pc.get(
    '/offers',
    {
      schema: {
        tags,
        summary: 'The offers for sale in a country (Get offers for a market)',
        querystring: Type.Object({
          country: Type.String({ pattern: '^[A-Za-z]{2}$' }),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
          size: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const country = request.query.country.toUpperCase()
      const all = await offersForActor(ctx, actorOf(request), country)
      const offset = request.query.offset ?? 0
      const items = all.slice(offset, offset + (request.query.size ?? 500))
      return collection(
        items.map((o) => presentOffer(o, country, request.locale)),
        `/offers?country=${country}`,
      )
    },
  )

  pc.get(
    '/offers/:offerId',
    {
      schema: {
        tags,
        summary: 'One offer (Get an offer by ID)',
        params: Type.Object({ offerId: Type.String({ minLength: 1, maxLength: 128 }) }),
        querystring: Country,
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const country = request.query.country.toUpperCase()
      const offer = await offerForActor(ctx, actorOf(request), request.params.offerId, country)
      return presentOffer(offer, country, request.locale)
    },
  )

  const resellerMpn = async (tenantId: string | null) =>
    tenantId ? ((await findPartner(ctx.db, tenantId))?.mpnId ?? null) : null

  pc.post(
    '/customers/:customerTenantId/orders',
    {
      schema: {
        tags,
        summary: 'Orders offers for the customer: each line item becomes a subscription (Create an order)',
        params: CustomerId,
        body: openBody,
        response: { 201: looseObject },
      },
    },
    async (request, reply) => {
      const input = readOrderBody(WireBody.of(request.body), request.params.customerTenantId)
      const order = await createOrderAsActor(ctx, actorOf(request), request.params.customerTenantId, input)
      reply.status(201)
      return presentOrder(order, await resellerMpn(order.resellerTenantId))
    },
  )

  pc.get(
    '/customers/:customerTenantId/orders',
    {
      schema: { tags, summary: "The customer's orders", params: CustomerId, response: { 200: looseObject } },
    },
    async (request) => {
      const orders = await ordersForActor(ctx, actorOf(request), request.params.customerTenantId)
      const items = await Promise.all(
        orders.map(async (o) => presentOrder(o, await resellerMpn(o.resellerTenantId))),
      )
      return collection(items, `/customers/${request.params.customerTenantId}/orders`)
    },
  )

  pc.get(
    '/customers/:customerTenantId/orders/:orderId',
    {
      schema: {
        tags,
        summary: 'One order',
        params: Type.Object({
          customerTenantId: Type.String({ maxLength: 64 }),
          orderId: Type.String({ maxLength: 64 }),
        }),
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const [order] = await ordersForActor(
        ctx,
        actorOf(request),
        request.params.customerTenantId,
        request.params.orderId,
      )
      return presentOrder(order!, await resellerMpn(order!.resellerTenantId))
    },
  )

  pc.patch(
    '/customers/:customerTenantId/subscriptions/:subscriptionId',
    {
      schema: {
        tags,
        summary: 'Suspends, reactivates, renames, resizes a subscription, or converts a trial to paid',
        params: Type.Object({
          customerTenantId: Type.String({ maxLength: 64 }),
          subscriptionId: Type.String({ maxLength: 64 }),
        }),
        body: openBody,
        response: { 200: looseObject },
      },
    },
    async (request, reply) => {
      const change = { ...readSubscriptionPatch(WireBody.of(request.body)), ifMatch: ifMatchOf(request) }
      const subscription = await updateSubscriptionAsActor(
        ctx,
        actorOf(request),
        request.params.customerTenantId,
        request.params.subscriptionId,
        change,
      )
      reply.header('etag', `"${subscription.version}"`)
      return presentSubscription(subscription)
    },
  )
}
