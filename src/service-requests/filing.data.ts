import { type Kysely, sql } from 'kysely'
import { type AuditEvent, auditRow } from '../audit/audit.data.ts'
import { prepared } from '../platform/db/prepared.ts'
import type { Database } from '../platform/db/schema.ts'
import { anyoneWants } from '../webhooks/webhooks.data.ts'
import { CompiledOnce, type Slot } from '../platform/db/compiled-once.ts'
import {
  type NewServiceRequest,
  recordSelect,
  REQUEST_COLUMN_NAMES,
  requestRow,
  type RequestValues,
  requestValues,
  type ServiceRequestRecord,
} from './service-requests.data.ts'

/** What a filing writes besides the request: its audit event and, with a client's key, the key. */
export interface FilingWrite {
  request: NewServiceRequest
  /** The audit event, about the new request (its id is filled in by the statement). */
  audit: Omit<AuditEvent, 'targetId' | 'targetType'>
  idempotency: { userId: string; key: string; scope: string; requestHash: string } | null
  /** The event webhook subscribers would be told of. */
  eventType: string
}

export interface FiledRequest {
  request: ServiceRequestRecord
  /** False when the idempotency key was claimed by a concurrent filing (the caller rolls back). */
  claimed: boolean
  /** Whether any of the partner's webhook subscriptions wants the event (read in the same statement). */
  webhookSubscribers: boolean
}

/** `INSERT INTO table (columns) SELECT values <rest>`: a row written only when `rest` yields one. */
function insertSelect(
  db: Kysely<Database>,
  table: 'service_requests' | 'audit_events',
  row: Record<string, unknown>,
  rest: ReturnType<typeof sql>,
) {
  const columns = Object.keys(row)
  return db
    .insertInto(table)
    .columns(columns as never)
    .expression(sql`select ${sql.join(Object.values(row))} ${rest}`)
}

/** What a filing's statement depends on besides its values (see `CompiledOnce`). */
interface WriteShape {
  alone: boolean
  key: boolean
  eventType: string
}

/** The values of a filing's statement, one object: the request's, its audit event's, its key's. */
function writeValues(write: FilingWrite, now: Date): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const [column, value] of Object.entries(requestValues(write.request, now)))
    values[`r.${column}`] = value
  const { target_id: _filledIn, ...audit } = auditRow({ ...write.audit, targetType: 'service_request' })
  for (const [column, value] of Object.entries(audit)) values[`a.${column}`] = value
  if (write.idempotency) {
    values['k.user_id'] = write.idempotency.userId
    values['k.key'] = write.idempotency.key
    values['k.scope'] = write.idempotency.scope
    values['k.request_hash'] = write.idempotency.requestHash
    values['k.created_at'] = now
  }
  return values
}

/** The slots of one part (`r.`, `a.`, `k.`), by column. */
function part(slots: Readonly<Record<string, Slot>>, prefix: string): Record<string, Slot> {
  const columns: Record<string, Slot> = {}
  for (const [name, slot] of Object.entries(slots)) {
    if (name.startsWith(prefix)) columns[name.slice(prefix.length)] = slot
  }
  return columns
}

/** The filing's statement of a shape, written over slots: built and compiled once per shape. */
const writeStatement = new CompiledOnce<
  Record<string, unknown>,
  ServiceRequestRecord & { claimed: boolean; webhookSubscribers: boolean }
>((slots, shapeText, db) => {
  const shape = JSON.parse(shapeText) as WriteShape
  const r = part(slots, 'r.') as { [K in keyof RequestValues]: Slot }
  const newId = sql<string>`(select r.id from r)`
  // named columns, not `*`: a prepared statement's result must keep its shape if a column is added
  const request = insertSelect(
    db,
    'service_requests',
    requestRow(r),
    shape.alone ? sql`where not ${anyoneWants(sql`${r.partner_tenant_id}::uuid`, shape.eventType)}` : sql``,
  ).returning(REQUEST_COLUMN_NAMES)
  // from r: no audit event for a request that was not written
  const audit = insertSelect(db, 'audit_events', { ...part(slots, 'a.'), target_id: sql`r.id` }, sql`from r`)
  const k = part(slots, 'k.')
  const key = shape.key
    ? db
        .insertInto('idempotency_keys')
        .values({
          user_id: k.user_id as never,
          key: k.key as never,
          scope: k.scope as never,
          request_hash: k.request_hash as never,
          resource_id: newId,
          created_at: k.created_at as never,
        })
        .onConflict((oc) => oc.columns(['user_id', 'scope', 'key']).doNothing())
        .returning('key')
    : null
  // the mark first, no whitespace before it: only a statement that starts (or ends) with it is kept prepared
  return sql<ServiceRequestRecord & { claimed: boolean; webhookSubscribers: boolean }>`${prepared}
    with r as (${request}), a as (${audit})${key ? sql`, k as (${key})` : sql``}
    select ${recordSelect('r')},
      ${key ? sql`exists (select 1 from k)` : sql`true`} as "claimed",
      ${shape.alone ? sql`false` : anyoneWants(sql`r.partner_tenant_id`, shape.eventType)} as "webhookSubscribers"
      from r`.compile(db)
})

/**
 * The request, its audit event and its idempotency key in one statement (data-modifying CTEs,
 * atomic as any statement), answering the request as committed — with the names of what it
 * refers to — from the insert's own RETURNING: nothing is read back. The statement is built and
 * compiled once per shape (with or without a key, alone or not); each call sends its values.
 *
 * `alone`: the statement is not inside a transaction and the filing's event writes nothing but
 * webhook deliveries (see `filingWritesOnlyWebhooks`); it then writes only if no subscription of
 * the partner wants the event, and answers null when one does — the caller files in a
 * transaction instead, queueing the deliveries. Without a key only: a key the statement could
 * not claim would leave its request committed.
 */
export async function insertFiling(
  db: Kysely<Database>,
  write: FilingWrite,
  now: Date,
  options: { alone?: boolean } = {},
): Promise<FiledRequest | null> {
  const alone = options.alone === true
  if (alone && write.idempotency)
    throw new Error('a filing with an idempotency key is written in a transaction')
  const shape: WriteShape = { alone, key: write.idempotency !== null, eventType: write.eventType }
  const { rows } = await writeStatement.execute(db, JSON.stringify(shape), writeValues(write, now))
  const row = rows[0]
  if (!row) return null
  const { claimed, webhookSubscribers, ...record } = row
  return { request: record, claimed, webhookSubscribers }
}
