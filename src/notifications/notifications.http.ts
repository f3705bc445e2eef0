import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { notFound } from '../platform/errors.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import { listNotifications, markRead } from './notifications.data.ts'
import { notificationText } from './notification-texts.ts'
import { preferencesOf, savePreferences } from './preferences.data.ts'
import { NotificationListSchema, NotificationPreferencesSchema } from './notifications.schema.ts'

/** In-app notifications of the signed-in user (GDAP expiry notices, …). */
export function registerNotificationRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first, with the unread count',
        querystring: Type.Object(
          { limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) },
          { additionalProperties: false },
        ),
        response: { 200: NotificationListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const { items, unread } = await listNotifications(ctx.db, actor.userId, request.query.limit)
      return {
        unread,
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          text: notificationText(n, request.locale),
          link: n.link,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
        })),
      }
    },
  )

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark a notification read (id "all" for every one)',
        params: Type.Object({ id: Type.String({ pattern: '^(all|\\d{1,15})$' }) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const id = request.params.id === 'all' ? 'all' : Number(request.params.id)
      const changed = await markRead(ctx.db, actor.userId, id, ctx.now())
      if (id !== 'all' && changed === 0) {
        const exists = await ctx.db
          .selectFrom('notifications')
          .select('id')
          .where('id', '=', id)
          .where('user_id', '=', actor.userId)
          .executeTakeFirst()
        if (!exists) throw notFound()
      }
      return reply.status(204).send()
    },
  )

  app.get(
    '/api/notifications/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Where each kind of notice reaches you: in the app, by email, both or neither',
        response: { 200: NotificationPreferencesSchema },
      },
    },
    async (request) => preferencesOf(ctx.db, actorOf(request).userId),
  )

  app.patch(
    '/api/notifications/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Choose where some kinds of notice reach you (the others keep their choice)',
        body: Type.Partial(NotificationPreferencesSchema, { additionalProperties: false }),
        response: { 200: NotificationPreferencesSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      await savePreferences(ctx.db, actor.userId, request.body, ctx.now())
      return preferencesOf(ctx.db, actor.userId)
    },
  )
}
