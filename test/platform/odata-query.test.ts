import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ODataError } from '../../src/platform/http/odata-errors.ts'
import {
  applyODataQuery,
  LIST_OPTIONS,
  odataContextPath,
  odataEntity,
  parseODataQuery,
  selectProperties,
} from '../../src/platform/http/odata-query.ts'

interface Issue {
  id: string
  title: string
  status: string
  isResolved: boolean
  severity: number
  startDateTime: string
  endDateTime: string | null
  customer: { tenantId: string } | null
  posts: unknown[]
}

const STATUSES = ['investigating', 'serviceDegradation', 'serviceRestored'] as const

const ISSUE = odataEntity<Issue>({
  type: 'test.issue',
  key: 'id',
  maxTop: 50,
  defaultTop: 10,
  properties: {
    id: { type: 'string', filter: true, orderby: true },
    title: { type: 'string', filter: ['eq', 'ne', 'startswith'], orderby: true },
    status: { type: 'enum', values: STATUSES, filter: true, orderby: true },
    isResolved: { type: 'boolean', filter: true },
    severity: { type: 'number', filter: true, orderby: true },
    startDateTime: { type: 'dateTime', filter: true, orderby: true },
    endDateTime: { type: 'dateTime', filter: true },
    'customer/tenantId': { type: 'guid', filter: ['eq'] },
    customer: {},
    posts: { select: true },
  },
})

const GUID_A = '0b0c5a4e-6f11-4b4e-9a57-2d1c9b5e7a01'
const issues: Issue[] = [
  ['EX1', "Mail isn't delivered", 'investigating', false, 2, '2025-01-05T10:00:00Z', null, GUID_A],
  ['EX2', 'Mail delayed', 'serviceRestored', true, 1, '2025-01-03T08:00:00Z', '2025-01-04T08:00:00Z', null],
  ['TM1', 'Teams calls drop', 'serviceDegradation', false, 3, '2025-01-07T09:30:00Z', null, null],
  ['SP1', 'Sites slow', 'serviceRestored', true, 1, '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z', GUID_A],
].map(([id, title, status, isResolved, severity, startDateTime, endDateTime, tenant]) => ({
  id: id as string,
  title: title as string,
  status: status as string,
  isResolved: isResolved as boolean,
  severity: severity as number,
  startDateTime: startDateTime as string,
  endDateTime: endDateTime as string | null,
  customer: tenant ? { tenantId: tenant as string } : null,
  posts: [],
}))

const q = (query: Record<string, unknown>) => parseODataQuery(query, ISSUE, { allow: LIST_OPTIONS })
const ids = (query: Record<string, unknown>) => applyODataQuery(issues, q(query)).items.map((i) => i.id)

function refusal(query: Record<string, unknown>, allow = LIST_OPTIONS): { code: string; message: string } {
  try {
    parseODataQuery(query, ISSUE, { allow })
  } catch (e) {
    expect(e).toBeInstanceOf(ODataError)
    const err = e as ODataError
    expect(err.status).toBe(400)
    return { code: err.code, message: err.localize('en').message }
  }
  throw new Error(`accepted: ${JSON.stringify(query)}`)
}

