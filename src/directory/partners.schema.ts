import Type from 'typebox'

/**
 * The contract of the vendor's administration API (/api/directory/partners,
 * /api/directory/marketplace-products). The portal's types derive from these schemas
 * (web/src/features/vendor-admin/api.ts: `Static<typeof PartnerSchema>`). Pure TypeBox: the
 * portal's build reads this file.
 */

const N = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()])
const Opt = (max: number) => Type.Optional(N(Type.String({ maxLength: max })))

export const PARTNER_TYPE_VALUES = ['direct', 'indirect_provider', 'indirect_reseller', 'advisor'] as const

export const PartnerRefSchema = Type.Object({ tenantId: Type.String(), name: Type.String() })

export const PartnerSchema = Type.Object({
  tenantId: Type.String(),
  name: Type.String(),
  type: Type.Enum(PARTNER_TYPE_VALUES),
  domain: Type.String(),
  mpnId: Type.String(),
  locale: Type.String(),
  country: Type.String(),
  status: Type.Enum(['active', 'suspended']),
  suspendedAt: N(Type.String({ format: 'date-time' })),
  supportEmail: N(Type.String()),
  supportPhone: N(Type.String()),
  supportWebsite: N(Type.String()),
  providers: Type.Array(PartnerRefSchema),
  resellers: Type.Array(PartnerRefSchema),
  userCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
})

export const ProductSchema = Type.Object({
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

export const PartnerCreateSchema = Type.Object({
  ...PartnerFields,
  type: Type.Enum(PARTNER_TYPE_VALUES),
  domain: Type.String({ minLength: 3, maxLength: 253 }),
  adminEmail: Type.String({ minLength: 3, maxLength: 254 }),
  adminName: Type.Optional(Type.String({ maxLength: 256 })),
})

export const PartnerCreatedSchema = Type.Object({ partner: PartnerSchema, adminInvitationUrl: Type.String() })

export const PartnerPatchSchema = Type.Object({ ...PartnerFields, name: Type.Optional(PartnerFields.name) })

const ProductFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  isvName: Type.String({ minLength: 1, maxLength: 200 }),
  description: Opt(2000),
  supportUrl: Opt(2000),
  supportEmail: Opt(254),
  supportPhone: Opt(64),
}

export const ProductCreateSchema = Type.Object(ProductFields)

export const ProductPatchSchema = Type.Object({
  ...ProductFields,
  name: Type.Optional(ProductFields.name),
  isvName: Type.Optional(ProductFields.isvName),
  retired: Type.Optional(Type.Boolean()),
})
