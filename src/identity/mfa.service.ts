import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'
import { generateSecret, generateURI, verify as verifyOtp } from 'otplib'
import { recordAudit } from '../audit/audit.data.ts'
import type { AppContext } from '../platform/context.ts'
import type { Actor } from './actor.ts'
import { didMfa } from './mfa-policy.ts'
import {
  acceptTotpStep,
  addPasskeyFactor,
  addTotpFactor,
  factorsOf,
  normaliseRecoveryCode,
  notePasskeyUse,
  recoveryCodesLeft,
  removeFactor,
  replaceRecoveryCodes,
  useRecoveryCode,
} from './mfa.data.ts'
import { sealerOf } from './sealing.ts'
import { setWebauthnChallenge, takeWebauthnChallenge } from './sessions.data.ts'
import { SignInError } from './signin.messages.ts'
import type { UserRecord } from './users.data.ts'

// Passkeys and QR codes are used only while a user sets up or uses a second factor: their
// libraries load on first use, not at every start (docs/scaling.md, "Fast start").
const webauthn = () => import('@simplewebauthn/server')
const qrcode = async () => (await import('qrcode')).default

/**
 * Second factors: TOTP (an authenticator app, RFC 6238: 6 digits, 30 s, one step of clock skew
 * either way, each step accepted once) with recovery codes, and passkeys (WebAuthn). Seeds are
 * sealed at rest (sealing.ts), bound to their factor's id.
 */

const sealContext = (factorId: string) => `mfa-totp:${factorId}`

/** The relying party of passkeys: the portal's origin and its host name (or WEBAUTHN_RP_ID). */
export function relyingParty(ctx: AppContext): { id: string; origin: string; name: string } {
  const url = new URL(ctx.config.publicUrl)
  return { id: ctx.config.WEBAUTHN_RP_ID ?? url.hostname, origin: url.origin, name: 'Tramite' }
}

export interface MfaStatus {
  factors: {
    id: string
    kind: 'totp' | 'passkey'
    label: string
    createdAt: string
    lastUsedAt: string | null
  }[]
  recoveryCodesLeft: number
  tenantRequiresMfa: boolean
  sessionDidMfa: boolean
}

export async function mfaStatus(ctx: AppContext, actor: Actor): Promise<MfaStatus> {
  const factors = await factorsOf(ctx.db, actor.userId)
  return {
    factors: factors.map((f) => ({
      id: f.id,
      kind: f.kind,
      label: f.label,
      createdAt: f.createdAt.toISOString(),
      lastUsedAt: f.lastUsedAt?.toISOString() ?? null,
    })),
    recoveryCodesLeft: await recoveryCodesLeft(ctx.db, actor.userId),
    tenantRequiresMfa: actor.user.tenantRequiresMfa,
    sessionDidMfa: didMfa(actor.authMethods),
  }
}

/**
 * Changing the factors of an account that has some needs a session that did MFA (step-up): a
 * stolen password alone must not be able to swap the second factor.
 */
async function assertMayChangeFactors(ctx: AppContext, actor: Actor): Promise<void> {
  if (actor.via !== 'session' || actor.principal !== 'user') throw new SignInError(403, 'step_up_required')
  const existing = await factorsOf(ctx.db, actor.userId)
  if (existing.length > 0 && !didMfa(actor.authMethods)) throw new SignInError(403, 'step_up_required')
}

/** Starts setting up an authenticator app: a new seed, its otpauth:// URI and a QR code of it. */
export async function startTotpEnrolment(
  ctx: AppContext,
  actor: Actor,
  label: string,
): Promise<{ factorId: string; secret: string; uri: string; qrSvg: string }> {
  await assertMayChangeFactors(ctx, actor)
  const secret = generateSecret()
  const factorId = await addTotpFactor(ctx.db, actor.userId, label, (id) =>
    sealerOf(ctx).seal(secret, sealContext(id)),
  )
  const uri = generateURI({ issuer: 'Tramite', label: actor.email, secret })
  const qrSvg = await (await qrcode()).toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return { factorId, secret, uri, qrSvg }
}

