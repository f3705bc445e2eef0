import type { Static } from 'typebox'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { sideOf } from './desk-rules.ts'
import type { NoteRecord, ServiceRequestRecord } from './service-requests.data.ts'
import { getRequestForActor } from './service-requests.service.ts'
import {
  findEscalationLinks,
  findIncident,
  listTimelineEvents,
  userNames,
  type LinkedRequestRecord,
  type TimelineEventRecord,
} from './timeline.data.ts'
import type { TimelineEntrySchema, TimelineSchema } from './timeline.schema.ts'

type Entry = Static<typeof TimelineEntrySchema>
type Timeline = Static<typeof TimelineSchema>
type ActorSide = NonNullable<Entry['actor']>['side']

const KIND_OF_EVENT: Record<string, Entry['kind']> = {
  'service_request.status_changed': 'status',
  'service_request.severity_changed': 'severity',
  'service_request.assigned': 'assignment',
  'service_request.external_reference_changed': 'external_reference',
  'service_request.attachment_added': 'attachment',
  'service_request.sla_breached': 'sla_breached',
  'service_request.escalated': 'escalated',
}

/** The side an author's organization stands on, for a request: the customer, its partner, or the vendor. */
function sideOfTenant(request: ServiceRequestRecord, tenantId: string | null): ActorSide {
  if (tenantId === null) return 'system'
  if (tenantId === request.tenantId) return 'customer'
  if (tenantId === request.partnerTenantId || tenantId === request.createdByTenantId) return 'partner'
  return 'vendor'
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

const linked = (r: LinkedRequestRecord) => ({
  id: r.id,
  title: r.title,
  status: r.status,
  handledBy: r.handledBy,
})

function noteEntry(request: ServiceRequestRecord, n: NoteRecord): Entry {
  return {
    id: `note-${n.id}`,
    at: n.createdAt.toISOString(),
    kind: 'note',
    visibility: n.visibility,
    actor: { name: n.authorName, tenantId: n.authorTenantId, side: sideOfTenant(request, n.authorTenantId) },
    text: n.text,
  }
}

function eventEntry(
  e: TimelineEventRecord,
  names: Map<string, string>,
  requests: Map<string, LinkedRequestRecord>,
): Entry | null {
  const kind = KIND_OF_EVENT[e.type]
  if (!kind) return null
  const d = e.details
  const entry: Entry = {
    id: e.id,
    at: e.at.toISOString(),
    kind,
    visibility: e.visibility,
    actor:
      e.actorSide === 'system'
        ? null
        : { name: e.actorName, tenantId: e.actorTenantId, side: e.actorSide as ActorSide },
  }
  switch (kind) {
    case 'status':
      return { ...entry, from: str(d.from), to: str(d.to), reason: str(d.reason) }
    case 'severity':
      return { ...entry, from: str(d.from), to: str(d.to) }
    case 'assignment': {
      const name = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? null) : null)
      return { ...entry, from: name(d.from), to: name(d.to) }
    }
    case 'external_reference':
      return { ...entry, to: str(d.to) }
    case 'attachment':
      return { ...entry, fileName: str(d.fileName) ?? '' }
    case 'escalated': {
      const target = requests.get(str(d.request) ?? '')
      return target ? { ...entry, request: linked(target) } : null
    }
    default:
      return entry
  }
}

/**
 * A request's life as `actor` may read it: the filing, notes, and every recorded change, oldest
 * first. Whoever works the request also reads internal notes and internal changes (assignment);
 * everyone else never receives them. Reading it asks the policy, as reading the request does.
 */
export async function getTimelineForActor(ctx: AppContext, actor: Actor, id: string): Promise<Timeline> {
  const { request, notes } = await getRequestForActor(ctx, actor, id)
  const responder =
    sideOf({
      actorTenantKind: actor.homeTenantKind,
      actorTenantId: actor.homeTenantId,
      handledBy: request.handledBy,
      partnerTenantId: request.partnerTenantId,
    }) === 'responder'
  const [events, links, incident] = await Promise.all([
    listTimelineEvents(ctx.db, request.id, { includeInternal: responder }),
    findEscalationLinks(ctx.db, request.id),
    request.linkedIncidentId ? findIncident(ctx.db, request.linkedIncidentId) : undefined,
  ])
  const names = await userNames(
    ctx.db,
    events
      .filter((e) => e.type === 'service_request.assigned')
      .flatMap((e) => [e.details.from, e.details.to].map(String)),
  )
  const requests = new Map(links.escalations.map((r) => [r.id, r]))
  const incidentFact = incident
    ? { id: incident.id, title: incident.title, status: incident.status }
    : undefined

  const entries: Entry[] = [
    {
      id: `created-${request.id}`,
      at: request.createdAt.toISOString(),
      kind: 'created',
      visibility: 'public',
      actor: {
        name: request.createdByName ?? request.createdByTenantName,
        tenantId: request.createdByTenantId,
        side: sideOfTenant(request, request.createdByTenantId),
      },
      ...(incidentFact ? { incident: incidentFact } : {}),
    },
    ...notes.map((n) => noteEntry(request, n)),
    ...events.flatMap((e) => eventEntry(e, names, requests) ?? []),
  ]
  if (incident?.isResolved && incidentFact) {
    entries.push({
      id: `incident-${incident.id}`,
      at: (incident.endAt ?? incident.lastModifiedAt).toISOString(),
      kind: 'incident_resolved',
      visibility: 'public',
      actor: null,
      incident: incidentFact,
    })
  }
  entries.sort((a, b) => a.at.localeCompare(b.at))
  return {
    requestId: request.id,
    entries,
    links: {
      escalationOf: links.escalationOf ? linked(links.escalationOf) : null,
      escalations: links.escalations.map(linked),
    },
    portal: portalLink(actor, request),
  }
}

/** Where the request is seen in its workload portal, in the reader's context (R3, R12). */
function portalLink(actor: Actor, request: ServiceRequestRecord): Timeline['portal'] {
  if (actor.homeTenantKind === 'vendor') return null
  const query = new URLSearchParams()
  if (actor.homeTenantId !== request.tenantId) query.set('tenant', request.tenantId)
  if (request.workload === 'azure') {
    const path =
      request.subscriptionId && request.armName
        ? `/azure/support/requests/${encodeURIComponent(request.subscriptionId)}/${encodeURIComponent(request.armName)}`
        : '/azure/support/requests'
    const search = query.toString()
    return { kind: 'azure', path: search ? `${path}?${search}` : path }
  }
  query.set('workload', request.workload)
  query.set('request', request.id)
  return { kind: 'm365', path: `/admin-center/support/requests?${query.toString()}` }
}
