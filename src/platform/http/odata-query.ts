/**
 * OData query options for Microsoft Graph routes: `$filter`, `$select`, `$orderby`, `$top` with
 * `@odata.nextLink` (an opaque `$skiptoken`), `$skip`, `$count=true` (`@odata.count`), `$expand`
 * (values the route names) and the `/$count` path segment. Each route declares its entity: which
 * properties can be filtered (and with which operators), sorted and selected. Anything it does not
 * declare answers 400 in Graph's error shape (odata-errors.ts) — an option is never ignored.
 *
 * Usage (a list route):
 *
 *   const ISSUE = odataEntity<Issue>({
 *     type: 'microsoft.graph.serviceHealthIssue', key: 'id', maxTop: 100,
 *     properties: {
 *       id: { type: 'string', filter: true, orderby: true },
 *       isResolved: { type: 'boolean', filter: true },
 *       startDateTime: { type: 'dateTime', filter: true, orderby: true },
 *       status: { type: 'enum', values: STATUSES, filter: true, orderby: true },
 *       posts: {},                                      // selectable only
 *     },
 *     defaultOrderBy: [{ property: 'startDateTime', desc: true }],
 *   })
 *   graph.get(path, { schema: { querystring: odataQuerystring } }, async (request) => {
 *     const q = parseODataQuery(request.query, ISSUE, { allow: LIST_OPTIONS })
 *     const page = applyODataQuery(await loadIssues(), q)        // filter, sort, count, page
 *     return odataCollection(request, q, page, 'admin/serviceAnnouncement/issues')
 *   })
 *   graph.get(`${path}/$count`, …, async (request, reply) =>
 *     sendODataCount(reply, applyODataQuery(await loadIssues(), parseODataQuery(request.query, ISSUE, { allow: COUNT_OPTIONS })).count))
 *
 * A single entity: `parseODataQuery(request.query, ISSUE, { allow: ['select'] })`, then
 * `selectProperties(item, q)` and `odataContextPath('…/$entity', q)`. The parsed `q.filter` tree is
 * plain data: a data layer may translate it to SQL instead of calling applyODataQuery.
 */
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import Type from 'typebox'
import { ODataError } from './odata-errors.ts'
import {
  compareScalars,
  type FilterNode,
  matches,
  type ODataProperties,
  parseFilter,
  type Scalar,
  valueOf,
} from './odata-filter.ts'

export { ODataError } from './odata-errors.ts'
export type { FilterNode, ODataProperties, ODataProperty, ODataType } from './odata-filter.ts'

export type ODataOption = 'filter' | 'select' | 'orderby' | 'top' | 'skip' | 'skiptoken' | 'count' | 'expand'

/** What a list route usually serves; a /$count route serves only $filter. */
export const LIST_OPTIONS: readonly ODataOption[] = [
  'filter',
  'select',
  'orderby',
  'top',
  'skiptoken',
  'count',
]
export const COUNT_OPTIONS: readonly ODataOption[] = ['filter']
const KNOWN_OPTIONS = new Set([
  'filter',
  'select',
  'orderby',
  'top',
  'skip',
  'skiptoken',
  'count',
  'expand',
  'search',
  'format',
  'apply',
  'compute',
  'levels',
  'deltatoken',
  'index',
  'schemaversion',
  'id',
])

export interface OrderKey {
  property: string
  desc: boolean
}

export interface ODataEntity<T> {
  /** The OData type, named in error messages (`microsoft.graph.serviceHealthIssue`). */
  type: string
  /** The property that identifies an item: the last sort key, so paging is stable. */
  key: string
  properties: ODataProperties<T>
  /** The order when $orderby is absent (the key is always appended). */
  defaultOrderBy?: OrderKey[]
  /** Page size when $top is absent, and the largest $top accepted. */
  defaultTop?: number
  maxTop: number
}

