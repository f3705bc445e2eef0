import { type RawBuilder, sql } from 'kysely'
import { type CappedCount, countUpTo } from '../platform/db/capped-count.ts'
import type { Db } from '../platform/db/database.ts'
import type { RequestStatus, Severity, WorkloadId } from '../platform/db/schema.ts'
import { invalidCursor } from '../platform/errors.ts'
import type { SlaState } from './sla.ts'
import { type RequestRow, withNames } from './request-names.ts'
import {
  REQUEST_COLUMN_NAMES,
  REQUEST_COLUMNS,
  type ServiceRequestRecord,
  slaStateCondition,
} from './service-requests.data.ts'

/**
 * Lists of service requests — the desk's queue, a partner's and a customer's lists, search — at a
 * cost that does not grow with the table:
 * - each sort is served by an index in its order (migration 0014), so a page reads its rows and
 *   stops; the names of related rows are looked up for the page's rows only, once per distinct
 *   id (request-names.ts);
 * - pages go on from a cursor (the last row's sort keys: keyset paging), so a deep page costs
 *   what the first one does; `offset` still works, at the cost of the rows it skips;
 * - the total is counted up to LIST_COUNT_CAP ("10,000+"), a search's up to SEARCH_COUNT_CAP
 *   ("1,000+");
 * - a search ranks its newest SEARCH_CANDIDATES matches, not every match, and looks a word up
 *   through the text index or by walking the sort's index, whichever reads fewer rows
 *   (searchPathOf).
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

/**
 * A search counts its matches up to this many ("1,000+"). Counting a word that a quarter of the
 * requests contain up to the lists' 10,000 read ~40,000 rows (51–190 ms at any volume); to 1,000
 * it reads ~4,000.
 */
export const SEARCH_COUNT_CAP = 1_000

/**
 * How many of the newest requests (of the list's scope and filters) a word past the count's cap is
 * looked for in, to choose how its page is read (searchPathOf).
 */
export const SEARCH_WINDOW = 20_000

/** Knobs of a search's cost, not of its results (tests make them small to reach every path). */
export interface SearchTuning {
  countCap: number
  window: number
}

const SEARCH_TUNING: SearchTuning = { countCap: SEARCH_COUNT_CAP, window: SEARCH_WINDOW }

/** The conditions of a scope and its filters (but the search); they touch service_requests (alias r) alone. */
function conditionsOf(scope: RequestScope, filters: RequestFilters): RawBuilder<boolean>[] {
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
  return conditions
}

/** A search's condition: its words in the public text (or the internal one, for whoever works it), or its number. */
function matchOf(filters: RequestFilters, query: RawBuilder<unknown>): RawBuilder<boolean> {
  const q = filters.q!.trim()
  const matches = [sql<boolean>`r.search_public @@ ${query}`]
  if (filters.searchInternal)
    matches.push(sql<boolean>`(r.handled_by = ${filters.searchInternal} and r.search_internal @@ ${query})`)
  if (/^\d{1,30}$/.test(q)) matches.push(sql<boolean>`r.id = ${q}`)
  return sql<boolean>`(${sql.join(matches, sql` or `)})`
}

const and = (conditions: RawBuilder<boolean>[]): RawBuilder<boolean> =>
  conditions.length ? sql<boolean>`${sql.join(conditions, sql` and `)}` : sql<boolean>`true`

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

/**
 * How a search's page is read: `index` reads every match through the text index, then sorts them;
 * `walk` walks the sort's index and stops when the page is full. Which reads fewer rows depends on
 * how many requests hold the word, which the planner guesses badly for a word outside its
 * statistics (it took a word in 1 of 2,000 requests for one in 50: its page walked the whole
 * table at a million requests, 5–12 s). So it is measured, at a cost that does not grow with the
 * table: a word within the count's cap is read through the text index (at most the cap's rows);
 * past it, a word found SEARCH_CANDIDATES times among the newest `window` requests is walked to
 * (at most `window` rows, usually far fewer); any other word — in more than the cap's requests,
 * but few of the newest — through the text index. (The relevance sort does the same in one
 * statement less: its candidates are first looked for among the newest `window` requests.)
 */
