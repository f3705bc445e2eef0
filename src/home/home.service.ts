import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { healthCustomerIds } from '../health/health.data.ts'
import { listRequestsForActor } from '../service-requests/service-requests.service.ts'
import type { RequestFilters } from '../service-requests/request-list.data.ts'
import type { ServiceRequestRecord } from '../service-requests/service-requests.data.ts'

/** Each list on a home page shows this many items; its count says how many there are. */
export const HOME_ITEMS = 5
/** A GDAP relationship ending this soon is news on the partner's home… */
const GDAP_WINDOW_DAYS = 30
/** …and one lost this recently (with no live relationship in its place). */
const GDAP_LOST_DAYS = 180
const DAY_MS = 86_400_000

export interface RequestSection {
  total: number
  totalCapped: boolean
  items: ServiceRequestRecord[]
}

export interface IncidentItem {
  incidentId: string
  title: string
  status: string
  customers: { tenantId: string; name: string }[]
}

export interface GdapItem {
  relationshipId: string
  displayName: string
  customerTenantId: string | null
  customerName: string | null
  status: 'expiring' | 'expired' | 'terminated'
  endAt: Date | null
}

export type Home =
  | {
      persona: 'partner'
      waitingOnYou: RequestSection
      sentToYou: RequestSection
      atRisk: RequestSection
      incidents: IncidentItem[]
      gdap: GdapItem[]
    }
  | { persona: 'customer'; waitingOnYou: RequestSection; open: RequestSection; incidents: IncidentItem[] }
  | { persona: 'vendor'; queue: RequestSection; atRisk: RequestSection }

async function section(
  ctx: AppContext,
  actor: Actor,
  filters: Partial<RequestFilters>,
): Promise<RequestSection> {
  const page = await listRequestsForActor(ctx, actor, {
    sort: 'due',
    ...filters,
    offset: 0,
    limit: HOME_ITEMS,
    withTotal: true,
  })
  return { total: page.total ?? page.items.length, totalCapped: page.totalCapped, items: page.items }
}

/**
 * What needs the signed-in person now, by who they are. Partner staff: requests waiting on their
 * reply (the vendor asked them for information), requests their customers sent them, requests
 * whose first-response target is at risk or missed, incidents affecting their customers, GDAP
 * relationships ending or lost. A customer administrator: what waits on them, their open requests
 * and incidents affecting them. The vendor's engineers: the queue, most urgent clock first.
 */
export async function homeFor(ctx: AppContext, actor: Actor): Promise<Home> {
  if (actor.homeTenantKind === 'vendor') {
    const [queue, atRisk] = await Promise.all([
      section(ctx, actor, { status: 'open' }),
      section(ctx, actor, { sla: 'at_risk' }),
    ])
    return { persona: 'vendor', queue, atRisk }
  }
  if (actor.homeTenantKind === 'customer') {
    const [waitingOnYou, open, incidents] = await Promise.all([
      section(ctx, actor, { status: 'attention_needed' }),
      section(ctx, actor, { status: 'open' }),
      incidentsAffecting(ctx, [actor.homeTenantId]),
    ])
    return { persona: 'customer', waitingOnYou, open, incidents }
  }
  const [waitingOnYou, sentToYou, atRisk, breached, customers, gdap] = await Promise.all([
    section(ctx, actor, { status: 'attention_needed', handledBy: 'vendor' }),
    section(ctx, actor, { status: 'open', handledBy: 'partner' }),
    section(ctx, actor, { sla: 'at_risk' }),
    section(ctx, actor, { sla: 'breached', status: 'open' }),
    healthCustomerIds(ctx.db, actor.userId, ctx.now()),
    gdapNews(ctx, actor.homeTenantId),
  ])
  const risky: RequestSection = {
    total: atRisk.total + breached.total,
    totalCapped: atRisk.totalCapped || breached.totalCapped,
    items: [...atRisk.items, ...breached.items].slice(0, HOME_ITEMS),
  }
  return {
    persona: 'partner',
    waitingOnYou,
    sentToYou,
    atRisk: risky,
    incidents: await incidentsAffecting(ctx, customers),
    gdap,
  }
}

/** The unresolved incidents affecting any of `tenantIds`, with the tenants each affects. */
async function incidentsAffecting(ctx: AppContext, tenantIds: string[]): Promise<IncidentItem[]> {
  if (tenantIds.length === 0) return []
  const rows = await ctx.db
    .selectFrom('incidents as i')
    .leftJoin('incident_tenants as it', 'it.incident_id', 'i.id')
    .innerJoin('tenants as t', (join) =>
      join.on((eb) =>
        eb.and([
          eb('t.id', 'in', tenantIds),
          eb.or([eb('i.all_tenants', '=', true), eb('t.id', '=', eb.ref('it.tenant_id'))]),
        ]),
      ),
    )
    .select(['i.id', 'i.title', 'i.status', 'i.start_at', 't.id as tenantId', 't.display_name as name'])
    .where('i.is_resolved', '=', false)
    .orderBy('i.start_at', 'desc')
    .orderBy('t.display_name')
    .execute()
  const byIncident = new Map<string, IncidentItem>()
  for (const r of rows) {
    const item = byIncident.get(r.id) ?? { incidentId: r.id, title: r.title, status: r.status, customers: [] }
    if (!item.customers.some((c) => c.tenantId === r.tenantId))
      item.customers.push({ tenantId: r.tenantId, name: r.name })
    byIncident.set(r.id, item)
  }
  return [...byIncident.values()]
}

/** The partner's GDAP relationships ending soon (not auto-extended), or lost and not replaced. */
async function gdapNews(ctx: AppContext, partnerTenantId: string): Promise<GdapItem[]> {
  const now = ctx.now()
  const soon = new Date(now.getTime() + GDAP_WINDOW_DAYS * DAY_MS)
  const since = new Date(now.getTime() - GDAP_LOST_DAYS * DAY_MS)
  const rows = await ctx.db
    .selectFrom('gdap_relationships as r')
    .leftJoin('tenants as c', 'c.id', 'r.customer_tenant_id')
    .select([
      'r.id',
      'r.display_name',
      'r.status',
      'r.end_at',
      'r.auto_extend_duration',
      'r.last_modified_at',
      'r.customer_tenant_id',
      'c.display_name as customerName',
    ])
    .where('r.partner_tenant_id', '=', partnerTenantId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('r.status', 'in', ['active', 'expiring']),
          eb('r.end_at', '<=', soon),
          eb('r.auto_extend_duration', '<>', 'P180D'),
        ]),
        // lost: ended, and no live relationship with the customer took its place
        eb.and([
          eb('r.status', 'in', ['expired', 'terminated']),
          eb('r.last_modified_at', '>=', since),
          eb.not(
            eb.exists(
              eb
                .selectFrom('gdap_relationships as live')
                .select('live.id')
                .whereRef('live.partner_tenant_id', '=', 'r.partner_tenant_id')
                .whereRef('live.customer_tenant_id', '=', 'r.customer_tenant_id')
                .where('live.status', 'in', ['active', 'expiring']),
            ),
          ),
        ]),
      ]),
    )
    .orderBy('r.end_at')
    .limit(20)
    .execute()
  return rows.map((r) => ({
    relationshipId: r.id,
    displayName: r.display_name,
    customerTenantId: r.customer_tenant_id,
    customerName: r.customerName,
    status:
      r.status === 'terminated'
        ? 'terminated'
        : r.status === 'expired' || (r.end_at !== null && r.end_at <= now)
          ? 'expired'
          : 'expiring',
    endAt: r.end_at,
  }))
}
