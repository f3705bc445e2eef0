import { apiRequest } from '../../shared/api/client.ts'

export interface AppSummary {
  id: string
  clientId: string
  tenantId: string
  displayName: string
  publicClient: boolean
  redirectUris: string[]
  createdAt: string
}

export interface AppDetail extends AppSummary {
  secrets: { id: string; description: string; hint: string; expiresAt: string; createdAt: string }[]
  certificates: {
    id: string
    description: string
    thumbprintSha1: string
    thumbprintSha256: string
    subject: string
    notBefore: string
    expiresAt: string
    createdAt: string
  }[]
  permissions: {
    resource: string
    permission: string
    kind: string
    consentedAt: string | null
    consentedBy: string | null
  }[]
  userConsents: { email: string; resource: string; permission: string; grantedAt: string }[]
}

export interface CatalogItem {
  resource: string
  name: string
  kind: 'delegated' | 'application'
  adminConsentRequired: boolean
  description: string
  label: string
}

export interface CreatedApp {
  id: string
  clientId: string
  tenantId: string
  clientSecret: string | null
  secretExpiresAt: string | null
}

export interface DeviceCodeView {
  userCode: string
  application: { clientId: string; displayName: string; tenantName: string }
  tenant: { id: string; name: string } | null
  scope: string
  expiresAt: string
}

export const listApps = (signal?: AbortSignal) =>
  apiRequest<{ items: AppSummary[] }>('/api/applications', { ...(signal ? { signal } : {}) })
export const getApp = (id: string, signal?: AbortSignal) =>
  apiRequest<AppDetail>(`/api/applications/${encodeURIComponent(id)}`, { ...(signal ? { signal } : {}) })
export const permissionCatalog = () => apiRequest<{ items: CatalogItem[] }>('/api/applications/catalog')
export const createApp = (body: {
  displayName: string
  publicClient: boolean
  redirectUris: string[]
  permissions: string[]
}) => apiRequest<CreatedApp>('/api/applications', { method: 'POST', body })
export const updateApp = (id: string, body: { displayName?: string; redirectUris?: string[] }) =>
  apiRequest<void>(`/api/applications/${encodeURIComponent(id)}`, { method: 'PATCH', body })
export const deleteApp = (id: string) =>
  apiRequest<void>(`/api/applications/${encodeURIComponent(id)}`, { method: 'DELETE' })
export const addSecret = (id: string, body: { description: string; days: number }) =>
  apiRequest<{ id: string; secret: string; hint: string; expiresAt: string }>(
    `/api/applications/${encodeURIComponent(id)}/secrets`,
    { method: 'POST', body },
  )
export const removeSecret = (id: string, secretId: string) =>
  apiRequest<void>(`/api/applications/${encodeURIComponent(id)}/secrets/${encodeURIComponent(secretId)}`, {
    method: 'DELETE',
  })
export const addCertificate = (id: string, body: { description: string; certificatePem: string }) =>
  apiRequest<{ id: string }>(`/api/applications/${encodeURIComponent(id)}/certificates`, {
    method: 'POST',
    body,
  })
export const removeCertificate = (id: string, certificateId: string) =>
  apiRequest<void>(
    `/api/applications/${encodeURIComponent(id)}/certificates/${encodeURIComponent(certificateId)}`,
    { method: 'DELETE' },
  )
export const setPermissions = (id: string, permissions: string[]) =>
  apiRequest<void>(`/api/applications/${encodeURIComponent(id)}/permissions`, {
    method: 'PUT',
    body: { permissions },
  })
export const setConsent = (id: string, granted: boolean) =>
  apiRequest<void>(`/api/applications/${encodeURIComponent(id)}/consent`, {
    method: 'PUT',
    body: { granted },
  })
export const describeDeviceCode = (userCode: string) =>
  apiRequest<DeviceCodeView>(`/api/device-codes/${encodeURIComponent(userCode)}`)
export const answerDeviceCode = (userCode: string, decision: 'approve' | 'decline') =>
  apiRequest<void>(`/api/device-codes/${encodeURIComponent(userCode)}`, {
    method: 'POST',
    body: { decision },
  })
