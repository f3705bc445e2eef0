import { type RawBuilder, sql } from 'kysely'
import { type AuditEvent, auditRow } from '../audit/audit.data.ts'
import { CompiledOnce, type Slot } from '../platform/db/compiled-once.ts'
import type { Db } from '../platform/db/database.ts'
import { prepared } from '../platform/db/prepared.ts'
import type { ReadScope } from '../policy/read-right.ts'
import {
  type AttachmentRecord,
  type NoteRecord,
  recordSelect,
  type ServiceRequestRecord,
} from './service-requests.data.ts'

/**
 * One request with its notes and attachments (their metadata, not the bytes) in one statement:
 * the get-one route's read. Three statements made it wait three round trips (three turns of the
 * embedded engine's single thread on PGlite); the thread travels as two JSON arrays instead.
 * Every note and attachment comes back, internal ones included: the caller keeps what the reader
 * may see (threadFor), with the same rule the separate reads applied in SQL.
 */
export interface RequestThread {
  request: ServiceRequestRecord
  notes: NoteRecord[]
  attachments: AttachmentRecord[]
}

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] }

/**
 * The read's own audit event, written by the read's statement when the request is in the reader's
 * scope (read-right.ts, the same rule the policy decides the read with): one statement and one
 * commit, and the event is committed by the time the request is answered.
 */
export interface ReadAudit {
  /** The event of an allowed read (its target is filled in by the statement). */
  event: Omit<AuditEvent, 'targetId' | 'targetType'>
  scope: ReadScope
  /** A delegated token reads only requests about the tenant it acts in. */
  contextTenantId: string | null
}

/** The scope as a condition on the request row `s`, its value in the slot `scope`. */
function inScope(kind: ReadScope['kind'], value: Slot): RawBuilder<unknown> {
  switch (kind) {
    case 'all':
      return sql`true`
    case 'tenant':
      return sql`s.tenant_id = ${value}`
    case 'partner':
      return sql`s.partner_tenant_id = ${value}`
    case 'none':
      return sql`false`
  }
}

/** What the read's statement depends on besides its values (see `CompiledOnce`). */
interface ReadShape {
  /** The scope's kind, when the read writes its audit event. */
  scope: ReadScope['kind'] | null
  /** A delegated token's read: only about the tenant it acts in. */
  context: boolean
  /** The event's columns (`e.` values), in order. */
  columns: string[]
}

type ThreadRow = ServiceRequestRecord & {
  thread_notes: Json<NoteRecord>[]
  thread_attachments: Json<AttachmentRecord>[]
  audited: boolean
}

function auditInsert(slots: Readonly<Record<string, Slot>>, shape: ReadShape): RawBuilder<unknown> {
  const columns = sql.join(shape.columns.map((c) => sql.ref(c)))
  const values = sql.join(shape.columns.map((c) => slots[`e.${c}`]))
  const tenant = shape.context ? sql` and s.tenant_id = ${slots.context}` : sql``
  // the row it returns turns this transaction's synchronous_commit off (asyncReadCommit)
  return sql`insert into audit_events (${columns}, "target_id")
      select ${values}, ${slots.id} from service_requests s
      where s.id = ${slots.id} and ${inScope(shape.scope!, slots.scope!)}${tenant} returning ${asyncReadCommit}`
}

/**
 * A read's commit is not waited for on disk: the audit row is written in the read's transaction as
 * before, and is visible, sealed and verified like any other, but the answer does not wait for its
 * WAL flush (PostgreSQL flushes it within three times wal_writer_delay, 200 ms by default, and any
 * later write's commit flushes it too). A server crash can lose the read events of that last
 * fraction of a second; nothing else is committed this way (docs/audit.md, docs/scaling.md).
 * Only where commits are flushed at all (fsync on): PGlite runs with fsync off and no WAL writer,
 * so there it would only delay writing the WAL, not spare a flush.
 */
const asyncReadCommit = sql`case when current_setting('fsync')::bool
        then set_config('synchronous_commit', 'off', true) end`

/** The read's statement of a shape, written over slots: built and compiled once per shape. */
const readStatement = new CompiledOnce<Record<string, unknown>, ThreadRow>((slots, shapeText, db) => {
  const shape = JSON.parse(shapeText) as ReadShape
  const write = shape.scope ? auditInsert(slots, shape) : null
  // the mark first, no whitespace before it: kept prepared (one text per shape; values are parameters)
  return sql<ThreadRow>`${prepared}
    ${write ? sql`with read_audit as (${write})` : sql``}
    select ${recordSelect('r')},
      coalesce((select json_agg(json_build_object('id', n.id, 'authorName', n.author_name,
          'authorTenantId', n.author_tenant_id, 'text', n.text, 'createdAt', n.created_at, 'armName', n.arm_name,
          'subject', n.subject, 'direction', n.direction, 'sender', n.sender, 'visibility', n.visibility,
          'authorUserId', n.author_user_id) order by n.id)
        from service_request_notes n where n.request_id = r.id), '[]'::json) as thread_notes,
      coalesce((select json_agg(json_build_object('id', a.id, 'fileName', a.file_name,
          'contentType', a.content_type, 'sizeBytes', a.size_bytes, 'sha256', a.sha256, 'visibility', a.visibility,
          'uploadedByName', a.uploaded_by_name, 'uploadedByTenantId', a.uploaded_by_tenant_id,
          'createdAt', a.created_at) order by a.created_at, a.id)
        from service_request_attachments a where a.request_id = r.id), '[]'::json) as thread_attachments,
      ${write ? sql`exists (select 1 from read_audit)` : sql`false`} as audited
    from service_requests r where r.id = ${slots.id}`.compile(db)
})

const scopeValue = (scope: ReadScope): string | null =>
  scope.kind === 'tenant' ? scope.tenantId : scope.kind === 'partner' ? scope.partnerTenantId : null

export async function findRequestThread(
  db: Db,
  id: string,
  audit?: ReadAudit,
): Promise<(RequestThread & { audited: boolean }) | null> {
  if (!/^\d{1,30}$/.test(id)) return null
  const values: Record<string, unknown> = { id }
  const shape: ReadShape = { scope: null, context: false, columns: [] }
  if (audit && audit.scope.kind !== 'none') {
    const { target_id: _filledIn, ...row } = auditRow({ ...audit.event, targetType: 'service_request' })
    for (const [column, value] of Object.entries(row)) values[`e.${column}`] = value
    shape.scope = audit.scope.kind
    shape.columns = Object.keys(row)
    values.scope = scopeValue(audit.scope)
    if (audit.contextTenantId) {
      shape.context = true
      values.context = audit.contextTenantId
    }
  }
  const { rows } = await readStatement.execute(db, JSON.stringify(shape), values)
  const row = rows[0]
  if (!row) return null
  const { thread_notes, thread_attachments, audited, ...request } = row
  return {
    request,
    notes: thread_notes.map((n) => ({ ...n, createdAt: new Date(n.createdAt) })),
    attachments: thread_attachments.map((a) => ({ ...a, createdAt: new Date(a.createdAt) })),
    audited,
  }
}

/** The thread as a reader sees it: internal notes and attachments only for whoever works the request. */
export function threadFor(thread: RequestThread, includeInternal: boolean): RequestThread {
  if (includeInternal) return thread
  return {
    request: thread.request,
    notes: thread.notes.filter((n) => n.visibility === 'public'),
    attachments: thread.attachments.filter((a) => a.visibility === 'public'),
  }
}
