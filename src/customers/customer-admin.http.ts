import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { CsvContent, NoContent } from '../platform/http/contract.ts'
import type { App } from '../platform/http/server.ts'
import {
  CustomerCreatedSchema,
  CustomerCreateSchema,
  ImportReportSchema,
  ImportRequestSchema,
  OfferListSchema,
  OrderCreatedSchema,
  OrderCreateSchema,
  PartnerInvitationSchema,
  PartnerLinkListSchema,
  RelationshipLinkSchema,
  SubscriptionChangedSchema,
  SubscriptionChangeSchema,
} from './customer-admin.schema.ts'
import { exportCustomersCsv, exportSubscriptionsCsv, importCsv } from './customers.csv.ts'
import { customerForActor } from './customers.service.ts'
import {
  acceptInvitationAsActor,
  createCustomerAsActor,
  type InvitationView,
  readInvitationAsActor,
  relationshipRequestAsActor,
  removeRelationshipAsActor,
} from './onboarding.service.ts'
import {
  directSubscriptionsAsVendor,
  recordDirectSubscriptionAsVendor,
  updateDirectSubscriptionAsVendor,
} from './direct.service.ts'
import { partnerRelationshipsForActor } from './partner-profile.service.ts'
import { createOrderAsActor, offersForActor, updateSubscriptionAsActor } from './orders.service.ts'

/**
 * The portal's side of customer administration: add a customer, order, change a subscription,
 * the relationship link and its acceptance by a customer's administrator. The same services as
 * Partner Center's calls; these shapes are the portal's contract (web/src/features/customer-admin).
 */

const tags = ['customer administration']
const TenantParams = Type.Object({ tenantId: Type.String({ maxLength: 64 }) })
const Invitation = Type.Object({
  partnerId: Type.String({ format: 'uuid' }),
  indirectProviderId: Type.Optional(Type.String({ format: 'uuid' })),
})

const presentInvitation = (v: InvitationView) => ({
  partner: {
    tenantId: v.partner.tenantId,
    displayName: v.partner.displayName,
    partnerType: v.partner.partnerType,
    mpnId: v.partner.mpnId,
  },
  indirectProvider: v.indirectProvider
    ? {
        tenantId: v.indirectProvider.tenantId,
        displayName: v.indirectProvider.displayName,
        partnerType: v.indirectProvider.partnerType,
        mpnId: v.indirectProvider.mpnId,
      }
    : null,
  relationship: v.relationship,
  alreadyAccepted: v.alreadyAccepted,
})

