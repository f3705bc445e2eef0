import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import type { AccessGrant } from '../gdap/access.data.ts'
import { withDefaultUser } from '../platform/db/database.ts'
import type { Session } from './sessions.data.ts'
import type { UserRecord } from './users.data.ts'

/** What authenticating a cookie reads: the session and its user (with tenant and roles). */
export interface CachedSession {
  session: Session
  user: UserRecord
  lastSeenAt: Date
}

/**
 * Authenticated sessions kept in memory between requests, so that a request whose session was
 * read a moment ago sends no query to authenticate; likewise the user a bearer token names (the
 * token's signature is still verified on every call, and only then is its `oid` looked up here).
 *
 * Correctness rests on the database telling every instance when what it keeps changes: triggers
 * (migration 0029) send NOTIFY tramite_auth when a session ends or changes, or a user, tenant,
 * partner type, role or role group does, whoever commits it. Each instance LISTENs and drops
 * every entry at once. Nothing is kept while the instance does not listen (before LISTEN is
 * confirmed, after its connection breaks until it listens again): then every request reads.
 * An entry read while a change was being committed is not kept (the generation moved on).
 * On PGlite the notification is handled before the committing statement's caller resumes; on
 * PostgreSQL it arrives on the listening connection as the commit completes.
 *
 * Entries also end with their session's expiry and after `ttlSeconds`, and at most `maxEntries`
 * are kept (the oldest go first).
 */
export interface AuthCache {
  /** The entry of a hashed session id, if kept, unexpired and fresh. */
  get(idHash: string, now: number): CachedSession | null
  /**
   * Resolves once every change committed before the call has been heard (entries dropped): await
   * it before trusting an entry. Immediate on PGlite; on PostgreSQL one round trip on the
   * listening connection, shared by the requests that wait at the same moment.
   */
  sync(): Promise<void>
  /** The generation to pass back to `set`: read it before the database is. */
  generation(): number
  set(idHash: string, entry: CachedSession, generation: number, now: number): void
  /**
   * The user a bearer token names (by its `oid`, after its signature was verified), if kept and
   * fresh: same listening, generation and notifications as sessions.
   */
  getUser(userId: string, now: number): UserRecord | null
  setUser(userId: string, user: UserRecord, generation: number, now: number): void
  /**
   * The GDAP roles a partner user holds in a customer tenant (gdap/access.data.ts), for a token
   * delegated there: same listening, generation and notifications (migration 0033 adds the GDAP
   * tables' triggers). Never served at or past `until` (the first end date among them).
   */
  getGrants(key: string, now: number): AccessGrant[] | null
  setGrants(key: string, grants: AccessGrant[], until: number, generation: number, now: number): void
  /** Drops every entry (a notification did, or a test). */
  clear(): void
  /** Whether entries are kept now (enabled and listening). */
  active(): boolean
  /** Resolves once the instance listens (or at once when the cache is off). */
  ready(): Promise<void>
  close(): Promise<void>
}

export const AUTH_CHANNEL = 'tramite_auth'

interface Entry extends CachedSession {
  storedAt: number
}

interface Store {
  entries: Map<string, Entry>
  users: Map<string, { user: UserRecord; storedAt: number }>
  grants: Map<string, { grants: AccessGrant[]; storedAt: number; until: number }>
  generation: number
  listening: boolean
}

function cacheOver(
  store: Store,
  ttlSeconds: number,
  maxEntries: number,
  listener: { readonly ready: Promise<void>; close(): Promise<void>; sync?: () => Promise<void> },
): AuthCache {
  const ttlMs = ttlSeconds * 1000
  return {
    sync: listener.sync ?? (() => Promise.resolve()),
    get(idHash, now) {
      if (!store.listening) return null
      const entry = store.entries.get(idHash)
      if (!entry) return null
      if (now - entry.storedAt >= ttlMs || entry.session.expiresAt.getTime() <= now) {
        store.entries.delete(idHash)
        return null
      }
      return entry
    },
    generation: () => store.generation,
    set(idHash, entry, generation, now) {
      if (!store.listening || generation !== store.generation || ttlMs === 0) return
      putBounded(store.entries, idHash, { ...entry, storedAt: now }, maxEntries)
    },
    getUser(userId, now) {
      if (!store.listening) return null
      const entry = store.users.get(userId)
      if (!entry) return null
      if (now - entry.storedAt >= ttlMs) {
        store.users.delete(userId)
        return null
      }
      return entry.user
    },
    setUser(userId, user, generation, now) {
      if (!store.listening || generation !== store.generation || ttlMs === 0) return
      putBounded(store.users, userId, { user, storedAt: now }, maxEntries)
    },
    getGrants(key, now) {
      if (!store.listening) return null
      const entry = store.grants.get(key)
      if (!entry) return null
      if (now - entry.storedAt >= ttlMs || now >= entry.until) {
        store.grants.delete(key)
        return null
      }
      return entry.grants
    },
    setGrants(key, grants, until, generation, now) {
      if (!store.listening || generation !== store.generation || ttlMs === 0 || now >= until) return
      putBounded(store.grants, key, { grants, storedAt: now, until }, maxEntries)
    },
    clear: () => invalidate(store),
    active: () => store.listening,
    ready: () => listener.ready,
    close: () => listener.close(),
  }
}

