import { randomUUID } from 'node:crypto'
import * as client from 'openid-client'
import { recordAudit } from '../audit/audit.data.ts'
import type { AppContext } from '../platform/context.ts'
import { invalidCredentials, tenantSuspended } from '../platform/errors.ts'
import { sealerOf } from './sealing.ts'
import { createSession, type Session } from './sessions.data.ts'
import type { ClientInfo } from './signin.service.ts'
import { SignInError } from './signin.messages.ts'
import { normaliseIdentity } from './signin-throttle.ts'
import {
  type ProviderRecord,
  providerById,
  providerForEmail,
  saveSsoRequest,
  takeSsoRequest,
} from './sso.data.ts'
import { findUserByEmail, findUserById, type UserRecord } from './users.data.ts'
import { findVendorName } from './vendor.data.ts'

/**
 * Single sign-on with a tenant's own OpenID Connect provider: authorization code flow with PKCE
 * (S256), state and nonce, through `openid-client` — which checks the ID token's signature
 * (the provider's JWKS), issuer, audience, expiry and nonce. A sign-in under way is kept in the
 * database (sso_requests) and taken once, so a replayed answer finds nothing.
 */

const SSO_REQUEST_MINUTES = 10

export const secretContext = (tenantId: string): string => `idp-client-secret:${tenantId}`
export const callbackUrl = (ctx: AppContext): string => `${ctx.config.publicUrl}/api/sso/callback`

/** Plain HTTP is allowed only for a provider on this machine (development and tests). */
export function isLoopbackHttp(issuer: URL): boolean {
  return issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname)
}

// Discovery answers, per provider and version of its settings (a cache: every instance can rebuild it).
const configurations = new Map<string, Promise<client.Configuration>>()

export function discover(
  issuer: string,
  clientId: string,
  clientSecret: string,
): Promise<client.Configuration> {
  const url = new URL(issuer)
  return client.discovery(url, clientId, undefined, client.ClientSecretBasic(clientSecret), {
    // the ID token's signature is checked against the provider's keys too (openid-client checks
    // only its claims unless asked): a relay between Tramite and the provider cannot forge one
    execute: [
      ...(isLoopbackHttp(url) ? [client.allowInsecureRequests] : []),
      client.enableNonRepudiationChecks,
    ],
    timeout: 10,
  })
}

function configurationFor(ctx: AppContext, provider: ProviderRecord): Promise<client.Configuration> {
  const key = `${provider.id}:${provider.updatedAt.getTime()}`
  let config = configurations.get(key)
  if (!config) {
    const secret = sealerOf(ctx).open(provider.clientSecretSealed, secretContext(provider.tenantId))
    config = discover(provider.issuer, provider.clientId, secret)
    configurations.set(key, config)
    // a failed discovery is not remembered: the provider may be back a moment later
    config.catch(() => configurations.delete(key))
  }
  return config
}

/** Starts a sign-in at the provider that owns the email's domain; answers the URL to send the browser to. */
export async function startSso(ctx: AppContext, email: string, returnTo: string | null): Promise<URL> {
  const loginHint = normaliseIdentity(email)
  const provider = await providerForEmail(ctx.db, loginHint)
  if (!provider) throw new SignInError(404, 'sso_not_configured')
  let config: client.Configuration
  try {
    config = await configurationFor(ctx, provider)
  } catch (error) {
    throw new SignInError(502, 'sso_discovery_failed', { issuer: provider.issuer, detail: messageOf(error) })
  }
  const state = client.randomState()
  const nonce = client.randomNonce()
  const codeVerifier = client.randomPKCECodeVerifier()
  await saveSsoRequest(ctx.db, {
    state,
    providerId: provider.id,
    codeVerifier,
    nonce,
    loginHint,
    returnTo,
    expiresAt: new Date(ctx.now().getTime() + SSO_REQUEST_MINUTES * 60_000),
  })
  return client.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(ctx),
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    login_hint: loginHint,
  })
}

export interface SsoResult {
  sessionId: string
  session: Session
  user: UserRecord
  returnTo: string | null
}

/** Finishes a sign-in from the provider's answer (the callback URL as received). */
export async function finishSso(ctx: AppContext, currentUrl: URL, info: ClientInfo): Promise<SsoResult> {
  const state = currentUrl.searchParams.get('state')
  const pending = state ? await takeSsoRequest(ctx.db, state, ctx.now()) : null
  if (!pending) throw new SignInError(400, 'sso_state_invalid')
  const provider = await providerById(ctx.db, pending.providerId)
  if (!provider) throw new SignInError(400, 'sso_state_invalid')
  const refusal = currentUrl.searchParams.get('error')
  if (refusal) {
    const description = currentUrl.searchParams.get('error_description')
    throw new SignInError(401, 'sso_refused', {
      detail: description ? `${refusal}: ${description}` : refusal,
    })
  }
  const config = await configurationFor(ctx, provider)
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>
  try {
    tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedNonce: pending.nonce,
      expectedState: state!,
      idTokenExpected: true,
    })
  } catch (error) {
    // the provider refused the code (an OAuth error answer), or its answer failed a check
    if (error instanceof client.ResponseBodyError)
      throw new SignInError(401, 'sso_refused', {
        detail: `${error.error}: ${error.error_description ?? ''}`.trim(),
      })
    throw new SignInError(401, 'sso_token_invalid', { detail: messageOf(error) })
  }
  const claims = tokens.claims()!
  const email = typeof claims.email === 'string' ? normaliseIdentity(claims.email) : null
  if (!email || claims.email_verified !== true) throw new SignInError(401, 'sso_email_unverified')

  const user = await userFor(ctx, provider, email, claims)
  await syncGroups(ctx, provider, user, claims)
  const amr = ['fed', ...(providerDidMfa(claims) ? ['mfa'] : [])]
  const session = await createSession(ctx.db, user.id, ctx.config.SESSION_LIFETIME_HOURS, {
    amr,
    identityProviderId: provider.id,
    idToken: tokens.id_token ?? null,
    ...info,
  })
  return { sessionId: session.id, session, user, returnTo: pending.returnTo }
}

