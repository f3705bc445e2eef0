import { api, type BodyOf, type ResponseOf } from '../../shared/api/typed.ts'

// The server's OpenAPI document is the contract: these types come from the generated
// openapi.gen.ts (npm run api:types), never retyped.
export type DirectoryMe = ResponseOf<'/api/directory/me', 'get'>
export type DirectoryUser = ResponseOf<'/api/directory/users', 'get'>[number]
export type DirectoryGroup = ResponseOf<'/api/directory/groups', 'post'>
export type GroupListItem = ResponseOf<'/api/directory/groups', 'get'>[number]
export type UserDetail = ResponseOf<'/api/directory/users/{id}', 'get'>
export type GroupDetail = ResponseOf<'/api/directory/groups/{id}', 'get'>
export type Member = GroupDetail['members'][number]
export type Membership = UserDetail['memberOf'][number]
export type CustomerAccess = UserDetail['access'][number]
export type CreatedUser = ResponseOf<'/api/directory/users', 'post'>
export type Reinvitation = ResponseOf<'/api/directory/users/{id}/invitation', 'post'>
export type CsvReport = ResponseOf<'/api/directory/users/import', 'post'>
export type Entitlement = ResponseOf<'/api/directory/entitlements', 'post'>
export type EntitlementKind = Entitlement['kind']
export type InvitationView = ResponseOf<'/api/invitations/lookup', 'post'>

export const getMe = (signal?: AbortSignal) => api.get('/api/directory/me', { signal })

export const listUsers = (signal?: AbortSignal) => api.get('/api/directory/users', { signal })
export const getUser = (id: string, signal?: AbortSignal) =>
  api.get('/api/directory/users/{id}', { path: { id }, signal })
export const createUser = (body: BodyOf<'/api/directory/users', 'post'>) =>
  api.post('/api/directory/users', { body })
export const setAccountEnabled = (id: string, accountEnabled: boolean) =>
  api.patch('/api/directory/users/{id}', { path: { id }, body: { accountEnabled } })
export const deleteUser = (id: string) => api.delete('/api/directory/users/{id}', { path: { id } })
export const reinviteUser = (id: string) => api.post('/api/directory/users/{id}/invitation', { path: { id } })

/** The users CSV export is a download (a plain link keeps the session cookie). */
export const USERS_CSV_URL = '/api/directory/users.csv'
export const importUsers = (mode: 'dry-run' | 'apply', csv: string) =>
  api.post('/api/directory/users/import', { body: { mode, csv } })

export const listGroups = (signal?: AbortSignal) => api.get('/api/directory/groups', { signal })
export const getGroup = (id: string, signal?: AbortSignal) =>
  api.get('/api/directory/groups/{id}', { path: { id }, signal })
export const createGroup = (body: BodyOf<'/api/directory/groups', 'post'>) =>
  api.post('/api/directory/groups', { body })
export const deleteGroup = (id: string) => api.delete('/api/directory/groups/{id}', { path: { id } })
export const addMember = (groupId: string, memberId: string) =>
  api.post('/api/directory/groups/{id}/members', { path: { id: groupId }, body: { memberId } })
export const removeMember = (groupId: string, memberId: string) =>
  api.delete('/api/directory/groups/{id}/members/{memberId}', { path: { id: groupId, memberId } })

export const listEntitlements = (signal?: AbortSignal) => api.get('/api/directory/entitlements', { signal })
export const addEntitlement = (body: BodyOf<'/api/directory/entitlements', 'post'>) =>
  api.post('/api/directory/entitlements', { body })
export const updateEntitlement = (id: string, body: BodyOf<'/api/directory/entitlements/{id}', 'patch'>) =>
  api.patch('/api/directory/entitlements/{id}', { path: { id }, body })
export const removeEntitlement = (id: string) =>
  api.delete('/api/directory/entitlements/{id}', { path: { id } })

export const lookupInvitation = (secret: string, signal?: AbortSignal) =>
  api.post('/api/invitations/lookup', { body: { secret }, signal })
export const acceptInvitation = (secret: string, password: string) =>
  api.post('/api/invitations/accept', { body: { secret, password } })
