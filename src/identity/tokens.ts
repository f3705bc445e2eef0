import { randomUUID } from 'node:crypto'
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose'
import type { Db } from '../platform/db/database.ts'
import { isUuid } from '../platform/ids.ts'

const ALG = 'ES256'
/** Audiences Tramite accepts: its own, and the resource ids the official SDKs ask tokens for. */
export const TOKEN_AUDIENCES = [
  'urn:tramite:api',
  'https://graph.microsoft.com',
  'https://management.azure.com',
  'https://management.azure.com/',
  'https://api.partnercenter.microsoft.com',
]

/** The issuer of every token about `tenantId`, as the Microsoft identity platform v2.0 names it. */
export const issuerFor = (authorityUrl: string, tenantId: string): string =>
  `${authorityUrl}/${tenantId}/v2.0`

export interface TokenClaims {
  /** Object id of the user, or of the application acting on its own. */
  oid: string
  /** The tenant the token acts in: the user's own, or a customer's (delegated context). */
  tid: string
  /** The user's (or application's) home tenant; differs from `tid` in a delegated token. */
  home_tid: string
  /** The user's sign-in name; absent in an application's own token. */
  upn?: string
  /** The sign-in name, as OpenID Connect names it (tokens the authority issues to applications). */
  preferred_username?: string
  name: string
  /** The application the token was issued to (its client id); absent for sessions and the CLI. */
  azp?: string
  /** Delegated permissions, space-separated. */
  scp?: string
  /** Application permissions (an application acting on its own). */
  roles?: string[]
  /** How the person authenticated (RFC 8176). */
  amr?: string[]
  /** 'app' when an application acts on its own, 'user' otherwise. */
  idtyp?: 'app' | 'user'
  /** How the client authenticated: 0 public, 1 secret, 2 certificate. */
  azpacr?: '0' | '1' | '2'
}

export interface VerifiedToken {
  oid: string
  tid: string
  home_tid: string
  upn?: string
  name: string
  aud: string
  azp?: string
  scp?: string[]
  roles?: string[]
  amr?: string[]
  idtyp: 'app' | 'user'
  exp: number
  iat: number
  kid: string
}

interface SigningKey {
  kid: string
  privateKey: CryptoKey
}

export interface TokenServiceOptions {
  lifetimeSeconds: number
  /** Base URL of the authority (config.authorityUrl): the issuer of a token is `${authorityUrl}/${tid}/v2.0`. */
  authorityUrl: string
}

const stringArray = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined

/**
 * Signs and verifies the bearer tokens of every API, and the ID tokens of the authority. The
 * signing key lives in the database so that every instance on one PostgreSQL signs and verifies
 * with the same keys; it is created on first use. Verification accepts any stored key (found by
 * `kid`), so keys can be rotated.
 */
export class TokenService {
  #signing: Promise<SigningKey> | null = null
  #verifying = new Map<string, Promise<CryptoKey | null>>()

  constructor(
    private readonly db: Db,
    private readonly options: TokenServiceOptions,
  ) {}

  get lifetimeSeconds(): number {
    return this.options.lifetimeSeconds
  }

  issuer(tenantId: string): string {
    return issuerFor(this.options.authorityUrl, tenantId)
  }

  /** An access token for `audience`, issued by the authority of the token's tenant. */
  async issue(
    claims: TokenClaims,
    audience = 'urn:tramite:api',
  ): Promise<{ token: string; expiresAt: Date }> {
    const payload: JWTPayload = { ...claims, ver: '2.0', idtyp: claims.idtyp ?? 'user' }
    if (claims.azp) payload.appid = claims.azp
    return this.sign(payload, { audience, issuerTenant: claims.tid, subject: claims.oid })
  }

  /** Signs any token of this authority (access or ID token). */
  async sign(
    payload: JWTPayload,
    options: { audience: string; issuerTenant: string; subject: string; lifetimeSeconds?: number },
  ): Promise<{ token: string; expiresAt: Date }> {
    const key = await this.signingKey()
    const now = Math.floor(Date.now() / 1000)
    const exp = now + (options.lifetimeSeconds ?? this.options.lifetimeSeconds)
    const token = await new SignJWT(payload)
      .setProtectedHeader({ alg: ALG, kid: key.kid, typ: 'JWT' })
      .setIssuer(this.issuer(options.issuerTenant))
      .setAudience(options.audience)
      .setSubject(options.subject)
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(key.privateKey)
    return { token, expiresAt: new Date(exp * 1000) }
  }

  /**
   * Answers the verified claims, or null for any token that is not valid now: a bad signature,
   * an issuer other than this authority's for the token's own tenant, an audience that is not an
   * API's, or a tenant or object id that is not a GUID.
   */
  async verify(token: string): Promise<VerifiedToken | null> {
    try {
      const { payload, protectedHeader } = await jwtVerify(
        token,
        async (header) => {
          const key = header.kid ? await this.verificationKey(header.kid) : null
          if (!key) throw new Error('unknown key')
          return key
        },
        { audience: TOKEN_AUDIENCES, algorithms: [ALG], clockTolerance: 30 },
      )
      const { oid, tid, home_tid, upn, name, exp, iat, iss, aud, azp, scp, roles, amr, idtyp } =
        payload as Record<string, unknown>
      if (
        typeof oid !== 'string' ||
        typeof tid !== 'string' ||
        typeof home_tid !== 'string' ||
        !isUuid(oid) ||
        !isUuid(tid) ||
        !isUuid(home_tid) ||
        iss !== this.issuer(tid) ||
        typeof aud !== 'string' ||
        typeof exp !== 'number' ||
        typeof iat !== 'number' ||
        (upn !== undefined && typeof upn !== 'string') ||
        (azp !== undefined && (typeof azp !== 'string' || !isUuid(azp))) ||
        (scp !== undefined && typeof scp !== 'string') ||
        (roles !== undefined && !stringArray(roles)) ||
        (amr !== undefined && !stringArray(amr))
      ) {
        return null
      }
      const appOnly = idtyp === 'app'
      // a user's token names the user; only an application's own token may go without
      if (!appOnly && typeof upn !== 'string') return null
      if (appOnly && typeof azp !== 'string') return null
      return {
        oid,
        tid,
        home_tid,
        ...(typeof upn === 'string' ? { upn } : {}),
        name: typeof name === 'string' ? name : typeof upn === 'string' ? upn : oid,
        aud,
        ...(typeof azp === 'string' ? { azp } : {}),
        ...(typeof scp === 'string' ? { scp: scp.split(' ').filter(Boolean) } : {}),
        ...(roles !== undefined ? { roles: stringArray(roles)! } : {}),
        ...(amr !== undefined ? { amr: stringArray(amr)! } : {}),
        idtyp: appOnly ? 'app' : 'user',
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
