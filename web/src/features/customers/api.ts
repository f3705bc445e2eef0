import { apiRequest } from '../../shared/api/client.ts'

export interface PartnerRef {
  tenantId: string
  displayName: string
  mpnId: string
}

export type GdapStatus =
  | 'created'
  | 'approvalPending'
  | 'approved'
  | 'activating'
  | 'active'
  | 'expiring'
  | 'terminationRequested'
  | 'terminating'
  | 'terminated'
  | 'expired'

export interface Customer {
  tenantId: string
  displayName: string
  defaultDomain: string
  locale: string
  country: string
  relationship: 'reseller' | 'advisor'
  reseller: PartnerRef | null
  indirectProvider: PartnerRef | null
}

export interface CustomerListItem extends Customer {
  gdap: { status: GdapStatus | 'none'; endAt: string | null }
}

export interface CustomerPage {
  total: number
  items: CustomerListItem[]
}

export type WorkloadId = 'azure' | 'office365' | 'dynamics' | 'ems' | 'marketplace'

export interface Subscription {
  id: string
  workloadId: WorkloadId
  offerId: string
  offerName: string
  friendlyName: string
  channel: 'csp' | 'direct'
  billing: 'trial' | 'paid'
  status: 'active' | 'suspended' | 'deleted'
  quantity: number
  createdAt: string
  commitmentEndDate: string | null
  provider: { tenantId: string; displayName: string } | null
  reseller: PartnerRef | null
  marketplaceProduct: { id: string; name: string; isvName: string } | null
}

export interface RoleRef {
  id: string
  displayName: string
}

export interface GdapRelationship {
  id: string
  displayName: string
  status: GdapStatus
  duration: string
  autoExtendDuration: string
  createdAt: string
  activatedAt: string | null
  endAt: string | null
  roles: RoleRef[]
  assignments: {
    id: string
    status: 'pending' | 'active' | 'deleting' | 'deleted' | 'error'
    group: { id: string; displayName: string }
    roles: RoleRef[]
  }[]
}

export interface CustomerDetails {
  customer: Customer
  subscriptions: Subscription[]
  relationships: GdapRelationship[]
}

export const CUSTOMERS_PAGE_SIZE = 50

export function listCustomers(
  query: { q: string; offset: number },
  signal: AbortSignal,
): Promise<CustomerPage> {
  return apiRequest<CustomerPage>('/api/customers', {
    query: { q: query.q, offset: query.offset, limit: CUSTOMERS_PAGE_SIZE },
    signal,
  })
}

export function getCustomer(tenantId: string, signal: AbortSignal): Promise<CustomerDetails> {
  return apiRequest<CustomerDetails>(`/api/customers/${encodeURIComponent(tenantId)}`, { signal })
}