export const odataEntity = <T>(entity: ODataEntity<T>): ODataEntity<T> => entity

export interface ODataQuery<T> {
  entity: ODataEntity<T>
  filter: FilterNode | null
  select: string[] | null
  orderBy: OrderKey[]
  top: number
  skip: number
  /** Where the previous page ended (the sort values of its last item). */
  after: Scalar[] | null
  count: boolean
  expand: string[]
  /** The options as given, to carry into @odata.nextLink. */
  raw: Record<string, string>
}

export interface ParseOptions {
  allow: readonly ODataOption[]
  /** `$expand` values this route serves (e.g. ['issues']). */
  expand?: readonly string[]
}

/** For route schemas: documents the options and leaves every check to parseODataQuery. */
export const odataQuerystring = Type.Object(
  {
    $filter: Type.Optional(Type.Unknown({ description: 'OData filter expression' })),
    $select: Type.Optional(Type.Unknown({ description: 'comma-separated properties' })),
    $orderby: Type.Optional(Type.Unknown({ description: 'property [asc|desc], …' })),
    $top: Type.Optional(Type.Unknown({ description: 'page size' })),
    $skiptoken: Type.Optional(Type.Unknown({ description: 'from @odata.nextLink' })),
    $count: Type.Optional(Type.Unknown({ description: 'true: include @odata.count' })),
  },
  { additionalProperties: true },
)

const findName = (names: Iterable<string>, name: string) => {
  for (const n of names) if (n.toLowerCase() === name.toLowerCase()) return n
  return undefined
}

/** Reads and checks every `$` option of the query string; throws ODataError on anything unsupported. */
export function parseODataQuery<T>(
  query: unknown,
  entity: ODataEntity<T>,
  options: ParseOptions,
): ODataQuery<T> {
  const raw: Record<string, string> = {}
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (!key.startsWith('$')) continue
    const name = key.slice(1).toLowerCase()
    if (Array.isArray(value) || raw[name] !== undefined)
      throw new ODataError('option_repeated', { option: key })
    if (!KNOWN_OPTIONS.has(name)) throw new ODataError('option_unknown', { option: key })
    if (!options.allow.includes(name as ODataOption))
      throw new ODataError('option_unsupported', { option: key })
    raw[name] = String(value ?? '')
  }

  const filterText = raw.filter?.trim()
  const filter = filterText ? parseFilter(filterText, entity) : null
  const select = raw.select === undefined ? null : parseSelect(raw.select, entity)
  const orderBy = raw.orderby === undefined ? [] : parseOrderBy(raw.orderby, entity)

  const maxTop = entity.maxTop
  let top = entity.defaultTop ?? maxTop
  if (raw.top !== undefined) {
    const n = /^\s*\d{1,9}\s*$/.test(raw.top) ? Number(raw.top) : NaN
    if (!(n >= 1 && n <= maxTop)) throw new ODataError('bad_top', { value: raw.top, max: maxTop })
    top = n
  }
  let skip = 0
  if (raw.skip !== undefined) {
    if (!/^\s*\d{1,9}\s*$/.test(raw.skip)) throw new ODataError('bad_skip', { value: raw.skip })
    skip = Number(raw.skip)
  }
  let count = false
  if (raw.count !== undefined) {
    const v = raw.count.trim().toLowerCase()
    if (v !== 'true' && v !== 'false') throw new ODataError('bad_count', { value: raw.count })
    count = v === 'true'
  }
  const expand: string[] = []
  if (raw.expand !== undefined) {
    for (const part of raw.expand.split(',').map((s) => s.trim())) {
      const found = findName(options.expand ?? [], part)
      if (!found)
        throw new ODataError('bad_expand', { value: part, allowed: (options.expand ?? []).join(', ') || '—' })
      expand.push(found)
    }
  }
  const q: ODataQuery<T> = { entity, filter, select, orderBy, top, skip, after: null, count, expand, raw }
  if (raw.skiptoken !== undefined) q.after = decodeSkipToken(raw.skiptoken, q)
  return q
}

