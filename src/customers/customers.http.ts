import Type from 'typebox'
import type { RelationshipSummary } from '../gdap/relationships.data.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { AppContext } from '../platform/context.ts'
import type { App } from '../platform/http/server.ts'
import type { CustomerRecord } from './customers.data.ts'
import { listOwnSubscriptions, type SubscriptionRecord } from './subscriptions.data.ts'
import { forbidden } from '../platform/errors.ts'
import {
  customerForActor,
  customersForActor,
  relationshipsForActor,
  subscriptionsForActor,
} from './customers.service.ts'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])
const GdapStatus = Type.Enum([
  'created',
  'approvalPending',
  'approved',
  'activating',
  'active',
  'expiring',
  'terminationRequested',
  'terminating',
  'terminated',
  'expired',
])
const PartnerRef = Type.Object({ tenantId: Type.String(), displayName: Type.String(), mpnId: Type.String() })

const Customer = Type.Object({
  tenantId: Type.String({ format: 'uuid' }),
  displayName: Type.String(),
  defaultDomain: Type.String(),
  locale: Type.String(),
  country: Type.String(),
  relationship: Type.Enum(['reseller', 'advisor']),
  reseller: Nullable(PartnerRef),
  indirectProvider: Nullable(PartnerRef),
})

const RoleRef = Type.Object({ id: Type.String(), displayName: Type.String() })
const Relationship = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  status: GdapStatus,
  duration: Type.String(),
  autoExtendDuration: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  activatedAt: Nullable(Type.String({ format: 'date-time' })),
  endAt: Nullable(Type.String({ format: 'date-time' })),
  roles: Type.Array(RoleRef),
  assignments: Type.Array(
    Type.Object({
      id: Type.String(),
      status: Type.Enum(['pending', 'active', 'deleting', 'deleted', 'error']),
      group: Type.Object({ id: Type.String(), displayName: Type.String() }),
      roles: Type.Array(RoleRef),
    }),
  ),
})

const Subscription = Type.Object({
  id: Type.String({ format: 'uuid' }),
  workloadId: Type.Enum(['azure', 'office365', 'dynamics', 'ems', 'marketplace']),
  offerId: Type.String(),
  offerName: Type.String(),
  friendlyName: Type.String(),
  channel: Type.Enum(['csp', 'direct']),
  billing: Type.Enum(['trial', 'paid']),
  status: Type.Enum(['active', 'suspended', 'deleted']),
  quantity: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  commitmentEndDate: Nullable(Type.String()),
  provider: Nullable(Type.Object({ tenantId: Type.String(), displayName: Type.String() })),
  reseller: Nullable(PartnerRef),
  marketplaceProduct: Nullable(
    Type.Object({ id: Type.String(), name: Type.String(), isvName: Type.String() }),
  ),
})

const GdapSummary = Type.Object({
  status: Type.Union([GdapStatus, Type.Literal('none')], {
    description: 'active, expired, terminated, … or none',
  }),
  endAt: Nullable(Type.String({ format: 'date-time' })),
})

const TenantParams = Type.Object({ tenantId: Type.String({ maxLength: 64 }) })

const iso = (d: Date | null) => (d ? d.toISOString() : null)

const presentCustomer = (c: CustomerRecord) => ({
  tenantId: c.tenantId,
  displayName: c.displayName,
  defaultDomain: c.defaultDomain,
  locale: c.locale,
  country: c.country,
  relationship: c.relationship,
  reseller: c.reseller,
  indirectProvider: c.indirectProvider,
})

const presentRelationship = (r: RelationshipSummary) => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  activatedAt: iso(r.activatedAt),
  endAt: iso(r.endAt),
})

const presentSubscription = (s: SubscriptionRecord) => ({
  ...s,
  createdAt: s.createdAt.toISOString(),
})

/** The most useful relationship for a glance: an access-giving one first, else the newest. */
function gdapSummary(relationships: RelationshipSummary[]) {
  const live = relationships.find((r) => r.status === 'active' || r.status === 'expiring')
  const shown = live ?? relationships[0]
  return shown ? { status: shown.status, endAt: iso(shown.endAt) } : { status: 'none' as const, endAt: null }
}

/** The portal's customer pages: the partner's customers, one customer with subscriptions and GDAP. */
export function registerCustomerRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/customers',
    {
      schema: {
        tags: ['customers'],
        summary: "The signed-in partner's customers",
        querystring: Type.Object(
          {
            q: Type.Optional(
              Type.String({ maxLength: 100, description: 'Company name or domain starts with' }),
            ),
            offset: Type.Integer({ minimum: 0, default: 0 }),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            items: Type.Array(Type.Intersect([Customer, Type.Object({ gdap: GdapSummary })])),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const page = await customersForActor(ctx, actor, {
        offset: request.query.offset,
        limit: request.query.limit,
        nameStartsWith: request.query.q,
      })
      const items = await Promise.all(
        page.items.map(async (c) => ({
          ...presentCustomer(c),
          gdap: gdapSummary(await relationshipsForActor(ctx, actor, c.tenantId)),
        })),
      )
      return { total: page.total, items }
    },
  )

  app.get(
    '/api/subscriptions',
    {
      schema: {
        tags: ['customers'],
        summary: "The signed-in user's own tenant's subscriptions (a partner's own, or a customer's)",
        response: { 200: Type.Object({ items: Type.Array(Subscription) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      if (actor.homeTenantKind === 'vendor') throw forbidden()
      const tenantId = actor.delegated ? null : actor.homeTenantId
      return {
        items: tenantId ? (await listOwnSubscriptions(ctx.db, tenantId)).map(presentSubscription) : [],
      }
    },
  )

  app.get(
    '/api/customers/:tenantId',
    {
      schema: {
        tags: ['customers'],
        summary: 'One customer with its subscriptions and GDAP relationships',
        params: TenantParams,
        response: {
          200: Type.Object({
            customer: Customer,
            subscriptions: Type.Array(Subscription),
            relationships: Type.Array(Relationship),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const customer = await customerForActor(ctx, actor, request.params.tenantId)
      const [subscriptions, relationships] = await Promise.all([
        subscriptionsForActor(ctx, actor, customer.tenantId, { onlySoldByPartner: false }),
        relationshipsForActor(ctx, actor, customer.tenantId),
      ])
      return {
        customer: presentCustomer(customer),
        subscriptions: subscriptions.map(presentSubscription),
        relationships: relationships.map(presentRelationship),
      }
    },
  )
}
