import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import type { DeliveryRecord, SubscriptionRecord } from './webhooks.data.ts'
import { registerWebhookQueueGauge } from './webhooks.delivery.ts'
import { orderedPayload } from './webhooks.payload.ts'
import {
  createWebhookSubscription,
  deleteWebhookSubscription,
  getWebhookSubscription,
  listWebhookDeliveries,
  listWebhookSubscriptions,
  MAX_URL_LENGTH,
  pingWebhook,
  redeliverWebhook,
  rotateWebhookSecret,
  SUBSCRIBABLE_EVENTS,
  updateWebhookSubscription,
} from './webhooks.service.ts'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])

// The checks that carry a machine code of their own (URL scheme, event types) are the service's;
// the schema only bounds the input.
const UrlInput = Type.String({ minLength: 1, maxLength: MAX_URL_LENGTH, description: 'https URL to POST to' })
const EventsInput = Type.Array(Type.String({ maxLength: 100 }), {
  minItems: 1,
  maxItems: 20,
  description: `Event types to receive: ${SUBSCRIBABLE_EVENTS.join(', ')}`,
})
const DescriptionInput = Type.String({ maxLength: 500 })

/** What the portal shows of a subscription; a response schema, so the secret could not slip out. */
const Subscription = Type.Object({
  id: Type.String({ format: 'uuid' }),
  url: Type.String(),
  description: Nullable(Type.String()),
  events: Type.Array(Type.String()),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
})
const WithSecret = Type.Intersect([
  Subscription,
  Type.Object({
    secret: Type.String({ description: 'The signing secret. Shown now and never again: store it.' }),
  }),
])
const Delivery = Type.Object({
  id: Type.Integer(),
  eventId: Type.String({ format: 'uuid', description: 'Also X-Tramite-Delivery and the payload’s id' }),
  eventType: Type.String(),
  status: Type.Enum(['pending', 'delivered', 'failed']),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Type.String({ format: 'date-time' })),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  deliveredAt: Nullable(Type.String({ format: 'date-time' })),
  payload: Type.Object({}, { additionalProperties: true }),
})

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) })

function presentSubscription(s: SubscriptionRecord) {
  return {
    id: s.id,
    url: s.url,
    description: s.description,
    events: s.events,
    active: s.active,
    createdAt: s.createdAt.toISOString(),
  }
}

function presentDelivery(d: DeliveryRecord) {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt ? d.deliveredAt.toISOString() : null,
    payload: orderedPayload(d.payload),
  }
}

/** The portal API for a partner's admins to manage their webhook subscriptions (docs/webhooks.md). */
export function registerWebhookRoutes(app: App, ctx: AppContext): void {
  registerWebhookQueueGauge(ctx)
  const tags = ['webhooks']

  app.get(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: "Your partner organization's webhook subscriptions (admins only; secrets are never shown)",
        response: { 200: Type.Object({ items: Type.Array(Subscription) }) },
      },
    },
    async (request) => ({
      items: (await listWebhookSubscriptions(ctx, actorOf(request))).map(presentSubscription),
    }),
  )

  app.post(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: 'Subscribe a URL to service-request events; answers the signing secret once',
        body: Type.Object(
          { url: UrlInput, events: EventsInput, description: Type.Optional(DescriptionInput) },
          { additionalProperties: false },
        ),
        response: { 201: WithSecret },
      },
    },
    async (request, reply) => {
      const { subscription, secret } = await createWebhookSubscription(ctx, actorOf(request), request.body)
      reply.status(201).header('location', `/api/webhooks/${subscription.id}`)
      return { ...presentSubscription(subscription), secret }
    },
  )

  app.get(
    '/api/webhooks/:id',
    { schema: { tags, summary: 'One subscription', params: IdParams, response: { 200: Subscription } } },
    async (request) =>
      presentSubscription(await getWebhookSubscription(ctx, actorOf(request), request.params.id)),
  )

  app.patch(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change the URL, events, description, or switch it off and on',
        description:
          'Switching a subscription off (`active: false`) gives up the deliveries still waiting for it (they become failed; each can be redelivered).',
        params: IdParams,
        body: Type.Object(
          {
            url: Type.Optional(UrlInput),
            events: Type.Optional(EventsInput),
            active: Type.Optional(Type.Boolean()),
            description: Type.Optional(Nullable(DescriptionInput)),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Subscription },
      },
    },
    async (request) =>
      presentSubscription(
        await updateWebhookSubscription(ctx, actorOf(request), request.params.id, request.body),
      ),
  )

  app.delete(
    '/api/webhooks/:id',
    { schema: { tags, summary: 'Delete a subscription and its delivery history', params: IdParams } },
    async (request, reply) => {
      await deleteWebhookSubscription(ctx, actorOf(request), request.params.id)
      return reply.status(204).send()
    },
  )

  app.post(
    '/api/webhooks/:id/rotate-secret',
    {
      schema: {
        tags,
        summary: 'Replace the signing secret at once; answers the new one once',
        params: IdParams,
        response: { 200: WithSecret },
      },
    },
    async (request) => {
      const { subscription, secret } = await rotateWebhookSecret(ctx, actorOf(request), request.params.id)
      return { ...presentSubscription(subscription), secret }
    },
  )

  app.get(
    '/api/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Recent deliveries, newest first, with their status, attempts and last answer',
        params: IdParams,
        querystring: Type.Object(
          {
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            before: Type.Optional(Type.Integer({ minimum: 1, description: 'Deliveries older than this id' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Delivery) }) },
      },
    },
    async (request) => {
      const items = await listWebhookDeliveries(ctx, actorOf(request), request.params.id, {
        limit: request.query.limit,
        beforeId: request.query.before,
      })
      return { items: items.map(presentDelivery) }
    },
  )

  app.post(
    '/api/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      schema: {
        tags,
        summary: 'Queue a delivery again, now, with the same event id and a fresh attempt budget',
        params: Type.Object({ id: Type.String({ maxLength: 64 }), deliveryId: Type.Integer({ minimum: 1 }) }),
        response: { 202: Delivery },
      },
    },
    async (request, reply) => {
      const { id, deliveryId } = request.params
      const delivery = await redeliverWebhook(ctx, actorOf(request), id, deliveryId)
      return reply.status(202).send(presentDelivery(delivery))
    },
  )

  app.post(
    '/api/webhooks/:id/ping',
    {
      schema: {
        tags,
        summary: 'Queue a `ping` event to this subscription (to try the receiver and its signature check)',
        params: IdParams,
        response: { 202: Delivery },
      },
    },
    async (request, reply) => {
      const delivery = await pingWebhook(ctx, actorOf(request), request.params.id)
      return reply.status(202).send(presentDelivery(delivery))
    },
  )
}
