import { ODataError } from './odata-errors.ts'

/**
 * OData `$filter`: the expression language Microsoft Graph accepts, parsed into a typed tree
 * against the properties a route declares, and evaluated on items. Operators: eq, ne, gt, ge,
 * lt, le, in, and, or, not, parentheses; the function startswith; literals: 'strings' (with ''
 * for a quote), numbers, true/false, null, dates and date-times (2024-05-01, 2024-05-01T10:00:00Z)
 * and GUIDs. Anything else is refused with the reason (see odata-errors.ts).
 */

export type ODataType = 'string' | 'boolean' | 'number' | 'dateTime' | 'enum' | 'guid'
export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'
export type FilterOperator = ComparisonOperator | 'in' | 'startswith'

/** One property of an entity as a route exposes it to query options. */
export interface ODataProperty<T> {
  /** Needed to filter or sort by the property; a property without one can only be selected. */
  type?: ODataType
  /** For `enum`: the members (compared without regard to case, as Graph's clients do). */
  values?: readonly string[]
  /** true: eq, ne, in (and gt, ge, lt, le for numbers and dates); or the exact operators. */
  filter?: boolean | readonly FilterOperator[]
  orderby?: boolean
  /** Selectable with $select (default true; nested paths such as `customer/tenantId` never are). */
  select?: boolean
  /** The item's value; default: the item's property at this path (`a/b` → item.a.b). */
  value?: (item: T) => unknown
}

export type ODataProperties<T> = Record<string, ODataProperty<T>>

/** A typed scalar: strings, enum members and GUIDs as strings, date-times as epoch milliseconds. */
export type Scalar = string | number | boolean | null

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: ComparisonOperator; property: string; value: Scalar }
  | { kind: 'in'; property: string; values: Scalar[] }
  | { kind: 'startswith'; property: string; value: string }
  | { kind: 'true'; property: string }

const MAX_CONDITIONS = 50

// ── tokens ─────────────────────────────────────────────────────────────────────────────
type Token =
  | { t: 'punct'; v: '(' | ')' | ',' | ':'; at: number }
  | { t: 'word'; v: string; at: number }
  | { t: 'string'; v: string; at: number }
  | { t: 'number'; v: number; raw: string; at: number }
  | { t: 'date'; v: number; raw: string; at: number }
  | { t: 'guid'; v: string; at: number }

const GUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/y
const DATE = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2}))?(?![\w:.-])/y
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])/y
const WORD = /[A-Za-z_][\w]*(?:\/[A-Za-z_][\w]*)*/y

function syntax(text: string, at: number, detail: string): ODataError {
  return new ODataError('syntax', { option: '$filter', detail, position: at + 1, text })
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  const sticky = (re: RegExp) => {
    re.lastIndex = at
    return re.exec(text)
  }
  while (at < text.length) {
    const c = text[at]!
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      at++
      continue
    }
    if (c === '(' || c === ')' || c === ',' || c === ':') {
      tokens.push({ t: 'punct', v: c, at })
      at++
      continue
    }
    if (c === "'") {
      let value = ''
      let i = at + 1
      for (;;) {
        if (i >= text.length) throw syntax(text, at, 'unterminated string literal')
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'"
            i += 2
            continue
          }
          break
        }
        value += text[i]
        i++
      }
      tokens.push({ t: 'string', v: value, at })
      at = i + 1
      continue
    }
    let m: RegExpExecArray | null
    if ((m = sticky(GUID))) {
      tokens.push({ t: 'guid', v: m[0].toLowerCase(), at })
    } else if ((m = sticky(DATE))) {
      const ms = Date.parse(m[0].length === 10 ? `${m[0]}T00:00:00Z` : m[0])
      if (Number.isNaN(ms)) throw syntax(text, at, `'${m[0]}' is not a valid date`)
      tokens.push({ t: 'date', v: ms, raw: m[0], at })
    } else if ((m = sticky(NUMBER))) {
      tokens.push({ t: 'number', v: Number(m[0]), raw: m[0], at })
    } else if ((m = sticky(WORD))) {
      tokens.push({ t: 'word', v: m[0], at })
    } else {
      throw syntax(text, at, `unexpected character '${c}'`)
    }
    at += m[0].length
  }
  return tokens
}

