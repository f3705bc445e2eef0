import type { Static } from 'typebox'
import type {
  AssignablePrincipalListSchema,
  AssignablePrincipalSchema,
  RoleAssignmentCreateSchema,
  RoleAssignmentListSchema,
  RoleAssignmentSchema,
} from '../../../../src/azure/role-assignments.schema.ts'
import type {
  CustomerCreatedSchema,
  CustomerCreateSchema,
  ImportReportSchema,
  ImportRequestSchema,
  OfferListSchema,
  OfferSchema,
  OrderCreatedSchema,
  OrderCreateSchema,
  PartnerLinkListSchema,
  RelationshipLinkSchema,
  SubscriptionChangedSchema,
  SubscriptionChangeSchema,
} from '../../../../src/customers/customer-admin.schema.ts'
import { apiRequest, type RequestOptions } from '../../shared/api/client.ts'

export interface InvitingPartner {
  tenantId: string
  displayName: string
  partnerType: 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
  mpnId: string
}

/** What a reseller relationship link offers (GET /api/partner-invitations/current). */
export interface Invitation {
  partner: InvitingPartner
  indirectProvider: InvitingPartner | null
  relationship: 'reseller' | 'advisor'
  alreadyAccepted: boolean
}

export interface InvitationLink {
  partnerId: string
  indirectProviderId?: string | undefined
}

export const readInvitation = (link: InvitationLink, signal?: AbortSignal) =>
  apiRequest<Invitation>('/api/partner-invitations/current', {
    query: { partnerId: link.partnerId, indirectProviderId: link.indirectProviderId },
    signal,
  })

export const acceptInvitation = (link: InvitationLink) =>
  apiRequest<Invitation>('/api/partner-invitations/accept', {
    method: 'POST',
    body: link.indirectProviderId ? link : { partnerId: link.partnerId },
  })

// ── Customer administration (customer-admin.http.ts, role-assignments.http.ts) ──────────────
// The server's schemas are the contract: these types are derived from them, never retyped.
export type NewCustomer = Static<typeof CustomerCreateSchema>
export type CreatedCustomer = Static<typeof CustomerCreatedSchema>
export type Offer = Static<typeof OfferSchema>
export type NewOrder = Static<typeof OrderCreateSchema>
export type SubscriptionChange = Static<typeof SubscriptionChangeSchema>
export type ImportReport = Static<typeof ImportReportSchema>
export type ImportKind = Static<typeof ImportRequestSchema>['kind']
export type RoleAssignment = Static<typeof RoleAssignmentSchema>
export type AssignablePrincipal = Static<typeof AssignablePrincipalSchema>
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

export const createCustomer = (body: NewCustomer) =>
  apiRequest<CreatedCustomer>('/api/customers', { method: 'POST', body })

export const relationshipLink = (signal: AbortSignal) =>
  apiRequest<Static<typeof RelationshipLinkSchema>>('/api/relationship-link', { signal }).then((r) => r.url)

export const listOffers = (country: string, signal: AbortSignal) =>
  apiRequest<Static<typeof OfferListSchema>>('/api/offers', { query: { country }, signal }).then(
    (r) => r.items,
  )

const customerPath = (tenantId: string) => `/api/customers/${encodeURIComponent(tenantId)}`

export const placeOrder = (tenantId: string, body: NewOrder) =>
  apiRequest<Static<typeof OrderCreatedSchema>>(`${customerPath(tenantId)}/orders`, { method: 'POST', body })

export const changeSubscription = (tenantId: string, subscriptionId: string, body: SubscriptionChange) =>
  apiRequest<Static<typeof SubscriptionChangedSchema>>(
    `${customerPath(tenantId)}/subscriptions/${encodeURIComponent(subscriptionId)}`,
    { method: 'PATCH', body },
  )

export const removeRelationship = (tenantId: string) =>
  apiRequest<void>(`${customerPath(tenantId)}/relationship`, { method: 'DELETE' })

export const importCustomersCsv = (kind: ImportKind, csv: string, dryRun: boolean) =>
  apiRequest<ImportReport>('/api/customers/import', { method: 'POST', body: { kind, csv, dryRun } })

export const exportCsvHref = (kind: ImportKind) => `/api/customers/export.csv?kind=${kind}`

/**
 * A short-lived bearer token in the customer's tenant (the delegated context, issued only while
 * GDAP gives the user a role there): Azure role assignments are changed working in that tenant.
 */
export const customerContextToken = (tenantId: string) =>
  apiRequest<{ token: string }>('/api/session/delegation', {
    method: 'POST',
    body: { tenantId, audience: 'urn:tramite:api' },
  }).then((r) => r.token)

const rbacPath = (subscriptionId: string) => `/api/azure/subscriptions/${encodeURIComponent(subscriptionId)}`

export const listRoleAssignments = (token: string, subscriptionId: string) =>
  bearerCall<Static<typeof RoleAssignmentListSchema>>(
    token,
    `${rbacPath(subscriptionId)}/role-assignments`,
  ).then((r) => r.items)

export const listAssignablePrincipals = (token: string, subscriptionId: string) =>
  bearerCall<Static<typeof AssignablePrincipalListSchema>>(
    token,
    `${rbacPath(subscriptionId)}/assignable-principals`,
  ).then((r) => r.items)

export const addRoleAssignment = (
  token: string,
  subscriptionId: string,
  body: Static<typeof RoleAssignmentCreateSchema>,
) => bearerCall<RoleAssignment>(token, `${rbacPath(subscriptionId)}/role-assignments`, 'POST', body)

export const removeRoleAssignment = (token: string, subscriptionId: string, id: string) =>
  bearerCall<void>(token, `${rbacPath(subscriptionId)}/role-assignments/${encodeURIComponent(id)}`, 'DELETE')

function bearerCall<T>(
  token: string,
  path: string,
  method: RequestOptions['method'] = 'GET',
  body?: unknown,
) {
  return apiRequest<T>(path, { method, body, headers: { Authorization: `Bearer ${token}` } })
}

export const partnerLinks = (signal: AbortSignal) =>
  apiRequest<Static<typeof PartnerLinkListSchema>>('/api/partner-links', { signal }).then((r) => r.items)
