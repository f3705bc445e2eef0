import type { ActorFacts, RequestFact } from './facts.ts'

const PARTNER_STAFF = new Set([
  'admin_agent',
  'helpdesk_agent',
  'sales_agent',
  'global_admin',
  'billing_admin',
])
const REQUEST_FOLLOWERS = new Set(['admin_agent', 'helpdesk_agent', 'global_admin'])

/**
 * Which existing requests an actor may read, from who they are alone: the rule of a read, written
 * once. decideOnExistingRequest applies it to a request; the get-one statement applies the same
 * scope in SQL to write the read's audit event in the read itself (request-thread.data.ts).
 */
export type ReadScope =
  | { kind: 'all' }
  | { kind: 'tenant'; tenantId: string }
  | { kind: 'partner'; partnerTenantId: string }
  | { kind: 'none' }

/** The scope of an actor's reads, and the rule and reason an allowed read is decided (and audited) with. */
export interface ReadRight {
  scope: ReadScope
  rule: 'R10' | null
  reason: string
}

const NO_READS: ReadRight = { scope: { kind: 'none' }, rule: null, reason: 'not_found' }

export function readRight(actor: ActorFacts): ReadRight {
  // the vendor's support engineers work every request
  if (actor.tenantKind === 'vendor')
    return actor.roles.includes('support_engineer')
      ? { scope: { kind: 'all' }, rule: null, reason: 'vendor_desk' }
      : NO_READS
  // a customer administrator sees and follows every request about its own tenant
  if (actor.tenantKind === 'customer')
    return actor.roles.includes('global_admin')
      ? { scope: { kind: 'tenant', tenantId: actor.tenantId }, rule: 'R10', reason: 'customer_own_requests' }
      : NO_READS
  // partner staff see the requests of their own partner (filed by it, or sent to it by a customer)
  const staff =
    actor.roles.some((r) => REQUEST_FOLLOWERS.has(r)) && actor.roles.some((r) => PARTNER_STAFF.has(r))
  return staff
    ? { scope: { kind: 'partner', partnerTenantId: actor.tenantId }, rule: null, reason: 'partner_requests' }
    : NO_READS
}

export function inReadScope(
  scope: ReadScope,
  request: Pick<RequestFact, 'tenantId' | 'partnerTenantId'>,
): boolean {
  switch (scope.kind) {
    case 'all':
      return true
    case 'tenant':
      return request.tenantId === scope.tenantId
    case 'partner':
      return request.partnerTenantId === scope.partnerTenantId
    case 'none':
      return false
  }
}
