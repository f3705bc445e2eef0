import type { Kysely } from 'kysely'
import type { AppContext } from '../platform/context.ts'
import type { Database } from '../platform/db/schema.ts'
import type { RequestEvent } from '../service-requests/request-events.ts'

/** Queues one delivery per subscription that wants this event (same transaction). */
export async function enqueueWebhookEvent(
  _trx: Kysely<Database>,
  _ctx: AppContext,
  _event: RequestEvent,
): Promise<void> {}