/** Keeps `value` as the newest entry of `map`, dropping the oldest when `max` are kept. */
function putBounded<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  if (map.size >= max) {
    const oldest = map.keys().next()
    if (!oldest.done) map.delete(oldest.value)
  }
  map.delete(key)
  map.set(key, value)
}

function invalidate(store: Store): void {
  store.generation++
  store.entries.clear()
  store.users.clear()
  store.grants.clear()
}

const emptyStore = (): Store => ({
  entries: new Map(),
  users: new Map(),
  grants: new Map(),
  generation: 0,
  listening: false,
})

/** A cache that keeps nothing (AUTH_CACHE_SECONDS=0). */
export function noAuthCache(): AuthCache {
  const store = emptyStore()
  return cacheOver(store, 0, 0, { ready: Promise.resolve(), close: async () => undefined })
}

/** On the embedded engine: one process, the notification comes from PGlite itself. */
export function pgliteAuthCache(pglite: PGlite, ttlSeconds: number, maxEntries = 10_000): AuthCache {
  if (ttlSeconds === 0) return noAuthCache()
  const store = emptyStore()
  let unlisten: (() => Promise<void>) | null = null
  const ready = pglite
    .listen(AUTH_CHANNEL, () => invalidate(store))
    .then((stop) => {
      unlisten = stop
      store.listening = true
    })
    .catch(() => undefined) // not listening: nothing is kept
  return cacheOver(store, ttlSeconds, maxEntries, {
    ready,
    async close() {
      store.listening = false
      invalidate(store)
      await ready
      if (unlisten && !pglite.closed) await unlisten().catch(() => undefined)
    },
  })
}

/**
 * On PostgreSQL: a connection of its own LISTENs; when it breaks, nothing is kept until a new one
 * listens again (tried every `retryMs`).
 */
export function postgresAuthCache(
  url: string,
  ttlSeconds: number,
  options: { maxEntries?: number; retryMs?: number; onError?: (error: unknown) => void } = {},
): AuthCache {
  if (ttlSeconds === 0) return noAuthCache()
  const store = emptyStore()
  const onError = options.onError ?? (() => undefined)
  let closed = false
  let client: pg.Client | null = null
  let retry: NodeJS.Timeout | null = null

  const lost = (error?: unknown) => {
    if (error) onError(error)
    store.listening = false
    invalidate(store)
    const dead = client
    client = null
    void dead?.end().catch(() => undefined)
    if (!closed && !retry) {
      retry = setTimeout(() => {
        retry = null
        void connect()
      }, options.retryMs ?? 1000)
      retry.unref()
    }
  }

  const connect = async (): Promise<void> => {
    if (closed) return
    const c = new pg.Client({ connectionString: withDefaultUser(url), application_name: 'tramite-auth' })
    client = c
    c.on('notification', (message) => {
      if (message.channel === AUTH_CHANNEL) invalidate(store)
    })
    c.on('error', (error) => {
      if (client === c) lost(error)
    })
    c.on('end', () => {
      if (client === c) lost()
    })
    try {
      await c.connect()
      await c.query(`listen ${AUTH_CHANNEL}`)
      if (client !== c || closed) return
      // anything committed before LISTEN took effect was never notified: start empty
      invalidate(store)
      store.listening = true
    } catch (error) {
      if (client === c) lost(error)
    }
  }

  /**
   * A change committed before a query is sent to the listening connection is heard before that
   * query's answer: PostgreSQL signals listeners as the commit completes, and an idle listener
   * sends the notification at once, ahead of anything it answers later on the same connection
   * (pg emits it while parsing, before the query's promise resolves). One query in flight at a
   * time; whoever asks while it flies waits for the next one, which starts after they asked.
   */
  let flying: Promise<void> | null = null
  let next: Promise<void> | null = null
  const barrier = (c: pg.Client): Promise<void> =>
    c.query('select 1').then(
      () => undefined,
      (error: unknown) => {
        if (client === c) lost(error)
      },
    )
  const sync = (): Promise<void> => {
    const c = client
    if (!c || !store.listening) return Promise.resolve()
    if (!flying) {
      flying = barrier(c).finally(() => {
        flying = null
      })
      return flying
    }
    next ??= flying.then(() => {
      next = null
      return sync()
    })
    return next
  }

  // the connection opens on the first request that authenticates (a context the CLI or a job
  // makes and never serves with opens none)
  let started: Promise<void> | null = null
  const start = () => (started ??= connect())
  const cache = cacheOver(store, ttlSeconds, options.maxEntries ?? 10_000, {
    get ready() {
      return start()
    },
    sync,
    async close() {
      closed = true
      store.listening = false
      invalidate(store)
      if (retry) clearTimeout(retry)
      await started
      const c = client
      client = null
      await c?.end().catch(() => undefined)
    },
  })
  const get = cache.get
  cache.get = (idHash, now) => {
    if (!started) void start()
    return get(idHash, now)
  }
  const getUser = cache.getUser
  cache.getUser = (userId, now) => {
    if (!started) void start()
    return getUser(userId, now)
  }
  const getGrants = cache.getGrants
  cache.getGrants = (key, now) => {
    if (!started) void start()
    return getGrants(key, now)
  }
  return cache
}
