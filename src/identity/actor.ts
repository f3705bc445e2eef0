import type { PartnerType, TenantKind, UserRole } from '../platform/db/schema.ts'
import type { UserRecord } from './users.data.ts'

/**
 * Who is calling, and in which tenant's context. Built once per request by the authentication
 * hook; business code receives it and never the request itself.
 *
 * Usually a person (a session, a CLI token, or an application acting for them). An application
 * acting on its own (client credentials) is an actor too — `principal: 'application'`: then
 * `userId` is the application's object id, `email` is empty, `roles` are none, and it reaches only
 * the routes its consented application permissions open (authority/app-access.ts).
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
  principal: 'user' | 'application'
  /** The app registration the token was issued to; null for sessions and `tramite token`. */
  applicationId: string | null
  /** How the person signed in (RFC 8176 amr: pwd, otp, hwk, swk, mfa, fed); [] when unknown. */
  authMethods: string[]
  /**
   * What an application's token may do here: its delegated scopes (`scp`) or application
   * permissions (`roles`), as still granted now. null when no application is involved (the
   * person's own rights apply in full).
   */
  permissions: string[] | null
  /** The token's audience (bearer calls). */
  audience: string | null
}

export function actorFor(
  user: UserRecord,
  via: Actor['via'],
  contextTenantId = user.tenantId,
  extra: Partial<Pick<Actor, 'applicationId' | 'authMethods' | 'permissions' | 'audience'>> = {},
): Actor {
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
    principal: 'user',
    applicationId: extra.applicationId ?? null,
    authMethods: extra.authMethods ?? [],
    permissions: extra.permissions ?? null,
    audience: extra.audience ?? null,
  }
}

/** One of the vendor's support engineers (who work the desk and publish service health). */
export function isSupportEngineer(actor: Actor): boolean {
  return (
    actor.principal === 'user' &&
    actor.homeTenantKind === 'vendor' &&
    actor.roles.includes('support_engineer')
  )
}

/** The person behind an action, for columns that reference users (null when an application acts alone). */
export const actingUserId = (actor: Actor): string | null =>
  actor.principal === 'user' ? actor.userId : null

/** Who did it, as the audit log records it: the person (if any), their tenant, and the application. */
export function auditActor(actor: Actor | null): {
  actorUserId: string | null
  actorEmail: string | null
  actorTenantId: string | null
  applicationId: string | null
} {
  if (!actor) return { actorUserId: null, actorEmail: null, actorTenantId: null, applicationId: null }
  return {
    actorUserId: actingUserId(actor),
    actorEmail: actor.principal === 'user' ? actor.email : null,
    actorTenantId: actor.homeTenantId,
    applicationId: actor.applicationId,
  }
}

/** One of the vendor's auditors: reads every tenant's audit trail and verifies the audit chain. */
export function isAuditor(actor: Actor): boolean {
  return actor.homeTenantKind === 'vendor' && actor.roles.includes('auditor')
}
