import { openDatabase } from '../../src/platform/db/database.ts'
import { listServiceRequests } from '../../src/service-requests/request-list.data.ts'
import { sql, Kysely, PGliteDialect } from 'kysely'
const dir = process.argv[2]!
const h = await openDatabase({ kind: 'pglite', dir })
const queries: { sql: string; params: readonly unknown[] }[] = []
const db = h.db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => a.result })
const logged = new Kysely<any>({ dialect: new PGliteDialect({ pglite: h.pglite! }), log: (e) => { if (e.level === 'query') queries.push({ sql: e.query.sql, params: e.query.parameters }) } })
const filters = JSON.parse(process.argv[3] ?? '{}')
for (let i = 0; i < 3; i++) { const t = performance.now(); await listServiceRequests(logged as any, JSON.parse(process.argv[4] ?? '{"kind":"all"}'), { offset: 0, limit: 50, now: new Date(), ...filters }); console.log('run', (performance.now() - t).toFixed(1), 'ms') }
const seen = new Set<string>()
for (const q of queries) {
  if (seen.has(q.sql)) continue; seen.add(q.sql)
  const plan = await h.pglite!.query<any>('explain (analyze, buffers) ' + q.sql, q.params as any[])
  console.log('----\n' + q.sql.slice(0, 300) + '\n' + plan.rows.map((r) => r['QUERY PLAN']).join('\n'))
}
await h.close()
