import { api, type BodyOf, type ResponseOf } from '../../shared/api/typed.ts'

// The server's OpenAPI document is the contract: these types come from the generated
// openapi.gen.ts (npm run api:types), never retyped.
export type MfaStatus = ResponseOf<'/api/me/mfa', 'get'>
export type Factor = MfaStatus['factors'][number]
export type SessionItem = ResponseOf<'/api/me/sessions', 'get'>['value'][number]
export type SecuritySettings = ResponseOf<'/api/security/settings', 'get'>
export type ProviderInput = BodyOf<'/api/security/identity-provider', 'put'>

export const fetchMfa = (signal?: AbortSignal) => api.get('/api/me/mfa', { signal })
export const startTotp = (label: string) => api.post('/api/me/mfa/totp', { body: { label } })
export const confirmTotp = (factorId: string, code: string) =>
  api.post('/api/me/mfa/totp/{factorId}/confirm', { path: { factorId }, body: { code } })
export const passkeyOptions = () => api.post('/api/me/mfa/passkeys/options')
export const addPasskey = (label: string, response: unknown) =>
  api.post('/api/me/mfa/passkeys', {
    body: { label, response: response as BodyOf<'/api/me/mfa/passkeys', 'post'>['response'] },
  })
export const removeFactor = (id: string) =>
  api.delete('/api/me/mfa/factors/{factorId}', { path: { factorId: id } })
export const newRecoveryCodes = () => api.post('/api/me/mfa/recovery-codes')
export const fetchSessions = (signal?: AbortSignal) => api.get('/api/me/sessions', { signal })
export const endSession = (id: string) =>
  api.delete('/api/me/sessions/{sessionId}', { path: { sessionId: id } })
export const fetchSecuritySettings = (signal?: AbortSignal) => api.get('/api/security/settings', { signal })
export const updateSecuritySettings = (change: BodyOf<'/api/security/settings', 'patch'>) =>
  api.patch('/api/security/settings', { body: change })
export const saveProvider = (input: ProviderInput) =>
  api.put('/api/security/identity-provider', { body: input })
export const removeProvider = () => api.delete('/api/security/identity-provider')
