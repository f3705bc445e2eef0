import { recordAudit } from '../audit/audit.data.ts'
import { resolveAccess } from '../gdap/access.data.ts'
import { type Actor, isSupportEngineer, auditActor } from '../identity/actor.ts'
import { sendIncidentNotices } from '../notifications/incident-notices.ts'
import { sendNotice } from '../notifications/notices.ts'
import type { AppContext } from '../platform/context.ts'
import type { IncidentStatus, WorkloadId } from '../platform/db/schema.ts'
import { AppError, forbidden, notFound, validationFailed } from '../platform/errors.ts'
import { isUuid } from '../platform/ids.ts'
import {
  affectedCustomers,
  affectedTenantIds,
  findIncident,
  healthCustomerIds,
  type IncidentRecord,
  insertIncident,
  insertPost,
  listIncidents,
  replaceAffectedTenants,
  updateIncident,
} from './health.data.ts'

/**
 * Service health (R4): the vendor's engineers publish incidents and advisories; a customer's
 * administrators read their tenant's health; a partner user reads a customer's health where GDAP
 * gives them a role with the service-health permission — the same rule for the portal, the live
 * stream, Graph and Partner Center.
 */

export const HEALTH_TOPIC = 'health.incident'

/** May the actor read `tenantId`'s service health now? */
export async function canReadHealth(ctx: AppContext, actor: Actor, tenantId: string): Promise<boolean> {
  if (!isUuid(tenantId)) return false
  if (isSupportEngineer(actor)) return true
  if (actor.delegated && actor.contextTenantId !== tenantId) return false
  // an application on its own (ServiceHealth.Read.All, checked on the route) reads its own tenant
  if (actor.principal === 'application') return tenantId === actor.homeTenantId
  if (actor.homeTenantKind === 'customer')
    return tenantId === actor.homeTenantId && actor.roles.includes('global_admin')
  if (actor.homeTenantKind !== 'partner') return false
  const grants = await resolveAccess(ctx.db, actor.userId, tenantId, ctx.now())
  return grants.some((g) => g.readsServiceHealth)
}

/** The tenants among `tenantIds` (or every tenant, when null) whose health the actor may read. */
export async function readableTenants(
  ctx: AppContext,
  actor: Actor,
  tenantIds: string[] | null,
): Promise<string[] | 'all'> {
  if (isSupportEngineer(actor)) return tenantIds ?? 'all'
  if (actor.principal === 'application') {
    return tenantIds === null || tenantIds.includes(actor.homeTenantId) ? [actor.homeTenantId] : []
  }
  if (actor.homeTenantKind === 'customer') {
    const own = actor.roles.includes('global_admin') ? [actor.homeTenantId] : []
    return tenantIds === null ? own : own.filter((t) => tenantIds.includes(t))
  }
  if (actor.homeTenantKind !== 'partner') return []
  let visible = await healthCustomerIds(ctx.db, actor.userId, ctx.now())
  if (actor.delegated) visible = visible.filter((t) => t === actor.contextTenantId)
  return tenantIds === null ? visible : visible.filter((t) => tenantIds.includes(t))
}

/** The tenants of an incident the actor may see it for; empty when the incident is none of theirs. */
export async function visibleFor(
  ctx: AppContext,
  actor: Actor,
  incident: IncidentRecord,
): Promise<string[] | 'all'> {
  return readableTenants(
    ctx,
    actor,
    incident.allTenants ? null : await affectedTenantIds(ctx.db, incident.id),
  )
}

export async function incidentForActor(
  ctx: AppContext,
  actor: Actor,
  id: string,
  tenantId?: string,
): Promise<IncidentRecord> {
  const incident = await findIncident(ctx.db, id)
  if (!incident) throw notFound()
  const visible = await visibleFor(ctx, actor, incident)
  const seen = visible === 'all' || visible.length > 0
  if (!seen || (tenantId && visible !== 'all' && !visible.includes(tenantId))) throw notFound()
  return incident
}

