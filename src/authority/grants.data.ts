import { createHash, randomBytes, randomInt } from 'node:crypto'
import type { Db } from '../platform/db/database.ts'

/**
 * The grants in flight: authorization codes, refresh tokens and device codes. Only hashes of the
 * secrets are stored; each one is redeemed by deleting its row, so it works once, on any instance.
 */
export const hashSecret = (value: string): string => createHash('sha256').update(value).digest('base64url')
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url')

export interface AuthorizationCode {
  applicationId: string
  userId: string
  tenantId: string
  redirectUri: string
  scope: string
  codeChallenge: string | null
  codeChallengeMethod: string | null
  nonce: string | null
  amr: string[]
  authTime: Date
  expiresAt: Date
}

export async function insertAuthorizationCode(db: Db, code: string, grant: AuthorizationCode): Promise<void> {
  await db
    .insertInto('oauth_authorization_codes')
    .values({
      code_hash: hashSecret(code),
      application_id: grant.applicationId,
      user_id: grant.userId,
      tenant_id: grant.tenantId,
      redirect_uri: grant.redirectUri,
      scope: grant.scope,
      code_challenge: grant.codeChallenge,
      code_challenge_method: grant.codeChallengeMethod,
      nonce: grant.nonce,
      amr: JSON.stringify(grant.amr),
      auth_time: grant.authTime,
      expires_at: grant.expiresAt,
    })
    .execute()
}

/** Takes the code (deleting it, whatever happens next): a code works once. */
export async function takeAuthorizationCode(db: Db, code: string): Promise<AuthorizationCode | null> {
  const row = await db
    .deleteFrom('oauth_authorization_codes')
    .where('code_hash', '=', hashSecret(code))
    .returningAll()
    .executeTakeFirst()
  if (!row) return null
  return {
    applicationId: row.application_id,
    userId: row.user_id,
    tenantId: row.tenant_id,
    redirectUri: row.redirect_uri,
    scope: row.scope,
    codeChallenge: row.code_challenge,
    codeChallengeMethod: row.code_challenge_method,
    nonce: row.nonce,
    amr: row.amr,
    authTime: row.auth_time,
    expiresAt: row.expires_at,
  }
}

export interface RefreshGrant {
  applicationId: string
  userId: string
  amr: string[]
  authTime: Date
  expiresAt: Date
}

export async function insertRefreshToken(db: Db, token: string, grant: RefreshGrant): Promise<void> {
  await db
    .insertInto('oauth_refresh_tokens')
    .values({
      token_hash: hashSecret(token),
      application_id: grant.applicationId,
      user_id: grant.userId,
      amr: JSON.stringify(grant.amr),
      auth_time: grant.authTime,
      expires_at: grant.expiresAt,
    })
    .execute()
}

/** Takes a refresh token (rotation: the answer carries a new one). */
export async function takeRefreshToken(db: Db, token: string): Promise<RefreshGrant | null> {
  const row = await db
    .deleteFrom('oauth_refresh_tokens')
    .where('token_hash', '=', hashSecret(token))
    .returningAll()
    .executeTakeFirst()
  if (!row) return null
  return {
    applicationId: row.application_id,
    userId: row.user_id,
    amr: row.amr,
    authTime: row.auth_time,
    expiresAt: row.expires_at,
  }
}

/** Signing out of an application ends its refresh tokens for the person. */
export async function revokeRefreshTokens(db: Db, userId: string, applicationId?: string): Promise<number> {
  let query = db.deleteFrom('oauth_refresh_tokens').where('user_id', '=', userId)
  if (applicationId) query = query.where('application_id', '=', applicationId)
  return Number((await query.executeTakeFirst()).numDeletedRows)
}

/** Letters that cannot be mistaken for one another when read off a screen and typed. */
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ23456789'
export const newUserCode = (): string =>
  Array.from({ length: 9 }, () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)]).join('')
/** What a person types, as stored: upper case, without spaces or dashes. */
export const normalizeUserCode = (typed: string): string => typed.replace(/[\s-]/g, '').toUpperCase()

export interface DeviceCodeRow {
  deviceCodeHash: string
  userCode: string
  applicationId: string
  tenantId: string | null
  scope: string
  status: 'pending' | 'approved' | 'declined'
  userId: string | null
  amr: string[] | null
  authTime: Date | null
  intervalSeconds: number
  lastPolledAt: Date | null
  expiresAt: Date
}

const deviceColumns = [
  'device_code_hash as deviceCodeHash',
  'user_code as userCode',
  'application_id as applicationId',
  'tenant_id as tenantId',
  'scope',
  'status',
  'user_id as userId',
  'amr',
  'auth_time as authTime',
  'interval_seconds as intervalSeconds',
  'last_polled_at as lastPolledAt',
  'expires_at as expiresAt',
] as const

export async function insertDeviceCode(
  db: Db,
  input: {
    deviceCode: string
    userCode: string
    applicationId: string
    tenantId: string | null
    scope: string
    intervalSeconds: number
    expiresAt: Date
  },
): Promise<void> {
  await db
    .insertInto('oauth_device_codes')
    .values({
      device_code_hash: hashSecret(input.deviceCode),
      user_code: input.userCode,
      application_id: input.applicationId,
      tenant_id: input.tenantId,
      scope: input.scope,
      interval_seconds: input.intervalSeconds,
      expires_at: input.expiresAt,
    })
    .execute()
}

export async function findDeviceCodeByUserCode(db: Db, userCode: string): Promise<DeviceCodeRow | null> {
  return (
    (await db
      .selectFrom('oauth_device_codes')
      .select(deviceColumns)
      .where('user_code', '=', normalizeUserCode(userCode))
      .executeTakeFirst()) ?? null
  )
}

/** The person's answer; only a pending, unexpired code takes one. */
export async function answerDeviceCode(
  db: Db,
  userCode: string,
  answer: { status: 'approved' | 'declined'; userId: string; amr: string[]; authTime: Date },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('oauth_device_codes')
    .set({
      status: answer.status,
      user_id: answer.userId,
      amr: JSON.stringify(answer.amr),
      auth_time: answer.authTime,
    })
    .where('user_code', '=', normalizeUserCode(userCode))
    .where('status', '=', 'pending')
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** A client's poll: records when it polled, and answers the row as it was before. */
export async function pollDeviceCode(db: Db, deviceCode: string, now: Date): Promise<DeviceCodeRow | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('oauth_device_codes')
      .select(deviceColumns)
      .where('device_code_hash', '=', hashSecret(deviceCode))
      .forUpdate()
      .executeTakeFirst()
    if (!row) return null
    await trx
      .updateTable('oauth_device_codes')
      .set({ last_polled_at: now })
      .where('device_code_hash', '=', row.deviceCodeHash)
      .execute()
    return row
  })
}

/** Redeems an approved device code (deleting it): answers whether this caller got it. */
export async function redeemDeviceCode(db: Db, deviceCodeHash: string): Promise<boolean> {
  const result = await db
    .deleteFrom('oauth_device_codes')
    .where('device_code_hash', '=', deviceCodeHash)
    .where('status', '=', 'approved')
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Forgets device codes and authorization codes that expired (the scheduler's cleanup). */
export async function deleteExpiredGrants(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('oauth_device_codes').where('expires_at', '<', now).execute()
  await db.deleteFrom('oauth_authorization_codes').where('expires_at', '<', now).execute()
  await db.deleteFrom('oauth_refresh_tokens').where('expires_at', '<', now).execute()
}