describe('OData $filter', () => {
  it('when a boolean is compared, then only the items with that value match (isResolved eq false)', () => {
    expect(ids({ $filter: 'isResolved eq false' })).toEqual(['EX1', 'TM1'])
    expect(ids({ $filter: 'isResolved' })).toEqual(['EX2', 'SP1'])
    expect(ids({ $filter: 'not isResolved' })).toEqual(['EX1', 'TM1'])
  })

  it('when conditions are joined with and, or, not and parentheses, then precedence is OData’s (not > and > or)', () => {
    expect(ids({ $filter: "status eq 'serviceRestored' or severity ge 3 and isResolved eq false" })).toEqual([
      'EX2',
      'SP1',
      'TM1',
    ])
    expect(ids({ $filter: "(status eq 'serviceRestored' or severity ge 3) and isResolved eq true" })).toEqual(
      ['EX2', 'SP1'],
    )
    expect(ids({ $filter: "not (status eq 'serviceRestored') and severity lt 3" })).toEqual(['EX1'])
    expect(ids({ $filter: "status ne 'serviceRestored'" })).toEqual(['EX1', 'TM1'])
  })

  it('when dates are compared, then date-time and date literals both work, and null is never in a range', () => {
    expect(ids({ $filter: 'startDateTime ge 2025-01-05T00:00:00Z' })).toEqual(['EX1', 'TM1'])
    expect(ids({ $filter: 'startDateTime lt 2025-01-03' })).toEqual(['SP1'])
    expect(
      ids({
        $filter: 'startDateTime gt 2025-01-03T08:00:00.000+00:00 and startDateTime le 2025-01-05T10:00:00Z',
      }),
    ).toEqual(['EX1'])
    expect(ids({ $filter: 'endDateTime ge 2020-01-01' })).toEqual(['EX2', 'SP1'])
    expect(ids({ $filter: 'endDateTime eq null' })).toEqual(['EX1', 'TM1'])
    expect(ids({ $filter: 'endDateTime ne null' })).toEqual(['EX2', 'SP1'])
  })

  it("when a string literal holds a quote, then '' stands for it; strings and enum members compare without regard to case", () => {
    expect(ids({ $filter: "title eq 'Mail isn''t delivered'" })).toEqual(['EX1'])
    expect(ids({ $filter: "title eq 'MAIL DELAYED'" })).toEqual(['EX2'])
    expect(ids({ $filter: "status eq 'ServiceRestored'" })).toEqual(['EX2', 'SP1'])
    expect(ids({ $filter: "startswith(title,'mail')" })).toEqual(['EX1', 'EX2'])
    expect(ids({ $filter: "startswith(title, 'Mail') eq true and isResolved eq true" })).toEqual(['EX2'])
  })

  it('when in, nested paths and GUIDs are used, then they match as eq would', () => {
    expect(ids({ $filter: "id in ('EX1', 'TM1', 'ZZ9')" })).toEqual(['EX1', 'TM1'])
    expect(ids({ $filter: `customer/tenantId eq ${GUID_A.toUpperCase()}` })).toEqual(['EX1', 'SP1'])
    expect(ids({ $filter: `customer/tenantId eq '${GUID_A}'` })).toEqual(['EX1', 'SP1'])
    expect(ids({ $filter: 'severity in (1, 3)' })).toEqual(['EX2', 'SP1', 'TM1'])
  })

  it('when the filter is not valid OData, then the answer is 400 BadRequest saying where', () => {
    for (const bad of [
      "isResolved eq 'false'",
      'isResolved eq',
      "title eq 'open",
      '(isResolved eq true',
      'severity gt 1 1',
      'startDateTime ge 2025-13-45',
      "status eq 'closedForGood'",
      'nosuch eq 1',
      'isResolved eq false and',
    ]) {
      expect(refusal({ $filter: bad }).code, bad).toBe('BadRequest')
    }
    expect(refusal({ $filter: 'nosuch eq 1' }).message).toBe(
      "Could not find a property named 'nosuch' on type 'test.issue'.",
    )
    expect(refusal({ $filter: "title eq 'open" }).message).toMatch(/unterminated string literal/)
    expect(refusal({ $filter: "status eq 'closedForGood'" }).message).toMatch(
      /investigating, serviceDegradation, serviceRestored/,
    )
  })

  it('when the filter is valid OData this resource does not serve, then the answer is 400 Request_UnsupportedQuery', () => {
    for (const unsupported of [
      "title gt 'A'",
      "contains(title,'x')",
      "endswith(title,'x')",
      'posts/any(p: p eq 1)',
      "'x' eq title",
      "customer/tenantId ne '00000000-0000-0000-0000-000000000000'",
      'posts eq null',
    ]) {
      expect(refusal({ $filter: unsupported }).code, unsupported).toBe('Request_UnsupportedQuery')
    }
    expect(refusal({ $filter: "title gt 'A'" }).message).toBe(
      "The operator 'gt' is not supported on property 'title'.",
    )
  })

  it('when a filter has more than 50 conditions, then it is refused rather than evaluated', () => {
    const long = Array.from({ length: 51 }, (_, i) => `severity eq ${i}`).join(' or ')
    expect(refusal({ $filter: long }).code).toBe('Request_UnsupportedQuery')
  })
})

