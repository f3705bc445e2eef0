import { type RawBuilder, sql } from 'kysely'
import { countUpTo } from '../platform/db/capped-count.ts'
import type { Db } from '../platform/db/database.ts'
import type { RequestStatus, Severity, WorkloadId } from '../platform/db/schema.ts'
import { invalidCursor } from '../platform/errors.ts'
import type { SlaState } from './sla.ts'
import {
  recordSelect,
  REQUEST_COLUMNS,
  type ServiceRequestRecord,
  slaStateCondition,
} from './service-requests.data.ts'

/**
 * Lists of service requests — the desk's queue, a partner's and a customer's lists, search — at a
 * cost that does not grow with the table:
 * - each sort is served by an index in its order (migration 0014), so a page reads its rows and
 *   stops; the names of related rows are looked up for the page's rows only (recordSelect);
 * - pages go on from a cursor (the last row's sort keys: keyset paging), so a deep page costs
 *   what the first one does; `offset` still works, at the cost of the rows it skips;
 * - the total is counted up to LIST_COUNT_CAP ("10,000+");
 * - a search ranks its newest SEARCH_CANDIDATES matches, not every match.
 */

/** Which requests an actor's list may hold — the same scope as the policy's read decision. */
export type RequestScope =
  { kind: 'all' } | { kind: 'tenant'; tenantId: string } | { kind: 'partner'; partnerTenantId: string }

export type RequestSort = 'created' | 'modified' | 'due' | 'relevance'

export interface RequestFilters {
  tenantId?: string | undefined
  status?: RequestStatus | undefined
  severity?: Severity | undefined
  workload?: WorkloadId | undefined
  subscriptionId?: string | undefined
  createdAfter?: Date | undefined
  azureServiceId?: string | undefined
  classificationId?: string | undefined
  partnerTenantId?: string | undefined
  /** Who works the requests: the vendor's desk, or the partner (requests its customers sent it). */
  handledBy?: 'vendor' | 'partner' | undefined
  /** 'none' lists the unassigned requests. */
  assignee?: string | undefined
  /**
   * The requests waiting for this reader's reply: a request for information addressed to them —
   * the SQL twin of waiting-on.ts's isAddressee while the status is attention_needed.
   */
  awaitingReplyFrom?: ReplyReader | undefined
  sla?: SlaState | undefined
  /** Full-text search (Italian and English stems) of titles, descriptions and notes, or a request number. */
  q?: string | undefined
  /** Internal notes count in the search of whoever works the request: the vendor or the partner. */
  searchInternal?: 'vendor' | 'partner' | undefined
  sort?: RequestSort | undefined
  /** The time the SLA state filter is evaluated at. */
  now?: Date | undefined
  /** A page's `nextCursor`: the page after it (with the same filters and sort). */
  cursor?: string | undefined
  /** Rows skipped (after the cursor, if any). */
  offset: number
  limit: number
  /** Count the matching requests (up to the cap); lists that only page need not. */
  withTotal?: boolean | undefined
}

export interface RequestPage {
  items: ServiceRequestRecord[]
  /** Requests matching the filters, up to the cap (null when not asked for). */
  total: number | null
  /** More requests match than `total` says. */
  totalCapped: boolean
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null
}

/** A search ranks this many of its newest matches (every match, when fewer match). */
export const SEARCH_CANDIDATES = 500