type SearchPath = 'index' | 'walk'

async function searchPathOf(
  db: Db,
  count: CappedCount,
  plain: RawBuilder<boolean>,
  match: RawBuilder<boolean>,
  window: number,
): Promise<SearchPath> {
  if (!count.capped) return 'index'
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from (
      select 1 from (select ${match} as m from service_requests r where ${plain}
                     order by r.created_at desc, r.id desc limit ${sql.lit(window)}) w
      where w.m limit ${sql.lit(SEARCH_CANDIDATES)}) found`.execute(db)
  return (rows[0]?.n ?? 0) >= SEARCH_CANDIDATES ? 'walk' : 'index'
}

/**
 * Where a page's rows are read from (aliased r): the table, walked in the sort's order, or a
 * search's matches read through the text index first (`offset 0` keeps that inner query planned
 * on its own: no ordered index walk is offered to it).
 */
function searchSource(path: SearchPath | null, where: RawBuilder<boolean>): RawBuilder<unknown> {
  if (path !== 'index') return sql`service_requests r`
  return sql`(select * from service_requests r where ${where} offset 0) r`
}

interface PageRow extends RequestRow {
  k: Record<string, unknown>
  /** A search's number of candidates (relevance only). */
  found?: number | string
}

/** The keys of a row as the sort's cursor holds them (timestamps as text: microseconds count). */
const KEYS = sql`json_build_object('createdAt', r.created_at::text, 'modifiedAt', r.modified_at::text,
  'dueAt', r.first_response_due_at::text, 'id', r.id, 'running', ${RUNNING})`

/** The outer query's columns: the inner one's REQUEST_COLUMNS. */
const PAGE_COLUMNS = sql.raw(REQUEST_COLUMN_NAMES.map((c) => `p.${c}`).join(', '))

/** One page's rows of service_requests, in the page's order (their names are looked up after: withNames). */
async function pageOf(
  db: Db,
  inner: RawBuilder<unknown>,
  outerOrder: RawBuilder<unknown>,
  extra: RawBuilder<unknown> = sql``,
): Promise<PageRow[]> {
  const { rows } = await sql<PageRow>`
    select ${PAGE_COLUMNS}, p.k ${extra} from (${inner}) p order by ${outerOrder}`.execute(db)
  return rows
}

export async function listServiceRequests(
  db: Db,
  scope: RequestScope,
  filters: RequestFilters,
  tuning: SearchTuning = SEARCH_TUNING,
): Promise<RequestPage> {
  const q = filters.q?.trim()
  const query = q ? await searchQuery(db, q) : null
  const conditions = conditionsOf(scope, filters)
  const plain = and(conditions)
  const match = query ? matchOf(filters, query) : null
  const where = match ? and([...conditions, match]) : plain
  const sort: RequestSort =
    filters.sort === 'relevance' && !query ? 'created' : (filters.sort ?? (query ? 'relevance' : 'created'))
  const cursor = filters.cursor ? decodeCursor(filters.cursor, sort) : null
  const { limit, offset } = filters
  const fetch = limit + 1 // one more row says whether a next page exists
  // A search is counted first: the count (up to its cap) says which way its page is read.
  const searchCount = match ? await countUpTo(db, sql`service_requests r`, where, tuning.countCap) : null
  // (relevance needs no probe: its candidates are looked for in the window first, see below)
  const path =
    searchCount && match && sort !== 'relevance'
      ? await searchPathOf(db, searchCount, plain, match, tuning.window)
      : null
  const source = searchSource(path, where)

  let rows: PageRow[]
  let nextKeys: (row: PageRow, index: number) => CursorKeys
  if (sort === 'relevance') {
    const start = cursor?.sort === 'relevance' ? cursor.offset : 0
    const rank = filters.searchInternal
      ? sql`ts_rank(case when r.handled_by = ${filters.searchInternal} then r.search_public || r.search_internal else r.search_public end, ${query})`
      : sql`ts_rank(r.search_public, ${query})`
    // The candidates (the newest matches) are ranked and the page cut from them before its rows
    // are read in full. `found` says how many candidates there were.
    const ranked = (from: RawBuilder<unknown>) =>
      pageOf(
        db,
        sql`select ${REQUEST_COLUMNS}, c.rank, c.found, ${KEYS} as k
          from (select m.id, m.rank, m.found from (
                  select w.*, count(*) over () as found from (
                    select r.id, r.created_at, ${rank} as rank from ${from} where ${where}
                    order by r.created_at desc, r.id desc limit ${sql.lit(SEARCH_CANDIDATES)}) w) m
                order by m.rank desc, m.created_at desc, m.id desc limit ${fetch} offset ${start + offset}) c
          join service_requests r on r.id = c.id`,
        sql`p.rank desc, p.created_at desc, p.id desc`,
        sql`, p.found`,
      )
    if (searchCount?.capped) {
      // Past the count's cap, the newest `window` requests of the scope are walked first: a common
      // word has its candidates there (and the walk stops when it has them); for any other word
      // they are read through the text index.
      rows = await ranked(sql`(select * from service_requests r where ${plain}
        order by r.created_at desc, r.id desc limit ${sql.lit(tuning.window)}) r`)
      if (Number(rows[0]?.found ?? 0) < SEARCH_CANDIDATES) rows = await ranked(searchSource('index', where))
    } else {
      rows = await ranked(searchSource('index', where))
    }
    nextKeys = (_row, index) => ({ sort: 'relevance', offset: start + offset + index + 1 })
  } else if (sort === 'due') {
    // the clocks that run out first (due soonest), then every other request, newest first
    // The running clocks are few (the desk's unanswered requests: 231 of a million), and their
    // partial index holds them all: a filtered list reads them first, then filters (`offset 0`
    // keeps the planner from intersecting that index with a filter's — all 22,863 open requests
    // at 1 M, most of the page); an unfiltered one walks the index in its order and stops.
    const running =
      path === 'index' || conditions.length === 0
        ? source
        : sql`(select * from service_requests r where ${RUNNING} offset 0) r`
    const runningBranch = sql`(select ${REQUEST_COLUMNS}, 0 as block, ${KEYS} as k from ${running}
        where ${where} and ${RUNNING}
        ${cursor?.sort === 'due' && cursor.running ? sql`and r.first_response_due_at >= ${cursor.dueAt}::timestamptz and (r.first_response_due_at > ${cursor.dueAt}::timestamptz or (r.created_at, r.id) < (${cursor.createdAt}::timestamptz, ${cursor.id}))` : sql``}
        order by r.first_response_due_at, r.created_at desc, r.id desc limit ${fetch + offset})`
    const restBranch = sql`(select ${REQUEST_COLUMNS}, 1 as block, ${KEYS} as k from ${source}
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
      sql`select ${REQUEST_COLUMNS}, ${KEYS} as k from ${source} where ${where} ${after}
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
      sql`select ${REQUEST_COLUMNS}, ${KEYS} as k from ${source} where ${where} ${after}
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
  const nextCursor = more ? encodeCursor(nextKeys(page[page.length - 1]!, page.length - 1)) : null
  const items: ServiceRequestRecord[] = await withNames(db, page)

  if (filters.withTotal === false) return { items, total: null, totalCapped: false, nextCursor }
  // a first page that holds every match is its own count
  if (!cursor && offset === 0 && !more) return { items, total: items.length, totalCapped: false, nextCursor }
  const counted = searchCount ?? (await countUpTo(db, sql`service_requests r`, where))
  return { items, total: counted.count, totalCapped: counted.capped, nextCursor }
}
