import type { Kysely } from 'kysely'
import { enqueueRequestEmails, recipientsOf } from '../email/email.events.ts'
import { filingNoticesPartner, sendRequestNotices } from '../notifications/request-notices.ts'
import type { AppContext } from '../platform/context.ts'
import type { Database, NoteVisibility, RequestStatus, Severity } from '../platform/db/schema.ts'
import { uuidFromName } from '../platform/ids.ts'
import { enqueueWebhookEvent } from '../webhooks/webhooks.events.ts'
import type { ServiceRequestRecord } from './service-requests.data.ts'
import { insertTimelineEvent } from './timeline.data.ts'

/** What happened to a request, as the channels around it (email, webhooks) learn of it. */
export type RequestEventType =
  | 'service_request.created'
  | 'service_request.note_added'
  | 'service_request.status_changed'
  | 'service_request.severity_changed'
  | 'service_request.assigned'
  | 'service_request.external_reference_changed'
  | 'service_request.attachment_added'
  | 'service_request.sla_breached'

export const REQUEST_EVENT_TYPES: readonly RequestEventType[] = [
  'service_request.created',
  'service_request.note_added',
  'service_request.status_changed',
  'service_request.severity_changed',
  'service_request.assigned',
  'service_request.external_reference_changed',
  'service_request.attachment_added',
  'service_request.sla_breached',
]

export interface RequestEventActor {
  userId: string | null
  email: string | null
  name: string
  tenantId: string | null
  /** 'vendor' for the vendor's engineers, else the side that filed or follows the request. */
  side: 'vendor' | 'partner' | 'customer' | 'system'
}

export interface RequestEvent {
  /** The same for the same change however often it is recorded: `type` + request + version. */
  id: string
  type: RequestEventType
  at: Date
  /** The request as it is after the change. */
  request: ServiceRequestRecord
  actor: RequestEventActor
  /** Internal events (internal notes and attachments, assignment) never leave the vendor. */
  visibility: NoteVisibility
  note?: { id: number; text: string } | undefined
  attachment?: { id: string; fileName: string; sizeBytes: number } | undefined
  previous?: { status?: RequestStatus; severity?: Severity; assignedToUserId?: string | null } | undefined
  /** Why it was closed or reopened, as the person said it. */
  reason?: string | undefined
}

const EVENT_NAMESPACE = '6f1d3c2a-8a53-4b8e-9d7e-3c1b2a4f5e60'

export function requestEventId(type: RequestEventType, requestId: string, discriminator: string | number) {
  return uuidFromName(EVENT_NAMESPACE, `${type}:${requestId}:${discriminator}`)
}

/**
 * Records an event in the same transaction as the change it describes: the emails to the
 * request's contacts (public events), the webhook deliveries and the in-app notices wait in their tables, so a
 * change is never acknowledged without them, and a rolled-back change sends nothing.
 */
export async function recordRequestEvent(
  trx: Kysely<Database>,
  ctx: AppContext,
  event: RequestEvent,
  /** `webhookSubscribers: false`: the change's own statement found no subscription that wants it. */
  known: { webhookSubscribers?: boolean } = {},
): Promise<void> {
  if (event.visibility === 'public') await enqueueRequestEmails(trx, ctx, event)
  if (known.webhookSubscribers !== false) await enqueueWebhookEvent(trx, ctx, event)
  await sendRequestNotices(trx, ctx, event)
  await keepOnTimeline(trx, event)
}

/**
 * Whether recording a new request's `service_request.created` event would write nothing but
 * webhook deliveries — no email to its contacts, no notice, no timeline row — so the filing's own
 * statement can be all it writes. Known before the request is written: it depends on the contact,
 * the ticket's contact, who handles the request and who files it.
 */
export function filingWritesOnlyWebhooks(
  request: Pick<ServiceRequestRecord, 'contact' | 'armContact' | 'handledBy' | 'partnerTenantId'>,
  actor: Pick<RequestEventActor, 'userId' | 'email'>,
): boolean {
  return (
    recipientsOf({ request, actor }).length === 0 &&
    !filingNoticesPartner(request) &&
    timelineDetails({ type: 'service_request.created' } as RequestEvent) === null
  )
}

/** What the timeline keeps of an event; notes and the filing are read from their own rows. */
function timelineDetails(event: RequestEvent): Record<string, unknown> | null {
  const r = event.request
  switch (event.type) {
    case 'service_request.created':
    case 'service_request.note_added':
      return null
    case 'service_request.status_changed':
      return { from: event.previous?.status ?? null, to: r.status, reason: event.reason ?? null }
    case 'service_request.severity_changed':
      return { from: event.previous?.severity ?? null, to: r.severity }
    case 'service_request.assigned':
      return { from: event.previous?.assignedToUserId ?? null, to: r.assignedToUserId }
    case 'service_request.external_reference_changed':
      return { to: r.externalReference }
    case 'service_request.attachment_added':
      return { fileName: event.attachment?.fileName ?? null }
    case 'service_request.sla_breached':
      return {}
  }
}

async function keepOnTimeline(trx: Kysely<Database>, event: RequestEvent): Promise<void> {
  const details = timelineDetails(event)
  if (!details) return
  await insertTimelineEvent(trx, {
    id: event.id,
    requestId: event.request.id,
    type: event.type,
    at: event.at,
    actorUserId: event.actor.userId,
    actorName: event.actor.name,
    actorTenantId: event.actor.tenantId,
    actorSide: event.actor.side,
    visibility: event.visibility,
    details,
  })
}
