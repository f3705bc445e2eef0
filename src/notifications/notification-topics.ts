import type { NotificationChannel } from '../platform/db/schema.ts'

/**
 * What a person may choose where to hear about: each notice kind belongs to one topic, and each
 * topic reaches a person in the app, by email, both or neither. A kind with no topic (the broken
 * audit chain) always reaches the app: it is not a matter of taste.
 */
export const NOTIFICATION_TOPICS = [
  'information_requested',
  'answer',
  'new_customer_request',
  'request_lifecycle',
  'sla_breached',
  'assigned',
  'incident_affects_customers',
  'incident_updated',
  'gdap_expiry',
] as const

export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number]

export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['app', 'email', 'both', 'none']

/**
 * Where a topic reaches someone who never chose. The topics whose emails Tramite already sent to a
 * request's contacts (information requested, answers, closed and reopened, a missed target) keep
 * them by default; the rest stay in the app.
 */
export const DEFAULT_CHANNELS: Record<NotificationTopic, NotificationChannel> = {
  information_requested: 'both',
  answer: 'both',
  new_customer_request: 'app',
  request_lifecycle: 'both',
  sla_breached: 'both',
  assigned: 'app',
  incident_affects_customers: 'app',
  incident_updated: 'app',
  gdap_expiry: 'app',
}

/** The notice kinds (the `kind` of a notification row) and the topic each belongs to. */
export const NOTICE_KINDS = {
  'service_request.information_requested': 'information_requested',
  'service_request.answered': 'answer',
  'service_request.customer_request': 'new_customer_request',
  'service_request.closed': 'request_lifecycle',
  'service_request.reopened': 'request_lifecycle',
  'service_request.sla_breached': 'sla_breached',
  'service_request.assigned': 'assigned',
  'health.incident_affects_customers': 'incident_affects_customers',
  'health.incident_updated': 'incident_updated',
  'gdap.expires_in_30': 'gdap_expiry',
  'gdap.expires_in_7': 'gdap_expiry',
  'gdap.expires_in_1': 'gdap_expiry',
  'gdap.expired': 'gdap_expiry',
} as const satisfies Record<string, NotificationTopic>

export type NoticeKind = keyof typeof NOTICE_KINDS

export function topicOfKind(kind: string): NotificationTopic | null {
  return (NOTICE_KINDS as Record<string, NotificationTopic>)[kind] ?? null
}

export const reachesApp = (channel: NotificationChannel) => channel === 'app' || channel === 'both'
export const reachesEmail = (channel: NotificationChannel) => channel === 'email' || channel === 'both'
