/**
 * Filing against its reference: `POST /api/service-requests` on Tramite, and a minimal Fastify +
 * pg route that makes the same writes in one transaction, measured together on one PostgreSQL
 * server (issue 12: filing ≥ 50 % of the reference's throughput). On PGlite, the filing's cost
 * × `/healthz` (target ≤ 20×).
 *
 * The reference learns "the same writes" from Tramite itself: one request is filed through the
 * API first, and every row its transaction wrote (in any table: the rows whose `xmin` is that
 * transaction's id) becomes the template. The reference inserts those rows again in one
 * transaction per call, with a new request id (and new event ids) in place of the template's, so
 * it writes what a filing writes — the same tables, indexes, constraints and triggers — and
 * decides nothing: no authentication, no policy, no reads.
 */
import { randomUUID } from 'node:crypto'
import Fastify from 'fastify'
import pg from 'pg'
import { tenantIdOf } from '../../src/demo/world.ts'
import { withDefaultUser } from '../../src/platform/db/database.ts'
import { adminQuery, databaseUrl, fmt, load, signIn, startServer } from '../support.ts'

const FILING = {
  customerTenantId: tenantIdOf('rossi.example'),
  workload: 'office365',
  title: 'Filing bench',
  description: 'Filed by the filing bench.',
  severity: 'minimal',
}

interface TemplateRow {
  table: string
  columns: string[]
  /** Per column: a JSON column (sent as text) or not. */
  json: boolean[]
  values: unknown[]
}

/** Every row the transaction that wrote the template request wrote, in the order to insert them. */
export async function templateRows(client: pg.Client, requestId: string): Promise<TemplateRow[]> {
  const { rows: tx } = await client.query<{ xmin: string }>(
    'select xmin::text from service_requests where id = $1',
    [requestId],
  )
  const xmin = tx[0]!.xmin
  // columns that are written (not generated, not identity or serial), per table
  const { rows: columns } = await client.query<{
    table_name: string
    column_name: string
    data_type: string
  }>(
    `select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'public' and is_generated = 'NEVER' and is_identity = 'NO'
        and coalesce(column_default, '') not like 'nextval(%'
      order by table_name, ordinal_position`,
  )
  const byTable = new Map<string, { name: string; json: boolean }[]>()
  for (const c of columns) {
    const list = byTable.get(c.table_name) ?? []
    list.push({ name: c.column_name, json: c.data_type === 'json' || c.data_type === 'jsonb' })
    byTable.set(c.table_name, list)
  }
  const { rows: tables } = await client.query<{ relname: string }>(
    `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`,
  )
  const found: TemplateRow[] = []
  for (const { relname } of tables) {
    const cols = byTable.get(relname)
    if (!cols?.length) continue
    const list = cols.map((c) => `"${c.name}"`).join(', ')
    const { rows } = await client.query(`select ${list} from "${relname}" where xmin::text = $1`, [xmin])
    for (const row of rows as Record<string, unknown>[]) {
      found.push({
        table: relname,
        columns: cols.map((c) => c.name),
        json: cols.map((c) => c.json),
        values: cols.map((c) => row[c.name]),
      })
    }
  }
  // the request first (the others refer to it), then the rest as found
  return found.sort((a, b) => Number(b.table === 'service_requests') - Number(a.table === 'service_requests'))
}

/** The uuids of the template that name what the filing created (the request, its event). */
export function ownIds(rows: TemplateRow[], requestId: string): string[] {
  const ids = new Set([requestId])
  for (const row of rows) {
    const i = row.columns.indexOf('event_id')
    if (i >= 0 && typeof row.values[i] === 'string') ids.add(row.values[i] as string)
  }
  return [...ids]
}

function replaced(value: unknown, json: boolean, swap: Map<string, string>): unknown {
  if (value === null || value === undefined) return value
  if (value instanceof Date) return value
  let text = json ? JSON.stringify(value) : typeof value === 'string' ? value : null
  if (text === null) return value
  for (const [from, to] of swap) text = text.split(from).join(to)
  return text
}

