import { api, type BodyOf, type ResponseOf } from '../../shared/api/typed.ts'

// The server's OpenAPI document is the contract: these types come from the generated
// openapi.gen.ts (npm run api:types), never retyped.
export type AppSummary = ResponseOf<'/api/applications', 'get'>['items'][number]
export type AppDetail = ResponseOf<'/api/applications/{id}', 'get'>
export type CatalogItem = ResponseOf<'/api/applications/catalog', 'get'>['items'][number]
export type CreatedApp = ResponseOf<'/api/applications', 'post'>
export type DeviceCodeView = ResponseOf<'/api/device-codes/{userCode}', 'get'>

export const listApps = (signal?: AbortSignal) => api.get('/api/applications', { signal })
export const getApp = (id: string, signal?: AbortSignal) =>
  api.get('/api/applications/{id}', { path: { id }, signal })
export const permissionCatalog = () => api.get('/api/applications/catalog')
// consent is left to the server's default (false): the page grants it on the detail page
export const createApp = (body: Omit<BodyOf<'/api/applications', 'post'>, 'consent'>) =>
  api.post('/api/applications', { body: { ...body, consent: false } })
export const updateApp = (id: string, body: BodyOf<'/api/applications/{id}', 'patch'>) =>
  api.patch('/api/applications/{id}', { path: { id }, body })
export const deleteApp = (id: string) => api.delete('/api/applications/{id}', { path: { id } })
export const addSecret = (id: string, body: BodyOf<'/api/applications/{id}/secrets', 'post'>) =>
  api.post('/api/applications/{id}/secrets', { path: { id }, body })
export const removeSecret = (id: string, secretId: string) =>
  api.delete('/api/applications/{id}/secrets/{secretId}', { path: { id, secretId } })
export const addCertificate = (id: string, body: BodyOf<'/api/applications/{id}/certificates', 'post'>) =>
  api.post('/api/applications/{id}/certificates', { path: { id }, body })
export const removeCertificate = (id: string, certificateId: string) =>
  api.delete('/api/applications/{id}/certificates/{certificateId}', { path: { id, certificateId } })
export const setPermissions = (id: string, permissions: string[]) =>
  api.put('/api/applications/{id}/permissions', { path: { id }, body: { permissions } })
export const setConsent = (id: string, granted: boolean) =>
  api.put('/api/applications/{id}/consent', { path: { id }, body: { granted } })
export const describeDeviceCode = (userCode: string) =>
  api.get('/api/device-codes/{userCode}', { path: { userCode } })
export const answerDeviceCode = (userCode: string, decision: 'approve' | 'decline') =>
  api.post('/api/device-codes/{userCode}', { path: { userCode }, body: { decision } })
