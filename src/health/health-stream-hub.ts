import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { affectedTenantIds, findIncident, type IncidentRecord } from './health.data.ts'
import { HEALTH_TOPIC, readableTenants } from './health.service.ts'

/**
 * The live health streams of one process. It listens to the event bus once, whatever the number of
 * open streams, and works out each event once per viewer — streams are grouped by who is looking
 * (user, application, delegated context, roles, tenant filter) — then writes the same text to
 * every stream of the group. So 1,000 streams of one partner cost one GDAP query per event, not
 * 1,000, and an event's incident and tenants are read once for all viewers.
 */
export interface HealthStreamHub {
  /** Adds a stream; answers the function that removes it. */
  open(actor: Actor, only: string | undefined, write: (text: string) => void): () => void
  /** Open streams, and distinct viewers among them. */
  size(): { streams: number; viewers: number }
  /** Resolves once every event published so far has been written to the streams. */
  idle(): Promise<void>
}

interface Viewer {
  actor: Actor
  only: string | undefined
  streams: Set<(text: string) => void>
}

const viewerKey = (actor: Actor, only: string | undefined): string =>
  JSON.stringify([
    actor.userId,
    actor.principal,
    actor.applicationId,
    actor.homeTenantId,
    actor.contextTenantId,
    actor.delegated,
    [...actor.roles].sort(),
    actor.permissions,
    only ?? null,
  ])

/** How an incident is shown on the wire (the REST reads' presenter). */
type Present = (incident: IncidentRecord) => unknown

export function createHealthStreamHub(
  ctx: AppContext,
  present: Present,
  onError: (error: unknown) => void = () => undefined,
): HealthStreamHub {
  const viewers = new Map<string, Viewer>()
  let streams = 0
  let unsubscribe: (() => void) | null = null
  let queue = Promise.resolve()

  const onEvent = (payload: Record<string, unknown>) => {
    // one event at a time, in order
    queue = queue.then(() => broadcast(ctx, present, payload, [...viewers.values()])).catch(onError)
  }

  return {
    open(actor, only, write) {
      const key = viewerKey(actor, only)
      let viewer = viewers.get(key)
      if (!viewer) {
        viewer = { actor, only, streams: new Set() }
        viewers.set(key, viewer)
      }
      viewer.streams.add(write)
      streams++
      unsubscribe ??= ctx.events.subscribe(HEALTH_TOPIC, onEvent)
      let open = true
      return () => {
        if (!open) return
        open = false
        streams--
        viewer.streams.delete(write)
        if (viewer.streams.size === 0 && viewers.get(key) === viewer) viewers.delete(key)
        if (streams === 0) {
          unsubscribe?.()
          unsubscribe = null
        }
      }
    },
    size: () => ({ streams, viewers: viewers.size }),
    idle: () => queue,
  }
}

async function broadcast(
  ctx: AppContext,
  present: Present,
  payload: Record<string, unknown>,
  viewers: Viewer[],
): Promise<void> {
  if (viewers.length === 0) return
  const incident = await findIncident(ctx.db, String(payload.incidentId))
  if (!incident) return
  const tenantIds = incident.allTenants ? null : await affectedTenantIds(ctx.db, incident.id)
  await Promise.all(
    viewers.map(async (viewer) => {
      const text = await eventText(ctx, present, viewer, payload, incident, tenantIds)
      if (text) for (const write of viewer.streams) write(text)
    }),
  )
}

/**
 * One incident event as one viewer may see it, checked with the same rule as the REST reads. A
 * viewer who may read a tenant the update took away, and no longer sees the incident, hears only
 * that it is withdrawn there — its id, nothing of the incident as it is now.
 */
async function eventText(
  ctx: AppContext,
  present: Present,
  { actor, only }: Viewer,
  payload: Record<string, unknown>,
  incident: IncidentRecord,
  tenantIds: string[] | null,
): Promise<string | null> {
  const narrow = (visible: string[] | 'all') =>
    visible === 'all' ? (only ? [only] : 'all') : only ? visible.filter((t) => t === only) : visible
  const seen = (tenants: string[] | 'all') => tenants === 'all' || tenants.length > 0
  const tenants = narrow(await readableTenants(ctx, actor, tenantIds))
  const id = `${incident.id}-${incident.version}`
  if (seen(tenants)) {
    const data = { kind: String(payload.kind), incident: present(incident), tenants }
    return `event: incident\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`
  }
  const removed = payload.removedTenants
  if (removed !== 'all' && !(Array.isArray(removed) && removed.length > 0)) return null
  const lost = narrow(await readableTenants(ctx, actor, removed === 'all' ? null : (removed as string[])))
  if (!seen(lost)) return null
  const data = { kind: 'withdrawn', incident: { id: incident.id }, tenants: lost }
  return `event: incident\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`
}
