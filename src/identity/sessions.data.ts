import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../platform/db/database.ts'
import { prepared } from '../platform/db/prepared.ts'
import { isUuid } from '../platform/ids.ts'
import type { AuthCache } from './auth-cache.ts'
import { userQuery, type UserRecord } from './users.data.ts'

/**
 * Browser sessions. The cookie carries a random id; the database keeps only its SHA-256, so a
 * leaked table does not give working cookies. Each session has its own anti-forgery token.
 * A session in stage 'mfa' is half a sign-in (the password was right, the second factor is still
 * due): it authenticates nothing, and completing it replaces it with a new id.
 */
export const hashSessionId = (id: string): string => createHash('sha256').update(id).digest('base64url')

export interface Session {
  userId: string
  csrfToken: string
  expiresAt: Date
  createdAt: Date
  /** How the person signed in (RFC 8176). */
  amr: string[]
  stage: 'mfa' | 'complete'
  publicId: string
  mfaFailures: number
  webauthnChallenge: string | null
  identityProviderId: string | null
  idToken: string | null
}

export interface NewSession {
  amr: string[]
  stage?: 'mfa' | 'complete'
  userAgent?: string | null
  ipAddress?: string | null
  identityProviderId?: string | null
  idToken?: string | null
}

/** A half sign-in waits this long for its second factor. */
const MFA_STAGE_MINUTES = 10

export async function createSession(
  db: Db,
  userId: string,
  lifetimeHours: number,
  options: NewSession = { amr: ['pwd'] },
): Promise<{ id: string } & Session> {
  const id = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  const stage = options.stage ?? 'complete'
  const expiresAt = new Date(
    Date.now() + (stage === 'mfa' ? MFA_STAGE_MINUTES * 60_000 : lifetimeHours * 3600_000),
  )
  const row = await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('expires_at', '<=', new Date())
      .execute()
    return trx
      .insertInto('sessions')
      .values({
        id_hash: hashSessionId(id),
        user_id: userId,
        csrf_token: csrfToken,
        expires_at: expiresAt,
        amr: JSON.stringify(options.amr),
        stage,
        user_agent: options.userAgent?.slice(0, 400) ?? null,
        ip_address: options.ipAddress ?? null,
        identity_provider_id: options.identityProviderId ?? null,
        id_token: options.idToken ?? null,
      })
      .returning(['public_id', 'created_at'])
      .executeTakeFirstOrThrow()
  })
  return {
    id,
    userId,
    csrfToken,
    expiresAt,
    createdAt: row.created_at,
    amr: options.amr,
    stage,
    publicId: row.public_id,
    mfaFailures: 0,
    webauthnChallenge: null,
    identityProviderId: options.identityProviderId ?? null,
    idToken: options.idToken ?? null,
  }
}

/** The session of a cookie, in either stage; callers that authenticate must check `stage`. */
export async function findAnySession(db: Db, id: string): Promise<Session | null> {
  return (await sessionRow(db, id))?.session ?? null
}

async function sessionRow(db: Db, id: string): Promise<{ session: Session; lastSeenAt: Date } | null> {
  if (id.length < 20 || id.length > 100) return null
  const row = await db
    .selectFrom('sessions')
    .select([
      'user_id',
      'csrf_token',
      'expires_at',
      'created_at',
      'amr',
      'stage',
      'public_id',
      'mfa_failures',
      'webauthn_challenge',
      'identity_provider_id',
      'id_token',
      'last_seen_at',
    ])
    .where('id_hash', '=', hashSessionId(id))
    .where('expires_at', '>', new Date())
    .executeTakeFirst()
  if (!row) return null
  const session: Session = {
    userId: row.user_id,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    amr: row.amr,
    stage: row.stage,
    publicId: row.public_id,
    mfaFailures: row.mfa_failures,
    webauthnChallenge: row.webauthn_challenge,
    identityProviderId: row.identity_provider_id,
    idToken: row.id_token,
  }
  return { session, lastSeenAt: row.last_seen_at }
}

/** A complete session (the only kind that authenticates). Notes when it was last used, every few minutes. */
export async function findSession(db: Db, id: string): Promise<Session | null> {
  const found = await sessionRow(db, id)
  if (!found || found.session.stage !== 'complete') return null
  await noteSeen(db, id, found.lastSeenAt)
  return found.session
}

/** Most requests find their session noted recently: the write (a round trip) is sent only when due. */
const SEEN_EVERY_MS = 5 * 60_000

async function noteSeen(db: Db, id: string, lastSeenAt: Date): Promise<void> {
  const due = new Date(Date.now() - SEEN_EVERY_MS)
  if (lastSeenAt >= due) return
  await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date() })
    .where('id_hash', '=', hashSessionId(id))
    .where('last_seen_at', '<', due)
    .execute()
}

/**
 * A complete session and its user, read together (one query for what authenticating a cookie
 * needs); like findSession, notes when it was last used.
 */
export async function findSessionWithUser(
  db: Db,
  id: string,
): Promise<{ session: Session; user: UserRecord } | null> {
  if (id.length < 20 || id.length > 100) return null
  const found = await readSessionWithUser(db, hashSessionId(id))
  if (!found) return null
  await noteSeen(db, id, found.lastSeenAt)
  return found
}

/**
 * What authenticating a cookie needs, from the instance's cache when it kept it (auth-cache.ts:
 * any change to the session, the user, their tenant or roles drops it), else read and kept.
 */
