import type { OfferRecord, OrderRecord } from '../customers/orders.data.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { link } from './presenters.ts'

/** Partner Center's Offer and Order resources (v1). */

const CATEGORY: Record<OfferRecord['workloadId'], { id: string; name: string }> = {
  azure: { id: 'Azure', name: 'Azure' },
  office365: { id: 'Office', name: 'Office' },
  dynamics: { id: 'Dynamics', name: 'Dynamics' },
  ems: { id: 'EMS', name: 'Enterprise Mobility + Security' },
  marketplace: { id: 'Marketplace', name: 'Marketplace' },
}

const CULTURE: Record<Locale, string> = { en: 'en-US', it: 'it-IT' }

export function presentOffer(o: OfferRecord, country: string, locale: Locale) {
  const usage = o.billing === 'usage'
  return {
    id: o.id,
    name: o.name[locale],
    description: o.description[locale],
    minimumQuantity: o.minQuantity,
    maximumQuantity: o.maxQuantity,
    rank: o.sortOrder,
    uri: `/v1/offers/${encodeURIComponent(o.id)}?country=${country}`,
    locale: CULTURE[locale],
    country,
    category: { ...CATEGORY[o.workloadId], rank: o.sortOrder, locale: CULTURE[locale], country },
    product: { id: o.productId, name: o.productName, unit: usage ? 'Usage-based' : 'Licenses' },
    unitType: usage ? 'Usage-based' : 'Licenses',
    isAddOn: false,
    isAvailableForPurchase: true,
    billing: o.billing,
    supportedBillingCycles: o.billingCycles,
    isAutoRenewable: !o.isTrial,
    isTrial: o.isTrial,
    ...(o.trialDays ? { trialDays: o.trialDays } : {}),
    conversionTargetOffers: o.conversionTargetOfferIds,
    upgradeTargetOffers: [],
    termDurations: o.termDurations,
    links: { self: link(`/offers/${encodeURIComponent(o.id)}?country=${country}`) },
    attributes: { objectType: 'Offer' },
  }
}

export function presentOrder(o: OrderRecord, resellerMpnId: string | null) {
  const self = `/customers/${o.customerTenantId}/orders/${o.id}`
  return {
    id: o.id,
    referenceCustomerId: o.customerTenantId,
    billingCycle: o.billingCycle,
    currencyCode: o.currencyCode,
    lineItems: o.lineItems.map((l) => ({
      lineItemNumber: l.lineItemNumber,
      offerId: l.offerId,
      ...(l.subscriptionId ? { subscriptionId: l.subscriptionId } : {}),
      friendlyName: l.friendlyName,
      quantity: l.quantity,
      ...(l.termDuration ? { termDuration: l.termDuration } : {}),
      ...(resellerMpnId ? { partnerIdOnRecord: resellerMpnId } : {}),
      links: l.subscriptionId
        ? { subscription: link(`/customers/${o.customerTenantId}/subscriptions/${l.subscriptionId}`) }
        : {},
    })),
    creationDate: o.createdAt.toISOString(),
    status: o.status,
    links: { self: link(self) },
    attributes: { etag: '1', objectType: 'Order' },
  }
}
