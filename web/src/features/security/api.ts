import { apiRequest } from '../../shared/api/client.ts'

export interface Factor {
  id: string
  kind: 'totp' | 'passkey'
  label: string
  createdAt: string
  lastUsedAt: string | null
}

export interface MfaStatus {
  factors: Factor[]
  recoveryCodesLeft: number
  tenantRequiresMfa: boolean
  sessionDidMfa: boolean
}

export interface SessionItem {
  id: string
  createdAt: string
  lastSeenAt: string
  expiresAt: string
  userAgent: string | null
  ipAddress: string | null
  amr: string[]
  current: boolean
}

export interface SecuritySettings {
  requireMfa: boolean
  jitUsers: boolean
  redirectUri: string
  postLogoutRedirectUri: string
  identityProvider: {
    issuer: string
    clientId: string
    domains: string[]
    groupsClaim: string | null
    groupMappings: { claimValue: string; groupId: string; groupName: string }[]
  } | null
  groups: { id: string; name: string }[]
}

export interface ProviderInput {
  issuer: string
  clientId: string
  clientSecret?: string
  domains: string[]
  groupsClaim: string | null
  groupMappings: { claimValue: string; groupId: string }[]
}

export const fetchMfa = (signal?: AbortSignal) => apiRequest<MfaStatus>('/api/me/mfa', { signal })
export const startTotp = (label: string) =>
  apiRequest<{ factorId: string; secret: string; uri: string; qrSvg: string }>('/api/me/mfa/totp', {
    method: 'POST',
    body: { label },
  })
export const confirmTotp = (factorId: string, code: string) =>
  apiRequest<{ recoveryCodes: string[] | null }>(`/api/me/mfa/totp/${factorId}/confirm`, {
    method: 'POST',
    body: { code },
  })
export const passkeyOptions = () => apiRequest<unknown>('/api/me/mfa/passkeys/options', { method: 'POST' })
export const addPasskey = (label: string, response: unknown) =>
  apiRequest<{ factorId: string; recoveryCodes: string[] | null }>('/api/me/mfa/passkeys', {
    method: 'POST',
    body: { label, response },
  })
export const removeFactor = (id: string) =>
  apiRequest<void>(`/api/me/mfa/factors/${id}`, { method: 'DELETE' })
export const newRecoveryCodes = () =>
  apiRequest<{ recoveryCodes: string[] }>('/api/me/mfa/recovery-codes', { method: 'POST' })
export const fetchSessions = (signal?: AbortSignal) =>
  apiRequest<{ value: SessionItem[] }>('/api/me/sessions', { signal })
export const endSession = (id: string) => apiRequest<void>(`/api/me/sessions/${id}`, { method: 'DELETE' })
export const fetchSecuritySettings = (signal?: AbortSignal) =>
  apiRequest<SecuritySettings>('/api/security/settings', { signal })
export const updateSecuritySettings = (change: { requireMfa?: boolean; jitUsers?: boolean }) =>
  apiRequest<SecuritySettings>('/api/security/settings', { method: 'PATCH', body: change })
export const saveProvider = (input: ProviderInput) =>
  apiRequest<SecuritySettings>('/api/security/identity-provider', { method: 'PUT', body: input })
export const removeProvider = () => apiRequest<void>('/api/security/identity-provider', { method: 'DELETE' })
