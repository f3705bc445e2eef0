import type { PartnerType, TenantKind, UserRole } from '../platform/db/schema.ts'
import type { UserRecord } from './users.data.ts'

/**
 * Who is calling, and in which tenant's context. Built once per request by the authentication
 * hook; business code receives it and never the request itself.
 */
export interface Actor {
  userId: string
  email: string
  displayName: string
  homeTenantId: string
  homeTenantKind: TenantKind
  homeTenantName: string
  partnerType: PartnerType | null
  roles: UserRole[]
  /** The tenant the call acts in: the home tenant, or a customer's (delegated context). */
  contextTenantId: string
  delegated: boolean
  via: 'session' | 'bearer'
  /** The user as read when the request was authenticated (read once per request). */
  user: UserRecord
}

export function actorFor(user: UserRecord, via: Actor['via'], contextTenantId = user.tenantId): Actor {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    homeTenantId: user.tenantId,
    homeTenantKind: user.tenantKind,
    homeTenantName: user.tenantName,
    partnerType: user.partnerType,
    roles: user.roles,
    contextTenantId,
    delegated: contextTenantId !== user.tenantId,
    via,
    user,
  }
}

/** One of the vendor's support engineers (who work the desk and publish service health). */
export function isSupportEngineer(actor: Actor): boolean {
  return actor.homeTenantKind === 'vendor' && actor.roles.includes('support_engineer')
}

/** One of the vendor's auditors: reads every tenant's audit trail and verifies the audit chain. */
export function isAuditor(actor: Actor): boolean {
  return actor.homeTenantKind === 'vendor' && actor.roles.includes('auditor')
}
