import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../config/config.ts'

/**
 * Seals the secrets Tramite must read back (TOTP seeds, identity providers' client secrets) with
 * AES-256-GCM, so a copy of the database alone does not give them away. The key is
 * SECRETS_KEY, or else a random key kept in the data directory (`secrets.key`, mode 0600) —
 * instances sharing one PostgreSQL must share SECRETS_KEY. A sealed value reads
 * `v1.<key id>.<iv>.<ciphertext+tag>` (base64url); the key id lets a wrong key be named, not guessed.
 */
export interface Sealer {
  seal(plain: string, context: string): string
  /** Throws when the value was sealed with another key or altered. */
  open(sealed: string, context: string): string
}

export function sealerFor(config: Pick<Config, 'SECRETS_KEY' | 'dataDir'>): Sealer {
  let key: Buffer | null = null
  const load = (): Buffer => {
    key ??= config.SECRETS_KEY ? deriveKey(config.SECRETS_KEY) : fileKey(config.dataDir)
    return key
  }
  const keyId = (): string => createHash('sha256').update(load()).digest('base64url').slice(0, 8)
  return {
    seal(plain, context) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', load(), iv)
      // the context (what the secret is for) is authenticated: a sealed seed cannot be moved to another row
      cipher.setAAD(Buffer.from(context))
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()])
      return `v1.${keyId()}.${iv.toString('base64url')}.${body.toString('base64url')}`
    },
    open(sealed, context) {
      const [version, kid, iv, body] = sealed.split('.')
      if (version !== 'v1' || !iv || !body) throw new Error('not a sealed value')
      if (kid !== keyId()) throw new Error('sealed with another key (check SECRETS_KEY)')
      const bytes = Buffer.from(body, 'base64url')
      const decipher = createDecipheriv('aes-256-gcm', load(), Buffer.from(iv, 'base64url'))
      decipher.setAAD(Buffer.from(context))
      decipher.setAuthTag(bytes.subarray(bytes.length - 16))
      return Buffer.concat([
        decipher.update(bytes.subarray(0, bytes.length - 16)),
        decipher.final(),
      ]).toString('utf8')
    },
  }
}

/** Any string of 32+ characters (a passphrase or base64 key) becomes a 256-bit key. */
const deriveKey = (secret: string): Buffer =>
  createHash('sha256').update(`tramite-secrets:${secret}`).digest()

function fileKey(dataDir: string): Buffer {
  const path = join(dataDir, 'secrets.key')
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true })
    try {
      writeFileSync(path, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 })
    } catch (error) {
      // another process created it first: use theirs
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    chmodSync(path, 0o600)
  }
  return deriveKey(readFileSync(path, 'utf8').trim())
}

const sealers = new WeakMap<object, Sealer>()

/** The sealer of a running application (one per configuration). */
export function sealerOf(ctx: { config: Config }): Sealer {
  let sealer = sealers.get(ctx.config)
  if (!sealer) {
    sealer = sealerFor(ctx.config)
    sealers.set(ctx.config, sealer)
  }
  return sealer
}
