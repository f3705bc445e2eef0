import type { Static } from 'typebox'
import type {
  CreatedUserSchema,
  CsvReportSchema,
  CustomerAccessSchema,
  DirectoryGroupSchema,
  DirectoryMeSchema,
  DirectoryUserSchema,
  EntitlementSchema,
  GroupDetailSchema,
  GroupListItemSchema,
  InvitationViewSchema,
  MemberSchema,
  MembershipSchema,
  ReinvitationSchema,
  UserDetailSchema,
} from '../../../../src/directory/directory.schema.ts'
import { apiRequest } from '../../shared/api/client.ts'

// The server's schemas are the contract: these types are derived from them, never retyped.
export type DirectoryMe = Static<typeof DirectoryMeSchema>
export type DirectoryUser = Static<typeof DirectoryUserSchema>
export type DirectoryGroup = Static<typeof DirectoryGroupSchema>
export type GroupListItem = Static<typeof GroupListItemSchema>
export type Member = Static<typeof MemberSchema>
export type Membership = Static<typeof MembershipSchema>
export type CustomerAccess = Static<typeof CustomerAccessSchema>
export type UserDetail = Static<typeof UserDetailSchema>
export type GroupDetail = Static<typeof GroupDetailSchema>
export type CreatedUser = Static<typeof CreatedUserSchema>
export type Reinvitation = Static<typeof ReinvitationSchema>
export type CsvReport = Static<typeof CsvReportSchema>
export type Entitlement = Static<typeof EntitlementSchema>
export type EntitlementKind = Entitlement['kind']
export type InvitationView = Static<typeof InvitationViewSchema>

const at = (path: string, id: string) => `/api/directory/${path}/${encodeURIComponent(id)}`

export const getMe = (signal?: AbortSignal) => apiRequest<DirectoryMe>('/api/directory/me', { signal })

export const listUsers = (signal?: AbortSignal) =>
  apiRequest<DirectoryUser[]>('/api/directory/users', { signal })
export const getUser = (id: string, signal?: AbortSignal) =>
  apiRequest<UserDetail>(at('users', id), { signal })
export const createUser = (body: {
  email: string
  displayName: string
  givenName?: string | null
  surname?: string | null
  jobTitle?: string | null
  password?: string
}) => apiRequest<CreatedUser>('/api/directory/users', { method: 'POST', body })
export const setAccountEnabled = (id: string, accountEnabled: boolean) =>
  apiRequest<DirectoryUser>(at('users', id), { method: 'PATCH', body: { accountEnabled } })
export const deleteUser = (id: string) => apiRequest<void>(at('users', id), { method: 'DELETE' })
export const reinviteUser = (id: string) =>
  apiRequest<Reinvitation>(`${at('users', id)}/invitation`, { method: 'POST' })

/** The users CSV export is a download (a plain link keeps the session cookie). */
export const USERS_CSV_URL = '/api/directory/users.csv'
export const importUsers = (mode: 'dry-run' | 'apply', csv: string) =>
  apiRequest<CsvReport>('/api/directory/users/import', { method: 'POST', body: { mode, csv } })

export const listGroups = (signal?: AbortSignal) =>
  apiRequest<GroupListItem[]>('/api/directory/groups', { signal })
export const getGroup = (id: string, signal?: AbortSignal) =>
  apiRequest<GroupDetail>(at('groups', id), { signal })
export const createGroup = (body: { displayName: string; description?: string | null }) =>
  apiRequest<DirectoryGroup>('/api/directory/groups', { method: 'POST', body })
export const deleteGroup = (id: string) => apiRequest<void>(at('groups', id), { method: 'DELETE' })
export const addMember = (groupId: string, memberId: string) =>
  apiRequest<void>(`${at('groups', groupId)}/members`, { method: 'POST', body: { memberId } })
export const removeMember = (groupId: string, memberId: string) =>
  apiRequest<void>(`${at('groups', groupId)}/members/${encodeURIComponent(memberId)}`, { method: 'DELETE' })

export const listEntitlements = (signal?: AbortSignal) =>
  apiRequest<Entitlement[]>('/api/directory/entitlements', { signal })
export const addEntitlement = (body: {
  kind: EntitlementKind
  reference: string
  description: string
  validUntil: string
}) => apiRequest<Entitlement>('/api/directory/entitlements', { method: 'POST', body })
export const updateEntitlement = (
  id: string,
  body: { reference?: string; description?: string; validUntil?: string },
) => apiRequest<Entitlement>(at('entitlements', id), { method: 'PATCH', body })
export const removeEntitlement = (id: string) =>
  apiRequest<void>(at('entitlements', id), { method: 'DELETE' })

export const lookupInvitation = (secret: string, signal?: AbortSignal) =>
  apiRequest<InvitationView>('/api/invitations/lookup', { method: 'POST', body: { secret }, signal })
export const acceptInvitation = (secret: string, password: string) =>
  apiRequest<{ email: string }>('/api/invitations/accept', { method: 'POST', body: { secret, password } })