/** The conditions of a scope and its filters; they touch service_requests (alias r) alone. */
function conditionsOf(
  scope: RequestScope,
  filters: RequestFilters,
  query: RawBuilder<unknown> | null,
): RawBuilder<boolean>[] {
  const conditions: RawBuilder<boolean>[] = []
  if (scope.kind === 'tenant') conditions.push(sql<boolean>`r.tenant_id = ${scope.tenantId}`)
  if (scope.kind === 'partner') conditions.push(sql<boolean>`r.partner_tenant_id = ${scope.partnerTenantId}`)
  if (filters.tenantId) conditions.push(sql<boolean>`r.tenant_id = ${filters.tenantId}`)
  if (filters.status) conditions.push(sql<boolean>`r.status = ${filters.status}`)
  if (filters.severity) conditions.push(sql<boolean>`r.severity = ${filters.severity}`)
  if (filters.workload) conditions.push(sql<boolean>`r.workload_id = ${filters.workload}`)
  if (filters.subscriptionId) conditions.push(sql<boolean>`r.subscription_id = ${filters.subscriptionId}`)
  if (filters.createdAfter) conditions.push(sql<boolean>`r.created_at >= ${filters.createdAfter}`)
  if (filters.azureServiceId) conditions.push(sql<boolean>`r.azure_service_id = ${filters.azureServiceId}`)
  if (filters.classificationId)
    conditions.push(sql<boolean>`r.azure_problem_classification_id = ${filters.classificationId}`)
  if (filters.partnerTenantId) conditions.push(sql<boolean>`r.partner_tenant_id = ${filters.partnerTenantId}`)
  if (filters.handledBy) conditions.push(sql<boolean>`r.handled_by = ${filters.handledBy}`)
  if (filters.assignee === 'none') conditions.push(sql<boolean>`r.assigned_to_user_id is null`)
  else if (filters.assignee) conditions.push(sql<boolean>`r.assigned_to_user_id = ${filters.assignee}`)
  if (filters.awaitingReplyFrom) conditions.push(awaitingReplyFrom(filters.awaitingReplyFrom))
  if (filters.sla) conditions.push(slaStateCondition(filters.sla, filters.now ?? new Date()))
  if (query) {
    const q = filters.q!.trim()
    const matches = [sql<boolean>`r.search_public @@ ${query}`]
    if (filters.searchInternal)
      matches.push(sql<boolean>`(r.handled_by = ${filters.searchInternal} and r.search_internal @@ ${query})`)
    if (/^\d{1,30}$/.test(q)) matches.push(sql<boolean>`r.id = ${q}`)
    conditions.push(sql<boolean>`(${sql.join(matches, sql` or `)})`)
  }
  return conditions
}

/** Who asks for the requests awaiting their reply (see waiting-on.ts's ReaderFacts). */
export interface ReplyReader {
  userId: string
  email: string
  tenantId: string
  principal: 'user' | 'application'
}

/** isAddressee (waiting-on.ts) in SQL, for requests waiting for information. */
function awaitingReplyFrom(reader: ReplyReader): RawBuilder<boolean> {
  const addressed =
    reader.principal === 'application'
      ? sql<boolean>`r.created_by_tenant_id = ${reader.tenantId}`
      : sql<boolean>`(r.created_by_user_id = ${reader.userId}
          or r.contact->>'userId' = ${reader.userId}
          or lower(trim(r.contact->>'email')) = lower(trim(${reader.email}))
          or lower(trim(r.arm_contact->>'primaryEmailAddress')) = lower(trim(${reader.email})))`
  return sql<boolean>`(r.status = 'attention_needed' and ${addressed})`
}

/**
 * The words of a search in both languages: a match on the Italian or the English stems, or on the
 * words as typed. The three readings are often the same; sending each distinct one only once
 * keeps the planner's estimate right, so it uses the GIN index instead of scanning every row.
 */
async function searchQuery(db: Db, q: string): Promise<RawBuilder<unknown>> {
  const { rows } = await sql<{ q: string }>`
    select distinct v.q::text as q
    from (values (websearch_to_tsquery('italian', ${q})), (websearch_to_tsquery('english', ${q})),
                 (websearch_to_tsquery('simple', ${q}))) as v(q)
    where numnode(v.q) > 0`.execute(db)
  if (rows.length === 0) return sql`''::tsquery`
  return sql`(${sql.join(
    rows.map((r) => sql`${r.q}::tsquery`),
    sql` || `,
  )})`
}

/** A request whose first-response clock (R14) runs: the desk's "due first" puts these on top. */
const RUNNING = sql<boolean>`(r.first_response_due_at is not null and r.first_response_at is null
  and r.sla_breached_at is null and r.status <> 'closed')`
const NOT_RUNNING = sql<boolean>`(r.first_response_due_at is null or r.first_response_at is not null
  or r.sla_breached_at is not null or r.status = 'closed')`

