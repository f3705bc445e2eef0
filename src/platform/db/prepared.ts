import { createHash } from 'node:crypto'
import { type PGlite, parse, protocol, type QueryOptions } from '@electric-sql/pglite'
import { sql } from 'kysely'
import type pg from 'pg'

/**
 * Hot statements that are large to plan (the policy's facts, a filing's write, a session with its
 * user) open or end with this comment. On PostgreSQL each connection then keeps them prepared, named after their text: parsed
 * and planned once per connection instead of on every call (planning the facts statement costs
 * several times running it). The text must be the same for the same shape; values are parameters.
 * On PGlite the one session keeps them prepared the same way (`preparingPglite`).
 */
export const PREPARED = '/* prepared */'

/** First in a `sql` template (`sql\`${prepared} select …\``), or last: `query.modifyEnd(prepared)`. */
export const prepared = sql.raw(PREPARED)

const isMarked = (text: unknown): text is string =>
  typeof text === 'string' && (text.startsWith(PREPARED) || text.endsWith(PREPARED))

/** Statement texts past this many are run unnamed: a bound on what each connection keeps. */
const MAX_NAMES = 256
const names = new Map<string, string>()

function nameOf(text: string): string | null {
  let name = names.get(text)
  if (name) return name
  if (names.size >= MAX_NAMES) return null
  name = `tramite_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`
  names.set(text, name)
  return name
}

const PATCHED = Symbol('tramite.prepared')

type Query = (text: unknown, values?: unknown, callback?: unknown) => unknown

/** A client whose marked statements go out named (pg prepares a name once per connection). */
function preparingClient(client: pg.PoolClient): pg.PoolClient {
  const c = client as pg.PoolClient & { [PATCHED]?: true }
  if (c[PATCHED]) return client
  c[PATCHED] = true
  const query = client.query.bind(client) as Query
  ;(client as unknown as { query: Query }).query = (text, values, callback) => {
    const name = isMarked(text) && !callback ? nameOf(text) : null
    return name ? query({ name, text, values }) : query(text, values, callback)
  }
  return client
}

/** The pool, handing out clients that keep marked statements prepared. */
export function preparing(pool: pg.Pool): pg.Pool {
  const connect = pool.connect.bind(pool) as (callback?: unknown) => unknown
  const patched = (callback?: (error: Error | undefined, client?: pg.PoolClient, done?: unknown) => void) => {
    if (callback) {
      return connect((error: Error | undefined, client?: pg.PoolClient, done?: unknown) =>
        callback(error, client ? preparingClient(client) : client, done),
      )
    }
    return (connect() as Promise<pg.PoolClient>).then(preparingClient)
  }
  ;(pool as unknown as { connect: typeof patched }).connect = patched
  return pool
}

type PgliteQuery = PGlite['query']

/** A PGlite statement kept prepared: its name and the types its parameters were given. */
interface Kept {
  name: string
  types: number[]
}

const concat = (parts: Uint8Array[]): Uint8Array => {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    all.set(part, at)
    at += part.length
  }
  return all
}

/**
 * PGlite, whose marked statements are kept prepared in its one session: parsed and planned the
 * first time, then bound and run by name — on the embedded engine planning runs in the server's
 * own thread, and each message is a crossing into WebAssembly (PGlite's `query` sends parse,
 * describe, bind and execute apart for every call). Inside a transaction (Kysely runs those through
 * PGlite's transaction object) statements go out as before.
 */
export function preparingPglite(pglite: PGlite): PGlite {
  const query = pglite.query.bind(pglite) as PgliteQuery
  const kept = new Map<string, Kept>()
  const { serialize } = protocol
  // PGlite's own order for a query outside a transaction: the transaction mutex, then the query's
  const exclusive = <T>(run: () => Promise<T>) =>
    pglite._runExclusiveTransaction(() => pglite._runExclusiveQuery(run))

  async function prepare(text: string, name: string): Promise<Kept> {
    const messages = await pglite.execProtocolStream(
      concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]),
      { syncToFs: false },
    )
    const statement = { name, types: parse.parseDescribeStatementResults(messages) }
    kept.set(text, statement)
    return statement
  }

  async function run(text: string, name: string, params: unknown[], options?: QueryOptions) {
    const statement = kept.get(text) ?? (await prepare(text, name))
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null
      const serializer = pglite.serializers[statement.types[i]!]
      return serializer ? (serializer(value) as string) : String(value)
    })
    const messages = await pglite.execProtocolStream(
      concat([
        serialize.bind({ statement: name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: false },
    )
    await pglite.syncToFs()
    return parse.parseResults(messages, pglite.parsers, options)[0]!
  }

  const patched = (async (text: string, params?: unknown[], options?: QueryOptions) => {
    const name = isMarked(text) && !options?.blob ? nameOf(text) : null
    if (!name) return query(text, params, options)
    return exclusive(async () => {
      try {
        return await run(text, name, params ?? [], options)
      } catch (error) {
        // the session lost it (DEALLOCATE, DISCARD): prepare it again, once
        if ((error as { code?: string }).code !== '26000') throw error
        kept.delete(text)
        return run(text, name, params ?? [], options)
      }
    })
  }) as PgliteQuery
  ;(pglite as unknown as { query: PgliteQuery }).query = patched
  return pglite
}