function parseSelect<T>(text: string, entity: ODataEntity<T>): string[] | null {
  const names: string[] = []
  for (const part of text.split(',').map((s) => s.trim())) {
    if (part === '*') return null
    if (!part) throw new ODataError('syntax', { option: '$select', detail: 'empty item', position: 1, text })
    if (part.includes('/')) throw new ODataError('nested_select', { property: part })
    const name = findName(Object.keys(entity.properties), part)
    if (!name) throw new ODataError('unknown_property', { property: part, type: entity.type })
    if (entity.properties[name]!.select === false) throw new ODataError('not_selectable', { property: part })
    if (!names.includes(name)) names.push(name)
  }
  return names
}

function parseOrderBy<T>(text: string, entity: ODataEntity<T>): OrderKey[] {
  const keys: OrderKey[] = []
  for (const part of text.split(',').map((s) => s.trim())) {
    const m = /^([A-Za-z_][\w]*(?:\/[A-Za-z_][\w]*)*)(?:\s+(\S+))?$/.exec(part)
    if (!m) throw new ODataError('syntax', { option: '$orderby', detail: `'${part}'`, position: 1, text })
    const name = findName(Object.keys(entity.properties), m[1]!)
    if (!name) throw new ODataError('unknown_property', { property: m[1]!, type: entity.type })
    if (!entity.properties[name]!.orderby || !entity.properties[name]!.type)
      throw new ODataError('not_sortable', { property: m[1]! })
    const direction = (m[2] ?? 'asc').toLowerCase()
    if (direction !== 'asc' && direction !== 'desc')
      throw new ODataError('bad_direction', { direction: m[2]! })
    if (!keys.some((k) => k.property === name)) keys.push({ property: name, desc: direction === 'desc' })
  }
  return keys
}

/** The full sort: $orderby (or the entity's default), then the key, so every item has one place. */
function sortKeys<T>(q: ODataQuery<T>): OrderKey[] {
  const keys = [...(q.orderBy.length ? q.orderBy : (q.entity.defaultOrderBy ?? []))]
  if (!keys.some((k) => k.property === q.entity.key)) keys.push({ property: q.entity.key, desc: false })
  return keys
}

const sortValues = <T>(item: T, q: ODataQuery<T>) =>
  sortKeys(q).map((k) => valueOf(item, k.property, q.entity.properties[k.property]!))

function compareTuples(a: Scalar[], b: Scalar[], keys: OrderKey[]): number {
  for (let i = 0; i < keys.length; i++) {
    const c = compareScalars(a[i] ?? null, b[i] ?? null)
    if (c !== 0) return keys[i]!.desc ? -c : c
  }
  return 0
}

/** The token says where a page ended, and which query it belongs to (a token of another query is refused). */
const fingerprint = <T>(q: ODataQuery<T>) =>
  createHash('sha256')
    .update(JSON.stringify([q.entity.type, q.raw.filter ?? '', sortKeys(q)]))
    .digest('base64url')
    .slice(0, 12)

function encodeSkipToken<T>(q: ODataQuery<T>, last: Scalar[]): string {
  return Buffer.from(JSON.stringify({ a: last, h: fingerprint(q) })).toString('base64url')
}

function decodeSkipToken<T>(token: string, q: ODataQuery<T>): Scalar[] {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      a?: unknown
      h?: unknown
    }
    const keys = sortKeys(q)
    if (
      parsed.h === fingerprint(q) &&
      Array.isArray(parsed.a) &&
      parsed.a.length === keys.length &&
      parsed.a.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
    )
      return parsed.a as Scalar[]
  } catch {
    // not ours
  }
  throw new ODataError('bad_skiptoken')
}