type CursorKeys =
  | { sort: 'created'; createdAt: string; id: string }
  | { sort: 'modified'; modifiedAt: string; createdAt: string; id: string }
  | { sort: 'due'; running: true; dueAt: string; createdAt: string; id: string }
  | { sort: 'due'; running: false; createdAt: string; id: string }
  | { sort: 'relevance'; offset: number }

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/
const REQUEST_ID = /^\d{1,30}$/

const encodeCursor = (keys: CursorKeys): string => Buffer.from(JSON.stringify(keys)).toString('base64url')

/** The cursor's keys, checked to be what this list hands out for `sort`; anything else is a 400. */
function decodeCursor(cursor: string, sort: RequestSort): CursorKeys {
  let keys: Record<string, unknown>
  try {
    keys = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    throw invalidCursor()
  }
  const stamp = (v: unknown) => typeof v === 'string' && TIMESTAMP.test(v)
  const id = (v: unknown) => typeof v === 'string' && REQUEST_ID.test(v)
  const valid =
    typeof keys === 'object' &&
    keys !== null &&
    keys.sort === sort &&
    (sort === 'relevance'
      ? Number.isInteger(keys.offset) && (keys.offset as number) >= 0
      : id(keys.id) &&
        stamp(keys.createdAt) &&
        (sort !== 'modified' || stamp(keys.modifiedAt)) &&
        (sort !== 'due' || keys.running === false || (keys.running === true && stamp(keys.dueAt))))
  if (!valid) throw invalidCursor()
  return keys as unknown as CursorKeys
}

interface PageRow extends ServiceRequestRecord {
  k: Record<string, unknown>
}

/** The keys of a row as the sort's cursor holds them (timestamps as text: microseconds count). */
const KEYS = sql`json_build_object('createdAt', r.created_at::text, 'modifiedAt', r.modified_at::text,
  'dueAt', r.first_response_due_at::text, 'id', r.id, 'running', ${RUNNING})`

/** One page: the page's rows of service_requests first, then the names for those rows only. */
async function pageOf(
  db: Db,
  inner: RawBuilder<unknown>,
  outerOrder: RawBuilder<unknown>,
): Promise<PageRow[]> {
  const { rows } = await sql<PageRow>`
    select ${recordSelect('p')}, p.k from (${inner}) p order by ${outerOrder}`.execute(db)
  return rows
}

