import { api, type BodyOf, type ResponseOf } from '../../shared/api/typed.ts'

// The server's OpenAPI document is the contract: these types come from the generated
// openapi.gen.ts (npm run api:types), never retyped.
export type Partner = ResponseOf<'/api/directory/partners/{id}', 'get'>
export type PartnerType = Partner['type']
export type NewPartner = BodyOf<'/api/directory/partners', 'post'>
export type PartnerCreated = ResponseOf<'/api/directory/partners', 'post'>
export type PartnerPatch = BodyOf<'/api/directory/partners/{id}', 'patch'>
export type Product = ResponseOf<'/api/directory/marketplace-products', 'post'>
export type NewProduct = BodyOf<'/api/directory/marketplace-products', 'post'>
export type ProductPatch = BodyOf<'/api/directory/marketplace-products/{id}', 'patch'>

export const PARTNER_TYPES: readonly PartnerType[] = [
  'direct',
  'indirect_provider',
  'indirect_reseller',
  'advisor',
]
export const LOCALES = ['it-IT', 'en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES'] as const

/** The portal page of a partner. */
export const partnerHref = (tenantId: string) => `/vendor/partners/${encodeURIComponent(tenantId)}`

export const listPartners = (signal: AbortSignal) => api.get('/api/directory/partners', { signal })

export const getPartner = (id: string, signal: AbortSignal) =>
  api.get('/api/directory/partners/{id}', { path: { id }, signal })

export const createPartner = (body: NewPartner) => api.post('/api/directory/partners', { body })

export const updatePartner = (id: string, body: PartnerPatch) =>
  api.patch('/api/directory/partners/{id}', { path: { id }, body })

export const setPartnerStatus = (id: string, action: 'suspend' | 'reactivate') =>
  action === 'suspend'
    ? api.post('/api/directory/partners/{id}/suspend', { path: { id } })
    : api.post('/api/directory/partners/{id}/reactivate', { path: { id } })

export const listProducts = (signal: AbortSignal) =>
  api.get('/api/directory/marketplace-products', { signal })

export const createProduct = (body: NewProduct) => api.post('/api/directory/marketplace-products', { body })

export const updateProduct = (id: string, body: ProductPatch) =>
  api.patch('/api/directory/marketplace-products/{id}', { path: { id }, body })