describe('OData $select, $orderby, $top, $skiptoken, $count', () => {
  it('when $orderby names several keys with directions, then items sort by each in turn (key last)', () => {
    expect(ids({ $orderby: 'severity desc' })).toEqual(['TM1', 'EX1', 'EX2', 'SP1'])
    expect(ids({ $orderby: 'status asc, startDateTime desc' })).toEqual(['EX1', 'TM1', 'EX2', 'SP1'])
    expect(refusal({ $orderby: 'isResolved' }).code).toBe('Request_UnsupportedQuery')
    expect(refusal({ $orderby: 'severity sideways' }).code).toBe('BadRequest')
    expect(refusal({ $orderby: 'nosuch desc' }).code).toBe('BadRequest')
  })

  it('when $select lists properties, then only they (and @odata annotations) remain, and the context names them', () => {
    const query = q({ $select: 'id,Title' })
    expect(selectProperties({ '@odata.etag': 'W/"1"', ...issues[0]! }, query)).toEqual({
      '@odata.etag': 'W/"1"',
      id: 'EX1',
      title: "Mail isn't delivered",
    })
    expect(odataContextPath('admin/serviceAnnouncement/issues', query)).toBe(
      'admin/serviceAnnouncement/issues(id,title)',
    )
    expect(odataContextPath('x/issues/$entity', query)).toBe('x/issues(id,title)/$entity')
    expect(refusal({ $select: 'id,nosuch' }).code).toBe('BadRequest')
    expect(refusal({ $select: 'customer/tenantId' }).code).toBe('Request_UnsupportedQuery')
  })

  it('when $top pages a list, then the skiptoken continues after the last item, and $count counts all matches', () => {
    const first = applyODataQuery(issues, q({ $top: '3', $count: 'true', $orderby: 'startDateTime' }))
    expect(first.items.map((i) => i.id)).toEqual(['SP1', 'EX2', 'EX1'])
    expect(first.count).toBe(4)
    const second = applyODataQuery(
      issues,
      q({ $top: '3', $orderby: 'startDateTime', $skiptoken: first.nextSkipToken }),
    )
    expect(second.items.map((i) => i.id)).toEqual(['TM1'])
    expect(second.nextSkipToken).toBeUndefined()
  })

  it('when a skiptoken is forged or belongs to another query, then it is refused', () => {
    const first = applyODataQuery(issues, q({ $top: '1', $orderby: 'severity' }))
    expect(refusal({ $top: '1', $orderby: 'severity desc', $skiptoken: first.nextSkipToken }).code).toBe(
      'BadRequest',
    )
    expect(refusal({ $skiptoken: 'not-a-token' }).message).toMatch(/skiptoken/)
  })

  it('when $top, $count or an option is wrong, repeated or unknown, then each is refused, never ignored', () => {
    expect(refusal({ $top: '0' }).message).toBe(
      "Invalid page size specified: '0'. Must be between 1 and 50 inclusive.",
    )
    expect(refusal({ $top: '51' }).code).toBe('BadRequest')
    expect(refusal({ $top: 'ten' }).code).toBe('BadRequest')
    expect(refusal({ $count: 'yes' }).code).toBe('BadRequest')
    expect(refusal({ $top: ['1', '2'] }).message).toMatch(/more than once/)
    expect(refusal({ $search: '"mail"' })).toEqual({
      code: 'Request_UnsupportedQuery',
      message: "The query option '$search' is not supported on this resource.",
    })
    expect(refusal({ $frobnicate: '1' }).code).toBe('BadRequest')
    expect(refusal({ $filter: 'isResolved' }, ['select']).code).toBe('Request_UnsupportedQuery')
  })

  it('when the caller reads Italian, then the refusal is in Italian', () => {
    let error: unknown
    try {
      q({ $top: '0' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ODataError)
    expect((error as ODataError).localize('it').message).toMatch(/Dimensione di pagina non valida/)
  })
})

// ── properties ────────────────────────────────────────────────────────────────────────
type Cond =
  | { op: 'cmp'; prop: 'severity' | 'startDateTime'; rel: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; n: number }
  | { op: 'bool'; value: boolean }
  | { op: 'status'; value: (typeof STATUSES)[number]; negate: boolean }
  | { op: 'and' | 'or'; left: Cond; right: Cond }
  | { op: 'not'; inner: Cond }

const condArb: fc.Arbitrary<Cond> = fc.letrec<{ cond: Cond }>((tie) => ({
  cond: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      op: fc.constant('cmp' as const),
      prop: fc.constantFrom('severity' as const, 'startDateTime' as const),
      rel: fc.constantFrom(
        'eq' as const,
        'ne' as const,
        'gt' as const,
        'ge' as const,
        'lt' as const,
        'le' as const,
      ),
      n: fc.integer({ min: 0, max: 9 }),
    }),
    fc.record({ op: fc.constant('bool' as const), value: fc.boolean() }),
    fc.record({
      op: fc.constant('status' as const),
      value: fc.constantFrom(...STATUSES),
      negate: fc.boolean(),
    }),
    fc.record({ op: fc.constantFrom('and' as const, 'or' as const), left: tie('cond'), right: tie('cond') }),
    fc.record({ op: fc.constant('not' as const), inner: tie('cond') }),
  ),
})).cond

