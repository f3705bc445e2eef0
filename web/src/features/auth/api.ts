import { setCsrfToken } from '../../shared/api/client.ts'
import { setVendorName } from '../../shared/i18n/i18n.ts'
import { api, type BodyOf, type ResponseOf } from '../../shared/api/typed.ts'

// The server's OpenAPI document is the contract: these types come from the generated
// openapi.gen.ts (npm run api:types), never retyped.
export type Session = ResponseOf<'/api/session', 'get'>
export type SessionUser = NonNullable<Session['user']>
export type TenantKind = SessionUser['tenantKind']
export type PartnerType = NonNullable<SessionUser['partnerType']>
export type SecondFactorMethod = NonNullable<Session['secondFactor']>['methods'][number]

// Every session response carries the anti-forgery token the next unsafe call must send, and the
// vendor's name the pages' strings fill in.
function remember(session: Session): Session {
  setCsrfToken(session.csrfToken)
  if (session.vendorName !== undefined) setVendorName(session.vendorName)
  return session
}

export async function fetchSession(signal?: AbortSignal): Promise<Session> {
  return remember(await api.get('/api/session', { signal }))
}

/** How an email signs in: with a password here, or at its organization's identity provider. */
export async function discoverSignIn(email: string): Promise<'password' | 'sso'> {
  return (await api.post('/api/session/discover', { body: { email } })).method
}

export async function signIn(email: string, password: string): Promise<Session> {
  return remember(await api.post('/api/session', { body: { email, password } }))
}

export type SecondFactorAnswer = BodyOf<'/api/session/mfa', 'post'>

export async function completeSecondFactor(answer: SecondFactorAnswer): Promise<Session> {
  return remember(await api.post('/api/session/mfa', { body: answer }))
}

/** WebAuthn's request options, handed as they are to the browser's passkey prompt. */
export async function passkeySignInOptions(): Promise<unknown> {
  return api.post('/api/session/mfa/passkey-options')
}

/** Signs out; answers the organization's provider end-session URL for a federated session. */
export async function signOut(): Promise<string | null> {
  try {
    const answer = await api.delete('/api/session')
    return answer?.endSessionUrl ?? null
  } finally {
    setCsrfToken(null)
  }
}

export async function requestPasswordReset(email: string): Promise<void> {
  await api.post('/api/password-reset', { body: { email } })
}

export async function completePasswordReset(token: string, password: string): Promise<void> {
  await api.post('/api/password-reset/complete', { body: { token, password } })
}

/** The URL that starts single sign-on at the organization's provider, coming back to `returnTo`. */
export function ssoStartUrl(email: string, returnTo: string | null): string {
  const params = new URLSearchParams({ email })
  if (returnTo) params.set('returnTo', returnTo)
  return `/api/sso/start?${params.toString()}`
}
