import type { Kysely } from 'kysely'
import type { Database } from '../platform/db/schema.ts'

/** One audit event: who, as whom, in which tenant, through which relationship and role, what, result. */
export interface AuditEvent {
  actorUserId: string | null
  actorEmail: string | null
  actorTenantId: string | null
  /** The app registration that acted, for the user or on its own (null: a person directly, or the system). */
  applicationId?: string | null
  tenantId: string | null
  relationshipId?: string | null
  roleName?: string | null
  action: string
  targetType?: string | null
  targetId?: string | null
  rule?: string | null
  result: 'allowed' | 'refused' | 'done'
  reason?: string | null
  details?: Record<string, unknown>
}

/**
 * Appends an event, inside the caller's transaction when given one (so a change and its audit
 * commit together). The sealer chains it off the request path (audit-seal.ts).
 */
export async function recordAudit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db.insertInto('audit_events').values(auditRow(event)).execute()
}

/** The row of an event, as `audit_events` stores it. */
export const auditRow = (event: AuditEvent) => ({
  actor_user_id: event.actorUserId,
  actor_email: event.actorEmail,
  actor_tenant_id: event.actorTenantId,
  tenant_id: event.tenantId,
  application_id: event.applicationId ?? null,
  relationship_id: event.relationshipId ?? null,
  role_name: event.roleName ?? null,
  action: event.action,
  target_type: event.targetType ?? null,
  target_id: event.targetId ?? null,
  rule: event.rule ?? null,
  result: event.result,
  reason: event.reason ?? null,
  details: JSON.stringify(event.details ?? {}),
})

interface Batch {
  rows: ReturnType<typeof auditRow>[]
  done: Promise<void>
}

const pending = new WeakMap<Kysely<Database>, Batch>()

/**
 * Appends an event that is not part of a change (a read, a refusal), committed together with the
 * other such events of the same moment: every call made while one batch is being gathered joins
 * it, and the batch is one INSERT, one commit. The promise resolves once the event is committed,
 * so a caller that awaits it before answering keeps the audit durable; a read starts it first and
 * awaits it together with its own queries, so it does not wait on its audit commit in turn.
 */
export function recordAuditSoon(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  let batch = pending.get(db)
  if (!batch) {
    const rows: Batch['rows'] = []
    batch = {
      rows,
      done: new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
        pending.delete(db)
        await db.insertInto('audit_events').values(rows).execute()
      }),
    }
    pending.set(db, batch)
  }
  batch.rows.push(auditRow(event))
  return batch.done
}

export interface AuditRow {
  id: number
  at: Date
  actorEmail: string | null
  actorTenantId: string | null
  actorTenantName: string | null
  tenantId: string | null
  applicationId: string | null
  relationshipId: string | null
  roleName: string | null
  action: string
  targetType: string | null
  targetId: string | null
  rule: string | null
  result: string
  reason: string | null
}

/**
 * Which events a reader sees (audit.service.ts decides):
 * - `all`: every event, or one tenant's (the vendor's auditors);
 * - `tenant`: events about one tenant, narrowed to what one partner did when `actorTenantId` is set
 *   (a partner sees its own actions for its customer, never another partner's);
 * - `worked`: events about the service requests this engineer works — assigned to them, or that
 *   they changed (an allowed audit event of theirs on the request other than a read).
 */
export type AuditFilter =
  | { kind: 'all'; tenantId?: string }
  | { kind: 'tenant'; tenantId: string; actorTenantId?: string }
  | { kind: 'worked'; userId: string; tenantId?: string }

export async function listAudit(
  db: Kysely<Database>,
  filter: AuditFilter,
  options: { limit: number; beforeId?: number; requestId?: string },
): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_events as e')
    .leftJoin('tenants as t', 't.id', 'e.actor_tenant_id')
    .select([
      'e.id',
      'e.at',
      'e.actor_email as actorEmail',
      'e.actor_tenant_id as actorTenantId',
      't.display_name as actorTenantName',
      'e.tenant_id as tenantId',
      'e.application_id as applicationId',
      'e.relationship_id as relationshipId',
      'e.role_name as roleName',
      'e.action',
      'e.target_type as targetType',
      'e.target_id as targetId',
      'e.rule',
      'e.result',
      'e.reason',
    ])
  if (filter.tenantId) query = query.where('e.tenant_id', '=', filter.tenantId)
  if (filter.kind === 'tenant' && filter.actorTenantId)
    query = query.where('e.actor_tenant_id', '=', filter.actorTenantId)
  if (filter.kind === 'worked') {
    const worked = workedRequests(db, filter.userId)
    query = query.where('e.target_type', '=', 'service_request').where('e.target_id', 'in', worked)
  }
  if (options.requestId)
    query = query.where('e.target_type', '=', 'service_request').where('e.target_id', '=', options.requestId)
  if (options.beforeId) query = query.where('e.id', '<', options.beforeId)
  return query.orderBy('e.id', 'desc').limit(options.limit).execute()
}

/** The requests an engineer works: assigned to them now, or changed by them (reads do not count). */
function workedRequests(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('service_requests')
    .select('id')
    .where('assigned_to_user_id', '=', userId)
    .union(
      db
        .selectFrom('audit_events')
        .select('target_id as id')
        .where('actor_user_id', '=', userId)
        .where('target_type', '=', 'service_request')
        .where('result', '<>', 'refused')
        .where('action', 'not like', '%.read')
        .where('target_id', 'is not', null)
        .$narrowType<{ id: string }>(),
    )
}

/** Whether this engineer works the request (see workedRequests). */
export async function worksRequest(
  db: Kysely<Database>,
  userId: string,
  requestId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(workedRequests(db, userId).as('w'))
    .select('w.id')
    .where('w.id', '=', requestId)
    .executeTakeFirst()
  return row !== undefined
}
