import type { RequestStatus, Severity } from '../platform/db/schema.ts'

/**
 * Who may move a request how, once the support policy has let the caller change it at all.
 * Pure: the service gathers the facts and turns a refusal into an AppError.
 *
 * The *responder* works the request: the vendor's engineers for requests the vendor handles, the
 * partner's staff for those a customer sent to its partner (trial customers). The *requester* is
 * the side that filed it: the partner acting for a customer or for itself, or a customer admin.
 */
export type Side = 'responder' | 'requester' | 'onlooker'

export interface SideFacts {
  actorTenantKind: 'partner' | 'customer' | 'vendor'
  actorTenantId: string
  handledBy: 'vendor' | 'partner'
  partnerTenantId: string | null
}

export function sideOf(f: SideFacts): Side {
  if (f.handledBy === 'vendor') return f.actorTenantKind === 'vendor' ? 'responder' : 'requester'
  if (f.actorTenantKind === 'partner' && f.actorTenantId === f.partnerTenantId) return 'responder'
  return f.actorTenantKind === 'customer' ? 'requester' : 'onlooker'
}

export type DeskRefusal =
  | 'request_closed'
  | 'already_in_status'
  | 'status_move_not_allowed'
  | 'severity_raise_by_responder'
  | 'critical_needs_phone'
  | 'internal_notes_responder_only'
  | 'assignment_vendor_only'
  | 'assignment_responder_only'
  | 'onlooker_cannot_change'
  | 'answer_by_addressee_only'

const SEVERITY_RANK: Record<Severity, number> = { minimal: 0, moderate: 1, critical: 2 }

/**
 * Status moves: open → attention needed (the responder waits on the requester) → open → closed;
 * a closed request may be reopened. Only the responder asks for information; both sides close,
 * reopen, and take a request out of "attention needed" (the requester by answering).
 */
export function checkStatusMove(side: Side, from: RequestStatus, to: RequestStatus): DeskRefusal | null {
  if (side === 'onlooker') return 'onlooker_cannot_change'
  if (to === 'attention_needed' && side !== 'responder') return 'status_move_not_allowed'
  if (from === to) return 'already_in_status'
  if (to === 'attention_needed' && from === 'closed') return 'request_closed'
  return null
}

/**
 * Severity: the requester states the business impact and may change it either way while the
 * request is open; critical means round-the-clock work, so it needs a phone number to call. The
 * responder may only lower it (once the impact has been mitigated), never raise it.
 */
export function checkSeverityChange(
  side: Side,
  status: RequestStatus,
  from: Severity,
  to: Severity,
  contactHasPhone: boolean,
): DeskRefusal | null {
  if (side === 'onlooker') return 'onlooker_cannot_change'
  if (status === 'closed') return 'request_closed'
  if (side === 'responder' && SEVERITY_RANK[to] > SEVERITY_RANK[from]) return 'severity_raise_by_responder'
  if (to === 'critical' && from !== 'critical' && !contactHasPhone) return 'critical_needs_phone'
  return null
}

/**
 * Assignment is the responder's own business: the vendor's engineers assign the requests the vendor
 * works, to an engineer; a partner's staff assign the requests their customers sent them, to a
 * colleague. Nobody assigns the other side's work.
 */
export function checkAssignment(side: Side, handledBy: 'vendor' | 'partner'): DeskRefusal | null {
  if (side === 'responder') return null
  return handledBy === 'vendor' ? 'assignment_vendor_only' : 'assignment_responder_only'
}

/**
 * Internal notes and attachments are the responder's working papers (the vendor's desk). A request
 * for information is addressed to the requester and the request's contact (`addressee`): while it
 * waits on them, the other readers on their side (the customer's admin, their colleagues) read it
 * but do not answer in their place.
 */
export function checkNote(
  side: Side,
  status: RequestStatus,
  internal: boolean,
  addressee = true,
): DeskRefusal | null {
  if (status === 'closed') return 'request_closed'
  if (side === 'onlooker') return 'onlooker_cannot_change'
  if (internal && !(side === 'responder')) return 'internal_notes_responder_only'
  if (side === 'requester' && status === 'attention_needed' && !addressee) return 'answer_by_addressee_only'
  return null
}

/**
 * What a public note does to the status: the requester's answer takes a request out of "attention
 * needed"; the responder may ask for information with the same note.
 */
export function statusAfterNote(
  side: Side,
  status: RequestStatus,
  internal: boolean,
  requestInformation: boolean,
): RequestStatus {
  if (internal) return status
  if (side === 'requester' && status === 'attention_needed') return 'open'
  if (side === 'responder' && requestInformation) return 'attention_needed'
  return status
}
