import { onUnauthenticated } from '../../../shared/api/client.ts'
import { api, type BodyOf, type ResponseOf } from '../../../shared/api/typed.ts'

// The server's OpenAPI document is the contract (generated openapi.gen.ts, npm run api:types).
export type Audience = Extract<
  NonNullable<BodyOf<'/api/session/delegation', 'post'>['audience']>,
  'https://management.azure.com' | 'urn:tramite:api'
>
export type DelegatedToken = ResponseOf<'/api/session/delegation', 'post'>

/**
 * A bearer token in `tenantId` — a customer's (the delegated context: issued only while GDAP gives
 * the user a role there, 403 `no_delegated_access` otherwise) or the user's own.
 */
export function requestDelegation(tenantId: string, audience: Audience): Promise<DelegatedToken> {
  return api.post('/api/session/delegation', { body: { tenantId, audience } })
}

// Tokens are reused while they have a few minutes left, so moving between a portal's pages does not
// mint a new one each time. Keyed by user too: another sign-in in this tab never sees them.
const cache = new Map<string, DelegatedToken>()
const MIN_REMAINING_MS = 3 * 60_000
onUnauthenticated(() => cache.clear())

export async function delegatedToken(
  userId: string,
  tenantId: string,
  audience: Audience,
): Promise<DelegatedToken> {
  const key = `${userId}|${tenantId}|${audience}`
  const cached = cache.get(key)
  if (cached && new Date(cached.expiresAt).getTime() - Date.now() > MIN_REMAINING_MS) return cached
  const issued = await requestDelegation(tenantId, audience)
  cache.set(key, issued)
  return issued
}

/** When a token should be renewed: a minute before it expires (at least 10 s from now). */
export function renewalDelayMs(token: DelegatedToken): number {
  return Math.max(10_000, new Date(token.expiresAt).getTime() - Date.now() - MIN_REMAINING_MS + 60_000)
}
