import { createHmac, randomBytes } from 'node:crypto'

/** A new signing secret: 32 random bytes, shown to the subscriber once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`
}

/**
 * `X-Tramite-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with
 * the secret string as shown (prefix included). Signing the time with the body lets a receiver
 * refuse a captured delivery replayed later (docs/webhooks.md shows how to verify).
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000)
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex')
  return `t=${t},v1=${v1}`
}
