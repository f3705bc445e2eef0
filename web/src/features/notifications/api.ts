import { api, type ResponseOf } from '../../shared/api/typed.ts'

// The server's OpenAPI document is the contract: these types come from the generated
// openapi.gen.ts (npm run api:types), never retyped.
export type NotificationList = ResponseOf<'/api/notifications', 'get'>
export type AppNotification = NotificationList['items'][number]
export type NotificationPreferences = ResponseOf<'/api/notifications/preferences', 'get'>
export type NotificationTopic = keyof NotificationPreferences
export type NotificationChannel = NotificationPreferences[NotificationTopic]

export const CHANNELS: readonly NotificationChannel[] = ['app', 'email', 'both', 'none']

export function listNotifications(signal: AbortSignal): Promise<NotificationList> {
  return api.get('/api/notifications', { query: { limit: 50 }, signal })
}

export async function markRead(id: string | number): Promise<void> {
  await api.post('/api/notifications/{id}/read', { path: { id: String(id) } })
}

export async function markAllRead(): Promise<void> {
  await api.post('/api/notifications/{id}/read', { path: { id: 'all' } })
}

export function getPreferences(signal: AbortSignal): Promise<NotificationPreferences> {
  return api.get('/api/notifications/preferences', { signal })
}

export function savePreferences(choices: Partial<NotificationPreferences>): Promise<NotificationPreferences> {
  return api.patch('/api/notifications/preferences', { body: choices })
}
