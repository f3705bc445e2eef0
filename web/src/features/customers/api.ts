import { api, type ResponseOf } from '../../shared/api/typed.ts'

// The server's OpenAPI document is the contract: these types come from the generated
// openapi.gen.ts (npm run api:types), never retyped.
export type CustomerPage = ResponseOf<'/api/customers', 'get'>
export type CustomerListItem = CustomerPage['items'][number]
export type CustomerDetails = ResponseOf<'/api/customers/{tenantId}', 'get'>
export type Customer = CustomerDetails['customer']
export type PartnerRef = NonNullable<Customer['reseller']>
export type Subscription = CustomerDetails['subscriptions'][number]
export type WorkloadId = Subscription['workloadId']
export type GdapRelationship = CustomerDetails['relationships'][number]
export type GdapStatus = GdapRelationship['status']
export type RoleRef = GdapRelationship['roles'][number]

export const CUSTOMERS_PAGE_SIZE = 50

export function listCustomers(
  query: { q: string; offset: number },
  signal: AbortSignal,
): Promise<CustomerPage> {
  return api.get('/api/customers', {
    query: { q: query.q, offset: query.offset, limit: CUSTOMERS_PAGE_SIZE },
    signal,
  })
}

export function getCustomer(tenantId: string, signal: AbortSignal): Promise<CustomerDetails> {
  return api.get('/api/customers/{tenantId}', { path: { tenantId }, signal })
}
