import { recordAudit } from '../audit/audit.data.ts'
import { type Actor, auditActor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { AppError, validationFailed } from '../platform/errors.ts'
import type { ServiceRequestRecord } from './service-requests.data.ts'
import { setStatusAsActor, updateRequestAsActor } from './service-requests.service.ts'

export type BulkChange =
  | { action: 'assign'; assignedTo: string | null }
  /** `reason`: why, kept on each request's timeline as a single close keeps it. */
  | { action: 'close'; reason?: string | undefined }

export interface BulkItem {
  id: string
  /** The version the caller read: a request changed meanwhile is refused (412), not overwritten. */
  version: number
}

export type BulkOutcome =
  | { id: string; ok: true; request: ServiceRequestRecord }
  /** What a single change would have thrown (the HTTP layer presents it as the single change would). */
  | { id: string; ok: false; error: unknown }

/**
 * Applies one change to several requests, each exactly as the single change would (the same
 * service function: the support policy, the desk rules, its own transaction and audit event, its
 * emails and webhooks). Each item succeeds or is refused on its own; every outcome is reported. An
 * unexpected failure stops the batch: the items after it are reported as not attempted.
 */
export async function applyBulkChange(
  ctx: AppContext,
  actor: Actor,
  change: BulkChange,
  items: BulkItem[],
): Promise<BulkOutcome[]> {
  const seen = new Set<string>()
  for (const { id } of items) {
    if (seen.has(id)) throw new AppError(400, 'bulk_duplicate', 'error.bulk_duplicate', { request: id })
    seen.add(id)
  }
  const outcomes: BulkOutcome[] = []
  let interrupted = false
  for (const item of items) {
    if (interrupted) {
      outcomes.push({
        id: item.id,
        ok: false,
        error: new AppError(503, 'bulk_interrupted', 'error.bulk_interrupted'),
      })
      continue
    }
    try {
      const request =
        change.action === 'close'
          ? await setStatusAsActor(ctx, actor, item.id, 'closed', item.version, { reason: change.reason })
          : await updateRequestAsActor(ctx, actor, item.id, { assignedTo: change.assignedTo }, item.version)
      outcomes.push({ id: item.id, ok: true, request })
    } catch (error) {
      if (!(error instanceof AppError)) interrupted = true
      outcomes.push({ id: item.id, ok: false, error })
    }
  }
  // one event for the batch as asked, beside each change's own: who asked what of which requests
  await recordAudit(ctx.db, {
    ...auditActor(actor),
    tenantId: actor.homeTenantId,
    action: 'service_request.bulk',
    targetType: 'service_request',
    result: 'done',
    details: {
      action: change.action,
      ...(change.action === 'assign' ? { assignedTo: change.assignedTo } : {}),
      ...(change.action === 'close' && change.reason ? { reason: change.reason } : {}),
      applied: outcomes.filter((o) => o.ok).map((o) => o.id),
      refused: outcomes
        .filter((o) => !o.ok)
        .map((o) => ({ id: o.id, code: o.error instanceof AppError ? o.error.code : 'internal_error' })),
    },
  })
  return outcomes
}

/**
 * The change a bulk body asks for: `assign` needs `assignedTo` (null unassigns); `close` takes an
 * optional `reason` (blank is no reason, as for a single close).
 */
export function bulkChangeOf(body: {
  action: 'assign' | 'close'
  assignedTo?: string | null | undefined
  reason?: string | undefined
}): BulkChange {
  if (body.action === 'assign') {
    if (body.assignedTo === undefined)
      throw validationFailed('assignedTo is required to assign (null unassigns)')
    if (body.reason !== undefined) throw validationFailed('reason is only for action "close"')
    return { action: 'assign', assignedTo: body.assignedTo }
  }
  if (body.assignedTo !== undefined) throw validationFailed('assignedTo is only for action "assign"')
  return { action: 'close', reason: body.reason?.trim() || undefined }
}