/** The time step a code is right for, or null (one step of skew either way; steps after `after` only). */
async function totpStep(
  ctx: AppContext,
  secret: string,
  code: string,
  after: number | null,
): Promise<number | null> {
  const token = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const result = await verifyOtp({
    secret,
    token,
    epoch: Math.floor(ctx.now().getTime() / 1000),
    epochTolerance: 30,
    ...(after !== null ? { afterTimeStep: after } : {}),
  }).catch(() => null)
  return result?.valid && 'timeStep' in result ? result.timeStep : null
}

/**
 * Confirms an authenticator app with a first right code. The first factor of an account comes
 * with 10 recovery codes, answered here once.
 */
export async function confirmTotp(
  ctx: AppContext,
  actor: Actor,
  factorId: string,
  code: string,
): Promise<{ recoveryCodes: string[] | null }> {
  await assertMayChangeFactors(ctx, actor)
  const pending = (await factorsOf(ctx.db, actor.userId, false)).find(
    (f) => f.id === factorId && f.kind === 'totp' && !f.confirmed,
  )
  if (!pending?.secretSealed) throw new SignInError(404, 'totp_not_enrolled')
  const hadFactors = (await factorsOf(ctx.db, actor.userId)).length > 0
  const secret = sealerOf(ctx).open(pending.secretSealed, sealContext(pending.id))
  const step = await totpStep(ctx, secret, code, null)
  if (step === null || !(await acceptTotpStep(ctx.db, pending.id, step, ctx.now())))
    throw new SignInError(400, 'mfa_code_invalid')
  const recoveryCodes = hadFactors ? null : await replaceRecoveryCodes(ctx.db, actor.userId)
  await audit(ctx, actor.user, 'mfa.factor_added', { kind: 'totp', factorId })
  return { recoveryCodes }
}

export async function regenerateRecoveryCodes(ctx: AppContext, actor: Actor): Promise<string[]> {
  await assertMayChangeFactors(ctx, actor)
  if ((await factorsOf(ctx.db, actor.userId)).length === 0) throw new SignInError(404, 'factor_not_found')
  const codes = await replaceRecoveryCodes(ctx.db, actor.userId)
  await audit(ctx, actor.user, 'mfa.recovery_codes_replaced', {})
  return codes
}

export async function deleteFactor(ctx: AppContext, actor: Actor, factorId: string): Promise<void> {
  await assertMayChangeFactors(ctx, actor)
  if (!(await removeFactor(ctx.db, actor.userId, factorId))) throw new SignInError(404, 'factor_not_found')
  await audit(ctx, actor.user, 'mfa.factor_removed', { factorId })
}

/** Options for the browser to create a passkey; the challenge is kept on the session, used once. */
export async function passkeyRegistrationOptions(ctx: AppContext, actor: Actor, sessionId: string) {
  await assertMayChangeFactors(ctx, actor)
  const rp = relyingParty(ctx)
  const existing = (await factorsOf(ctx.db, actor.userId)).filter((f) => f.kind === 'passkey')
  const options = await (
    await webauthn()
  ).generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: actor.email,
    userDisplayName: actor.displayName,
    userID: new TextEncoder().encode(actor.userId),
    attestationType: 'none',
    excludeCredentials: existing.map((f) => ({ id: f.credentialId! })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  })
  await setWebauthnChallenge(ctx.db, sessionId, options.challenge)
  return options
}

export async function registerPasskey(
  ctx: AppContext,
  actor: Actor,
  sessionId: string,
  label: string,
  response: RegistrationResponseJSON,
): Promise<{ factorId: string; recoveryCodes: string[] | null }> {
  await assertMayChangeFactors(ctx, actor)
  const challenge = await takeWebauthnChallenge(ctx.db, sessionId)
  if (!challenge) throw new SignInError(400, 'passkey_failed')
  const rp = relyingParty(ctx)
  const verified = await (
    await webauthn()
  )
    .verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    })
    .catch(() => null)
  if (!verified?.verified) throw new SignInError(400, 'passkey_failed')
  const { credential } = verified.registrationInfo
  const hadFactors = (await factorsOf(ctx.db, actor.userId)).length > 0
  const factorId = await addPasskeyFactor(ctx.db, actor.userId, {
    label,
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    signCount: credential.counter,
    transports: credential.transports ?? [],
  })
  const recoveryCodes = hadFactors ? null : await replaceRecoveryCodes(ctx.db, actor.userId)
  await audit(ctx, actor.user, 'mfa.factor_added', { kind: 'passkey', factorId })
  return { factorId, recoveryCodes }
}