// ── parse ──────────────────────────────────────────────────────────────────────────────
const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le'])
/** OData functions Graph knows; only startswith is served here. */
const KNOWN_FUNCTIONS = new Set([
  'startswith',
  'endswith',
  'contains',
  'substringof',
  'tolower',
  'toupper',
  'trim',
  'length',
  'indexof',
  'substring',
  'concat',
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'date',
  'time',
  'now',
  'round',
  'floor',
  'ceiling',
  'cast',
  'isof',
  'has',
])

type Raw = { t: 'string' | 'number' | 'date' | 'guid' | 'bool' | 'null'; v: unknown; text: string }

interface Entity<T> {
  type: string
  properties: ODataProperties<T>
}

/** Parses and type-checks `$filter` against the entity's properties. */
export function parseFilter<T>(text: string, entity: Entity<T>): FilterNode {
  const tokens = tokenize(text)
  let i = 0
  let conditions = 0
  const peek = () => tokens[i]
  const isWord = (w: string, tok = peek()) => tok?.t === 'word' && tok.v.toLowerCase() === w
  const end = () => (tokens.length ? tokens[tokens.length - 1]!.at + 1 : 0)
  const expectPunct = (p: string) => {
    const tok = peek()
    if (tok?.t !== 'punct' || tok.v !== p) throw syntax(text, tok?.at ?? end(), `'${p}' expected`)
    i++
  }

  function property(name: string): ODataProperty<T> & { type: ODataType } {
    const spec =
      entity.properties[name] ??
      Object.entries(entity.properties).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1]
    if (!spec) throw new ODataError('unknown_property', { property: name, type: entity.type })
    if (!spec.filter || !spec.type) throw new ODataError('not_filterable', { property: name })
    return spec as ODataProperty<T> & { type: ODataType }
  }
  const canonical = (name: string) =>
    entity.properties[name]
      ? name
      : (Object.keys(entity.properties).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name)

  function allows(spec: ODataProperty<T> & { type: ODataType }, name: string, op: FilterOperator): void {
    const ordered = spec.type === 'number' || spec.type === 'dateTime'
    const allowed =
      spec.filter === true
        ? ['eq', 'ne', 'in', ...(ordered ? ['gt', 'ge', 'lt', 'le'] : [])]
        : (spec.filter as readonly string[])
    if (!allowed.includes(op)) throw new ODataError('operator_unsupported', { operator: op, property: name })
  }

  function literal(): Raw {
    const tok = peek()
    if (!tok) throw syntax(text, end(), 'a value is expected')
    i++
    switch (tok.t) {
      case 'string':
        return { t: 'string', v: tok.v, text: `'${tok.v}'` }
      case 'number':
        return { t: 'number', v: tok.v, text: tok.raw }
      case 'date':
        return { t: 'date', v: tok.v, text: tok.raw }
      case 'guid':
        return { t: 'guid', v: tok.v, text: tok.v }
      case 'word': {
        const w = tok.v.toLowerCase()
        if (w === 'true' || w === 'false') return { t: 'bool', v: w === 'true', text: w }
        if (w === 'null') return { t: 'null', v: null, text: 'null' }
        throw new ODataError('literal_left', { text })
      }
      default:
        throw syntax(text, tok.at, 'a value is expected')
    }
  }

  /** The literal as the property's type, or a BadRequest saying why not. */
  function typed(spec: ODataProperty<T> & { type: ODataType }, name: string, raw: Raw): Scalar {
    if (raw.t === 'null') return null
    const mismatch = () =>
      new ODataError('type_mismatch', { value: raw.text, expected: EDM[spec.type], property: name })
    switch (spec.type) {
      case 'string':
        if (raw.t === 'string') return raw.v as string
        throw mismatch()
      case 'guid':
        if (raw.t === 'guid') return raw.v as string
        if (raw.t === 'string' && /^[0-9a-f-]{36}$/i.test(raw.v as string))
          return (raw.v as string).toLowerCase()
        if (raw.t === 'string') return raw.v as string // never equal to a GUID: matches nothing
        throw mismatch()
      case 'boolean':
        if (raw.t === 'bool') return raw.v as boolean
        throw mismatch()
      case 'number':
        if (raw.t === 'number') return raw.v as number
        throw mismatch()
      case 'dateTime':
        if (raw.t === 'date') return raw.v as number
        throw mismatch()
      case 'enum': {
        if (raw.t !== 'string') throw mismatch()
        const member = spec.values?.find((v) => v.toLowerCase() === (raw.v as string).toLowerCase())
        if (!member)
          throw new ODataError('enum_value', {
            value: raw.v as string,
            property: name,
            values: (spec.values ?? []).join(', '),
          })
        return member
      }
    }
  }

  function count(): void {
    if (++conditions > MAX_CONDITIONS) throw new ODataError('too_complex', { max: MAX_CONDITIONS })
  }

  function primary(): FilterNode {
    const tok = peek()
    if (!tok) throw syntax(text, end(), 'an expression is expected')
    if (tok.t === 'punct' && tok.v === '(') {
      i++
      const inner = or()
      expectPunct(')')
      return inner
    }
    if (tok.t !== 'word') {
      // a literal first: `'x' eq status`
      literal()
      if (peek()?.t === 'word' && COMPARISONS.has((peek() as { v: string }).v.toLowerCase()))
        throw new ODataError('literal_left', { text })
      throw syntax(text, tok.at, 'a property is expected')
    }
    i++
    const name = tok.v
    const next = peek()
    if (next?.t === 'punct' && next.v === '(') {
      // a function call, or a lambda (`tags/any(...)`)
      if (/\/(any|all)$/i.test(name)) throw new ODataError('lambda_unsupported', { type: entity.type })
      const fn = name.toLowerCase()
      if (!KNOWN_FUNCTIONS.has(fn)) throw new ODataError('unknown_function', { name })
      if (fn !== 'startswith') throw new ODataError('function_unsupported', { name })
      i++
      const argTok = peek()
      if (argTok?.t !== 'word') throw syntax(text, argTok?.at ?? end(), 'a property is expected')
      i++
      const spec = property(argTok.v)
      allows(spec, argTok.v, 'startswith')
      expectPunct(',')
      const raw = literal()
      if (raw.t !== 'string')
        throw new ODataError('type_mismatch', { value: raw.text, expected: 'Edm.String', property: argTok.v })
      expectPunct(')')
      count()
      // `startswith(x,'a') eq true` is the same condition
      if (isWord('eq') && isWord('true', tokens[i + 1])) i += 2
      return { kind: 'startswith', property: canonical(argTok.v), value: raw.v as string }
    }
    const lower = name.toLowerCase()
    if (['true', 'false', 'null'].includes(lower)) throw syntax(text, tok.at, 'a property is expected')
    const spec = property(name)
    const opTok = peek()
    const op = opTok?.t === 'word' ? opTok.v.toLowerCase() : ''
    if (COMPARISONS.has(op)) {
      i++
      allows(spec, name, op as ComparisonOperator)
      const raw = literal()
      if (raw.t === 'null' && op !== 'eq' && op !== 'ne')
        throw new ODataError('type_mismatch', { value: 'null', expected: EDM[spec.type], property: name })
      count()
      return {
        kind: 'compare',
        op: op as ComparisonOperator,
        property: canonical(name),
        value: typed(spec, name, raw),
      }
    }
    if (op === 'in') {
      i++
      allows(spec, name, 'in')
      expectPunct('(')
      const values: Scalar[] = []
      for (;;) {
        values.push(typed(spec, name, literal()))
        count()
        const sep = peek()
        if (sep?.t === 'punct' && sep.v === ',') {
          i++
          continue
        }
        expectPunct(')')
        break
      }
      return { kind: 'in', property: canonical(name), values }
    }
    if (op === 'has' || op === 'add' || op === 'sub' || op === 'mul' || op === 'div' || op === 'mod')
      throw new ODataError('operator_unsupported', { operator: op, property: name })
    // a boolean property on its own is a condition
    if (spec.type !== 'boolean')
      throw syntax(text, opTok?.at ?? end(), 'a comparison operator (eq, ne, gt, ge, lt, le, in) is expected')
    allows(spec, name, 'eq')
    count()
    return { kind: 'true', property: canonical(name) }
  }

  function unary(): FilterNode {
    if (isWord('not')) {
      i++
      return { kind: 'not', operand: unary() }
    }
    return primary()
  }

  function and(): FilterNode {
    let left = unary()
    while (isWord('and')) {
      i++
      left = { kind: 'and', left, right: unary() }
    }
    return left
  }

  function or(): FilterNode {
    let left = and()
    while (isWord('or')) {
      i++
      left = { kind: 'or', left, right: and() }
    }
    return left
  }

  if (tokens.length === 0) throw syntax(text, 0, 'the expression is empty')
  const tree = or()
  const rest = peek()
  if (rest) throw syntax(text, rest.at, `unexpected '${'v' in rest ? String(rest.v) : ''}'`)
  return tree
}

