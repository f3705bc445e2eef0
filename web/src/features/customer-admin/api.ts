import { api, type BodyOf, type QueryOf, type ResponseOf } from '../../shared/api/typed.ts'

// The server's OpenAPI document is the contract: these types come from the generated
// openapi.gen.ts (npm run api:types), never retyped.

/** What a reseller relationship link offers (GET /api/partner-invitations/current). */
export type Invitation = ResponseOf<'/api/partner-invitations/current', 'get'>
export type InvitingPartner = Invitation['partner']

/** A reseller relationship link's parameters (the partner, and the indirect provider if any). */
export type InvitationLink = QueryOf<'/api/partner-invitations/current', 'get'>

export const readInvitation = (link: InvitationLink, signal?: AbortSignal) =>
  api.get('/api/partner-invitations/current', {
    query: {
      partnerId: link.partnerId,
      ...(link.indirectProviderId ? { indirectProviderId: link.indirectProviderId } : {}),
    },
    signal,
  })

export const acceptInvitation = (link: InvitationLink) =>
  api.post('/api/partner-invitations/accept', {
    body: link.indirectProviderId
      ? { partnerId: link.partnerId, indirectProviderId: link.indirectProviderId }
      : { partnerId: link.partnerId },
  })

// ── Customer administration (customer-admin.http.ts, role-assignments.http.ts) ──────────────
export type NewCustomer = BodyOf<'/api/customers', 'post'>
export type CreatedCustomer = ResponseOf<'/api/customers', 'post'>
export type Offer = ResponseOf<'/api/offers', 'get'>['items'][number]
export type NewOrder = BodyOf<'/api/customers/{tenantId}/orders', 'post'>
export type SubscriptionChange = BodyOf<'/api/customers/{tenantId}/subscriptions/{subscriptionId}', 'patch'>
export type ImportReport = ResponseOf<'/api/customers/import', 'post'>
export type ImportKind = BodyOf<'/api/customers/import', 'post'>['kind']
type RoleAssignmentPath = '/api/azure/subscriptions/{subscriptionId}/role-assignments'
export type RoleAssignment = ResponseOf<RoleAssignmentPath, 'get'>['items'][number]
export type AssignablePrincipal = ResponseOf<
  '/api/azure/subscriptions/{subscriptionId}/assignable-principals',
  'get'
>['items'][number]
export type AzureRoleName = RoleAssignment['roleName']
export const AZURE_ROLES: readonly AzureRoleName[] = [
  'Owner',
  'Contributor',
  'Reader',
  'Support Request Contributor',
]
export const CUSTOMER_LANGUAGES: readonly NewCustomer['locale'][] = [
  'it-IT',
  'en-US',
  'en-GB',
  'de-DE',
  'fr-FR',
  'es-ES',
]

export const createCustomer = (body: NewCustomer) => api.post('/api/customers', { body })

export const relationshipLink = (signal: AbortSignal) =>
  api.get('/api/relationship-link', { signal }).then((r) => r.url)

export const listOffers = (country: string, signal: AbortSignal) =>
  api.get('/api/offers', { query: { country }, signal }).then((r) => r.items)

export const placeOrder = (tenantId: string, body: NewOrder) =>
  api.post('/api/customers/{tenantId}/orders', { path: { tenantId }, body })

export const changeSubscription = (tenantId: string, subscriptionId: string, body: SubscriptionChange) =>
  api.patch('/api/customers/{tenantId}/subscriptions/{subscriptionId}', {
    path: { tenantId, subscriptionId },
    body,
  })

export const removeRelationship = (tenantId: string) =>
  api.delete('/api/customers/{tenantId}/relationship', { path: { tenantId } })

export const importCustomersCsv = (kind: ImportKind, csv: string, dryRun: boolean) =>
  api.post('/api/customers/import', { body: { kind, csv, dryRun } })

export const exportCsvHref = (kind: ImportKind) => `/api/customers/export.csv?kind=${kind}`

/**
 * A short-lived bearer token in the customer's tenant (the delegated context, issued only while
 * GDAP gives the user a role there): Azure role assignments are changed working in that tenant.
 */
export const customerContextToken = (tenantId: string) =>
  api
    .post('/api/session/delegation', { body: { tenantId, audience: 'urn:tramite:api' } })
    .then((r) => r.token)

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

export const listRoleAssignments = (token: string, subscriptionId: string) =>
  api
    .get('/api/azure/subscriptions/{subscriptionId}/role-assignments', {
      path: { subscriptionId },
      headers: bearer(token),
    })
    .then((r) => r.items)

export const listAssignablePrincipals = (token: string, subscriptionId: string) =>
  api
    .get('/api/azure/subscriptions/{subscriptionId}/assignable-principals', {
      path: { subscriptionId },
      headers: bearer(token),
    })
    .then((r) => r.items)

export const addRoleAssignment = (
  token: string,
  subscriptionId: string,
  body: BodyOf<RoleAssignmentPath, 'post'>,
) =>
  api.post('/api/azure/subscriptions/{subscriptionId}/role-assignments', {
    path: { subscriptionId },
    body,
    headers: bearer(token),
  })

export const removeRoleAssignment = (token: string, subscriptionId: string, id: string) =>
  api.delete('/api/azure/subscriptions/{subscriptionId}/role-assignments/{id}', {
    path: { subscriptionId, id },
    headers: bearer(token),
  })

export const partnerLinks = (signal: AbortSignal) =>
  api.get('/api/partner-links', { signal }).then((r) => r.items)
