import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import type { PartnerType } from '../platform/db/schema.ts'
import {
  createPartner,
  getPartner,
  listPartners,
  PARTNER_TYPES,
  type PartnerView,
  setPartnerStatus,
  updatePartner,
} from './partners.service.ts'
import { createProduct, listProducts, type Product, updateProduct } from './products.service.ts'

/**
 * The vendor's administration API: partners (create with the first administrator invited by
 * email, change, suspend, reactivate) and marketplace products with their ISV's support contacts.
 * Only the vendor's global administrators (directory-access.ts).
 */

const N = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()])
const Ref = Type.Object({ tenantId: Type.String(), name: Type.String() })
const PartnerOut = Type.Object({
  tenantId: Type.String(),
  name: Type.String(),
  type: Type.String(),
  domain: Type.String(),
  mpnId: Type.String(),
  locale: Type.String(),
  country: Type.String(),
  status: Type.String(),
  suspendedAt: N(Type.String({ format: 'date-time' })),
  supportEmail: N(Type.String()),
  supportPhone: N(Type.String()),
  supportWebsite: N(Type.String()),
  providers: Type.Array(Ref),
  resellers: Type.Array(Ref),
  userCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
})
const ProductOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  isvName: Type.String(),
  description: N(Type.String()),
  supportUrl: N(Type.String()),
  supportEmail: N(Type.String()),
  supportPhone: N(Type.String()),
  retiredAt: N(Type.String({ format: 'date-time' })),
  subscriptionCount: Type.Integer(),
})

const partner = (p: PartnerView) => ({
  ...p,
  suspendedAt: p.suspendedAt ? p.suspendedAt.toISOString() : null,
  createdAt: p.createdAt.toISOString(),
})
const product = (p: Product) => ({ ...p, retiredAt: p.retiredAt ? p.retiredAt.toISOString() : null })
const Opt = (max: number) => Type.Optional(N(Type.String({ maxLength: max })))
const Id = Type.String({ maxLength: 64 })

const PartnerFields = {
  name: Type.String({ minLength: 1, maxLength: 256 }),
  mpnId: Type.Optional(Type.String({ maxLength: 10 })),
  locale: Type.Optional(Type.String({ maxLength: 10 })),
  country: Type.Optional(Type.String({ maxLength: 2 })),
  providerTenantIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
  supportEmail: Opt(254),
  supportPhone: Opt(64),
  supportWebsite: Opt(2000),
}
const ProductFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  isvName: Type.String({ minLength: 1, maxLength: 200 }),
  description: Opt(2000),
  supportUrl: Opt(2000),
  supportEmail: Opt(254),
  supportPhone: Opt(64),
}

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
        body: Type.Object({
          ...PartnerFields,
          type: Type.Union(PARTNER_TYPES.map((t) => Type.Literal(t))),
          domain: Type.String({ minLength: 3, maxLength: 253 }),
          adminEmail: Type.String({ minLength: 3, maxLength: 254 }),
          adminName: Type.Optional(Type.String({ maxLength: 256 })),
        }),
        response: { 201: Type.Object({ partner: PartnerOut, adminInvitationUrl: Type.String() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const created = await createPartner(ctx, actor, {
        ...request.body,
        type: request.body.type as PartnerType,
      })
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
        body: Type.Object({ ...PartnerFields, name: Type.Optional(PartnerFields.name) }),
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
        body: Type.Object(ProductFields),
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
        body: Type.Object({
          ...ProductFields,
          name: Type.Optional(ProductFields.name),
          isvName: Type.Optional(ProductFields.isvName),
          retired: Type.Optional(Type.Boolean()),
        }),
        response: { 200: ProductOut },
      },
    },
    async (request) => product(await updateProduct(ctx, actorOf(request), request.params.id, request.body)),
  )
}