const EDM: Record<ODataType, string> = {
  string: 'Edm.String',
  boolean: 'Edm.Boolean',
  number: 'Edm.Double',
  dateTime: 'Edm.DateTimeOffset',
  enum: 'enumeration value (quoted)',
  guid: 'Edm.Guid',
}

// ── evaluate ───────────────────────────────────────────────────────────────────────────

/** The item's value of a declared property, as a Scalar comparable with parsed literals. */
export function valueOf<T>(item: T, name: string, spec: ODataProperty<T>): Scalar {
  let raw: unknown
  if (spec.value) raw = spec.value(item)
  else {
    raw = item
    for (const part of name.split('/')) raw = (raw as Record<string, unknown> | null)?.[part]
  }
  if (raw === undefined || raw === null) return null
  switch (spec.type) {
    case 'dateTime':
      return raw instanceof Date ? raw.getTime() : Date.parse(String(raw))
    case 'number':
      return Number(raw)
    case 'boolean':
      return Boolean(raw)
    case 'guid':
      return String(raw).toLowerCase()
    default:
      return String(raw)
  }
}

/**
 * Orders two scalars of one type (null first): strings and enum members without regard to case,
 * then by case, so that distinct keys never tie.
 */
export function compareScalars(a: Scalar, b: Scalar): number {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase()
    const y = b.toLowerCase()
    if (x !== y) return x < y ? -1 : 1
  }
  return a < b ? -1 : a > b ? 1 : 0
}

