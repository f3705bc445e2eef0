import type { Locale } from '../platform/i18n/i18n.ts'
import type { NoteRecord, ServiceRequestRecord } from '../service-requests/service-requests.data.ts'
import { collection, link, type Link } from './presenters.ts'

/**
 * Partner Center's ServiceRequest resource (v1), as the documented examples and the SDKs' models
 * show it: string enums in lower case (`status` none|open|closed|attention_needed), ISO dates,
 * `0001-01-01T00:00:00` (.NET's DateTime.MinValue) for a date that never happened.
 */

export const NEVER = '0001-01-01T00:00:00'

export const etagOf = (r: Pick<ServiceRequestRecord, 'id' | 'version'>): string => `"${r.id}-${r.version}"`

/** A display name as Partner Center's contact: the first word is the first name, the rest the last. */
export function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (words.length <= 1) return { firstName: words[0] ?? '', lastName: '' }
  return { firstName: words[0]!, lastName: words.slice(1).join(' ') }
}

/** Workload id → its display name in each language (the catalog is data: read, not hard-coded). */
export type ProductNames = Map<string, { en: string; it: string }>

function presentNote(n: NoteRecord) {
  return { createdByName: n.authorName, createdDate: n.createdAt.toISOString(), text: n.text }
}

/**
 * Partner Center's one topic field for an Azure ticket: the Azure service and the problem
 * classification chosen in the Azure portal or over ARM ("Virtual Machine running Windows —
 * Cannot connect to my VM"), so a tool reading /v1 sees both.
 */
function azureTopicName(r: ServiceRequestRecord, locale: Locale): string | null {
  const service = locale === 'it' ? r.azureServiceNameIt : r.azureServiceNameEn
  const classification = locale === 'it' ? r.classificationNameIt : r.classificationNameEn
  if (service && classification) return `${service} — ${classification}`
  return service ?? classification ?? null
}

/**
 * One request. `notes` only on the single GET and the PATCH answer; the list leaves them out.
 * Azure tickets have no support topic: their service and problem classification stand in.
 */
export function presentServiceRequest(
  r: ServiceRequestRecord,
  locale: Locale,
  products: ProductNames,
  notes?: NoteRecord[],
) {
  const topicName =
    (locale === 'it' ? r.supportTopicNameIt : r.supportTopicNameEn) ?? azureTopicName(r, locale)
  const topicId = r.supportTopicId ?? r.classificationId ?? r.azureServiceId
  const product = products.get(r.workload)
  const { firstName, lastName } = splitName(r.contact.name)
  return {
    title: r.title,
    description: r.description,
    severity: r.severity,
    ...(topicId ? { supportTopicId: topicId } : {}),
    ...(topicName ? { supportTopicName: topicName } : {}),
    id: r.id,
    // our statuses are Partner Center's wire values, attention_needed included
    status: r.status,
    organization: { id: r.tenantId, name: r.tenantName },
    primaryContact: {
      ...(r.contact.userId ? { contactId: r.contact.userId } : {}),
      firstName,
      lastName,
      email: r.contact.email,
      ...(r.contact.phone ? { phoneNumber: r.contact.phone } : {}),
    },
    productName: product ? product[locale] : r.workload,
    productId: r.workload,
    createdDate: r.createdAt.toISOString(),
    lastModifiedDate: r.modifiedAt.toISOString(),
    lastClosedDate: r.closedAt ? r.closedAt.toISOString() : NEVER,
    countryCode: r.country,
    ...(notes ? { notes: notes.map(presentNote) } : {}),
    links: { self: link(`/servicerequests/${r.id}`) },
    attributes: { etag: etagOf(r), objectType: 'ServiceRequest' },
  }
}

/**
 * A page of requests in the collection envelope: `totalCount` counts this page's items (as the
 * other /v1 collections do); `links.next` / `links.previous` carry the neighbouring pages.
 */
export function serviceRequestPage<T>(
  items: T[],
  uri: (offset: number) => string,
  page: { offset: number; size: number; more: boolean },
) {
  const envelope = collection(items, uri(page.offset))
  const next: Link | undefined = page.more ? link(uri(page.offset + items.length)) : undefined
  const previous: Link | undefined =
    page.offset > 0 ? link(uri(Math.max(0, page.offset - page.size))) : undefined
  return {
    ...envelope,
    links: { ...envelope.links, ...(next ? { next } : {}), ...(previous ? { previous } : {}) },
  }
}
