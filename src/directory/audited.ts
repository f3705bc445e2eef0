import type { Kysely } from 'kysely'
import { type AuditEvent, recordAudit } from '../audit/audit.data.ts'
import { auditActor, type Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import type { Database } from '../platform/db/schema.ts'

/** What a directory change records: the actor and `result: 'done'` are filled in. */
export type DirectoryEvent = Pick<AuditEvent, 'tenantId' | 'action' | 'rule' | 'details'> & {
  targetType: string
  targetId: string
}

/**
 * Runs a directory change and its audit event in one transaction: the event is written only when
 * the change succeeds, and a change that throws (a refusal) writes nothing. The event may depend
 * on what the change answers (what was removed, which action it turned out to be).
 */
export async function auditedChange<T>(
  ctx: AppContext,
  actor: Actor,
  event: DirectoryEvent | ((result: T) => DirectoryEvent),
  change: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const result = await change(trx)
    const e = typeof event === 'function' ? event(result) : event
    await recordAudit(trx, { ...auditActor(actor), ...e, result: 'done' })
    return result
  })
}
