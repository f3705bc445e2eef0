import { apiRequest, setCsrfToken } from '../../shared/api/client.ts'

export type TenantKind = 'partner' | 'customer' | 'vendor'
export type PartnerType = 'direct' | 'indirect_provider' | 'indirect_reseller' | 'advisor'

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
}

// Every session response carries the anti-forgery token the next unsafe call must send.
function remember(session: Session): Session {
  setCsrfToken(session.csrfToken)
  return session
}

export async function fetchSession(signal?: AbortSignal): Promise<Session> {
  return remember(await apiRequest<Session>('/api/session', { signal }))
}

export async function signIn(email: string, password: string): Promise<Session> {
  return remember(await apiRequest<Session>('/api/session', { method: 'POST', body: { email, password } }))
}

export async function signOut(): Promise<void> {
  try {
    await apiRequest<void>('/api/session', { method: 'DELETE' })
  } finally {
    setCsrfToken(null)
  }
}