/** The methods a user's second step offers. */
export async function secondFactorMethods(
  ctx: AppContext,
  userId: string,
): Promise<('totp' | 'passkey' | 'recovery_code')[]> {
  const factors = await factorsOf(ctx.db, userId)
  const methods: ('totp' | 'passkey' | 'recovery_code')[] = []
  if (factors.some((f) => f.kind === 'totp')) methods.push('totp')
  if (factors.some((f) => f.kind === 'passkey')) methods.push('passkey')
  if (factors.length > 0) methods.push('recovery_code')
  return methods
}

/** Options for the second step with a passkey; the challenge is kept on the half session. */
export async function passkeyAuthenticationOptions(ctx: AppContext, userId: string, sessionId: string) {
  const passkeys = (await factorsOf(ctx.db, userId)).filter((f) => f.kind === 'passkey')
  if (passkeys.length === 0) throw new SignInError(404, 'factor_not_found')
  const options = await (
    await webauthn()
  ).generateAuthenticationOptions({
    rpID: relyingParty(ctx).id,
    allowCredentials: passkeys.map((f) => ({ id: f.credentialId!, transports: f.transports })),
    userVerification: 'preferred',
  })
  await setWebauthnChallenge(ctx.db, sessionId, options.challenge)
  return options
}

export type SecondFactor =
  { code: string } | { recoveryCode: string } | { passkey: AuthenticationResponseJSON }

/**
 * Checks a second factor for a user; answers the methods it adds to the session's amr (RFC 8176),
 * or null when it is wrong (a TOTP code already used counts as wrong).
 */
export async function checkSecondFactor(
  ctx: AppContext,
  userId: string,
  sessionId: string,
  factor: SecondFactor,
): Promise<string[] | null> {
  const factors = await factorsOf(ctx.db, userId)
  if ('code' in factor) {
    for (const f of factors.filter((x) => x.kind === 'totp')) {
      const secret = sealerOf(ctx).open(f.secretSealed!, sealContext(f.id))
      const step = await totpStep(ctx, secret, factor.code, f.lastStep)
      if (step !== null && (await acceptTotpStep(ctx.db, f.id, step, ctx.now()))) return ['otp']
    }
    return null
  }
  if ('recoveryCode' in factor) {
    if (normaliseRecoveryCode(factor.recoveryCode).length !== 10) return null
    return (await useRecoveryCode(ctx.db, userId, factor.recoveryCode, ctx.now())) ? ['otp'] : null
  }
  const challenge = await takeWebauthnChallenge(ctx.db, sessionId)
  const passkey = factors.find((f) => f.kind === 'passkey' && f.credentialId === factor.passkey.id)
  if (!challenge || !passkey) return null
  const rp = relyingParty(ctx)
  const verified = await (
    await webauthn()
  )
    .verifyAuthenticationResponse({
      response: factor.passkey,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId!,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey!, 'base64url')),
        counter: passkey.signCount,
        transports: passkey.transports as never,
      },
      requireUserVerification: false,
    })
    .catch(() => null)
  if (!verified?.verified) return null
  await notePasskeyUse(ctx.db, passkey.id, verified.authenticationInfo.newCounter, ctx.now())
  return ['hwk']
}

async function audit(ctx: AppContext, user: UserRecord, action: string, details: Record<string, unknown>) {
  await recordAudit(ctx.db, {
    actorUserId: user.id,
    actorEmail: user.email,
    actorTenantId: user.tenantId,
    tenantId: user.tenantId,
    action,
    targetType: 'user',
    targetId: user.id,
    result: 'done',
    details,
  })
}
