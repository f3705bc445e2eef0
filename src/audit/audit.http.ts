import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import { chainStatus, type MarkedAuditRow, readAudit, verifyForAuditor } from './audit.service.ts'

const COLUMNS: (keyof MarkedAuditRow)[] = [
  'id',
  'at',
  'actorEmail',
  'actorTenantName',
  'tenantId',
  'relationshipId',
  'roleName',
  'action',
  'targetType',
  'targetId',
  'rule',
  'result',
  'reason',
  'applicationId',
  'integrity',
]

/** RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with a quote. */
function csvCell(value: unknown): string {
  let text =
    value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(rows: MarkedAuditRow[]): string {
  return (
    [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n'
  )
}

const HASH = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const

export function registerAuditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          "Audit events, newest first, each marked with its integrity (JSON, or CSV with format=csv): one tenant's, one request's, or — for auditors — every tenant's",
        querystring: Type.Object(
          {
            tenant: Type.Optional(Type.String({ maxLength: 64 })),
            request: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            format: Type.Enum(['json', 'csv'], { default: 'json' }),
            limit: Type.Integer({ minimum: 1, maximum: 5000, default: 100 }),
            before: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { items, chain } = await readAudit(ctx, actorOf(request), request.query)
      if (request.query.format === 'csv') {
        const name = request.query.tenant ?? request.query.request ?? 'all'
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="audit-${name.replace(/[^\w-]/g, '')}.csv"`)
        return toCsv(items)
      }
      return { items: items.map((r) => ({ ...r, at: r.at.toISOString() })), chain }
    },
  )

  app.get(
    '/api/audit/chain',
    {
      schema: {
        tags: ['audit'],
        summary:
          "The audit chain's head, how far it is sealed, the last scheduled check and anchored heads (auditors)",
      },
    },
    async (request) => chainStatus(ctx, actorOf(request)),
  )

  app.post(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Verify the whole audit chain now, also against heads anchored outside the database; names the first broken link (auditors)',
        body: Type.Optional(
          Type.Object(
            {
              anchors: Type.Array(
                Type.Object(
                  { eventId: Type.Integer({ minimum: 1 }), chainHash: Type.Unsafe<string>(HASH) },
                  { additionalProperties: false },
                ),
                { maxItems: 100, default: [] },
              ),
            },
            { additionalProperties: false },
          ),
        ),
      },
    },
    async (request) =>
      verifyForAuditor(
        ctx,
        actorOf(request),
        (request.body?.anchors ?? []).map((a) => ({ ...a, source: 'request' })),
      ),
  )
}
