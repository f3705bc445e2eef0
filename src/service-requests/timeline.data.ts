import type { Kysely } from 'kysely'
import type { Database, NoteVisibility, RequestStatus } from '../platform/db/schema.ts'

/** One stored change of a request's life (notes and the filing itself live in their own rows). */
export interface TimelineEventRecord {
  id: string
  requestId: string
  type: string
  at: Date
  actorUserId: string | null
  actorName: string
  actorTenantId: string | null
  actorSide: string
  visibility: NoteVisibility
  details: Record<string, unknown>
}

/** Written in the change's transaction; the same event id twice is kept once. */
export async function insertTimelineEvent(
  trx: Kysely<Database>,
  event: Omit<TimelineEventRecord, 'details'> & { details: Record<string, unknown> },
): Promise<void> {
  await trx
    .insertInto('service_request_events')
    .values({
      id: event.id,
      request_id: event.requestId,
      type: event.type,
      at: event.at,
      actor_user_id: event.actorUserId,
      actor_name: event.actorName,
      actor_tenant_id: event.actorTenantId,
      actor_side: event.actorSide,
      visibility: event.visibility,
      details: JSON.stringify(event.details),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}

export async function listTimelineEvents(
  db: Kysely<Database>,
  requestId: string,
  options: { includeInternal: boolean },
): Promise<TimelineEventRecord[]> {
  let query = db
    .selectFrom('service_request_events')
    .select([
      'id',
      'request_id as requestId',
      'type',
      'at',
      'actor_user_id as actorUserId',
      'actor_name as actorName',
      'actor_tenant_id as actorTenantId',
      'actor_side as actorSide',
      'visibility',
      'details',
    ])
    .where('request_id', '=', requestId)
  if (!options.includeInternal) query = query.where('visibility', '=', 'public')
  return query.orderBy('at').orderBy('seq').execute()
}

export interface LinkedRequestRecord {
  id: string
  title: string
  status: RequestStatus
  handledBy: 'vendor' | 'partner'
}

const linkedColumns = ['id', 'title', 'status', 'handled_by as handledBy'] as const

/** The request `requestId` escalates, and the requests that escalate it. */
export async function findEscalationLinks(
  db: Kysely<Database>,
  requestId: string,
): Promise<{ escalationOf: LinkedRequestRecord | null; escalations: LinkedRequestRecord[] }> {
  const [source, escalations] = await Promise.all([
    db
      .selectFrom('service_requests as r')
      .innerJoin('service_requests as s', 's.id', 'r.escalation_of')
      .select(['s.id', 's.title', 's.status', 's.handled_by as handledBy'])
      .where('r.id', '=', requestId)
      .executeTakeFirst(),
    db
      .selectFrom('service_requests')
      .select([...linkedColumns])
      .where('escalation_of', '=', requestId)
      .orderBy('created_at')
      .execute(),
  ])
  return { escalationOf: source ?? null, escalations }
}

export async function setEscalationOf(trx: Kysely<Database>, requestId: string, sourceId: string) {
  await trx
    .updateTable('service_requests')
    .set({ escalation_of: sourceId })
    .where('id', '=', requestId)
    .execute()
}

/** Display names of users, for the assignment entries (ids that are no user are left out). */
export async function userNames(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  const uuids = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id))
  if (uuids.length === 0) return new Map()
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', uuids).execute()
  return new Map(rows.map((r) => [r.id, r.display_name]))
}

export async function findIncident(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('incidents')
    .select([
      'id',
      'title',
      'status',
      'is_resolved as isResolved',
      'end_at as endAt',
      'last_modified_at as lastModifiedAt',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
}
