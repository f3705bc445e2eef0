import type { Kysely } from 'kysely'
import type { Database } from '../platform/db/schema.ts'

/** One audit event: who, as whom, in which tenant, through which relationship and role, what, result. */
export interface AuditEvent {
  actorUserId: string | null
  actorEmail: string | null
  actorTenantId: string | null
  tenantId: string | null
  /** The app registration the caller's token was issued to (null for sessions and `tramite token`). */
  applicationId?: string | null
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
  await db
    .insertInto('audit_events')
    .values({
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
    .execute()
}

export interface AuditRow {
  id: number
  at: Date
  actorEmail: string | null
  actorTenantId: string | null
  actorTenantName: string | null
  tenantId: string | null
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
 * Events about one tenant. `actorTenantId` narrows to what one partner did (a partner sees its own
 * actions for its customer, never another partner's).
 */
export async function listAudit(
  db: Kysely<Database>,
  tenantId: string,
  options: { actorTenantId?: string; limit: number; beforeId?: number },
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
      'e.relationship_id as relationshipId',
      'e.role_name as roleName',
      'e.action',
      'e.target_type as targetType',
      'e.target_id as targetId',
      'e.rule',
      'e.result',
      'e.reason',
    ])
    .where('e.tenant_id', '=', tenantId)
  if (options.actorTenantId) query = query.where('e.actor_tenant_id', '=', options.actorTenantId)
  if (options.beforeId) query = query.where('e.id', '<', options.beforeId)
  return query.orderBy('e.id', 'desc').limit(options.limit).execute()
}
