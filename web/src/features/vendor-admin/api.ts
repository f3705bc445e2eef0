import type { Static } from 'typebox'
import type {
  PartnerCreatedSchema,
  PartnerCreateSchema,
  PartnerPatchSchema,
  PartnerSchema,
  ProductCreateSchema,
  ProductPatchSchema,
  ProductSchema,
} from '../../../../src/directory/partners.schema.ts'
import { apiRequest } from '../../shared/api/client.ts'

// The server's schemas are the contract: these types are derived from them, never retyped.
export type Partner = Static<typeof PartnerSchema>
export type PartnerType = Partner['type']
export type NewPartner = Static<typeof PartnerCreateSchema>
export type PartnerCreated = Static<typeof PartnerCreatedSchema>
export type PartnerPatch = Static<typeof PartnerPatchSchema>
export type Product = Static<typeof ProductSchema>
export type NewProduct = Static<typeof ProductCreateSchema>
export type ProductPatch = Static<typeof ProductPatchSchema>

export const PARTNER_TYPES: readonly PartnerType[] = [
  'direct',
  'indirect_provider',
  'indirect_reseller',
  'advisor',
]
export const LOCALES = ['it-IT', 'en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES'] as const

/** The portal page of a partner. */
export const partnerHref = (tenantId: string) => `/vendor/partners/${encodeURIComponent(tenantId)}`

const partnerPath = (id: string) => `/api/directory/partners/${encodeURIComponent(id)}`

export const listPartners = (signal: AbortSignal) =>
  apiRequest<Partner[]>('/api/directory/partners', { signal })

export const getPartner = (id: string, signal: AbortSignal) =>
  apiRequest<Partner>(partnerPath(id), { signal })

export const createPartner = (body: NewPartner) =>
  apiRequest<PartnerCreated>('/api/directory/partners', { method: 'POST', body })

export const updatePartner = (id: string, body: PartnerPatch) =>
  apiRequest<Partner>(partnerPath(id), { method: 'PATCH', body })

export const setPartnerStatus = (id: string, action: 'suspend' | 'reactivate') =>
  apiRequest<Partner>(`${partnerPath(id)}/${action}`, { method: 'POST' })

export const listProducts = (signal: AbortSignal) =>
  apiRequest<Product[]>('/api/directory/marketplace-products', { signal })

export const createProduct = (body: NewProduct) =>
  apiRequest<Product>('/api/directory/marketplace-products', { method: 'POST', body })

export const updateProduct = (id: string, body: ProductPatch) =>
  apiRequest<Product>(`/api/directory/marketplace-products/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body,
  })