/** The provider says it did MFA: `amr` has 'mfa' (RFC 8176), or more than one method. */
function providerDidMfa(claims: client.IDToken): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((m): m is string => typeof m === 'string') : []
  return amr.includes('mfa') || new Set(amr.filter((m) => m !== 'fed')).size > 1
}

/** The user of the provider's tenant with this verified email; created on first sign-in when the tenant allows it. */
async function userFor(
  ctx: AppContext,
  provider: ProviderRecord,
  email: string,
  claims: client.IDToken,
): Promise<UserRecord> {
  const existing = await findUserByEmail(ctx.db, email)
  if (existing) {
    if (existing.tenantId !== provider.tenantId)
      throw new SignInError(403, 'sso_other_tenant', { email, tenant: provider.tenantName })
    if (existing.disabled) throw invalidCredentials()
    if (existing.tenantStatus !== 'active')
      throw tenantSuspended(existing.tenantName, await findVendorName(ctx.db))
    return existing
  }
  if (!provider.jitUsers) throw new SignInError(403, 'sso_no_account', { email, tenant: provider.tenantName })
  const id = randomUUID()
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id,
        tenant_id: provider.tenantId,
        email,
        display_name: name.slice(0, 200),
        given_name: typeof claims.given_name === 'string' ? claims.given_name.slice(0, 100) : null,
        surname: typeof claims.family_name === 'string' ? claims.family_name.slice(0, 100) : null,
        phone: null,
        locale: null,
        password_hash: null,
      })
      .execute()
    await recordAudit(trx, {
      actorUserId: null,
      actorEmail: null,
      actorTenantId: null,
      tenantId: provider.tenantId,
      action: 'user.created_on_first_sign_in',
      targetType: 'user',
      targetId: id,
      result: 'done',
      details: { email, issuer: provider.issuer },
    })
  })
  const created = await findUserById(ctx.db, id)
  if (!created) throw new Error('user created on first sign-in not found')
  if (created.tenantStatus !== 'active')
    throw tenantSuspended(created.tenantName, await findVendorName(ctx.db))
  return created
}

/**
 * The group claim decides membership of the mapped groups only: the user joins each mapped group
 * whose claim value they carry and leaves the mapped ones they no longer carry; other groups are
 * the administrator's.
 */
async function syncGroups(
  ctx: AppContext,
  provider: ProviderRecord,
  user: UserRecord,
  claims: client.IDToken,
) {
  if (!provider.groupsClaim || provider.groupMaps.length === 0) return
  const raw = claims[provider.groupsClaim]
  const values = new Set(Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [])
  const managed = [...new Set(provider.groupMaps.map((m) => m.groupId))]
  const wanted = [
    ...new Set(provider.groupMaps.filter((m) => values.has(m.claimValue)).map((m) => m.groupId)),
  ]
  await ctx.db.transaction().execute(async (trx) => {
    const leave = managed.filter((g) => !wanted.includes(g))
    const left =
      leave.length > 0
        ? await trx
            .deleteFrom('group_user_members')
            .where('user_id', '=', user.id)
            .where('group_id', 'in', leave)
            .returning('group_id')
            .execute()
        : []
    const joined =
      wanted.length > 0
        ? await trx
            .insertInto('group_user_members')
            .values(wanted.map((group_id) => ({ group_id, user_id: user.id })))
            .onConflict((oc) => oc.doNothing())
            .returning('group_id')
            .execute()
        : []
    // a membership changed by the provider's claim is a change like any other: audited
    if (left.length > 0 || joined.length > 0)
      await recordAudit(trx, {
        actorUserId: null,
        actorEmail: null,
        actorTenantId: null,
        tenantId: provider.tenantId,
        action: 'user.groups_synced_from_provider',
        targetType: 'user',
        targetId: user.id,
        result: 'done',
        details: {
          issuer: provider.issuer,
          joined: joined.map((r) => r.group_id),
          left: left.map((r) => r.group_id),
        },
      })
  })
}

/** The provider's end-session URL for a federated session (RP-initiated logout), when it has one. */
export async function endSessionUrl(ctx: AppContext, session: Session): Promise<string | null> {
  if (!session.identityProviderId) return null
  const provider = await providerById(ctx.db, session.identityProviderId)
  if (!provider) return null
  try {
    const config = await configurationFor(ctx, provider)
    if (!config.serverMetadata().end_session_endpoint) return null
    return client
      .buildEndSessionUrl(config, {
        ...(session.idToken ? { id_token_hint: session.idToken } : {}),
        post_logout_redirect_uri: `${ctx.config.publicUrl}/signin`,
      })
      .toString()
  } catch {
    return null
  }
}

/** The library's message, naming the claim that failed (aud, exp, nonce…). */
function messageOf(error: unknown): string {
  // openid-client wraps the check that failed: its cause says which claim and why
  const cause = error instanceof Error ? error.cause : undefined
  const text = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error)
  return text.slice(0, 300)
}
