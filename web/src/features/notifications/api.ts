import type { Static } from 'typebox'
import type {
  NotificationListSchema,
  NotificationPreferencesSchema,
  NotificationSchema,
} from '../../../../src/notifications/notifications.schema.ts'
import { apiRequest } from '../../shared/api/client.ts'

// The server's schemas are the contract: these types are derived from them, never retyped.
export type AppNotification = Static<typeof NotificationSchema>
export type NotificationList = Static<typeof NotificationListSchema>
export type NotificationPreferences = Static<typeof NotificationPreferencesSchema>
export type NotificationTopic = keyof NotificationPreferences
export type NotificationChannel = NotificationPreferences[NotificationTopic]

export const CHANNELS: readonly NotificationChannel[] = ['app', 'email', 'both', 'none']

export function listNotifications(signal: AbortSignal): Promise<NotificationList> {
  return apiRequest<NotificationList>('/api/notifications', { query: { limit: 50 }, signal })
}

export function markRead(id: string | number): Promise<void> {
  return apiRequest<void>(`/api/notifications/${encodeURIComponent(String(id))}/read`, { method: 'POST' })
}

export function markAllRead(): Promise<void> {
  return apiRequest<void>('/api/notifications/all/read', { method: 'POST' })
}

export function getPreferences(signal: AbortSignal): Promise<NotificationPreferences> {
  return apiRequest<NotificationPreferences>('/api/notifications/preferences', { signal })
}

export function savePreferences(choices: Partial<NotificationPreferences>): Promise<NotificationPreferences> {
  return apiRequest<NotificationPreferences>('/api/notifications/preferences', {
    method: 'PATCH',
    body: choices,
  })
}
