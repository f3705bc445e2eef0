import type { AppContext } from '../platform/context.ts'
import { healthCustomerIds } from '../health/health.data.ts'
import { sendNotice } from './notices.ts'

/** A notice names this many customers; the count says how many there are in all. */
const NAMED_CUSTOMERS = 3

/**
 * One notice per incident to each partner user whose customers it affects (among the customers
 * whose health they may read, R4): "affects N of your customers: …". Sent again after an update, it
 * adds nothing for those already told (the dedupe key is the incident and the person).
 */
export async function sendIncidentNotices(ctx: AppContext, incidentId: string): Promise<number> {
  const incident = await ctx.db
    .selectFrom('incidents')
    .select(['id', 'title', 'all_tenants', 'is_resolved'])
    .where('id', '=', incidentId)
    .executeTakeFirst()
  if (!incident || incident.is_resolved) return 0
  const affected = incident.all_tenants
    ? null
    : new Set(
        (
          await ctx.db
            .selectFrom('incident_tenants')
            .select('tenant_id')
            .where('incident_id', '=', incidentId)
            .execute()
        ).map((r) => r.tenant_id),
      )
  if (affected?.size === 0) return 0
  // the staff of the partners that serve an affected customer (as its partner or indirect provider)
  const relationships = await ctx.db
    .selectFrom('customer_relationships')
    .select(['partner_tenant_id', 'indirect_provider_tenant_id'])
    .$if(affected !== null, (q) => q.where('customer_tenant_id', 'in', [...affected!]))
    .execute()
  const partners = [
    ...new Set(
      relationships.flatMap((r) => [r.partner_tenant_id, r.indirect_provider_tenant_id ?? []]).flat(),
    ),
  ]
  if (partners.length === 0) return 0
  const staff = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('disabled', '=', false)
    .where('tenant_id', 'in', partners)
    .execute()
  const now = ctx.now()
  let sent = 0
  for (const { id: userId } of staff) {
    const theirs = (await healthCustomerIds(ctx.db, userId, now)).filter((t) => !affected || affected.has(t))
    if (theirs.length === 0) continue
    const names = (
      await ctx.db
        .selectFrom('tenants')
        .select('display_name')
        .where('id', 'in', theirs)
        .orderBy('display_name')
        .execute()
    ).map((t) => t.display_name)
    const shown = names.slice(0, NAMED_CUSTOMERS).join(', ') + (names.length > NAMED_CUSTOMERS ? ', …' : '')
    const isNew = await sendNotice(ctx.db, ctx, {
      userId,
      kind: 'health.incident_affects_customers',
      params: { incident: incident.id, title: incident.title, count: String(names.length), customers: shown },
      link: `/health/incidents/${incident.id}`,
      dedupeKey: `incident-affects:${incident.id}:${userId}`,
    })
    if (isNew) sent++
  }
  return sent
}
