import { apiRequest, setCsrfToken } from '../../shared/api/client.ts'

export type TenantKind = 'partner' | 'customer' | 'vendor'
export type PartnerType = 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'
export type SecondFactorMethod = 'totp' | 'passkey' | 'recovery_code'

export interface SessionUser {
  id: string
  email: string
  displayName: string
  tenantId: string
  tenantName: string
  tenantKind: TenantKind
  partnerType: PartnerType | null
  roles: string[]
  /** Not sent by the server yet; used to prefill contact details when it is. */
  phone?: string | null
}

export interface Session {
  user: SessionUser | null
  csrfToken: string | null
  /** The password was right and the second step is due. */
  secondFactor?: { methods: SecondFactorMethod[] }
  /** How this session signed in (RFC 8176 amr). */
  authMethods?: string[]
}

// Every session response carries the anti-forgery token the next unsafe call must send.
function remember(session: Session): Session {
  setCsrfToken(session.csrfToken)
  return session
}

export async function fetchSession(signal?: AbortSignal): Promise<Session> {
  return remember(await apiRequest<Session>('/api/session', { signal }))
}

/** How an email signs in: with a password here, or at its organization's identity provider. */
export async function discoverSignIn(email: string): Promise<'password' | 'sso'> {
  return (
    await apiRequest<{ method: 'password' | 'sso' }>('/api/session/discover', {
      method: 'POST',
      body: { email },
    })
  ).method
}

export async function signIn(email: string, password: string): Promise<Session> {
  return remember(await apiRequest<Session>('/api/session', { method: 'POST', body: { email, password } }))
}

export type SecondFactorAnswer = { code: string } | { recoveryCode: string } | { passkey: unknown }

export async function completeSecondFactor(answer: SecondFactorAnswer): Promise<Session> {
  return remember(await apiRequest<Session>('/api/session/mfa', { method: 'POST', body: answer }))
}

export async function passkeySignInOptions(): Promise<unknown> {
  return apiRequest<unknown>('/api/session/mfa/passkey-options', { method: 'POST' })
}

/** Signs out; answers the organization's provider end-session URL for a federated session. */
export async function signOut(): Promise<string | null> {
  try {
    const answer = await apiRequest<{ endSessionUrl?: string } | undefined>('/api/session', {
      method: 'DELETE',
    })
    return answer?.endSessionUrl ?? null
  } finally {
    setCsrfToken(null)
  }
}

export async function requestPasswordReset(email: string): Promise<void> {
  await apiRequest<void>('/api/password-reset', { method: 'POST', body: { email } })
}

export async function completePasswordReset(token: string, password: string): Promise<void> {
  await apiRequest<void>('/api/password-reset/complete', { method: 'POST', body: { token, password } })
}

/** The URL that starts single sign-on at the organization's provider, coming back to `returnTo`. */
export function ssoStartUrl(email: string, returnTo: string | null): string {
  const params = new URLSearchParams({ email })
  if (returnTo) params.set('returnTo', returnTo)
  return `/api/sso/start?${params.toString()}`
}
