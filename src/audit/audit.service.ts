import { findCustomer } from '../customers/customers.data.ts'
import { type Actor, isAuditor, isSupportEngineer } from '../identity/actor.ts'
import { findVendorName } from '../identity/vendor.data.ts'
import type { AppContext } from '../platform/context.ts'
import { notFound } from '../platform/errors.ts'
import { isUuid } from '../platform/ids.ts'
import { chainHead, countEventsAfter, readChainState } from './audit-chain.data.ts'
import { type Integrity, integrityOf } from './audit-integrity.ts'
import { type Anchor, type ChainBreak, verifyChain, type VerifyReport } from './audit-verify.ts'
import { type AuditFilter, type AuditRow, listAudit, worksRequest } from './audit.data.ts'
import { AuditError } from './audit.messages.ts'

/**
 * Who reads which audit events:
 * - the vendor's auditors: every tenant's (all events, or one tenant's), and the chain itself;
 * - the vendor's support engineers: the events of the requests they work (audit.data.ts);
 * - a customer's global administrators: every event about their tenant;
 * - a partner's admin agents, helpdesk agents and global administrators: what their own partner
 *   did in its tenant or for one of its customers — never another partner's actions.
 * Always in one's own tenant's context (a delegated token is refused).
 */
export async function auditFilter(
  ctx: AppContext,
  actor: Actor,
  query: { tenant?: string | undefined; request?: string | undefined },
): Promise<AuditFilter> {
  if (actor.delegated) throw new AuditError(403, 'own_context_required')
  if (query.tenant !== undefined && !isUuid(query.tenant)) throw notFound()
  if (isAuditor(actor)) return { kind: 'all', ...(query.tenant ? { tenantId: query.tenant } : {}) }
  if (isSupportEngineer(actor)) {
    if (query.request && !(await worksRequest(ctx.db, actor.userId, query.request)))
      throw new AuditError(403, 'request_not_worked', { request: query.request })
    return { kind: 'worked', userId: actor.userId, ...(query.tenant ? { tenantId: query.tenant } : {}) }
  }
  if (actor.homeTenantKind === 'vendor') throw await auditorRequired(ctx)
  const tenantId = query.tenant ?? actor.homeTenantId
  if (actor.homeTenantKind === 'customer') {
    if (tenantId !== actor.homeTenantId) throw notFound()
    if (!actor.roles.includes('global_admin')) throw new AuditError(403, 'audit_admin_required')
    return { kind: 'tenant', tenantId }
  }
  if (!actor.roles.some((r) => ['admin_agent', 'helpdesk_agent', 'global_admin'].includes(r)))
    throw new AuditError(403, 'audit_admin_required')
  if (tenantId !== actor.homeTenantId && !(await findCustomer(ctx.db, actor.homeTenantId, tenantId)))
    throw notFound()
  return { kind: 'tenant', tenantId, actorTenantId: actor.homeTenantId }
}

export type MarkedAuditRow = AuditRow & { integrity: Integrity }

/** The chain as a reader sees it: the last scheduled check (auditors also get where it broke). */
export interface ChainSummary {
  status: 'intact' | 'broken' | 'unchecked'
  checkedAt: string | null
  firstBreak?: ChainBreak | null
}

export async function readAudit(
  ctx: AppContext,
  actor: Actor,
  query: {
    tenant?: string | undefined
    request?: string | undefined
    limit: number
    before?: number | undefined
  },
): Promise<{ items: MarkedAuditRow[]; chain: ChainSummary }> {
  const filter = await auditFilter(ctx, actor, query)
  const rows = await listAudit(ctx.db, filter, {
    limit: query.limit,
    ...(query.before ? { beforeId: query.before } : {}),
    ...(query.request ? { requestId: query.request } : {}),
  })
  const [marks, state] = await Promise.all([
    integrityOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
    readChainState(ctx.db),
  ])
  const report = state.checkReport as { firstBreak?: ChainBreak | null } | null
  return {
    items: rows.map((r) => ({ ...r, integrity: marks.get(r.id) ?? 'altered' })),
    chain: {
      status: state.checkStatus ?? 'unchecked',
      checkedAt: state.checkedAt?.toISOString() ?? null,
      ...(isAuditor(actor) ? { firstBreak: report?.firstBreak ?? null } : {}),
    },
  }
}

async function requireAuditor(ctx: AppContext, actor: Actor): Promise<void> {
  if (actor.delegated) throw new AuditError(403, 'own_context_required')
  if (!isAuditor(actor)) throw await auditorRequired(ctx)
}

/** The refusal names the vendor whose auditors read every trail ("Contoso Cloud"). */
async function auditorRequired(ctx: AppContext): Promise<AuditError> {
  return new AuditError(403, 'auditor_required', { vendor: (await findVendorName(ctx.db)) ?? 'Tramite' })
}

/** The chain's head, how far it is sealed, and the last scheduled check (auditors only). */
export async function chainStatus(ctx: AppContext, actor: Actor) {
  await requireAuditor(ctx, actor)
  const [head, state, anchors] = await Promise.all([
    chainHead(ctx.db),
    readChainState(ctx.db),
    ctx.db
      .selectFrom('audit_anchors')
      .select(['event_id as eventId', 'chain_hash as chainHash', 'target', 'anchored_at as anchoredAt'])
      .orderBy('id', 'desc')
      .limit(5)
      .execute(),
  ])
  return {
    head,
    sealedThrough: state.sealedThrough,
    pendingEvents: await countEventsAfter(ctx.db, head?.eventId ?? 0),
    lastCheck: {
      status: state.checkStatus ?? 'unchecked',
      checkedAt: state.checkedAt?.toISOString() ?? null,
      report: state.checkReport,
    },
    anchors: anchors.map((a) => ({ ...a, anchoredAt: a.anchoredAt.toISOString() })),
  }
}

/** Verifies the whole chain now, against the anchored heads given and those recorded (auditors only). */
export async function verifyForAuditor(
  ctx: AppContext,
  actor: Actor,
  anchors: Anchor[],
): Promise<VerifyReport> {
  await requireAuditor(ctx, actor)
  return verifyChain(ctx.db, { anchors })
}
