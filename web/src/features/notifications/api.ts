import { apiRequest } from '../../shared/api/client.ts'

export interface AppNotification {
  id: string | number
  kind: string
  /** Already in the UI language (the server renders it per Accept-Language). */
  text: string
  link: string | null
  createdAt: string
  readAt: string | null
}

export interface NotificationList {
  unread: number
  items: AppNotification[]
}

export function listNotifications(signal: AbortSignal): Promise<NotificationList> {
  return apiRequest<NotificationList>('/api/notifications', { query: { limit: 50 }, signal })
}

export function markRead(id: string | number): Promise<void> {
  return apiRequest<void>(`/api/notifications/${encodeURIComponent(String(id))}/read`, { method: 'POST' })
}

export function markAllRead(): Promise<void> {
  return apiRequest<void>('/api/notifications/all/read', { method: 'POST' })
}
