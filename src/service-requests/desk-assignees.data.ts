import { partnerRoleHolders } from '../directory/partner-roles.ts'
import { type Actor, isSupportEngineer } from '../identity/actor.ts'
import type { Db } from '../platform/db/database.ts'
import { AppError, forbidden } from '../platform/errors.ts'
import { isUuid } from '../platform/ids.ts'

export interface Assignee {
  userId: string
  name: string
  email: string
}

/** Partner staff who work requests: the admin and helpdesk agents (members of those role groups). */
const PARTNER_WORKERS = ['admin_agent', 'helpdesk_agent'] as const

const isPartnerWorker = (actor: Actor) =>
  actor.homeTenantKind === 'partner' &&
  actor.roles.some((r) => (PARTNER_WORKERS as readonly string[]).includes(r))

/**
 * Whom the actor may assign requests to, in their own organization: the vendor's engineers (for
 * an engineer), the partner's admin and helpdesk agents (for partner staff, who work the requests
 * their customers send them). Anyone else asks for nothing (403).
 */
export async function listAssignees(db: Db, actor: Actor): Promise<Assignee[]> {
  if (isSupportEngineer(actor)) {
    return db
      .selectFrom('users as u')
      .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
      .select(['u.id as userId', 'u.display_name as name', 'u.email'])
      .where('u.tenant_id', '=', actor.homeTenantId)
      .where('ur.role', '=', 'support_engineer')
      .where('u.disabled', '=', false)
      .orderBy('u.display_name')
      .execute()
  }
  if (!isPartnerWorker(actor)) throw forbidden()
  const holders = await Promise.all(
    PARTNER_WORKERS.map((role) => partnerRoleHolders(db, actor.homeTenantId, role)),
  )
  const ids = [...new Set(holders.flat())]
  if (ids.length === 0) return []
  return db
    .selectFrom('users as u')
    .select(['u.id as userId', 'u.display_name as name', 'u.email'])
    .where('u.id', 'in', ids)
    .orderBy('u.display_name')
    .execute()
}

/** A request may be assigned only to one of `listAssignees` (400 `invalid_assignee` otherwise). */
export async function checkAssignee(db: Db, actor: Actor, userId: string): Promise<void> {
  const allowed = isUuid(userId) && (await listAssignees(db, actor)).some((a) => a.userId === userId)
  if (!allowed) {
    throw new AppError(400, 'invalid_assignee', 'error.invalid_assignee', {
      user: userId,
      tenant: actor.homeTenantName,
    })
  }
}