export interface ODataPage<T> {
  items: T[]
  /** How many items match the filter (all pages). */
  count: number
  /** The $skiptoken of the next page, when there is one. */
  nextSkipToken?: string
}

/** Filters, sorts, counts and pages items in memory (the same semantics a SQL translation must keep). */
export function applyODataQuery<T>(items: readonly T[], q: ODataQuery<T>): ODataPage<T> {
  const keys = sortKeys(q)
  const matching = q.filter
    ? items.filter((item) => matches(item, q.filter!, q.entity.properties))
    : [...items]
  const rows = matching
    .map((item) => ({ item, tuple: sortValues(item, q) }))
    .sort((a, b) => compareTuples(a.tuple, b.tuple, keys))
  const after = q.after
  const start = after ? rows.findIndex((r) => compareTuples(r.tuple, after, keys) > 0) : 0
  const from = (start < 0 ? rows.length : start) + q.skip
  const page = rows.slice(from, from + q.top)
  const more = from + page.length < rows.length
  return {
    items: page.map((r) => r.item),
    count: matching.length,
    ...(more && page.length ? { nextSkipToken: encodeSkipToken(q, page[page.length - 1]!.tuple) } : {}),
  }
}

/** The item with only the selected properties (and its `@odata.*` annotations). */
export function selectProperties<T, O extends Record<string, unknown>>(
  item: O,
  q: ODataQuery<T>,
): Partial<O> {
  if (!q.select) return item
  const keep = new Set(q.select)
  return Object.fromEntries(
    Object.entries(item).filter(([k]) => k.startsWith('@odata.') || keep.has(k)),
  ) as Partial<O>
}

/** `@odata.context`'s path with the selection, as Graph writes it: `issues(id,title)`, `…(id)/$entity`. */
export function odataContextPath<T>(path: string, q: ODataQuery<T>): string {
  if (!q.select) return path
  const entity = path.endsWith('/$entity')
  const base = entity ? path.slice(0, -'/$entity'.length) : path
  return `${base}(${q.select.join(',')})${entity ? '/$entity' : ''}`
}

const encode = (s: string) => encodeURIComponent(s).replace(/%2C/g, ',').replace(/%2F/g, '/')

/** The request's own URL with the same options and the next page's $skiptoken. */
export function nextLink<T>(request: FastifyRequest, q: ODataQuery<T>, skipToken: string): string {
  const path = request.url.split('?')[0]!
  const base = `${request.protocol}://${request.headers.host ?? 'localhost'}${path}`
  const params: string[] = []
  for (const [key, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    const name = key.startsWith('$') ? key.slice(1).toLowerCase() : null
    if (name === 'skiptoken' || name === 'skip') continue
    params.push(`${encode(key)}=${encode(String(value))}`)
  }
  if (q.raw.top === undefined) params.push(`$top=${q.top}`)
  params.push(`$skiptoken=${skipToken}`)
  return `${base}?${params.join('&')}`
}

/**
 * A Graph collection answer: `@odata.context`, `@odata.count` (with $count=true), `value` (each item
 * through `present`, then $select), `@odata.nextLink` when more pages follow.
 */
export async function odataCollection<T, O extends Record<string, unknown>>(
  request: FastifyRequest,
  q: ODataQuery<T>,
  page: ODataPage<T>,
  contextUrl: string,
  present: (items: T[]) => O[] | Promise<O[]> = (items) => items as unknown as O[],
) {
  const value = (await present(page.items)).map((item) => selectProperties(item, q))
  return {
    '@odata.context': contextUrl,
    ...(q.count ? { '@odata.count': page.count } : {}),
    value,
    ...(page.nextSkipToken ? { '@odata.nextLink': nextLink(request, q, page.nextSkipToken) } : {}),
  }
}

/** The `/$count` segment: the number of matching items as text/plain. */
export function sendODataCount(reply: FastifyReply, count: number): FastifyReply {
  return reply.type('text/plain; charset=utf-8').send(String(count))
}
