import type { RequestStatus, Severity, WorkloadId } from '../platform/db/schema.ts'
import type { RequestEvent, RequestEventType } from '../service-requests/request-events.ts'

/**
 * What a receiver gets, version 1 (docs/webhooks.md). Fields are only ever added, never renamed
 * or removed; `id` is the event's id, the same on every retry and redelivery.
 */
export interface WebhookPayload {
  id: string
  type: RequestEventType | 'ping'
  createdAt: string
  data: RequestEventData | PingData
}

export interface RequestEventData {
  request: {
    id: string
    title: string
    status: RequestStatus
    severity: Severity
    workload: WorkloadId
    customer: { tenantId: string; name: string }
    partner: { tenantId: string; name: string | null } | null
    externalReference: string | null
    createdAt: string
    modifiedAt: string
    links: { portal: string; api: string }
  }
  actor: { name: string; side: 'vendor' | 'partner' | 'customer' | 'system' }
  note?: { id: number; text: string; authorName: string }
  attachment?: { id: string; fileName: string; sizeBytes: number }
  previous?: { status?: RequestStatus; severity?: Severity }
}

export interface PingData {
  subscription: { id: string }
}

/**
 * The payload of a public request event. Built from an allow-list of fields: what the partner
 * already sees in the portal, never internal notes, attachments or the assignee.
 */
export function requestEventPayload(event: RequestEvent, publicUrl: string): WebhookPayload {
  const r = event.request
  const data: RequestEventData = {
    request: {
      id: r.id,
      title: r.title,
      status: r.status,
      severity: r.severity,
      workload: r.workload,
      customer: { tenantId: r.tenantId, name: r.tenantName },
      partner: r.partnerTenantId ? { tenantId: r.partnerTenantId, name: r.partnerName } : null,
      externalReference: r.externalReference,
      createdAt: r.createdAt.toISOString(),
      modifiedAt: r.modifiedAt.toISOString(),
      links: {
        portal: `${publicUrl}/service-requests/${encodeURIComponent(r.id)}`,
        api: `${publicUrl}/api/service-requests/${encodeURIComponent(r.id)}`,
      },
    },
    actor: { name: event.actor.name, side: event.actor.side },
  }
  if (event.note) data.note = { id: event.note.id, text: event.note.text, authorName: event.actor.name }
  if (event.attachment) data.attachment = { ...event.attachment }
  const previous: RequestEventData['previous'] = {}
  if (event.previous?.status !== undefined) previous.status = event.previous.status
  if (event.previous?.severity !== undefined) previous.severity = event.previous.severity
  if (Object.keys(previous).length > 0) data.previous = previous
  return { id: event.id, type: event.type, createdAt: event.at.toISOString(), data }
}

export function pingPayload(eventId: string, subscriptionId: string, at: Date): WebhookPayload {
  return {
    id: eventId,
    type: 'ping',
    createdAt: at.toISOString(),
    data: { subscription: { id: subscriptionId } },
  }
}

/** The order fields are written in, as docs/webhooks.md shows them; unknown keys come last. */
const KEY_ORDER = [
  'id',
  'type',
  'title',
  'text',
  'authorName',
  'fileName',
  'sizeBytes',
  'status',
  'severity',
  'workload',
  'customer',
  'partner',
  'externalReference',
  'createdAt',
  'modifiedAt',
  'links',
  'portal',
  'api',
  'tenantId',
  'name',
  'side',
  'data',
  'request',
  'note',
  'attachment',
  'previous',
  'actor',
  'subscription',
]
const rank = new Map(KEY_ORDER.map((k, i) => [k, i]))

const byRank = (a: string, b: string) =>
  (rank.get(a) ?? KEY_ORDER.length) - (rank.get(b) ?? KEY_ORDER.length) || (a < b ? -1 : a > b ? 1 : 0)

/** A copy of a stored payload with its keys in the documented order. */
export function orderedPayload<T>(value: T): T {
  if (Array.isArray(value)) return value.map(orderedPayload) as T
  if (value === null || typeof value !== 'object') return value
  const keys = Object.keys(value).sort(byRank)
  return Object.fromEntries(keys.map((k) => [k, orderedPayload((value as Record<string, unknown>)[k])])) as T
}

/**
 * The body as sent: the stored payload (the database keeps JSON keys in its own order) written in
 * the documented order — the same bytes on every attempt, so a signature check never depends on it.
 */
export function serializePayload(payload: unknown): string {
  return JSON.stringify(orderedPayload(payload))
}