export async function tenantIncidents(
  ctx: AppContext,
  actor: Actor,
  tenantId: string,
  filter: {
    activeOnly?: boolean
    workload?: WorkloadId
    serviceId?: string
    since?: Date
    classification?: 'incident' | 'advisory'
  } = {},
): Promise<IncidentRecord[]> {
  if (!(await canReadHealth(ctx, actor, tenantId))) throw notFound()
  return listIncidents(ctx.db, { ...filter, tenantId, offset: 0, limit: 500 })
}

export function affectedForPartner(
  ctx: AppContext,
  actor: Actor,
  filter: { serviceId?: string; workload?: WorkloadId; classification?: 'incident' | 'advisory' },
) {
  if (actor.homeTenantKind !== 'partner') throw forbidden()
  return affectedCustomers(ctx.db, actor.userId, ctx.now(), {
    ...filter,
    ...(actor.delegated ? { tenantId: actor.contextTenantId } : {}),
  })
}

// ── publishing (the vendor's support engineers) ─────────────────────────────────────────

export interface PublishInput {
  title: string
  classification: 'incident' | 'advisory'
  status: IncidentStatus
  impactDescription: string
  serviceIds: string[]
  tenantIds: string[] | null
  feature?: string | undefined
  featureGroup?: string | undefined
  highImpact?: boolean | undefined
  startAt?: Date | undefined
  message: string
}

async function checkServices(ctx: AppContext, ids: string[]): Promise<void> {
  if (ids.length === 0) throw validationFailed('serviceIds must name at least one service')
  const known = await ctx.db.selectFrom('health_services').select('id').where('id', 'in', ids).execute()
  if (known.length !== new Set(ids).size)
    throw validationFailed('serviceIds names a service that does not exist')
}

async function checkTenants(ctx: AppContext, ids: string[] | null): Promise<void> {
  if (ids === null) return
  if (ids.length === 0)
    throw validationFailed('tenantIds must name at least one tenant, or be null for every tenant')
  if (!ids.every(isUuid)) throw validationFailed('tenantIds must be tenant ids')
  const known = await ctx.db
    .selectFrom('tenants')
    .select('id')
    .where('id', 'in', ids)
    .where('kind', '!=', 'vendor')
    .execute()
  if (known.length !== new Set(ids).size)
    throw validationFailed('tenantIds names a tenant that does not exist')
}

function requireEngineer(actor: Actor): void {
  if (!isSupportEngineer(actor)) throw forbidden()
}

export async function publishIncident(
  ctx: AppContext,
  actor: Actor,
  input: PublishInput,
): Promise<IncidentRecord> {
  requireEngineer(actor)
  await checkServices(ctx, input.serviceIds)
  await checkTenants(ctx, input.tenantIds)
  const now = ctx.now()
  const id = await ctx.db.transaction().execute(async (trx) => {
    const incidentId = await insertIncident(
      trx,
      {
        title: input.title.trim(),
        classification: input.classification,
        status: input.status,
        feature: input.feature ?? null,
        featureGroup: input.featureGroup ?? null,
        impactDescription: input.impactDescription.trim(),
        highImpact: input.highImpact ?? false,
        serviceIds: input.serviceIds,
        tenantIds: input.tenantIds,
        startAt: input.startAt ?? now,
        firstPost: input.message.trim(),
        createdByUserId: actor.userId,
      },
      now,
    )
    await recordAudit(trx, {
      ...auditActor(actor),
      tenantId: null,
      action: 'health.incident.publish',
      targetType: 'incident',
      targetId: incidentId,
      result: 'done',
      details: { services: input.serviceIds, tenants: input.tenantIds ?? 'all', status: input.status },
    })
    return incidentId
  })
  await sendIncidentNotices(ctx, id)
  await ctx.events.publish(HEALTH_TOPIC, { incidentId: id, kind: 'published' })
  return (await findIncident(ctx.db, id))!
}

export interface IncidentUpdate {
  status?: IncidentStatus | undefined
  title?: string | undefined
  impactDescription?: string | undefined
  highImpact?: boolean | undefined
  tenantIds?: string[] | null | undefined
  message?: string | undefined
  postType?: 'regular' | 'quick' | 'strategic' | undefined
}

