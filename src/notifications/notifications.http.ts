import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { notFound } from '../platform/errors.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import { listNotifications, markRead, type NotificationRecord } from './notifications.data.ts'

const TEXTS: Record<Locale, Record<string, string>> = {
  en: {
    'gdap.expires_in_30':
      'The GDAP relationship “{relationship}” between {partner} and {customer} ends in 30 days, on {date}.',
    'gdap.expires_in_7':
      'The GDAP relationship “{relationship}” between {partner} and {customer} ends in 7 days, on {date}.',
    'gdap.expires_in_1':
      'The GDAP relationship “{relationship}” between {partner} and {customer} ends tomorrow, {date}.',
    'gdap.expired':
      'The GDAP relationship “{relationship}” between {partner} and {customer} expired on {date}: its roles no longer apply.',
    'health.incident_updated': 'Incident {incident} “{title}” was updated: {status}.',
    'audit.chain_broken':
      'The audit chain is broken at event {event} ({problem}): the audit log was altered outside Tramite. Run `tramite audit verify` for the details.',
  },
  it: {
    'gdap.expires_in_30':
      'La relazione GDAP “{relationship}” tra {partner} e {customer} termina tra 30 giorni, il {date}.',
    'gdap.expires_in_7':
      'La relazione GDAP “{relationship}” tra {partner} e {customer} termina tra 7 giorni, il {date}.',
    'gdap.expires_in_1':
      'La relazione GDAP “{relationship}” tra {partner} e {customer} termina domani, il {date}.',
    'gdap.expired':
      'La relazione GDAP “{relationship}” tra {partner} e {customer} è scaduta il {date}: i suoi ruoli non valgono più.',
    'health.incident_updated': "L'evento imprevisto {incident} “{title}” è stato aggiornato: {status}.",
    'audit.chain_broken':
      'La catena di audit è interrotta all’evento {event} ({problem}): il registro di audit è stato alterato fuori da Tramite. Esegui `tramite audit verify` per i dettagli.',
  },
}

export function notificationText(n: Pick<NotificationRecord, 'kind' | 'params'>, locale: Locale): string {
  const template = TEXTS[locale][n.kind] ?? n.kind
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => n.params[name] ?? whole)
}

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
}
