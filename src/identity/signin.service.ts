import type { AppContext } from '../platform/context.ts'
import { authenticatePassword } from './identity.service.ts'
import { checkSecondFactor, type SecondFactor, secondFactorMethods } from './mfa.service.ts'
import { clearFailedSignIns, normaliseIdentity } from './signin-throttle.ts'
import {
  countMfaFailure,
  createSession,
  deleteSession,
  findAnySession,
  type Session,
} from './sessions.data.ts'
import { SignInError } from './signin.messages.ts'
import { providerForEmail } from './sso.data.ts'
import { findUserById, type UserRecord } from './users.data.ts'

/**
 * The steps of a sign-in with a local account: the password, then — when the account has a
 * second factor — the second step on a half session (stage 'mfa'), which is replaced by a new,
 * complete session when the factor is right. A federated domain signs in at its provider instead.
 */

export interface ClientInfo {
  userAgent: string | null
  ipAddress: string | null
}

export type SecondFactorMethod = 'totp' | 'passkey' | 'recovery_code'

export type SignInOutcome =
  | { stage: 'complete'; sessionId: string; session: Session; user: UserRecord }
  | { stage: 'mfa'; sessionId: string; session: Session; user: UserRecord; methods: SecondFactorMethod[] }

/** After this many wrong second factors the half session ends (and the password is needed again). */
export const MAX_MFA_FAILURES = 5

/** How a person signs in: 'sso' when their email's domain is connected to an identity provider. */
export async function signInMethodFor(ctx: AppContext, email: string): Promise<'password' | 'sso'> {
  return (await providerForEmail(ctx.db, normaliseIdentity(email))) ? 'sso' : 'password'
}

export async function signInWithPassword(
  ctx: AppContext,
  email: string,
  password: string,
  client: ClientInfo,
): Promise<SignInOutcome> {
  if ((await signInMethodFor(ctx, email)) === 'sso') throw new SignInError(400, 'use_sso')
  const user = await authenticatePassword(ctx, email, password)
  const methods = await secondFactorMethods(ctx, user.id)
  if (methods.length > 0) {
    const half = await createSession(ctx.db, user.id, ctx.config.SESSION_LIFETIME_HOURS, {
      amr: ['pwd'],
      stage: 'mfa',
      ...client,
    })
    return { stage: 'mfa', sessionId: half.id, session: half, user, methods }
  }
  await clearFailedSignIns(ctx.db, user.email)
  const session = await createSession(ctx.db, user.id, ctx.config.SESSION_LIFETIME_HOURS, {
    amr: ['pwd'],
    ...client,
  })
  return { stage: 'complete', sessionId: session.id, session, user }
}

/** The half session of a cookie, with its user; refused when there is none (expired, completed). */
export async function pendingSignIn(
  ctx: AppContext,
  sessionId: string | undefined,
): Promise<{ session: Session; user: UserRecord }> {
  const session = sessionId ? await findAnySession(ctx.db, sessionId) : null
  if (!session || session.stage !== 'mfa') throw new SignInError(401, 'mfa_pending_missing')
  const user = await findUserById(ctx.db, session.userId)
  if (!user || user.disabled || user.tenantStatus !== 'active')
    throw new SignInError(401, 'mfa_pending_missing')
  return { session, user }
}

/**
 * The second step: a right factor replaces the half session with a complete one whose amr says
 * what was used ('pwd' + 'otp' or 'hwk' + 'mfa'); a new id, so a half session's cookie never
 * becomes a signed-in one. Each wrong factor counts; the fifth ends the half session.
 */
export async function completeSignIn(
  ctx: AppContext,
  sessionId: string | undefined,
  factor: SecondFactor,
  client: ClientInfo,
): Promise<{ sessionId: string; session: Session; user: UserRecord }> {
  const { session, user } = await pendingSignIn(ctx, sessionId)
  const methods = await checkSecondFactor(ctx, user.id, sessionId!, factor)
  if (!methods) {
    const failures = await countMfaFailure(ctx.db, sessionId!)
    if (failures >= MAX_MFA_FAILURES) {
      await deleteSession(ctx.db, sessionId!)
      throw new SignInError(401, 'mfa_too_many')
    }
    throw new SignInError(401, factor && 'passkey' in factor ? 'passkey_failed' : 'mfa_code_invalid')
  }
  await deleteSession(ctx.db, sessionId!)
  await clearFailedSignIns(ctx.db, user.email)
  const amr = [...new Set([...session.amr, ...methods, 'mfa'])]
  const complete = await createSession(ctx.db, user.id, ctx.config.SESSION_LIFETIME_HOURS, { amr, ...client })
  return { sessionId: complete.id, session: complete, user }
}
