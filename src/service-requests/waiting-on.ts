import type { Actor } from '../identity/actor.ts'
import type { RequestStatus } from '../platform/db/schema.ts'
import { sideOf, type Side } from './desk-rules.ts'
import type { ServiceRequestRecord } from './service-requests.data.ts'

/**
 * Whom a request waits on, as one reader sees it. Pure: the presenter and the note rule (only the
 * addressee answers a request for information) use the same facts.
 *
 * - `you`: the reader is the one who must act — the requester or the request's contact while it
 *   waits for information; whoever works it (the desk, or the partner) while it is open.
 * - `requester`: it waits for information from the party that filed it (`name`, e.g. "Fabrikam").
 * - `vendor` / `partner`: it is open, with the side that works it (`name`: the vendor's or the
 *   partner's name), and the reader is not on that side.
 *
 * A closed request waits on no one (null).
 */
export interface WaitingOn {
  party: 'you' | 'requester' | 'vendor' | 'partner'
  /** The organization waited on (for `you`: the reader's own side, by name). */
  name: string
}

/** What a request says about who filed it, who answers it, and who works it. */
export interface ParticipantFacts {
  status: RequestStatus
  handledBy: 'vendor' | 'partner'
  partnerTenantId: string | null
  /** The organization that works the request: the vendor's name, or the partner's. */
  handlerName: string
  createdByUserId: string | null
  createdByTenantId: string
  /** The organization that filed the request (the partner acting for a customer, or the customer). */
  requesterName: string
  contact: { userId: string | null; email: string }
  /** The Azure ticket's own contact, when it has one (the partner's, R7). */
  armContactEmail?: string | null | undefined
}

/** The reader: a person, or an application acting on its own for its organization. */
export interface ReaderFacts {
  userId: string
  email: string
  tenantId: string
  tenantKind: 'partner' | 'customer' | 'vendor'
  principal: 'user' | 'application'
}

const sameAddress = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * Whether a request for information is addressed to this reader: the person who filed the
 * request, or its contact (by user or by address). An application of the filing organization
 * speaks for that organization (the tool that filed it relays the answer).
 */
export function isAddressee(r: ParticipantFacts, reader: ReaderFacts): boolean {
  if (reader.principal === 'application') return reader.tenantId === r.createdByTenantId
  if (r.createdByUserId !== null && reader.userId === r.createdByUserId) return true
  if (r.contact.userId !== null && reader.userId === r.contact.userId) return true
  return sameAddress(reader.email, r.contact.email) || sameAddress(reader.email, r.armContactEmail)
}

export function readerSide(r: ParticipantFacts, reader: ReaderFacts): Side {
  return sideOf({
    actorTenantKind: reader.tenantKind,
    actorTenantId: reader.tenantId,
    handledBy: r.handledBy,
    partnerTenantId: r.partnerTenantId,
  })
}

export function waitingOn(r: ParticipantFacts, reader: ReaderFacts): WaitingOn | null {
  if (r.status === 'closed') return null
  if (r.status === 'attention_needed') {
    return { party: isAddressee(r, reader) ? 'you' : 'requester', name: r.requesterName }
  }
  if (readerSide(r, reader) === 'responder') return { party: 'you', name: r.handlerName }
  return { party: r.handledBy, name: r.handlerName }
}

/** The participant facts of a stored request. */
export function participantsOf(r: ServiceRequestRecord): ParticipantFacts {
  return {
    status: r.status,
    handledBy: r.handledBy,
    partnerTenantId: r.partnerTenantId,
    handlerName: r.handlerName ?? '',
    createdByUserId: r.createdByUserId,
    createdByTenantId: r.createdByTenantId,
    requesterName: r.createdByTenantName,
    contact: { userId: r.contact.userId, email: r.contact.email },
    armContactEmail: r.armContact?.primaryEmailAddress ?? null,
  }
}

export function readerOf(actor: Actor): ReaderFacts {
  return {
    userId: actor.userId,
    email: actor.email,
    tenantId: actor.homeTenantId,
    tenantKind: actor.homeTenantKind,
    principal: actor.principal,
  }
}

/** Whom this stored request waits on, as this actor sees it (see WaitingOn). */
export const waitingOnFor = (r: ServiceRequestRecord, actor: Actor): WaitingOn | null =>
  waitingOn(participantsOf(r), readerOf(actor))
