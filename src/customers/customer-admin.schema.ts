import Type from 'typebox'

/**
 * The contract of the portal's customer administration (customer-admin.http.ts): add a customer,
 * the offer catalog, orders, subscription changes, CSV import. The portal's types derive from
 * these schemas (web/src/features/customer-admin/api.ts). Pure TypeBox: the portal's build reads it.
 */

export const CUSTOMER_LOCALES = ['it-IT', 'en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES'] as const

export const CustomerCreateSchema = Type.Object({
  companyName: Type.String({ minLength: 1, maxLength: 256 }),
  domain: Type.String({
    minLength: 4,
    maxLength: 253,
    pattern: '^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$',
  }),
  country: Type.String({ pattern: '^[A-Za-z]{2}$' }),
  locale: Type.Enum(CUSTOMER_LOCALES),
  adminFirstName: Type.String({ minLength: 1, maxLength: 128 }),
  adminLastName: Type.String({ minLength: 1, maxLength: 128 }),
  email: Type.String({ format: 'email', maxLength: 320 }),
  addressLine1: Type.String({ minLength: 1, maxLength: 256 }),
  city: Type.String({ minLength: 1, maxLength: 128 }),
  postalCode: Type.Optional(Type.String({ maxLength: 32 })),
  associatedPartnerId: Type.Optional(Type.String({ format: 'uuid' })),
})

export const CustomerCreatedSchema = Type.Object({
  tenantId: Type.String(),
  displayName: Type.String(),
  defaultDomain: Type.String(),
  credentials: Type.Object({ userName: Type.String(), password: Type.String() }),
})

export const OfferSchema = Type.Object({
  id: Type.String(),
  workloadId: Type.String(),
  name: Type.String(),
  description: Type.String(),
  isTrial: Type.Boolean(),
  trialDays: Type.Union([Type.Integer(), Type.Null()]),
  conversionTargetOfferIds: Type.Array(Type.String()),
  termDurations: Type.Array(Type.String()),
  billingCycles: Type.Array(Type.String()),
  minQuantity: Type.Integer(),
  maxQuantity: Type.Integer(),
})

export const OfferListSchema = Type.Object({ items: Type.Array(OfferSchema) })

export const OrderCreateSchema = Type.Object({
  offerId: Type.String({ minLength: 1, maxLength: 128 }),
  quantity: Type.Integer({ minimum: 1, maximum: 100000 }),
  friendlyName: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  termDuration: Type.Optional(Type.Enum(['P1M', 'P1Y', 'P3Y'])),
})

export const OrderCreatedSchema = Type.Object({
  orderId: Type.String(),
  subscriptionIds: Type.Array(Type.String()),
})

export const SubscriptionChangeSchema = Type.Object({
  status: Type.Optional(Type.Enum(['active', 'suspended'])),
  convertToPaid: Type.Optional(Type.Boolean()),
})

export const SubscriptionChangedSchema = Type.Object({
  id: Type.String(),
  status: Type.String(),
  billing: Type.String(),
  offerId: Type.String(),
})

export const RelationshipLinkSchema = Type.Object({ url: Type.String() })

export const ImportRequestSchema = Type.Object({
  kind: Type.Enum(['customers', 'subscriptions']),
  csv: Type.String({ minLength: 1, maxLength: 1_000_000 }),
  dryRun: Type.Boolean(),
})

export const ImportReportSchema = Type.Object({
  kind: Type.Enum(['customers', 'subscriptions']),
  dryRun: Type.Boolean(),
  applied: Type.Boolean(),
  rows: Type.Array(
    Type.Object({
      line: Type.Integer(),
      key: Type.String(),
      problems: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
      /**
       * After an apply, what the row created: a customer's tenantId with its first administrator's
       * one-time userName and password, or a subscription's subscriptionId and orderId.
       */
      created: Type.Optional(Type.Record(Type.String(), Type.String())),
    }),
  ),
})

/** The partners linked to the caller in the indirect model: a provider's resellers, a reseller's providers. */
export const PartnerLinkListSchema = Type.Object({
  items: Type.Array(Type.Object({ tenantId: Type.String(), name: Type.String(), mpnId: Type.String() })),
})

const PartnerTypeSchema = Type.Enum(['direct', 'indirect_provider', 'indirect_reseller', 'advisor'])
const InvitingPartnerSchema = Type.Object({
  tenantId: Type.String(),
  displayName: Type.String(),
  partnerType: PartnerTypeSchema,
  mpnId: Type.String(),
})

/** What a reseller relationship link offers the signed-in customer administrator. */
export const PartnerInvitationSchema = Type.Object({
  partner: InvitingPartnerSchema,
  /** The indirect provider behind an indirect reseller's link. */
  indirectProvider: Type.Union([InvitingPartnerSchema, Type.Null()]),
  relationship: Type.Enum(['reseller', 'advisor']),
  alreadyAccepted: Type.Boolean(),
})
