import { recordAudit } from '../audit/audit.data.ts'
import type { AppContext } from '../platform/context.ts'
import { isUuid } from '../platform/ids.ts'
import { type Actor, auditActor } from './actor.ts'
import { sealerOf } from './sealing.ts'
import { revokeAllSessions } from './sessions.data.ts'
import { SignInError } from './signin.messages.ts'
import { deleteProvider, domainsTakenElsewhere, providerOfTenant, saveProvider } from './sso.data.ts'
import { discover, isLoopbackHttp, secretContext } from './sso.service.ts'
import { findUserById } from './users.data.ts'

/**
 * A tenant's security settings, changed by its global administrators and admin agents in their
 * own tenant's context: "require MFA", creating users on first single sign-on, the identity
 * provider (its client secret sealed at rest, never shown again), and revoking a user's sessions.
 */

function assertSecurityAdmin(actor: Actor): void {
  const admin = actor.roles.includes('global_admin') || actor.roles.includes('admin_agent')
  if (actor.principal !== 'user' || actor.delegated || !admin)
    throw new SignInError(403, 'security_admin_required')
}

export async function securitySettings(ctx: AppContext, actor: Actor) {
  assertSecurityAdmin(actor)
  const tenant = await ctx.db
    .selectFrom('tenants')
    .select(['require_mfa', 'jit_users', 'kind'])
    .where('id', '=', actor.homeTenantId)
    .executeTakeFirstOrThrow()
  const provider = await providerOfTenant(ctx.db, actor.homeTenantId)
  const groups = await ctx.db
    .selectFrom('security_groups')
    .select(['id', 'display_name as name'])
    .where('tenant_id', '=', actor.homeTenantId)
    .orderBy('display_name')
    .execute()
  return {
    requireMfa: tenant.require_mfa,
    jitUsers: tenant.jit_users,
    redirectUri: `${ctx.config.publicUrl}/api/sso/callback`,
    postLogoutRedirectUri: `${ctx.config.publicUrl}/signin`,
    identityProvider: provider
      ? {
          issuer: provider.issuer,
          clientId: provider.clientId,
          domains: provider.domains,
          groupsClaim: provider.groupsClaim,
          groupMappings: provider.groupMaps,
        }
      : null,
    groups,
  }
}

export async function updateSecuritySettings(
  ctx: AppContext,
  actor: Actor,
  change: { requireMfa?: boolean | undefined; jitUsers?: boolean | undefined },
) {
  assertSecurityAdmin(actor)
  await ctx.db.transaction().execute(async (trx) => {
    const set: { require_mfa?: boolean; jit_users?: boolean } = {}
    if (change.requireMfa !== undefined) set.require_mfa = change.requireMfa
    if (change.jitUsers !== undefined) set.jit_users = change.jitUsers
    if (Object.keys(set).length === 0) return
    await trx.updateTable('tenants').set(set).where('id', '=', actor.homeTenantId).execute()
    await recordAudit(trx, {
      ...auditActor(actor),
      tenantId: actor.homeTenantId,
      action: 'security.settings_changed',
      targetType: 'tenant',
      targetId: actor.homeTenantId,
      result: 'done',
      details: change,
    })
  })
  return securitySettings(ctx, actor)
}