export async function updateIncidentAsEngineer(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  update: IncidentUpdate,
): Promise<IncidentRecord> {
  requireEngineer(actor)
  const incident = await findIncident(ctx.db, id)
  if (!incident) throw notFound()
  if (expectedVersion !== undefined && expectedVersion !== incident.version) {
    throw new AppError(412, 'version_conflict', 'error.version_conflict')
  }
  if (update.tenantIds !== undefined) await checkTenants(ctx, update.tenantIds)
  const now = ctx.now()
  const removedTenants = await tenantsTakenAway(ctx, incident, update.tenantIds)
  const postId = await ctx.db.transaction().execute(async (trx) => {
    const ok = await updateIncident(
      trx,
      id,
      incident.version,
      {
        ...(update.status ? { status: update.status } : {}),
        ...(update.title ? { title: update.title.trim() } : {}),
        ...(update.impactDescription ? { impact_description: update.impactDescription.trim() } : {}),
        ...(update.highImpact !== undefined ? { high_impact: update.highImpact } : {}),
      },
      now,
    )
    if (!ok) throw new AppError(412, 'version_conflict', 'error.version_conflict')
    if (update.tenantIds !== undefined) await replaceAffectedTenants(trx, id, update.tenantIds)
    const post = update.message
      ? await insertPost(
          trx,
          id,
          update.postType ?? 'regular',
          update.status ?? incident.status,
          update.message.trim(),
          actor.userId,
          now,
        )
      : null
    await recordAudit(trx, {
      ...auditActor(actor),
      tenantId: null,
      action: 'health.incident.update',
      targetType: 'incident',
      targetId: id,
      result: 'done',
      details: { from: incident.status, to: update.status ?? incident.status, post: post !== null },
    })
    return post
  })
  await notifyFollowers(ctx, id, postId ?? `v${incident.version + 1}`)
  await sendIncidentNotices(ctx, id)
  await ctx.events.publish(HEALTH_TOPIC, { incidentId: id, kind: 'updated', removedTenants })
  return (await findIncident(ctx.db, id))!
}

/** Beyond this many, an event says "some tenants" ('all') rather than naming them (events stay small). */
const MAX_NAMED_REMOVALS = 100

/**
 * The tenants an update takes away from an incident: their viewers must hear that it is withdrawn
 * (the stream checks each viewer against them), since the incident no longer reaches them.
 */
async function tenantsTakenAway(
  ctx: AppContext,
  incident: IncidentRecord,
  next: string[] | null | undefined,
): Promise<string[] | 'all'> {
  if (next === undefined || next === null) return []
  if (incident.allTenants) return 'all'
  const removed = (await affectedTenantIds(ctx.db, incident.id)).filter((t) => !next.includes(t))
  return removed.length > MAX_NAMED_REMOVALS ? 'all' : removed
}

async function notifyFollowers(ctx: AppContext, incidentId: string, change: number | string): Promise<void> {
  const incident = (await findIncident(ctx.db, incidentId))!
  const followers = await ctx.db
    .selectFrom('incident_followers')
    .select('user_id')
    .where('incident_id', '=', incidentId)
    .execute()
  for (const f of followers) {
    await sendNotice(ctx.db, ctx, {
      userId: f.user_id,
      kind: 'health.incident_updated',
      params: { incident: incident.id, title: incident.title, status: incident.status },
      link: `/health/incidents/${incident.id}`,
      dedupeKey: `incident:${incident.id}:${change}:${f.user_id}`,
    })
  }
}

/** Follow an incident the actor may see: its updates come as notifications. */
export async function followIncident(
  ctx: AppContext,
  actor: Actor,
  id: string,
  follow: boolean,
): Promise<void> {
  await incidentForActor(ctx, actor, id)
  if (follow) {
    await ctx.db
      .insertInto('incident_followers')
      .values({ incident_id: id, user_id: actor.userId })
      .onConflict((oc) => oc.columns(['incident_id', 'user_id']).doNothing())
      .execute()
  } else {
    await ctx.db
      .deleteFrom('incident_followers')
      .where('incident_id', '=', id)
      .where('user_id', '=', actor.userId)
      .execute()
  }
}
