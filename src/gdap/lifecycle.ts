import type { GdapRequestAction, GdapStatus } from '../platform/db/schema.ts'

/**
 * The GDAP relationship lifecycle, as Microsoft Graph documents it, as pure functions:
 * created → approvalPending (lockForApproval) → the customer approves (activating → active) or
 * rejects → … → expired at the end date (or extended by P180D when auto-extend is on, never with
 * Global Administrator); terminate by either side → terminating → terminated; a request not
 * approved within 90 days lapses. Time moves the state by itself: `effectiveState` answers the
 * state at any instant, whether or not a job has written it yet.
 */

export const DAY_MS = 86400_000
export const MIN_DAYS = 1
export const MAX_DAYS = 730
export const AUTO_EXTEND = 'P180D'
export const AUTO_EXTEND_DAYS = 180
export const APPROVAL_WINDOW_DAYS = 90
export const NOTICE_DAYS = [30, 7, 1] as const
export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10'
/** Every relationship status, in lifecycle order (the Graph and portal schemas list these). */
export const GDAP_STATUSES = [
  'created',
  'approvalPending',
  'approved',
  'activating',
  'active',
  'expiring',
  'expired',
  'terminationRequested',
  'terminating',
  'terminated',
] as const satisfies readonly GdapStatus[]

/** Days of an ISO 8601 duration made of years (365 days), weeks and days: P730D, P2Y, P1Y30D, P4W. */
export function durationDays(iso: string): number | null {
  const match = /^P(?:(\d+)Y)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso)
  if (!match || iso === 'P') return null
  return Number(match[1] ?? 0) * 365 + Number(match[2] ?? 0) * 7 + Number(match[3] ?? 0)
}

export interface RelationshipState {
  status: GdapStatus
  duration: string
  autoExtendDuration: string
  activatedAt: Date | null
  endAt: Date | null
  approvalRequestedAt: Date | null
  roleIds: string[]
}

export const autoExtends = (r: Pick<RelationshipState, 'autoExtendDuration'>): boolean =>
  r.autoExtendDuration === AUTO_EXTEND

/** The status and end date at `now`. */
export function effectiveState(r: RelationshipState, now: Date): { status: GdapStatus; endAt: Date | null } {
  const t = now.getTime()
  if (
    r.status === 'approvalPending' &&
    r.approvalRequestedAt &&
    t >= r.approvalRequestedAt.getTime() + APPROVAL_WINDOW_DAYS * DAY_MS
  ) {
    return { status: 'expired', endAt: r.endAt }
  }
  if ((r.status === 'active' || r.status === 'expiring') && r.endAt && r.endAt.getTime() <= t) {
    if (!autoExtends(r)) return { status: 'expired', endAt: r.endAt }
    const periods = Math.ceil((t - r.endAt.getTime() + 1) / (AUTO_EXTEND_DAYS * DAY_MS))
    return { status: 'active', endAt: new Date(r.endAt.getTime() + periods * AUTO_EXTEND_DAYS * DAY_MS) }
  }
  return { status: r.status, endAt: r.endAt }
}

/** Statuses in which the relationship gives its roles to assigned groups. */
export const givesAccess = (status: GdapStatus): boolean => status === 'active' || status === 'expiring'

export type LifecycleProblem =
  | 'invalid_duration'
  | 'invalid_auto_extend'
  | 'auto_extend_with_global_admin'
  | 'no_roles'
  | 'unknown_role'
  | 'not_editable'
  | 'only_auto_extend_while_active'
  | 'action_not_allowed'
  | 'not_deletable'
  | 'display_name_invalid'

export function validateDuration(duration: string): LifecycleProblem | null {
  const days = durationDays(duration)
  return days === null || days < MIN_DAYS || days > MAX_DAYS ? 'invalid_duration' : null
}

