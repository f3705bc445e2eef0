import Type from 'typebox'
import { NOTIFICATION_CHANNELS, NOTIFICATION_TOPICS, type NotificationTopic } from './notification-topics.ts'

/**
 * The contract of /api/notifications. The portal's types are derived from these schemas
 * (web/src/features/notifications/api.ts), not written again. Pure TypeBox.
 */
export const ChannelSchema = Type.Enum([...NOTIFICATION_CHANNELS], {
  description: 'app: in Tramite; email: by email; both; none: neither',
})

/** Where each kind of notice reaches you. */
export const NotificationPreferencesSchema = Type.Object(
  Object.fromEntries(NOTIFICATION_TOPICS.map((topic) => [topic, ChannelSchema])) as Record<
    NotificationTopic,
    typeof ChannelSchema
  >,
  { additionalProperties: false },
)

export const NotificationSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  /** In the caller's language (Accept-Language). */
  text: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})

export const NotificationListSchema = Type.Object({
  unread: Type.Integer(),
  items: Type.Array(NotificationSchema),
})
