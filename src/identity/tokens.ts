import { randomUUID } from 'node:crypto'
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose'
import type { Db } from '../platform/db/database.ts'

const ALG = 'ES256'
export const TOKEN_ISSUER = 'urn:tramite:sts'
/** Audiences Tramite accepts: its own, and the resource ids the official SDKs ask tokens for. */
export const TOKEN_AUDIENCES = [
  'urn:tramite:api',
  'https://graph.microsoft.com',
  'https://management.azure.com',
  'https://management.azure.com/',
  'https://api.partnercenter.microsoft.com',
]

export interface TokenClaims {
  /** Object id of the user. */
  oid: string
  /** The tenant the token acts in: the user's own, or a customer's (delegated context). */
  tid: string
  /** The user's home tenant; differs from `tid` in a delegated token. */
  home_tid: string
  upn: string
  name: string
}

export interface VerifiedToken extends TokenClaims {
  exp: number
  iat: number
  kid: string
}

interface SigningKey {
  kid: string
  privateKey: CryptoKey
}

/**
 * Signs and verifies the bearer tokens of every API. The signing key lives in the database so
 * that every instance on one PostgreSQL signs and verifies with the same keys; it is created on
 * first use. Verification accepts any stored key (found by `kid`), so keys can be rotated.
 */
export class TokenService {
  #signing: Promise<SigningKey> | null = null
  #verifying = new Map<string, Promise<CryptoKey | null>>()

  constructor(
    private readonly db: Db,
    private readonly lifetimeSeconds: number,
  ) {}

  async issue(
    claims: TokenClaims,
    audience = 'urn:tramite:api',
  ): Promise<{ token: string; expiresAt: Date }> {
    const key = await this.signingKey()
    const now = Math.floor(Date.now() / 1000)
    const exp = now + this.lifetimeSeconds
    const token = await new SignJWT({ ...claims, ver: '2.0' })
      .setProtectedHeader({ alg: ALG, kid: key.kid, typ: 'JWT' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(audience)
      .setSubject(claims.oid)
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(key.privateKey)
    return { token, expiresAt: new Date(exp * 1000) }
  }

  /** Answers the verified claims, or null for any token that is not valid now. */
  async verify(token: string): Promise<VerifiedToken | null> {
    try {
      const { payload, protectedHeader } = await jwtVerify(
        token,
        async (header) => {
          const key = header.kid ? await this.verificationKey(header.kid) : null
          if (!key) throw new Error('unknown key')
          return key
        },
        { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCES, algorithms: [ALG], clockTolerance: 30 },
      )
      const { oid, tid, home_tid, upn, name, exp, iat } = payload as Record<string, unknown>
      if (
        typeof oid !== 'string' ||
        typeof tid !== 'string' ||
        typeof home_tid !== 'string' ||
        typeof upn !== 'string' ||
        typeof exp !== 'number' ||
        typeof iat !== 'number'
      ) {
        return null
      }
      return {
        oid,
        tid,
        home_tid,
        upn,
        name: typeof name === 'string' ? name : upn,
        exp,
        iat,
        kid: protectedHeader.kid!,
      }
    } catch {
      return null
    }
  }

  /** The public keys, as a JSON Web Key Set, for clients that verify tokens themselves. */
  async jwks(): Promise<{ keys: JWK[] }> {
    await this.signingKey()
    const rows = await this.db
      .selectFrom('signing_keys')
      .select(['kid', 'public_jwk'])
      .orderBy('created_at')
      .execute()
    return { keys: rows.map((r) => ({ ...(r.public_jwk as JWK), kid: r.kid, alg: ALG, use: 'sig' })) }
  }

  private signingKey(): Promise<SigningKey> {
    this.#signing ??= this.loadOrCreateSigningKey().catch((error: unknown) => {
      this.#signing = null
      throw error
    })
    return this.#signing
  }

  private async loadOrCreateSigningKey(): Promise<SigningKey> {
    let row = await this.oldestKey()
    if (!row) {
      const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true })
      const kid = randomUUID()
      await this.db
        .insertInto('signing_keys')
        .values({
          kid,
          alg: ALG,
          private_jwk: JSON.stringify(await exportJWK(privateKey)),
          public_jwk: JSON.stringify(await exportJWK(publicKey)),
        })
        .execute()
      // Two instances may create a key at once; both then sign with the oldest one.
      row = await this.oldestKey()
    }
    if (!row) throw new Error('no signing key')
    return { kid: row.kid, privateKey: (await importJWK(row.private_jwk as JWK, ALG)) as CryptoKey }
  }

  private oldestKey() {
    return this.db
      .selectFrom('signing_keys')
      .select(['kid', 'private_jwk'])
      .orderBy('created_at')
      .orderBy('kid')
      .limit(1)
      .executeTakeFirst()
  }

  private verificationKey(kid: string): Promise<CryptoKey | null> {
    let key = this.#verifying.get(kid)
    if (!key) {
      key = this.db
        .selectFrom('signing_keys')
        .select('public_jwk')
        .where('kid', '=', kid)
        .executeTakeFirst()
        .then(async (row) => (row ? ((await importJWK(row.public_jwk as JWK, ALG)) as CryptoKey) : null))
      this.#verifying.set(kid, key)
      // An unknown kid is not remembered: another instance may create it a moment later.
      void key.then((k) => {
        if (!k) this.#verifying.delete(kid)
      })
    }
    return key
  }
}