export interface ProviderChange {
  issuer: string
  clientId: string
  clientSecret?: string | undefined
  domains: string[]
  groupsClaim?: string | null | undefined
  groupMappings?: { claimValue: string; groupId: string }[] | undefined
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

/**
 * Connects (or changes) the tenant's identity provider. The issuer must answer OpenID Connect
 * discovery with the client credentials given, before anything is saved.
 */
export async function saveIdentityProvider(ctx: AppContext, actor: Actor, change: ProviderChange) {
  assertSecurityAdmin(actor)
  const tenantId = actor.homeTenantId
  const domains = [...new Set(change.domains.map((d) => d.normalize('NFKC').trim().toLowerCase()))]
  for (const domain of domains)
    if (!DOMAIN.test(domain)) throw new SignInError(400, 'sso_domain_invalid', { domain })
  const taken = await domainsTakenElsewhere(ctx.db, tenantId, domains)
  if (taken.length > 0) throw new SignInError(409, 'sso_domain_taken', { domain: taken[0]! })
  let issuer: URL
  try {
    issuer = new URL(change.issuer.trim())
  } catch {
    throw new SignInError(400, 'sso_discovery_failed', { issuer: change.issuer, detail: 'not a URL' })
  }
  if (issuer.protocol !== 'https:' && !isLoopbackHttp(issuer))
    throw new SignInError(400, 'sso_discovery_failed', {
      issuer: change.issuer,
      detail: 'the issuer must use https',
    })
  const existing = await providerOfTenant(ctx.db, tenantId)
  const secret =
    change.clientSecret ??
    (existing ? sealerOf(ctx).open(existing.clientSecretSealed, secretContext(tenantId)) : undefined)
  if (!secret) throw new SignInError(400, 'sso_secret_required')
  const groupMappings = change.groupMappings ?? []
  if (groupMappings.length > 0) {
    const ids = [...new Set(groupMappings.map((m) => m.groupId))]
    const invalid = ids.find((id) => !isUuid(id))
    if (invalid) throw new SignInError(400, 'unknown_group', { group: invalid })
    const found = await ctx.db
      .selectFrom('security_groups')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids)
      .execute()
    const missing = ids.find((id) => !found.some((f) => f.id === id))
    if (missing) throw new SignInError(400, 'unknown_group', { group: missing })
  }
  const issuerText = issuer.href.replace(/\/$/, '')
  try {
    await discover(issuerText, change.clientId, secret)
  } catch (error) {
    throw new SignInError(400, 'sso_discovery_failed', {
      issuer: issuerText,
      detail: (error instanceof Error ? error.message : String(error)).slice(0, 300),
    })
  }
  await saveProvider(
    ctx.db,
    tenantId,
    {
      issuer: issuerText,
      clientId: change.clientId,
      clientSecretSealed: change.clientSecret
        ? sealerOf(ctx).seal(change.clientSecret, secretContext(tenantId))
        : null,
      groupsClaim: change.groupsClaim?.trim() || null,
      domains,
      groupMaps: groupMappings,
    },
    ctx.now(),
  )
  await recordAudit(ctx.db, {
    ...auditActor(actor),
    tenantId,
    action: 'security.identity_provider_saved',
    targetType: 'tenant',
    targetId: tenantId,
    result: 'done',
    details: {
      issuer: issuerText,
      clientId: change.clientId,
      domains,
      secretChanged: Boolean(change.clientSecret),
    },
  })
  return securitySettings(ctx, actor)
}

export async function removeIdentityProvider(ctx: AppContext, actor: Actor): Promise<void> {
  assertSecurityAdmin(actor)
  if (!(await deleteProvider(ctx.db, actor.homeTenantId))) throw new SignInError(404, 'sso_not_configured')
  await recordAudit(ctx.db, {
    ...auditActor(actor),
    tenantId: actor.homeTenantId,
    action: 'security.identity_provider_removed',
    targetType: 'tenant',
    targetId: actor.homeTenantId,
    result: 'done',
  })
}

/** An administrator ends every session of a user of their own tenant (another tenant's user: 404). */
export async function revokeUserSessions(ctx: AppContext, actor: Actor, userId: string): Promise<number> {
  assertSecurityAdmin(actor)
  const user = await findUserById(ctx.db, userId)
  if (!user || user.tenantId !== actor.homeTenantId) throw new SignInError(404, 'not_found')
  const revoked = await revokeAllSessions(ctx.db, user.id)
  await recordAudit(ctx.db, {
    ...auditActor(actor),
    tenantId: actor.homeTenantId,
    action: 'security.sessions_revoked',
    targetType: 'user',
    targetId: user.id,
    result: 'done',
    details: { revoked },
  })
  return revoked
}
