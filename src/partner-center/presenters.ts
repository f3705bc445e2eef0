import type { CustomerRecord } from '../customers/customers.data.ts'
import type { TenantProfile } from '../customers/profiles.data.ts'
import type { SubscribedSkuRecord } from '../customers/subscribed-skus.data.ts'
import type { PartnerRef, SubscriptionRecord } from '../customers/subscriptions.data.ts'
import { uuidFromName } from '../platform/ids.ts'
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

const BILLING_PROFILE_NAMESPACE = '0d6e2c41-7b3a-4f58-9e21-5a8c3f7d1b90'

/** Properties whose value is null or undefined are left out, as Partner Center leaves them out. */
export const present = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined))

/** Partner Center's Address: only the fields that have a value. */
export function presentAddress(country: string, p: TenantProfile | null, contact: boolean) {
  return present({
    country,
    city: p?.city,
    state: p?.state,
    addressLine1: p?.addressLine1,
    addressLine2: p?.addressLine2,
    addressLine3: p?.addressLine3,
    postalCode: p?.postalCode,
    ...(contact ? { firstName: p?.billing.firstName, lastName: p?.billing.lastName } : {}),
    phoneNumber: p?.phone,
  })
}

export function presentCompanyProfile(
  c: Pick<CustomerRecord, 'tenantId' | 'defaultDomain' | 'displayName' | 'country' | 'profile'>,
) {
  return {
    tenantId: c.tenantId,
    domain: c.defaultDomain,
    companyName: c.displayName,
    address: presentAddress(c.country, c.profile, false),
    ...present({ email: c.profile?.email, organizationRegistrationNumber: c.profile?.registrationNumber }),
    links: { self: link(`/customers/${c.tenantId}/profiles/company`) },
    attributes: { objectType: 'CustomerCompanyProfile' },
  }
}

export function presentBillingProfile(
  c: Pick<CustomerRecord, 'tenantId' | 'displayName' | 'country' | 'locale' | 'profile'>,
) {
  return {
    id: uuidFromName(BILLING_PROFILE_NAMESPACE, c.tenantId),
    ...present({
      firstName: c.profile?.billing.firstName,
      lastName: c.profile?.billing.lastName,
      email: c.profile?.billing.email ?? c.profile?.email,
    }),
    culture: c.locale,
    language: c.locale.split('-')[0]!,
    companyName: c.displayName,
    defaultAddress: presentAddress(c.country, c.profile, true),
    links: { self: link(`/customers/${c.tenantId}/profiles/billing`) },
    attributes: { etag: String(c.profile?.version ?? 0), objectType: 'CustomerBillingProfile' },
  }
}

export function presentCustomer(c: CustomerRecord, options: { allowDelegatedAccess?: boolean } = {}) {
  const self = `/customers/${c.tenantId}`
  return {
    id: c.tenantId,
    commerceId: c.tenantId,
    companyProfile: presentCompanyProfile(c),
    billingProfile: presentBillingProfile(c),
    relationshipToPartner: c.relationship,
    // documented as known only when one customer is read by id
    ...(options.allowDelegatedAccess === undefined
      ? {}
      : { allowDelegatedAccess: options.allowDelegatedAccess }),
    // the indirect reseller's tenant id, as the provider sets it when it creates the customer
    ...(c.reseller ? { associatedPartnerId: c.reseller.tenantId } : {}),
    customDomains: [c.defaultDomain],
    links: { self: link(self) },
    attributes: { objectType: 'Customer' },
  }
}

const USAGE_BASED = new Set(['azure'])

export function presentSubscription(s: SubscriptionRecord) {
  const usage = USAGE_BASED.has(s.workloadId)
  const created = s.createdAt.toISOString()
  const self = `/customers/${s.tenantId}/subscriptions/${s.id}`
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
    billingCycle: s.billingCycle ?? (usage ? 'none' : 'monthly'),
    contractType: 'subscription',
    isMicrosoftProduct: s.marketplaceProduct === null,
    ...(s.marketplaceProduct ? { publisherName: s.marketplaceProduct.isvName } : {}),
    // the MPN id of the reseller of record (indirect model)
    ...(s.reseller ? { partnerId: s.reseller.mpnId } : {}),
    ...present({ orderId: s.orderId, termDuration: s.termDuration }),
    ...(s.suspensionReasons.length ? { suspensionReasons: s.suspensionReasons } : {}),
    links: { self: link(self) },
    attributes: { etag: String(s.version), objectType: 'Subscription' },
  }
}

export function presentSupportContact(subscription: SubscriptionRecord, contact: PartnerRef) {
  return {
    supportTenantId: contact.tenantId,
    supportMpnId: contact.mpnId,
    name: contact.displayName,
    links: {
      self: link(`/customers/${subscription.tenantId}/subscriptions/${subscription.id}/supportcontact`),
    },
    attributes: { objectType: 'SupportContact' },
  }
}

export function presentSubscribedSku(sku: SubscribedSkuRecord) {
  const totalUnits = sku.activeUnits
  return {
    availableUnits: totalUnits,
    activeUnits: sku.activeUnits,
    consumedUnits: 0,
    suspendedUnits: sku.suspendedUnits,
    totalUnits,
    warningUnits: 0,
    productSku: {
      id: sku.skuId,
      name: sku.productName,
      skuPartNumber: sku.skuPartNumber,
      targetType: 'User',
      licenseGroupId: 'group1',
    },
    servicePlans: sku.servicePlans.map((p) => ({
      displayName: p.displayName,
      serviceName: p.serviceName,
      id: p.id,
      capabilityStatus: sku.activeUnits > 0 ? 'Enabled' : 'Suspended',
      targetType: p.targetType,
    })),
    capabilityStatus: sku.activeUnits > 0 ? 'Enabled' : 'Suspended',
    // not in Partner Center's shape: whether these are trial licenses (R10: a trial customer contacts its partner)
    isTrial: sku.isTrial,
    attributes: { objectType: 'SubscribedSku' },
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
