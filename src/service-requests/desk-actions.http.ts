import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { AppError } from '../platform/errors.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { normalizeError } from '../platform/http/http-errors.ts'
import type { App } from '../platform/http/server.ts'
import { listAssignees } from './desk-assignees.data.ts'
import { BulkChangeBodySchema, BulkChangeResultSchema } from './desk-bulk.schema.ts'
import { applyBulkChange, bulkChangeOf } from './desk-bulk.service.ts'

const AssigneesSchema = Type.Object({
  items: Type.Array(Type.Object({ userId: Type.String(), name: Type.String(), email: Type.String() })),
})

/** The desk's actions on the list: whom to assign to, and one change to several requests at once. */
export function registerDeskActionRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/desk/assignees',
    {
      schema: {
        tags: ['service requests'],
        summary:
          'Whom the caller may assign requests to: the vendor’s engineers (for an engineer), the partner’s admin and helpdesk agents (for partner staff)',
        response: { 200: AssigneesSchema },
      },
    },
    async (request) => ({ items: await listAssignees(ctx.db, actorOf(request)) }),
  )

  app.post(
    '/api/service-requests/bulk',
    {
      schema: {
        tags: ['service requests'],
        summary:
          'Assign or close several requests at once, each as its own change; answers each one’s outcome',
        description:
          'Each item is changed exactly as `PATCH /api/service-requests/{id}` (assign) or `POST …/close` would change it — the same rules, its own audit event, emails and webhooks — only if it is still at the `version` given. Items are independent: the answer lists, in order, each one applied (new version) or refused (the status, code and message the single change would have answered). Up to 100 items; an id listed twice is a 400 and nothing changes.',
        body: BulkChangeBodySchema,
        response: { 200: BulkChangeResultSchema },
      },
    },
    async (request) => {
      const body = request.body
      const change = bulkChangeOf(body)
      const outcomes = await applyBulkChange(ctx, actorOf(request), change, body.items)
      const results = outcomes.map((o) => {
        if (o.ok) {
          const r = o.request
          return {
            id: o.id,
            ok: true,
            version: r.version,
            status: r.status,
            assignedTo: r.assignedToUserId ? { userId: r.assignedToUserId, name: r.assignedToName } : null,
          }
        }
        if (!(o.error instanceof AppError))
          request.log.error({ err: o.error, requestId: o.id }, 'bulk change failed')
        const { status, code, message, details } = normalizeError(o.error, request)
        return {
          id: o.id,
          ok: false,
          error: { status, code, message, ...(details === undefined ? {} : { details }) },
        }
      })
      const applied = results.filter((r) => r.ok).length
      return { action: body.action, applied, refused: results.length - applied, results }
    },
  )
}