export function validateAutoExtend(autoExtendDuration: string, roleIds: string[]): LifecycleProblem | null {
  if (!['PT0S', 'P0D', AUTO_EXTEND].includes(autoExtendDuration)) return 'invalid_auto_extend'
  if (autoExtendDuration === AUTO_EXTEND && roleIds.includes(GLOBAL_ADMINISTRATOR))
    return 'auto_extend_with_global_admin'
  return null
}

export interface NewRelationship {
  displayName: string
  duration: string
  autoExtendDuration: string
  roleIds: string[]
}

export function validateNew(input: NewRelationship, knownRoles: Set<string>): LifecycleProblem[] {
  const problems: LifecycleProblem[] = []
  if (!input.displayName.trim() || input.displayName.length > 50) problems.push('display_name_invalid')
  const duration = validateDuration(input.duration)
  if (duration) problems.push(duration)
  if (input.roleIds.length === 0) problems.push('no_roles')
  if (input.roleIds.some((r) => !knownRoles.has(r))) problems.push('unknown_role')
  const autoExtend = validateAutoExtend(input.autoExtendDuration, input.roleIds)
  if (autoExtend) problems.push(autoExtend)
  return problems
}

export interface RelationshipPatch {
  displayName?: string | undefined
  duration?: string | undefined
  autoExtendDuration?: string | undefined
  roleIds?: string[] | undefined
}

/** Edits are allowed only while `created`; auto-extend also while active. */
export function validatePatch(
  r: RelationshipState,
  patch: RelationshipPatch,
  knownRoles: Set<string>,
): LifecycleProblem[] {
  const editsCore =
    patch.displayName !== undefined || patch.duration !== undefined || patch.roleIds !== undefined
  if (r.status !== 'created') {
    if (editsCore) return [r.status === 'active' ? 'only_auto_extend_while_active' : 'not_editable']
    if (patch.autoExtendDuration !== undefined && r.status !== 'active' && r.status !== 'expiring')
      return ['not_editable']
  }
  const merged: NewRelationship = {
    displayName: patch.displayName ?? 'unchanged',
    duration: patch.duration ?? r.duration,
    autoExtendDuration: patch.autoExtendDuration ?? r.autoExtendDuration,
    roleIds: patch.roleIds ?? r.roleIds,
  }
  return validateNew(merged, knownRoles)
}

export const canDelete = (r: RelationshipState): boolean => r.status === 'created'

export type Side = 'partner' | 'customer'

/**
 * The status a request action moves the relationship to, or null when the action is not allowed
 * for that side in that status. Approval goes through `activating`; termination through
 * `terminating`; the scheduler completes both.
 */
export function nextStatus(current: GdapStatus, action: GdapRequestAction, side: Side): GdapStatus | null {
  switch (action) {
    case 'lockForApproval':
      return side === 'partner' && current === 'created' ? 'approvalPending' : null
    case 'approve':
      return side === 'customer' && current === 'approvalPending' ? 'activating' : null
    case 'reject':
      return side === 'customer' && current === 'approvalPending' ? 'terminated' : null
    case 'terminate':
      return ['active', 'expiring', 'activating', 'approved'].includes(current) ? 'terminating' : null
  }
}

/** The end date an approval at `at` gives. */
export function endAfterApproval(duration: string, at: Date): Date {
  return new Date(at.getTime() + (durationDays(duration) ?? 0) * DAY_MS)
}

export type Notice = 'expires_in_30' | 'expires_in_7' | 'expires_in_1' | 'expired'

/**
 * The expiry notice due at `now` — 30, 7 or 1 days before the end, or on expiry — or null. Only
 * the most urgent one: a sweep that runs late (a restart) sends the notice that is still true, not
 * a stale one. None while auto-extend is on.
 */
export function noticeDue(r: RelationshipState, now: Date): Notice | null {
  if (autoExtends(r) || !r.endAt || !['active', 'expiring', 'expired'].includes(r.status)) return null
  const left = r.endAt.getTime() - now.getTime()
  if (left <= 0) return 'expired'
  const days = [...NOTICE_DAYS].reverse().find((d) => left <= d * DAY_MS)
  return days ? (`expires_in_${days}` as Notice) : null
}
