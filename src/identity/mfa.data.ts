import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Db } from '../platform/db/database.ts'
import { isUuid } from '../platform/ids.ts'

/** A person's second factors and recovery codes (migration 0013). */

export interface FactorRow {
  id: string
  kind: 'totp' | 'passkey'
  label: string
  secretSealed: string | null
  confirmed: boolean
  lastStep: number | null
  credentialId: string | null
  publicKey: string | null
  signCount: number
  transports: string[]
  createdAt: Date
  lastUsedAt: Date | null
}

export async function factorsOf(db: Db, userId: string, onlyConfirmed = true): Promise<FactorRow[]> {
  let query = db
    .selectFrom('mfa_factors')
    .select([
      'id',
      'kind',
      'label',
      'secret_sealed as secretSealed',
      'confirmed',
      'last_step as lastStep',
      'credential_id as credentialId',
      'public_key as publicKey',
      'sign_count as signCount',
      'transports',
      'created_at as createdAt',
      'last_used_at as lastUsedAt',
    ])
    .where('user_id', '=', userId)
  if (onlyConfirmed) query = query.where('confirmed', '=', true)
  return query.orderBy('created_at').orderBy('id').execute()
}

/** A pending authenticator app; `seal` seals its seed bound to the new factor's id. */
export async function addTotpFactor(
  db: Db,
  userId: string,
  label: string,
  seal: (factorId: string) => string,
): Promise<string> {
  const id = randomUUID()
  const secretSealed = seal(id)
  await db.transaction().execute(async (trx) => {
    // one pending set-up at a time
    await trx
      .deleteFrom('mfa_factors')
      .where('user_id', '=', userId)
      .where('kind', '=', 'totp')
      .where('confirmed', '=', false)
      .execute()
    await trx
      .insertInto('mfa_factors')
      .values({ id, user_id: userId, kind: 'totp', label, secret_sealed: secretSealed, confirmed: false })
      .execute()
  })
  return id
}

/**
 * Accepts a TOTP time step for a factor once: the update only happens when the step is later
 * than the last one accepted, so a code replayed (even concurrently) is refused.
 */
export async function acceptTotpStep(db: Db, factorId: string, step: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('mfa_factors')
    .set({ last_step: step, confirmed: true, last_used_at: now })
    .where('id', '=', factorId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function addPasskeyFactor(
  db: Db,
  userId: string,
  passkey: {
    label: string
    credentialId: string
    publicKey: string
    signCount: number
    transports: string[]
  },
): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('mfa_factors')
    .values({
      id,
      user_id: userId,
      kind: 'passkey',
      label: passkey.label,
      credential_id: passkey.credentialId,
      public_key: passkey.publicKey,
      sign_count: passkey.signCount,
      transports: JSON.stringify(passkey.transports),
      confirmed: true,
    })
    .execute()
  return id
}

export async function notePasskeyUse(db: Db, factorId: string, signCount: number, now: Date): Promise<void> {
  await db
    .updateTable('mfa_factors')
    .set({ sign_count: signCount, last_used_at: now })
    .where('id', '=', factorId)
    .execute()
}

/** Removes one of the user's factors; with the last one go the recovery codes. */
export async function removeFactor(db: Db, userId: string, factorId: string): Promise<boolean> {
  if (!isUuid(factorId)) return false
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('mfa_factors')
      .where('id', '=', factorId)
      .where('user_id', '=', userId)
      .executeTakeFirst()
    if (Number(result.numDeletedRows) === 0) return false
    const left = await trx
      .selectFrom('mfa_factors')
      .select('id')
      .where('user_id', '=', userId)
      .where('confirmed', '=', true)
      .executeTakeFirst()
    if (!left) await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute()
    return true
  })
}

// Recovery codes: 10 of 10 characters from an alphabet without look-alikes, shown once, stored hashed.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
export const normaliseRecoveryCode = (code: string): string =>
  code
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
const hashCode = (userId: string, code: string): string =>
  createHash('sha256')
    .update(`${userId}:${normaliseRecoveryCode(code)}`)
    .digest('base64url')

function newCode(): string {
  const bytes = randomBytes(10)
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')
  return `${chars.slice(0, 5)}-${chars.slice(5)}`
}

/** Replaces the user's recovery codes with 10 new ones, answered once (only their hashes are kept). */
export async function replaceRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: 10 }, newCode)
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute()
    await trx
      .insertInto('mfa_recovery_codes')
      .values(codes.map((code) => ({ user_id: userId, code_hash: hashCode(userId, code) })))
      .execute()
  })
  return codes
}

/** Uses a recovery code once; false when it is not one of the user's unused codes. */
export async function useRecoveryCode(db: Db, userId: string, code: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('mfa_recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashCode(userId, code))
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('mfa_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