const day = (n: number) => `2025-02-${String(n + 1).padStart(2, '0')}T00:00:00Z`
const render = (c: Cond): string => {
  switch (c.op) {
    case 'cmp':
      return `${c.prop} ${c.rel} ${c.prop === 'severity' ? c.n : day(c.n)}`
    case 'bool':
      return `isResolved eq ${c.value}`
    case 'status':
      return `status ${c.negate ? 'ne' : 'eq'} '${c.value}'`
    case 'and':
    case 'or':
      return `(${render(c.left)}) ${c.op} (${render(c.right)})`
    case 'not':
      return `not (${render(c.inner)})`
  }
}
const holds = (c: Cond, i: Issue): boolean => {
  switch (c.op) {
    case 'cmp': {
      const a = c.prop === 'severity' ? i.severity : Date.parse(i.startDateTime)
      const b = c.prop === 'severity' ? c.n : Date.parse(day(c.n))
      return { eq: a === b, ne: a !== b, gt: a > b, ge: a >= b, lt: a < b, le: a <= b }[c.rel]
    }
    case 'bool':
      return i.isResolved === c.value
    case 'status':
      return (i.status === c.value) !== c.negate
    case 'and':
      return holds(c.left, i) && holds(c.right, i)
    case 'or':
      return holds(c.left, i) || holds(c.right, i)
    case 'not':
      return !holds(c.inner, i)
  }
}

const issueArb: fc.Arbitrary<Issue> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  title: fc.string({ maxLength: 10 }),
  status: fc.constantFrom(...STATUSES),
  isResolved: fc.boolean(),
  severity: fc.integer({ min: 0, max: 9 }),
  startDateTime: fc.integer({ min: 0, max: 9 }).map(day),
  endDateTime: fc.constant(null),
  customer: fc.constant(null),
  posts: fc.constant([]),
})

describe('OData properties (fast-check)', () => {
  it('when any generated filter is written out and parsed, then it selects exactly the items the condition holds for', () => {
    fc.assert(
      fc.property(condArb, fc.array(issueArb, { maxLength: 12 }), (cond, items) => {
        const text = render(cond)
        let query
        try {
          query = parseODataQuery({ $filter: text, $top: '50' }, ISSUE, { allow: LIST_OPTIONS })
        } catch (e) {
          // only the size limit may refuse a well-formed generated filter
          return e instanceof ODataError && e.problem === 'too_complex'
        }
        const got = applyODataQuery(items, query).items
        expect(new Set(got)).toEqual(new Set(items.filter((i) => holds(cond, i))))
        return true
      }),
      { numRuns: 300 },
    )
  })

  it('when any text is given as $filter, $orderby or $select, then it parses or is refused with a 400 — nothing else is thrown', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('$filter', '$orderby', '$select'),
        fc.string({ maxLength: 60 }),
        (option, text) => {
          try {
            parseODataQuery({ [option]: text }, ISSUE, { allow: LIST_OPTIONS })
          } catch (e) {
            return e instanceof ODataError && e.status === 400
          }
          return true
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('when a list is read page by page with any $top and $orderby, then every item appears exactly once, in order', () => {
    const unique = fc.uniqueArray(issueArb, { selector: (i) => i.id, maxLength: 25 })
    fc.assert(
      fc.property(
        unique,
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom('severity desc', 'startDateTime, severity desc', 'status', 'id desc'),
        (items, top, orderby) => {
          const all = applyODataQuery(items, q({ $orderby: orderby, $top: '50' })).items
          const seen: Issue[] = []
          let token: string | undefined
          for (let pages = 0; pages <= items.length + 1; pages++) {
            const page = applyODataQuery(
              items,
              q({ $orderby: orderby, $top: String(top), ...(token ? { $skiptoken: token } : {}) }),
            )
            seen.push(...page.items)
            token = page.nextSkipToken
            if (!token) break
          }
          expect(seen).toEqual(all)
          return true
        },
      ),
      { numRuns: 200 },
    )
  })
})