/** Equality as $filter means it: strings and enum members without regard to case. */
const same = (a: Scalar, b: Scalar) =>
  a !== null &&
  b !== null &&
  (typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b)

/** Does the item satisfy the filter? (null compares equal only to null, and is never gt/lt anything.) */
export function matches<T>(item: T, node: FilterNode, properties: ODataProperties<T>): boolean {
  const value = (name: string) => valueOf(item, name, properties[name]!)
  switch (node.kind) {
    case 'and':
      return matches(item, node.left, properties) && matches(item, node.right, properties)
    case 'or':
      return matches(item, node.left, properties) || matches(item, node.right, properties)
    case 'not':
      return !matches(item, node.operand, properties)
    case 'true':
      return value(node.property) === true
    case 'in': {
      const v = value(node.property)
      return node.values.some((x) => (x === null ? v === null : same(v, x)))
    }
    case 'startswith': {
      const v = value(node.property)
      return typeof v === 'string' && v.toLowerCase().startsWith(node.value.toLowerCase())
    }
    case 'compare': {
      const v = value(node.property)
      const x = node.value
      switch (node.op) {
        case 'eq':
          return x === null ? v === null : same(v, x)
        case 'ne':
          return x === null ? v !== null : !same(v, x)
        default: {
          if (v === null || x === null) return false
          const c =
            typeof v === 'string' && typeof x === 'string'
              ? compareScalars(v.toLowerCase(), x.toLowerCase())
              : compareScalars(v, x)
          return node.op === 'gt' ? c > 0 : node.op === 'ge' ? c >= 0 : node.op === 'lt' ? c < 0 : c <= 0
        }
      }
    }
  }
}