export async function authenticateSession(
  db: Db,
  cache: AuthCache,
  id: string,
): Promise<{ session: Session; user: UserRecord } | null> {
  if (id.length < 20 || id.length > 100) return null
  const idHash = hashSessionId(id)
  const now = Date.now()
  // changes committed before this request are heard first (a no-op on PGlite)
  if (cache.get(idHash, now)) await cache.sync()
  const kept = cache.get(idHash, now)
  if (kept) {
    if (kept.lastSeenAt.getTime() < now - SEEN_EVERY_MS) {
      await noteSeen(db, id, kept.lastSeenAt)
      kept.lastSeenAt = new Date(now)
    }
    return kept
  }
  const generation = cache.generation()
  const found = await readSessionWithUser(db, idHash)
  if (!found) return null
  await noteSeen(db, id, found.lastSeenAt)
  // kept with the time it was seen now (noteSeen wrote it when it was due)
  const seen = found.lastSeenAt.getTime() < now - SEEN_EVERY_MS ? new Date(now) : found.lastSeenAt
  cache.set(idHash, { session: found.session, user: found.user, lastSeenAt: seen }, generation, now)
  return found
}

async function readSessionWithUser(
  db: Db,
  idHash: string,
): Promise<{ session: Session; user: UserRecord; lastSeenAt: Date } | null> {
  const row = await userQuery(db)
    .innerJoin('sessions as s', 's.user_id', 'u.id')
    .select([
      's.csrf_token as sessionCsrfToken',
      's.expires_at as sessionExpiresAt',
      's.created_at as sessionCreatedAt',
      's.amr as sessionAmr',
      's.stage as sessionStage',
      's.public_id as sessionPublicId',
      's.mfa_failures as sessionMfaFailures',
      's.webauthn_challenge as sessionWebauthnChallenge',
      's.identity_provider_id as sessionIdentityProviderId',
      's.id_token as sessionIdToken',
      's.last_seen_at as sessionLastSeenAt',
    ])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', new Date())
    .where('s.stage', '=', 'complete')
    .modifyEnd(prepared)
    .executeTakeFirst()
  if (!row) return null
  const {
    sessionCsrfToken,
    sessionExpiresAt,
    sessionCreatedAt,
    sessionAmr,
    sessionStage,
    sessionPublicId,
    sessionMfaFailures,
    sessionWebauthnChallenge,
    sessionIdentityProviderId,
    sessionIdToken,
    sessionLastSeenAt,
    ...user
  } = row
  return {
    lastSeenAt: sessionLastSeenAt,
    session: {
      userId: user.id,
      csrfToken: sessionCsrfToken,
      expiresAt: sessionExpiresAt,
      createdAt: sessionCreatedAt,
      amr: sessionAmr,
      stage: sessionStage,
      publicId: sessionPublicId,
      mfaFailures: sessionMfaFailures,
      webauthnChallenge: sessionWebauthnChallenge,
      identityProviderId: sessionIdentityProviderId,
      idToken: sessionIdToken,
    },
    user,
  }
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashSessionId(id)).execute()
}

/** Counts a wrong second factor; answers the failures so far. */
export async function countMfaFailure(db: Db, id: string): Promise<number> {
  const row = await db
    .updateTable('sessions')
    .set((eb) => ({ mfa_failures: eb('mfa_failures', '+', 1) }))
    .where('id_hash', '=', hashSessionId(id))
    .returning('mfa_failures')
    .executeTakeFirst()
  return row?.mfa_failures ?? 0
}

export async function setWebauthnChallenge(db: Db, id: string, challenge: string | null): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ webauthn_challenge: challenge })
    .where('id_hash', '=', hashSessionId(id))
    .execute()
}

/**
 * Takes the challenge once: a second use of the same challenge finds none. (Not one UPDATE …
 * RETURNING: that returns the value just set, null, never the challenge.)
 */
export async function takeWebauthnChallenge(db: Db, id: string): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('sessions')
      .select('webauthn_challenge')
      .where('id_hash', '=', hashSessionId(id))
      .where('webauthn_challenge', 'is not', null)
      .forUpdate()
      .executeTakeFirst()
    if (!row?.webauthn_challenge) return null
    await trx
      .updateTable('sessions')
      .set({ webauthn_challenge: null })
      .where('id_hash', '=', hashSessionId(id))
      .execute()
    return row.webauthn_challenge
  })
}

export interface SessionListItem {
  id: string
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
  userAgent: string | null
  ipAddress: string | null
  amr: string[]
  current: boolean
}

/** A person's signed-in sessions (complete and unexpired), newest first. */
export async function listSessions(db: Db, userId: string, currentId?: string): Promise<SessionListItem[]> {
  const currentHash = currentId ? hashSessionId(currentId) : null
  const rows = await db
    .selectFrom('sessions')
    .select([
      'id_hash',
      'public_id',
      'created_at',
      'last_seen_at',
      'expires_at',
      'user_agent',
      'ip_address',
      'amr',
    ])
    .where('user_id', '=', userId)
    .where('stage', '=', 'complete')
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute()
  return rows.map((r) => ({
    id: r.public_id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    userAgent: r.user_agent,
    ipAddress: r.ip_address,
    amr: r.amr,
    current: r.id_hash === currentHash,
  }))
}

/** Ends one of a user's sessions by its public id; false when there is no such session of theirs. */
export async function revokeSession(db: Db, userId: string, publicId: string): Promise<boolean> {
  if (!isUuid(publicId)) return false
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('public_id', '=', publicId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Ends every session of a user (but the one kept, when given); answers how many ended. */
export async function revokeAllSessions(db: Db, userId: string, keepId?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (keepId) query = query.where('id_hash', '<>', hashSessionId(keepId))
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}
