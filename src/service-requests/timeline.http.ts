import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import { TimelineSchema } from './timeline.schema.ts'
import { getTimelineForActor } from './timeline.service.ts'

/** GET /api/service-requests/{id}/timeline: one request's life, as the caller may read it. */
export function registerTimelineRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/service-requests/:id/timeline',
    {
      schema: {
        tags: ['service requests'],
        summary: 'A request’s life: the filing, notes and every change, oldest first',
        description:
          'Entries: `created`, `note`, `status` (with the reason given to close or reopen), `severity`, `assignment`, `external_reference`, `attachment`, `sla_breached`, `escalated` (the request filed with the vendor for it) and `incident_resolved` (the linked incident). Internal notes and internal changes (assignment) only for whoever works the request. `links` holds the escalation both ways.',
        params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
        response: { 200: TimelineSchema },
      },
    },
    async (request) => getTimelineForActor(ctx, actorOf(request), request.params.id),
  )
}
