import type { CustomerRecord, SubscriptionRecord } from '../customers/customers.data.ts'
import type { IncidentPost, IncidentRecord } from '../health/health.data.ts'

/** Partner Center's resource shapes (v1): links, attributes.objectType, collection envelope. */

export interface Link {
  uri: string
  method: string
  headers: { key: string; value: string }[]
}

export const link = (uri: string, headers: Link['headers'] = [], method = 'GET'): Link => ({
  uri,
  method,
  headers,
})

export function collection<T>(items: T[], selfUri: string, next?: Link) {
  return {
    totalCount: items.length,
    items,
    links: { self: link(selfUri), ...(next ? { next } : {}) },
    attributes: { objectType: 'Collection' },
  }
}

export function presentCustomer(c: CustomerRecord) {
  const self = `/customers/${c.tenantId}`
  return {
    id: c.tenantId,
    commerceId: c.tenantId,
    companyProfile: {
      tenantId: c.tenantId,
      domain: c.defaultDomain,
      companyName: c.displayName,
      links: { self: link(`${self}/profiles/company`) },
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    relationshipToPartner: c.relationship,
    allowDelegatedAccess: true,
    ...(c.reseller ? { associatedPartnerId: c.reseller.mpnId } : {}),
    customDomains: [c.defaultDomain],
    links: { self: link(self) },
    attributes: { objectType: 'Customer' },
  }
}

const USAGE_BASED = new Set(['azure'])

export function presentSubscription(s: SubscriptionRecord) {
  const usage = USAGE_BASED.has(s.workloadId)
  const created = s.createdAt.toISOString()
  return {
    id: s.id,
    entitlementId: s.id,
    offerId: s.offerId,
    offerName: s.offerName,
    friendlyName: s.friendlyName,
    quantity: s.quantity,
    unitType: usage ? 'Usage-based' : 'Licenses',
    hasPurchasableAddons: false,
    creationDate: created,
    effectiveStartDate: created,
    commitmentEndDate: s.commitmentEndDate ? `${s.commitmentEndDate}T00:00:00Z` : '9999-12-14T00:00:00Z',
    status: s.status,
    autoRenewEnabled: s.billing === 'paid',
    isTrial: s.billing === 'trial',
    billingType: usage ? 'usage' : 'license',
    billingCycle: usage ? 'none' : 'monthly',
    contractType: 'subscription',
    ...(s.reseller ? { partnerId: s.reseller.mpnId } : {}),
    links: {
      self: link(`/customers/${s.tenantId}/subscriptions/${s.id}`),
    },
    attributes: { objectType: 'Subscription' },
  }
}

/** Partner Center's incident severity: critical for interruptions, warning for degradations, normal once resolved. */
function incidentSeverity(i: IncidentRecord): 'normal' | 'information' | 'warning' | 'critical' {
  if (i.isResolved) return 'normal'
  if (i.classification === 'advisory') return 'information'
  if (i.status === 'serviceInterruption') return 'critical'
  if (['serviceDegradation', 'restoringService', 'extendedRecovery'].includes(i.status)) return 'warning'
  return 'information'
}

export function presentIncidentDetail(i: IncidentRecord, posts: IncidentPost[], impactedCustomers: number) {
  const severity = incidentSeverity(i)
  return {
    id: i.id,
    messageType: 'incident',
    startTime: i.startAt.toISOString(),
    ...(i.endAt ? { endTime: i.endAt.toISOString() } : {}),
    status: severity,
    severity,
    messages: posts.map((p) => ({ publishedTime: p.createdAt.toISOString(), messageText: p.content })),
    workload: i.services.find((s) => s.primary)?.displayName ?? '',
    affectedWorkloadNames: i.services.map((s) => s.displayName),
    resolved: i.isResolved,
    impactedArea: i.feature ?? i.featureGroup ?? '',
    impactedCustomers,
    category: i.classification,
    attributes: { objectType: 'ServiceIncidentDetail' },
  }
}
