import Type from 'typebox'
import { findCustomer } from '../customers/customers.data.ts'
import { type Actor, isSupportEngineer } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { forbidden, notFound } from '../platform/errors.ts'
import { isUuid } from '../platform/ids.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import { type AuditRow, listAudit } from './audit.data.ts'

/**
 * Who may read a tenant's audit events: the vendor's engineers (all), the tenant's own
 * administrators (all events about it), and a partner's staff (what their own partner did for one
 * of its customers, or in its own tenant — never another partner's actions).
 */
async function auditScope(ctx: AppContext, actor: Actor, tenant: string | undefined) {
  const tenantId = tenant ?? actor.homeTenantId
  if (!isUuid(tenantId)) throw notFound()
  if (actor.delegated) throw forbidden()
  if (isSupportEngineer(actor)) return { tenantId }
  if (actor.homeTenantKind === 'customer') {
    if (tenantId !== actor.homeTenantId) throw notFound()
    if (!actor.roles.includes('global_admin')) throw forbidden()
    return { tenantId }
  }
  if (!actor.roles.some((r) => ['admin_agent', 'helpdesk_agent', 'global_admin'].includes(r)))
    throw forbidden()
  if (tenantId !== actor.homeTenantId && !(await findCustomer(ctx.db, actor.homeTenantId, tenantId)))
    throw notFound()
  return { tenantId, actorTenantId: actor.homeTenantId }
}

const COLUMNS: (keyof AuditRow)[] = [
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
]

/** RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with a quote. */
function csvCell(value: unknown): string {
  let text =
    value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(rows: AuditRow[]): string {
  return (
    [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n'
  )
}

export function registerAuditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: "A tenant's audit events, newest first (JSON, or CSV with format=csv)",
        querystring: Type.Object(
          {
            tenant: Type.Optional(Type.String({ maxLength: 64 })),
            format: Type.Enum(['json', 'csv'], { default: 'json' }),
            limit: Type.Integer({ minimum: 1, maximum: 5000, default: 100 }),
            before: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const scope = await auditScope(ctx, actorOf(request), request.query.tenant)
      const rows = await listAudit(ctx.db, scope.tenantId, {
        ...(scope.actorTenantId ? { actorTenantId: scope.actorTenantId } : {}),
        limit: request.query.limit,
        ...(request.query.before ? { beforeId: request.query.before } : {}),
      })
      if (request.query.format === 'csv') {
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="audit-${scope.tenantId}.csv"`)
        return toCsv(rows)
      }
      return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) }
    },
  )
}
