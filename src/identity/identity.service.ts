import { resolveAccess } from '../gdap/access.data.ts'
import type { AppContext } from '../platform/context.ts'
import { AppError, invalidCredentials, noDelegatedAccess, tenantSuspended } from '../platform/errors.ts'
import { isUuid } from '../platform/ids.ts'
import { assertMfaForTenant } from './mfa-policy.ts'
import { verifyPassword } from './passwords.ts'
import { assertAccountNotLocked, normaliseIdentity, recordFailedSignIn } from './signin-throttle.ts'
import { findUserByEmail, type UserRecord } from './users.data.ts'
import { findVendorName } from './vendor.data.ts'

/**
 * Checks a local account's password. Unknown, disabled and wrong all answer the same error, and
 * count against the account's throttle (its normalised email, from every address together).
 */
export async function authenticatePassword(
  ctx: AppContext,
  email: string,
  password: string,
): Promise<UserRecord> {
  const identity = normaliseIdentity(email)
  await assertAccountNotLocked(ctx.db, identity, ctx.config.SIGNIN_ACCOUNT_RATE_LIMIT, ctx.now())
  const user = await findUserByEmail(ctx.db, identity)
  const ok = await verifyPassword(user?.passwordHash ?? null, password)
  if (!user || !ok || user.disabled) {
    await recordFailedSignIn(ctx.db, identity, ctx.now())
    throw invalidCredentials()
  }
  // said only to whoever knows the password: it tells them whom to ask
  if (user.tenantStatus !== 'active') throw tenantSuspended(user.tenantName, await findVendorName(ctx.db))
  return user
}

/**
 * Issues a bearer token for a user, in their own tenant or, for a partner user, in a customer's
 * tenant (delegated context) — the latter only while an active GDAP relationship gives one of the
 * user's security groups a role there, and, when the user's tenant requires MFA, only from a
 * sign-in that did MFA (`amr`, carried into the token).
 */
export async function issueToken(
  ctx: AppContext,
  email: string,
  tenantId?: string,
  audience?: string,
  amr: readonly string[] = [],
): Promise<{ token: string; expiresAt: Date; user: UserRecord }> {
  const user = await findUserByEmail(ctx.db, email)
  if (!user || user.disabled) throw new AppError(404, 'unknown_user', 'error.unknown_user', { user: email })
  if (user.tenantStatus !== 'active') throw tenantSuspended(user.tenantName, await findVendorName(ctx.db))
  const contextTenant = tenantId ?? user.tenantId
  if (contextTenant !== user.tenantId) {
    if (!isUuid(contextTenant))
      throw new AppError(404, 'unknown_tenant', 'error.unknown_tenant', { tenant: contextTenant })
    const tenant = await ctx.db
      .selectFrom('tenants')
      .select('id')
      .where('id', '=', contextTenant)
      .executeTakeFirst()
    if (!tenant) throw new AppError(404, 'unknown_tenant', 'error.unknown_tenant', { tenant: contextTenant })
    const grants =
      user.tenantKind === 'partner' ? await resolveAccess(ctx.db, user.id, contextTenant, ctx.now()) : []
    if (grants.length === 0) throw noDelegatedAccess(user.email, contextTenant)
    assertMfaForTenant(user, contextTenant, amr)
  }
  const issued = await ctx.tokens.issue(
    {
      oid: user.id,
      tid: contextTenant,
      home_tid: user.tenantId,
      upn: user.email,
      name: user.displayName,
      ...(amr.length > 0 ? { amr: [...amr] } : {}),
    },
    audience,
  )
  return { ...issued, user }
}
