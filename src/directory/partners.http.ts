import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import {
  createPartner,
  getPartner,
  listPartners,
  type PartnerView,
  setPartnerStatus,
  updatePartner,
} from './partners.service.ts'
import {
  PartnerCreatedSchema,
  PartnerCreateSchema,
  PartnerPatchSchema,
  PartnerSchema,
  ProductCreateSchema,
  ProductPatchSchema,
  ProductSchema,
} from './partners.schema.ts'
import { createProduct, listProducts, type Product, updateProduct } from './products.service.ts'

/**
 * The vendor's administration API: partners (create with the first administrator invited by
 * email, change, suspend, reactivate) and marketplace products with their ISV's support contacts.
 * Only the vendor's global administrators (directory-access.ts).
 */

const partner = (p: PartnerView) => ({
  ...p,
  suspendedAt: p.suspendedAt ? p.suspendedAt.toISOString() : null,
  createdAt: p.createdAt.toISOString(),
})
const product = (p: Product) => ({ ...p, retiredAt: p.retiredAt ? p.retiredAt.toISOString() : null })
const Id = Type.String({ maxLength: 64 })
const PartnerOut = PartnerSchema
const ProductOut = ProductSchema

export function registerPartnerAdminRoutes(app: App, ctx: AppContext): void {
  const tags = ['vendor administration']

  app.get(
    '/api/directory/partners',
    { schema: { tags, summary: 'The vendor’s partners', response: { 200: Type.Array(PartnerOut) } } },
    async (request) => (await listPartners(ctx, actorOf(request))).map(partner),
  )

  app.post(
    '/api/directory/partners',
    {
      schema: {
        tags,
        summary: 'Add a partner; its first administrator is invited by email (single-use, expiring link)',
        body: PartnerCreateSchema,
        response: { 201: PartnerCreatedSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const created = await createPartner(ctx, actor, request.body)
      reply.status(201)
      return {
        partner: partner(await getPartner(ctx, actor, created.tenantId)),
        adminInvitationUrl: created.invitation.url,
      }
    },
  )

  app.get(
    '/api/directory/partners/:id',
    {
      schema: { tags, summary: 'A partner', params: Type.Object({ id: Id }), response: { 200: PartnerOut } },
    },
    async (request) => partner(await getPartner(ctx, actorOf(request), request.params.id)),
  )

  app.patch(
    '/api/directory/partners/:id',
    {
      schema: {
        tags,
        summary: 'Change a partner (name, MPN id, locale, country, support contact, providers)',
        params: Type.Object({ id: Id }),
        body: PartnerPatchSchema,
        response: { 200: PartnerOut },
      },
    },
    async (request) => partner(await updatePartner(ctx, actorOf(request), request.params.id, request.body)),
  )

  for (const [action, status] of [
    ['suspend', 'suspended'],
    ['reactivate', 'active'],
  ] as const) {
    app.post(
      `/api/directory/partners/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'suspend'
              ? 'Suspend a partner: its users lose sign-in and tokens, nothing is filed in its name; history stays'
              : 'Reactivate a suspended partner',
          params: Type.Object({ id: Id }),
          response: { 200: PartnerOut },
        },
      },
      async (request) => partner(await setPartnerStatus(ctx, actorOf(request), request.params.id, status)),
    )
  }

  app.get(
    '/api/directory/marketplace-products',
    {
      schema: {
        tags,
        summary: 'Marketplace products and their ISV’s support contacts (R11)',
        response: { 200: Type.Array(ProductOut) },
      },
    },
    async (request) => (await listProducts(ctx, actorOf(request))).map(product),
  )

  app.post(
    '/api/directory/marketplace-products',
    {
      schema: {
        tags,
        summary: 'Add a marketplace product',
        body: ProductCreateSchema,
        response: { 201: ProductOut },
      },
    },
    async (request, reply) => {
      reply.status(201)
      return product(await createProduct(ctx, actorOf(request), request.body))
    },
  )

  app.patch(
    '/api/directory/marketplace-products/:id',
    {
      schema: {
        tags,
        summary: 'Change a product’s contacts, or retire it (kept for the subscriptions that bought it)',
        params: Type.Object({ id: Id }),
        body: ProductPatchSchema,
        response: { 200: ProductOut },
      },
    },
    async (request) => product(await updateProduct(ctx, actorOf(request), request.params.id, request.body)),
  )
}
