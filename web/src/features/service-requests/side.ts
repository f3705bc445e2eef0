import type { Note, ServiceRequest, Severity } from './api.ts'
import type { RequestViewer } from './viewer.ts'

/**
 * Which side of a request the viewer is on, as the server's desk rules (desk-rules.ts) decide it:
 * the responder works it (the vendor's engineers, or the partner for requests its trial customers
 * sent it), the requester filed it. The server enforces the rules; the page only offers what fits.
 */
export type Side = 'responder' | 'requester' | 'onlooker'

export function sideOf(viewer: RequestViewer, r: ServiceRequest): Side {
  if (r.handledBy === 'vendor') return viewer.tenantKind === 'vendor' ? 'responder' : 'requester'
  if (viewer.tenantKind === 'partner' && r.partner?.tenantId === viewer.tenantId) return 'responder'
  return viewer.tenantKind === 'customer' ? 'requester' : 'onlooker'
}

/** Whether a note was written by the side that works the request (by its author's tenant). */
export function isResponderNote(note: Note, r: ServiceRequest): boolean {
  if (r.handledBy === 'partner') return r.partner !== null && note.authorTenantId === r.partner.tenantId
  return note.authorTenantId !== r.tenant.tenantId && note.authorTenantId !== r.partner?.tenantId
}

const RANK: Record<Severity, number> = { minimal: 0, moderate: 1, critical: 2 }

/** The severities a side may choose: the responder may only lower it, the requester either way. */
export function severityChoices(side: Side, current: Severity, all: readonly Severity[]): Severity[] {
  if (side === 'onlooker') return [current]
  if (side === 'responder') return all.filter((s) => RANK[s] <= RANK[current])
  return [...all]
}