export async function listServiceRequests(
  db: Db,
  scope: RequestScope,
  filters: RequestFilters,
): Promise<RequestPage> {
  const q = filters.q?.trim()
  const query = q ? await searchQuery(db, q) : null
  const conditions = conditionsOf(scope, filters, query)
  const where = conditions.length ? sql<boolean>`${sql.join(conditions, sql` and `)}` : sql<boolean>`true`
  const sort: RequestSort =
    filters.sort === 'relevance' && !query ? 'created' : (filters.sort ?? (query ? 'relevance' : 'created'))
  const cursor = filters.cursor ? decodeCursor(filters.cursor, sort) : null
  const { limit, offset } = filters
  const fetch = limit + 1 // one more row says whether a next page exists

  let rows: PageRow[]
  let nextKeys: (row: PageRow, index: number) => CursorKeys
  if (sort === 'relevance') {
    const start = cursor?.sort === 'relevance' ? cursor.offset : 0
    const rank = filters.searchInternal
      ? sql`ts_rank(case when r.handled_by = ${filters.searchInternal} then r.search_public || r.search_internal else r.search_public end, ${query})`
      : sql`ts_rank(r.search_public, ${query})`
    rows = await pageOf(
      db,
      sql`select ${REQUEST_COLUMNS}, c.rank, ${KEYS} as k
        from (select r.id, ${rank} as rank from service_requests r where ${where}
               order by r.created_at desc, r.id desc limit ${sql.lit(SEARCH_CANDIDATES)}) c
        join service_requests r on r.id = c.id
        order by c.rank desc, r.created_at desc, r.id desc limit ${fetch} offset ${start + offset}`,
      sql`p.rank desc, p.created_at desc, p.id desc`,
    )
    nextKeys = (_row, index) => ({ sort: 'relevance', offset: start + offset + index + 1 })
  } else if (sort === 'due') {
    // the clocks that run out first (due soonest), then every other request, newest first
    const runningBranch = sql`(select ${REQUEST_COLUMNS}, 0 as block, ${KEYS} as k from service_requests r
        where ${where} and ${RUNNING}
        ${cursor?.sort === 'due' && cursor.running ? sql`and r.first_response_due_at >= ${cursor.dueAt}::timestamptz and (r.first_response_due_at > ${cursor.dueAt}::timestamptz or (r.created_at, r.id) < (${cursor.createdAt}::timestamptz, ${cursor.id}))` : sql``}
        order by r.first_response_due_at, r.created_at desc, r.id desc limit ${fetch + offset})`
    const restBranch = sql`(select ${REQUEST_COLUMNS}, 1 as block, ${KEYS} as k from service_requests r
        where ${where} and ${NOT_RUNNING}
        ${cursor?.sort === 'due' && !cursor.running ? sql`and (r.created_at, r.id) < (${cursor.createdAt}::timestamptz, ${cursor.id})` : sql``}
        order by r.created_at desc, r.id desc limit ${fetch + offset})`
    const inner =
      cursor?.sort === 'due' && !cursor.running ? restBranch : sql`${runningBranch} union all ${restBranch}`
    rows = await pageOf(
      db,
      sql`select * from (${inner}) b
        order by b.block, case when b.block = 0 then b.first_response_due_at end, b.created_at desc, b.id desc
        limit ${fetch} offset ${offset}`,
      sql`p.block, case when p.block = 0 then p.first_response_due_at end, p.created_at desc, p.id desc`,
    )
    nextKeys = (row) => {
      const k = row.k as { createdAt: string; dueAt: string; id: string; running: boolean }
      return k.running
        ? { sort: 'due', running: true, dueAt: k.dueAt, createdAt: k.createdAt, id: k.id }
        : { sort: 'due', running: false, createdAt: k.createdAt, id: k.id }
    }
  } else if (sort === 'modified') {
    const after =
      cursor?.sort === 'modified'
        ? sql`and (r.modified_at, r.created_at, r.id) < (${cursor.modifiedAt}::timestamptz, ${cursor.createdAt}::timestamptz, ${cursor.id})`
        : sql``
    rows = await pageOf(
      db,
      sql`select ${REQUEST_COLUMNS}, ${KEYS} as k from service_requests r where ${where} ${after}
        order by r.modified_at desc, r.created_at desc, r.id desc limit ${fetch} offset ${offset}`,
      sql`p.modified_at desc, p.created_at desc, p.id desc`,
    )
    nextKeys = (row) => {
      const k = row.k as { modifiedAt: string; createdAt: string; id: string }
      return { sort: 'modified', modifiedAt: k.modifiedAt, createdAt: k.createdAt, id: k.id }
    }
  } else {
    const after =
      cursor?.sort === 'created'
        ? sql`and (r.created_at, r.id) < (${cursor.createdAt}::timestamptz, ${cursor.id})`
        : sql``
    rows = await pageOf(
      db,
      sql`select ${REQUEST_COLUMNS}, ${KEYS} as k from service_requests r where ${where} ${after}
        order by r.created_at desc, r.id desc limit ${fetch} offset ${offset}`,
      sql`p.created_at desc, p.id desc`,
    )
    nextKeys = (row) => {
      const k = row.k as { createdAt: string; id: string }
      return { sort: 'created', createdAt: k.createdAt, id: k.id }
    }
  }

  const more = rows.length > limit
  const page = rows.slice(0, limit)
  const items: ServiceRequestRecord[] = page.map(({ k: _k, ...record }) => record)
  const nextCursor = more ? encodeCursor(nextKeys(page[page.length - 1]!, page.length - 1)) : null

  if (filters.withTotal === false) return { items, total: null, totalCapped: false, nextCursor }
  // a first page that holds every match is its own count
  if (!cursor && offset === 0 && !more) return { items, total: items.length, totalCapped: false, nextCursor }
  const counted = await countUpTo(db, sql`service_requests r`, where)
  return { items, total: counted.count, totalCapped: counted.capped, nextCursor }
}
