import type { Kysely } from 'kysely'
import type { Actor } from '../identity/actor.ts'
import type { Database } from '../platform/db/schema.ts'
import { AppError, notFound } from '../platform/errors.ts'
import type { RequestEventActor } from './request-events.ts'
import { findServiceRequest, type ServiceRequestRecord } from './service-requests.data.ts'
import { insertTimelineEvent, setEscalationOf } from './timeline.data.ts'
import { requestEventId } from './request-events.ts'

/**
 * "Escalate to the vendor": a partner working a request its (trial) customer sent to it (R10)
 * files a request with the vendor for the same customer, linked to the first. Only the partner
 * that works the request may escalate it; anyone else is told it does not exist (404).
 */
export async function escalationSource(
  db: Kysely<Database>,
  actor: Actor,
  sourceId: string,
  targetTenantId: string,
  handledBy: 'vendor' | 'partner' | null,
): Promise<ServiceRequestRecord> {
  const source = await findServiceRequest(db, sourceId)
  if (
    !source ||
    source.handledBy !== 'partner' ||
    actor.homeTenantKind !== 'partner' ||
    source.partnerTenantId !== actor.homeTenantId
  ) {
    throw notFound()
  }
  if (source.status === 'closed') {
    throw new AppError(409, 'request_closed', 'error.request_closed_change', { status: source.status })
  }
  if (source.tenantId !== targetTenantId) {
    throw new AppError(400, 'escalation_other_customer', 'error.escalation_other_customer', {
      request: source.id,
      customer: source.tenantName,
    })
  }
  if (handledBy !== 'vendor') {
    throw new AppError(400, 'escalation_to_vendor_only', 'error.escalation_to_vendor_only', {
      request: source.id,
    })
  }
  return source
}

/** Links the new request to the one it escalates; the source's timeline says so, to both sides. */
export async function linkEscalation(
  trx: Kysely<Database>,
  requestId: string,
  source: ServiceRequestRecord,
  actor: RequestEventActor,
  at: Date,
): Promise<void> {
  await setEscalationOf(trx, requestId, source.id)
  await insertTimelineEvent(trx, {
    id: requestEventId('service_request.created', source.id, `escalated-${requestId}`),
    requestId: source.id,
    type: 'service_request.escalated',
    at,
    actorUserId: actor.userId,
    actorName: actor.name,
    actorTenantId: actor.tenantId,
    actorSide: actor.side,
    visibility: 'public',
    details: { request: requestId },
  })
}
