import type { Kysely } from 'kysely'
import type { AppContext } from '../platform/context.ts'
import type { Database } from '../platform/db/schema.ts'
import type { RequestEvent } from '../service-requests/request-events.ts'
import { enqueueDeliveries } from './webhooks.data.ts'
import { requestEventPayload } from './webhooks.payload.ts'

/**
 * Queues one delivery per subscription that wants this event (same transaction as the change).
 * Subscribers are the partner the request was filed through; they hear public events only —
 * internal notes, internal attachments and assignment stay with the vendor.
 */
export async function enqueueWebhookEvent(
  trx: Kysely<Database>,
  ctx: AppContext,
  event: RequestEvent,
): Promise<void> {
  if (event.visibility !== 'public') return
  const partnerTenantId = event.request.partnerTenantId
  if (!partnerTenantId) return
  await enqueueDeliveries(trx, partnerTenantId, {
    eventId: event.id,
    payload: requestEventPayload(event, ctx.config.publicUrl),
    now: ctx.now(),
  })
}
