import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../platform/db/database.ts'

/**
 * Browser sessions. The cookie carries a random id; the database keeps only its SHA-256, so a
 * leaked table does not give working cookies. Each session has its own anti-forgery token.
 */
const hashId = (id: string): string => createHash('sha256').update(id).digest('base64url')

export interface Session {
  userId: string
  csrfToken: string
  expiresAt: Date
  createdAt: Date
  /** How the person signed in (RFC 8176). */
  amr: string[]
}

export async function createSession(
  db: Db,
  userId: string,
  lifetimeHours: number,
): Promise<{ id: string } & Session> {
  const id = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  const expiresAt = new Date(Date.now() + lifetimeHours * 3600_000)
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('expires_at', '<=', new Date())
      .execute()
    await trx
      .insertInto('sessions')
      .values({ id_hash: hashId(id), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt })
      .execute()
  })
  return { id, userId, csrfToken, expiresAt, createdAt: new Date(), amr: ['pwd'] }
}

export async function findSession(db: Db, id: string): Promise<Session | null> {
  if (id.length < 20 || id.length > 100) return null
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'expires_at', 'created_at', 'amr'])
    .where('id_hash', '=', hashId(id))
    .where('expires_at', '>', new Date())
    .executeTakeFirst()
  return row
    ? {
        userId: row.user_id,
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
        createdAt: row.created_at,
        amr: row.amr,
      }
    : null
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashId(id)).execute()
}