export function registerCustomerAdminRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/customers',
    {
      schema: {
        tags,
        summary: 'Adds a customer: creates its tenant and first administrator (the password is shown once)',
        body: CustomerCreateSchema,
        response: { 201: CustomerCreatedSchema },
      },
    },
    async (request, reply) => {
      const b = request.body
      const { customer, credentials } = await createCustomerAsActor(ctx, actorOf(request), {
        companyName: b.companyName.trim(),
        domain: b.domain.toLowerCase(),
        country: b.country.toUpperCase(),
        locale: b.locale,
        profile: {
          email: b.email.toLowerCase(),
          addressLine1: b.addressLine1,
          city: b.city,
          postalCode: b.postalCode ?? null,
          billingFirstName: b.adminFirstName,
          billingLastName: b.adminLastName,
          billingEmail: b.email.toLowerCase(),
        },
        admin: { givenName: b.adminFirstName, surname: b.adminLastName },
        associatedPartnerId: b.associatedPartnerId?.toLowerCase(),
      })
      reply.status(201)
      return {
        tenantId: customer.tenantId,
        displayName: customer.displayName,
        defaultDomain: customer.defaultDomain,
        credentials,
      }
    },
  )

  app.get(
    '/api/offers',
    {
      schema: {
        tags,
        summary: 'The offers for sale in a country, in the caller’s language',
        querystring: Type.Object({ country: Type.String({ pattern: '^[A-Za-z]{2}$' }) }),
        response: { 200: OfferListSchema },
      },
    },
    async (request) => {
      const offers = await offersForActor(ctx, actorOf(request), request.query.country.toUpperCase())
      return {
        items: offers.map((o) => ({
          id: o.id,
          workloadId: o.workloadId,
          name: o.name[request.locale],
          description: o.description[request.locale],
          isTrial: o.isTrial,
          trialDays: o.trialDays,
          conversionTargetOfferIds: o.conversionTargetOfferIds,
          termDurations: o.termDurations,
          billingCycles: o.billingCycles,
          minQuantity: o.minQuantity,
          maxQuantity: o.maxQuantity,
        })),
      }
    },
  )

  app.post(
    '/api/customers/:tenantId/orders',
    {
      schema: {
        tags,
        summary: 'Orders one offer for the customer; answers the new subscription’s id',
        params: TenantParams,
        body: OrderCreateSchema,
        response: { 201: OrderCreatedSchema },
      },
    },
    async (request, reply) => {
      const b = request.body
      const order = await createOrderAsActor(ctx, actorOf(request), request.params.tenantId, {
        billingCycle: undefined,
        lineItems: [
          {
            lineItemNumber: 0,
            offerId: b.offerId,
            quantity: b.quantity,
            friendlyName: b.friendlyName,
            termDuration: b.termDuration,
          },
        ],
      })
      reply.status(201)
      return { orderId: order.id, subscriptionIds: order.lineItems.map((l) => l.subscriptionId ?? '') }
    },
  )

  app.patch(
    '/api/customers/:tenantId/subscriptions/:subscriptionId',
    {
      schema: {
        tags,
        summary: 'Suspends or reactivates a subscription, or converts a trial to paid',
        params: Type.Object({
          tenantId: Type.String({ maxLength: 64 }),
          subscriptionId: Type.String({ maxLength: 64 }),
        }),
        body: SubscriptionChangeSchema,
        response: { 200: SubscriptionChangedSchema },
      },
    },
    async (request) => {
      const s = await updateSubscriptionAsActor(
        ctx,
        actorOf(request),
        request.params.tenantId,
        request.params.subscriptionId,
        {
          status: request.body.status,
          isTrial: request.body.convertToPaid ? false : undefined,
        },
      )
      return { id: s.id, status: s.status, billing: s.billing, offerId: s.offerId }
    },
  )

  app.get(
    '/api/relationship-link',
    {
      schema: {
        tags,
        summary: 'The partner’s reseller relationship link, to send to an existing tenant’s administrator',
        querystring: Type.Object({ indirectProviderId: Type.Optional(Type.String({ format: 'uuid' })) }),
        response: { 200: RelationshipLinkSchema },
      },
    },
    async (request) =>
      relationshipRequestAsActor(ctx, actorOf(request), {
        indirectProviderId: request.query.indirectProviderId?.toLowerCase(),
      }),
  )

  app.get(
    '/api/partner-links',
    {
      schema: {
        tags,
        summary:
          'The partners linked to yours in the indirect model: an indirect provider’s resellers, a reseller’s providers',
        response: { 200: PartnerLinkListSchema },
      },
    },
    async (request) => ({
      items: (await partnerRelationshipsForActor(ctx, actorOf(request), undefined)).map((p) => ({
        tenantId: p.tenantId,
        name: p.name,
        mpnId: p.mpnId,
      })),
    }),
  )

  app.delete(
    '/api/customers/:tenantId/relationship',
    {
      schema: {
        tags,
        summary: 'Removes the partner’s reseller relationship with the customer',
        params: TenantParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const customer = await customerForActor(ctx, actor, request.params.tenantId)
      await removeRelationshipAsActor(ctx, actor, customer.tenantId)
      return reply.status(204).send()
    },
  )

  app.get(
    '/api/partner-invitations/current',
    {
      schema: {
        tags,
        summary: 'What a relationship link offers the signed-in customer administrator',
        querystring: Invitation,
        response: { 200: PartnerInvitationSchema },
      },
    },
    async (request) =>
      presentInvitation(
        await readInvitationAsActor(ctx, actorOf(request), {
          partnerId: request.query.partnerId.toLowerCase(),
          indirectProviderId: request.query.indirectProviderId?.toLowerCase(),
        }),
      ),
  )

  app.post(
    '/api/partner-invitations/accept',
    {
      schema: {
        tags,
        summary: 'The customer administrator accepts the partner as its reseller (or advisor)',
        body: Invitation,
        response: { 200: PartnerInvitationSchema },
      },
    },
    async (request) =>
      presentInvitation(
        await acceptInvitationAsActor(ctx, actorOf(request), {
          partnerId: request.body.partnerId.toLowerCase(),
          indirectProviderId: request.body.indirectProviderId?.toLowerCase(),
        }),
      ),
  )

  const DirectSubscription = Type.Object({
    id: Type.String(),
    workloadId: Type.String(),
    offerId: Type.String(),
    friendlyName: Type.String(),
    billing: Type.String(),
    status: Type.String(),
    quantity: Type.Integer(),
  })
  const present = (s: {
    id: string
    workloadId: string
    offerId: string
    friendlyName: string
    billing: string
    status: string
    quantity: number
  }) => ({
    id: s.id,
    workloadId: s.workloadId,
    offerId: s.offerId,
    friendlyName: s.friendlyName,
    billing: s.billing,
    status: s.status,
    quantity: s.quantity,
  })

  app.get(
    '/api/vendor/tenants/:tenantId/direct-subscriptions',
    {
      schema: {
        tags,
        summary: 'Subscriptions the tenant bought directly from the vendor (vendor global administrators)',
        params: TenantParams,
        response: { 200: Type.Object({ items: Type.Array(DirectSubscription) }) },
      },
    },
    async (request) => ({
      items: (await directSubscriptionsAsVendor(ctx, actorOf(request), request.params.tenantId)).map(present),
    }),
  )

  app.post(
    '/api/vendor/tenants/:tenantId/direct-subscriptions',
    {
      schema: {
        tags,
        summary: 'Records a subscription the tenant bought directly from the vendor',
        params: TenantParams,
        body: Type.Object({
          offerId: Type.String({ minLength: 1, maxLength: 128 }),
          quantity: Type.Integer({ minimum: 1, maximum: 100000 }),
          friendlyName: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
        }),
        response: { 201: DirectSubscription },
      },
    },
    async (request, reply) => {
      const s = await recordDirectSubscriptionAsVendor(
        ctx,
        actorOf(request),
        request.params.tenantId,
        request.body,
      )
      reply.status(201)
      return present(s)
    },
  )

  app.patch(
    '/api/vendor/tenants/:tenantId/direct-subscriptions/:subscriptionId',
    {
      schema: {
        tags,
        summary: 'Suspends or reactivates a direct subscription, or converts its trial to paid',
        params: Type.Object({
          tenantId: Type.String({ maxLength: 64 }),
          subscriptionId: Type.String({ maxLength: 64 }),
        }),
        body: Type.Object({
          status: Type.Optional(Type.Enum(['active', 'suspended'])),
          convertToPaid: Type.Optional(Type.Boolean()),
        }),
        response: { 200: DirectSubscription },
      },
    },
    async (request) =>
      present(
        await updateDirectSubscriptionAsVendor(
          ctx,
          actorOf(request),
          request.params.tenantId,
          request.params.subscriptionId,
          {
            status: request.body.status,
            isTrial: request.body.convertToPaid ? false : undefined,
          },
        ),
      ),
  )

  app.post(
    '/api/customers/import',
    {
      schema: {
        tags,
        summary:
          'Imports customers or subscriptions from CSV: a dry run reports every row’s problem; an apply writes all rows or none',

        body: ImportRequestSchema,
        response: { 200: ImportReportSchema },
      },
    },
    async (request) =>
      importCsv(ctx, actorOf(request), request.body.kind, request.body.csv, {
        dryRun: request.body.dryRun,
        locale: request.locale,
      }),
  )

  app.get(
    '/api/customers/export.csv',
    {
      schema: {
        tags,
        summary: 'The partner’s customers, or the subscriptions it sold, as CSV',
        querystring: Type.Object({ kind: Type.Enum(['customers', 'subscriptions']) }),
        response: { 200: { description: 'One row per customer or subscription', content: CsvContent } },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const csv =
        request.query.kind === 'customers'
          ? await exportCustomersCsv(ctx, actor)
          : await exportSubscriptionsCsv(ctx, actor)
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.query.kind}.csv"`)
        .send(csv)
    },
  )
}
