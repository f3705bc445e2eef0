/**
 * The plans behind the growth suite's lists (docs/plans-1m.md): each route's list is run through
 * listServiceRequests on a scale database, every statement it sends is captured, then run again
 * under `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)` with its parameters.
 *
 *   node --import tsx bench/scale/explain.ts postgres://127.0.0.1:5432/growth_1m [route name filter]
 */
import type { CompiledQuery, QueryResult } from 'kysely'
import pg from 'pg'
import { openDatabase, withDefaultUser } from '../../src/platform/db/database.ts'
import {
  listServiceRequests,
  type RequestFilters,
  type RequestScope,
} from '../../src/service-requests/request-list.data.ts'
import { ROUTES } from './growth.ts'
import { FABRIKAM, ROSSI } from './volumes.ts'

const url = process.argv[2]
if (!url) throw new Error('usage: explain.ts <postgres url> [route name filter]')
const only = process.argv[3]

const scopes: Record<string, { scope: RequestScope; searchInternal?: 'vendor' | 'partner' }> = {
  engineer: { scope: { kind: 'all' }, searchInternal: 'vendor' },
  partner: { scope: { kind: 'partner', partnerTenantId: FABRIKAM }, searchInternal: 'partner' },
  customer: { scope: { kind: 'tenant', tenantId: ROSSI } },
}

/** The route's query string as the list's filters (the parameters the growth suite sends). */
function filtersOf(path: string): RequestFilters {
  const q = new URLSearchParams(path.split('?')[1] ?? '')
  return {
    q: q.get('q') ?? undefined,
    status: (q.get('status') ?? undefined) as RequestFilters['status'],
    tenantId: q.get('customer') ?? undefined,
    sort: (q.get('sort') ?? undefined) as RequestFilters['sort'],
    offset: 0,
    limit: Number(q.get('limit') ?? 50),
  }
}

const handle = await openDatabase({ kind: 'postgres', url }, { poolMax: 1 })
const client = new pg.Client({ connectionString: withDefaultUser(url) })
await client.connect()
const executor = handle.db.getExecutor()
const sent: CompiledQuery[] = []
const execute = executor.executeQuery.bind(executor)
executor.executeQuery = (<R>(compiled: CompiledQuery, ...rest: unknown[]): Promise<QueryResult<R>> => {
  sent.push(compiled)
  return (execute as (...args: unknown[]) => Promise<QueryResult<R>>)(compiled, ...rest)
}) as typeof executor.executeQuery
try {
  for (const route of ROUTES) {
    if (typeof route.path !== 'string' || (only && !route.name.includes(only))) continue
    const { scope, searchInternal } = scopes[route.persona]!
    const filters = { ...filtersOf(route.path), searchInternal }
    await listServiceRequests(handle.db, scope, filters) // warm: the catalog caches, as a pooled connection has them
    sent.length = 0
    const started = performance.now()
    const page = await listServiceRequests(handle.db, scope, filters)
    const ms = performance.now() - started
    console.log(
      `\n## ${route.name}\n\n${page.items.length} rows, total ${page.total}${page.totalCapped ? '+' : ''}; ${sent.length} statements, ${ms.toFixed(1)} ms\n`,
    )
    for (const compiled of [...sent]) {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers, costs off) ${compiled.sql}`,
        compiled.parameters as unknown[],
      )
      console.log('```')
      console.log(compiled.sql.replace(/\s+/g, ' ').slice(0, 160) + (compiled.sql.length > 160 ? ' …' : ''))
      console.log('```\n\n```')
      for (const row of rows) console.log(row['QUERY PLAN'])
      console.log('```\n')
    }
  }
} finally {
  await client.end()
  await handle.close()
}