/** The reference server: one route, one transaction, the template's inserts. */
export async function referenceServer(
  url: string,
  rows: TemplateRow[],
  ids: string[],
  poolMax: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: withDefaultUser(url), max: poolMax })
  const app = Fastify()
  const statements = rows.map(
    (row) =>
      `insert into "${row.table}" (${row.columns.map((c) => `"${c}"`).join(', ')}) values (${row.columns
        .map((_, i) => `$${i + 1}`)
        .join(', ')})`,
  )
  app.post('/file', async (request, reply) => {
    const body = request.body as { title?: string }
    if (typeof body?.title !== 'string') return reply.status(400).send({ error: 'title' })
    const swap = new Map(ids.map((id) => [id, randomUUID()]))
    const client = await pool.connect()
    try {
      await client.query('begin')
      for (const [i, row] of rows.entries()) {
        await client.query(
          statements[i]!,
          row.values.map((v, j) => replaced(v, row.json[j]!, swap)),
        )
      }
      await client.query('commit')
    } catch (error) {
      await client.query('rollback')
      throw error
    } finally {
      client.release()
    }
    return reply.status(201).send({ id: swap.get(ids[0]!) })
  })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  return {
    url: address,
    async close() {
      await app.close()
      await pool.end()
    },
  }
}

export async function filingBench(
  log: (line: string) => void,
  options: { serverUrl?: string | undefined; seconds: number; rounds: number },
): Promise<void> {
  const postgres = options.serverUrl
  let url: string | null = null
  let dropName: string | null = null
  let env: Record<string, string> = { TRAMITE_DATA_DIR: `/tmp/tramite-bench-filing-${process.pid}` }
  if (postgres) {
    // one database per run: several people may bench on one server
    const name = `tramite_bench_filing_${process.pid}`
    dropName = name
    await adminQuery(postgres, `drop database if exists ${name} with (force)`)
    await adminQuery(postgres, `create database ${name}`)
    url = databaseUrl(postgres, name)
    env = { ...env, DATABASE_URL: url }
  }
  const server = await startServer({ ...env, SCHEDULER_INTERVAL_SECONDS: '3600' })
  let reference: Awaited<ReturnType<typeof referenceServer>> | null = null
  try {
    const anna = await signIn(server.url, 'anna@fabrikam.example')
    const headers = { ...anna.headers, 'x-csrf-token': anna.csrfToken, 'content-type': 'application/json' }
    const body = JSON.stringify(FILING)
    const first = await fetch(`${server.url}/api/service-requests`, { method: 'POST', headers, body })
    if (first.status !== 201) throw new Error(`filing: ${first.status} ${await first.text()}`)
    const { id } = (await first.json()) as { id: string }
    if (url) {
      const client = new pg.Client({ connectionString: withDefaultUser(url) })
      await client.connect()
      let rows: TemplateRow[]
      try {
        rows = await templateRows(client, id)
      } finally {
        await client.end()
      }
      const counts = new Map<string, number>()
      for (const r of rows) counts.set(r.table, (counts.get(r.table) ?? 0) + 1)
      log(`  a filing writes ${rows.length} rows: ${[...counts].map(([t, n]) => `${t} ${n}`).join(', ')}`)
      reference = await referenceServer(url, rows, ownIds(rows, id), 10)
    }
    const ratios: number[] = []
    for (let round = 0; round < options.rounds; round++) {
      const base = await load('healthz', { url: `${server.url}/healthz`, duration: options.seconds / 2 })
      const filing = await load('filing', {
        url: `${server.url}/api/service-requests`,
        method: 'POST',
        headers,
        body,
        duration: options.seconds,
      })
      if (filing.non2xx || filing.errors) throw new Error(`filing: ${JSON.stringify(filing.statusCodes)}`)
      let line = `  round ${round + 1}: /healthz ${fmt(base.rps)} req/s; filing ${fmt(filing.rps)} req/s (p50 ${filing.p50} ms) = ${(base.rps / filing.rps).toFixed(1)}× /healthz`
      if (reference) {
        const ref = await load('reference', {
          url: `${reference.url}/file`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          duration: options.seconds,
        })
        if (ref.non2xx || ref.errors) throw new Error(`reference: ${JSON.stringify(ref.statusCodes)}`)
        ratios.push(filing.rps / ref.rps)
        line += `; reference ${fmt(ref.rps)} req/s (p50 ${ref.p50} ms); filing = ${((filing.rps / ref.rps) * 100).toFixed(0)} % of it`
      } else {
        ratios.push(base.rps / filing.rps)
      }
      log(line)
    }
    const m = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!
    log(
      reference
        ? `  median: filing at ${(m * 100).toFixed(0)} % of the reference ${m >= 0.5 ? 'ok' : 'MISSED (≥ 50 %)'}`
        : `  median: filing ${m.toFixed(1)}× /healthz ${m <= 20 ? 'ok' : 'MISSED (≤ 20×)'}`,
    )
  } finally {
    await reference?.close()
    await server.stop()
    if (postgres && dropName) await adminQuery(postgres, `drop database if exists ${dropName} with (force)`)
  }
}
