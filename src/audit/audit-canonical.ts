import { createHash } from 'node:crypto'

/**
 * The canonical content of an audit event and the chain's hashes (docs/audit.md, "The chain").
 * Pure: the sealer, `tramite audit verify`, the auditors' API and the per-row marks of the audit
 * list all hash through here, so they cannot disagree.
 */

/** Version of the canonical form; a new column in it means a new version, never a silent change. */
export const CANONICAL_VERSION = 1

/** The chain's starting point: the link before the first event. */
export const GENESIS_HASH = '0'.repeat(64)

/** An audit row as the canonical form reads it (`at` already rendered by SQL, see AT_TEXT_SQL). */
export interface CanonicalEventRow {
  id: number
  atText: string
  actorUserId: string | null
  actorEmail: string | null
  actorTenantId: string | null
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
  details: unknown
}

/**
 * `at` as UTC ISO 8601 with all six fractional digits PostgreSQL keeps (a JavaScript Date would
 * drop the microseconds, and with them the ability to notice a change below the millisecond).
 */
export const AT_TEXT_SQL = `to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/**
 * JSON Canonicalization Scheme (RFC 8785): object members sorted by their UTF-16 code units, no
 * whitespace, strings and numbers as ECMAScript serializes them. Any language can reproduce it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number')
    return JSON.stringify(value) ?? 'null'
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/**
 * Every column of the event but its id (its place is bound by the chain, so a row moved to
 * another id is told apart from a changed one), each key present, SQL null as JSON null.
 */
export function canonicalContent(row: CanonicalEventRow): string {
  return canonicalJson({
    v: CANONICAL_VERSION,
    at: row.atText,
    actor_user_id: row.actorUserId,
    actor_email: row.actorEmail,
    actor_tenant_id: row.actorTenantId,
    tenant_id: row.tenantId,
    application_id: row.applicationId,
    relationship_id: row.relationshipId,
    role_name: row.roleName,
    action: row.action,
    target_type: row.targetType,
    target_id: row.targetId,
    rule: row.rule,
    result: row.result,
    reason: row.reason,
    details: row.details ?? {},
  })
}

export function contentHash(row: CanonicalEventRow): string {
  return createHash('sha256').update(canonicalContent(row), 'utf8').digest('hex')
}

/** SHA-256 of the previous chain hash (32 bytes) ‖ the event id (8 bytes, big-endian) ‖ the content hash (32 bytes). */
export function chainHash(previous: string, eventId: number, content: string): string {
  const id = Buffer.alloc(8)
  id.writeBigUInt64BE(BigInt(eventId))
  return createHash('sha256')
    .update(Buffer.from(previous, 'hex'))
    .update(id)
    .update(Buffer.from(content, 'hex'))
    .digest('hex')
}
