import { createHash, timingSafeEqual } from 'node:crypto'
import { recordAudit } from '../audit/audit.data.ts'
import { findUserById, type UserRecord } from '../identity/users.data.ts'
import type { AppContext } from '../platform/context.ts'
import { type ApplicationRecord, findAppByClientId } from './applications.data.ts'
import { authenticateClient, type ClientAuthMethod, type ClientCredentials } from './client-auth.ts'
import { permissionsInForce } from './consent.ts'
import { delegatedGrants } from './delegation.ts'
import {
  insertRefreshToken,
  newSecret,
  pollDeviceCode,
  redeemDeviceCode,
  takeAuthorizationCode,
  takeRefreshToken,
} from './grants.data.ts'
import { oauthErrors } from './oauth-errors.ts'
import { grantedScopeString, parseScopes, type ScopeRequest } from './scopes.ts'
import { findTenant, resolveTenantSegment, type TenantInfo, type TenantSegment } from './tenant-segment.ts'

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'

/** The form fields of a token request (everything optional: each grant says what it needs). */
export type TokenForm = Partial<Record<string, string>>

export interface TokenResponse {
  token_type: 'Bearer'
  scope: string
  expires_in: number
  ext_expires_in: number
  access_token: string
  refresh_token?: string
  id_token?: string
  client_info?: string
}

/** The token endpoint URLs a client assertion may be addressed to (its `aud`). */
export function tokenEndpoints(ctx: AppContext, segment: string, tenantId?: string): string[] {
  const base = ctx.config.authorityUrl
  const segments = [...new Set([segment, segment.toLowerCase(), ...(tenantId ? [tenantId] : [])])]
  return segments.flatMap((s) => [`${base}/${s}/oauth2/v2.0/token`, `${base}/${s}/oauth2/token`])
}

const required = (form: TokenForm, name: string): string => {
  const value = form[name]
  if (value === undefined || value === '') throw oauthErrors.missingParameter(name)
  return value
}

const credentialsOf = (form: TokenForm): ClientCredentials => ({
  ...(form.client_secret !== undefined ? { clientSecret: form.client_secret } : {}),
  ...(form.client_assertion !== undefined ? { clientAssertion: form.client_assertion } : {}),
  ...(form.client_assertion_type !== undefined ? { clientAssertionType: form.client_assertion_type } : {}),
})

async function clientOf(ctx: AppContext, form: TokenForm): Promise<ApplicationRecord> {
  const clientId = required(form, 'client_id')
  const app = await findAppByClientId(ctx.db, clientId)
  if (!app) throw oauthErrors.unknownClient(clientId)
  if (app.tenantStatus !== 'active') throw oauthErrors.tenantSuspended(app.tenantName)
  return app
}

/** POST /{tenant}/oauth2/v2.0/token: one of the four grants. */
export async function tokenRequest(
  ctx: AppContext,
  segmentText: string,
  form: TokenForm,
): Promise<TokenResponse> {
  const grantType = required(form, 'grant_type')
  const segment = await resolveTenantSegment(ctx, segmentText)
  const endpoints = tokenEndpoints(
    ctx,
    segmentText,
    segment.kind === 'tenant' ? segment.tenant.id : undefined,
  )
  switch (grantType) {
    case 'client_credentials':
      return clientCredentials(ctx, segment, segmentText, form, endpoints)
    case 'authorization_code':
      return authorizationCode(ctx, segment, form, endpoints)
    case 'refresh_token':
      return refreshToken(ctx, segment, form, endpoints)
    // MSAL sends the short name, which the Microsoft identity platform accepts too
    case 'device_code':
    case DEVICE_CODE_GRANT:
      return deviceCode(ctx, segment, form, endpoints)
    default:
      throw oauthErrors.unsupportedGrant(grantType)
  }
}

async function clientCredentials(
  ctx: AppContext,
  segment: TenantSegment,
  segmentText: string,
  form: TokenForm,
  endpoints: string[],
): Promise<TokenResponse> {
  const scope = parseScopes(required(form, 'scope'))
  if (segment.kind !== 'tenant') throw oauthErrors.tenantRequiredForApp()
  const app = await clientOf(ctx, form)
  // an application acting on its own reaches only the tenant it is registered in
  if (app.tenantId !== segment.tenant.id) throw oauthErrors.unknownClient(app.clientId, segmentText)
  if (app.publicClient) throw oauthErrors.publicClientCannotUseCredentials(app.clientId)
  const method = await authenticateClient(ctx, app, credentialsOf(form), endpoints)
  if (!scope.explicit || scope.permissions !== 'default' || scope.oidc.size > 0) {
    throw oauthErrors.invalidScope(
      form.scope ?? '',
      'The client_credentials grant takes one scope, <resource>/.default (for example https://graph.microsoft.com/.default).',
      'La concessione client_credentials accetta un solo scope, <risorsa>/.default (per esempio https://graph.microsoft.com/.default).',
    )
  }
  const roles = await permissionsInForce(ctx.db, app.id, scope.resource.key, 'application', null)
  const issued = await ctx.tokens.issue(
    {
      oid: app.id,
      tid: app.tenantId,
      home_tid: app.tenantId,
      name: app.displayName,
      azp: app.clientId,
      ...(roles.length > 0 ? { roles } : {}),
      idtyp: 'app',
      azpacr: method,
    },
    scope.resource.audience,
  )
  await recordAudit(ctx.db, {
    actorUserId: null,
    actorEmail: null,
    actorTenantId: app.tenantId,
    applicationId: app.id,
    tenantId: app.tenantId,
    action: 'authority.token',
    targetType: 'application',
    targetId: app.id,
    result: 'done',
    details: { grant: 'client_credentials', audience: scope.resource.audience, roles, clientAuth: method },
  })
  return {
    token_type: 'Bearer',
    scope: `${scope.resource.audience}/.default`,
    expires_in: ctx.tokens.lifetimeSeconds,
    ext_expires_in: ctx.tokens.lifetimeSeconds,
    access_token: issued.token,
  }
}

function checkPkce(challenge: string | null, method: string | null, verifier: string | undefined): void {
  if (challenge === null) return
  if (!verifier) throw oauthErrors.missingParameter('code_verifier')
  const computed = method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url')
  const a = Buffer.from(computed)
  const b = Buffer.from(challenge)
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw oauthErrors.pkceFailed()
}

async function authorizationCode(
  ctx: AppContext,
  segment: TenantSegment,
  form: TokenForm,
  endpoints: string[],
): Promise<TokenResponse> {
  const code = required(form, 'code')
  const app = await clientOf(ctx, form)
  const method = await authenticateClient(ctx, app, credentialsOf(form), endpoints)
  const grant = await takeAuthorizationCode(ctx.db, code)
  if (!grant || grant.applicationId !== app.id || grant.expiresAt <= ctx.now())
    throw oauthErrors.invalidCode()
  if ((form.redirect_uri ?? '') !== grant.redirectUri) throw oauthErrors.redirectMismatch()
  checkPkce(grant.codeChallenge, grant.codeChallengeMethod, form.code_verifier)
  if (segment.kind === 'tenant' && segment.tenant.id !== grant.tenantId) throw oauthErrors.invalidCode()
  const user = await activeUser(ctx, grant.userId)
  const tenant = (await findTenant(ctx, grant.tenantId))!
  // the scope of the token request may narrow the one authorized; MSAL sends it again
  const scope = parseScopes(form.scope && form.scope.trim() ? form.scope : grant.scope)
  return issueDelegated(ctx, app, user, tenant, scope, {
    amr: grant.amr,
    authTime: grant.authTime,
    nonce: grant.nonce,
    method,
    clientInfo: form.client_info === '1',
    grant: 'authorization_code',
  })
}

async function refreshToken(
  ctx: AppContext,
  segment: TenantSegment,
  form: TokenForm,
  endpoints: string[],
): Promise<TokenResponse> {
  const token = required(form, 'refresh_token')
  const app = await clientOf(ctx, form)
  const method = await authenticateClient(ctx, app, credentialsOf(form), endpoints)
  const grant = await takeRefreshToken(ctx.db, token)
  if (!grant || grant.applicationId !== app.id || grant.expiresAt <= ctx.now())
    throw oauthErrors.invalidCode()
  const user = await activeUser(ctx, grant.userId)
  const tenant = segment.kind === 'tenant' ? segment.tenant : (await findTenant(ctx, user.tenantId))!
  const scope = parseScopes(form.scope ?? 'openid profile offline_access')
  try {
    return await issueDelegated(ctx, app, user, tenant, scope, {
      amr: grant.amr,
      authTime: grant.authTime,
      nonce: null,
      method,
      clientInfo: form.client_info === '1',
      grant: 'refresh_token',
      // a refused exchange does not cost the client its refresh token
      keepRefreshToken: { token, expiresAt: grant.expiresAt },
    })
  } catch (error) {
    await insertRefreshToken(ctx.db, token, grant)
    throw error
  }
}

async function deviceCode(
  ctx: AppContext,
  segment: TenantSegment,
  form: TokenForm,
  endpoints: string[],
): Promise<TokenResponse> {
  const code = required(form, 'device_code')
  const app = await clientOf(ctx, form)
  const method = await authenticateClient(ctx, app, credentialsOf(form), endpoints)
  const now = ctx.now()
  const row = await pollDeviceCode(ctx.db, code, now)
  if (!row || row.applicationId !== app.id || row.expiresAt <= now) throw oauthErrors.deviceExpired()
  if (row.status === 'declined') throw oauthErrors.deviceDeclined()
  if (row.status === 'pending') {
    // half the interval of grace: clients wait the interval between polls, give or take
    if (row.lastPolledAt && now.getTime() - row.lastPolledAt.getTime() < (row.intervalSeconds * 1000) / 2)
      throw oauthErrors.slowDown()
    throw oauthErrors.authorizationPending()
  }
  if (!(await redeemDeviceCode(ctx.db, row.deviceCodeHash))) throw oauthErrors.deviceExpired()
  const user = await activeUser(ctx, row.userId!)
  const tenantId = row.tenantId ?? (segment.kind === 'tenant' ? segment.tenant.id : user.tenantId)
  const tenant = (await findTenant(ctx, tenantId))!
  return issueDelegated(ctx, app, user, tenant, parseScopes(row.scope), {
    amr: row.amr ?? [],
    authTime: row.authTime ?? now,
    nonce: null,
    method,
    clientInfo: form.client_info === '1',
    grant: 'device_code',
  })
}

async function activeUser(ctx: AppContext, userId: string): Promise<UserRecord> {
  const user = await findUserById(ctx.db, userId)
  if (!user || user.disabled) throw oauthErrors.userGone()
  if (user.tenantStatus !== 'active') throw oauthErrors.tenantSuspended(user.tenantName)
  return user
}

interface DelegatedOptions {
  amr: string[]
  authTime: Date
  nonce: string | null
  method: ClientAuthMethod
  clientInfo: boolean
  grant: string
  keepRefreshToken?: { token: string; expiresAt: Date }
}

/**
 * The tokens of an application acting for a person: an access token in `tenant` (the person's own,
 * or a customer's through GDAP), with the delegated permissions in force; an ID token for
 * `openid`; a new refresh token for `offline_access`.
 */
export async function issueDelegated(
  ctx: AppContext,
  app: ApplicationRecord,
  user: UserRecord,
  tenant: TenantInfo,
  scope: ScopeRequest,
  options: DelegatedOptions,
): Promise<TokenResponse> {
  // applications are single-tenant: the people of the app's own tenant use it
  if (user.tenantId !== app.tenantId) throw oauthErrors.unknownClient(app.clientId, user.tenantName)
  if (tenant.status !== 'active') throw oauthErrors.tenantSuspended(tenant.name)
  const audit = {
    actorUserId: user.id,
    actorEmail: user.email,
    actorTenantId: user.tenantId,
    applicationId: app.id,
    tenantId: tenant.id,
    action: 'authority.token',
    targetType: 'application',
    targetId: app.id,
  }
  if (tenant.id !== user.tenantId) {
    try {
      await delegatedGrants(ctx, user, tenant)
    } catch (error) {
      await recordAudit(ctx.db, {
        ...audit,
        rule: 'R1',
        result: 'refused',
        reason: (error as { description?: (l: 'en') => string }).description?.('en') ?? 'no GDAP role',
        details: { grant: options.grant, audience: scope.resource.audience },
      })
      throw error
    }
  }
  const inForce = await permissionsInForce(ctx.db, app.id, scope.resource.key, 'delegated', user.id)
  let scp: string[]
  if (scope.permissions === 'default') scp = inForce
  else {
    const held = new Map(inForce.map((p) => [p.toLowerCase(), p]))
    const missing = scope.permissions.filter((p) => !held.has(p.toLowerCase()))
    if (missing.length > 0) throw oauthErrors.consentRequired(app.displayName, missing.join(', '))
    scp = scope.permissions.map((p) => held.get(p.toLowerCase())!)
  }
  if (scope.explicit && scp.length === 0) {
    throw oauthErrors.consentRequired(
      app.displayName,
      `${scope.resource.displayName} (${scope.resource.audience})`,
    )
  }
  const issued = await ctx.tokens.issue(
    {
      oid: user.id,
      tid: tenant.id,
      home_tid: user.tenantId,
      upn: user.email,
      preferred_username: user.email,
      name: user.displayName,
      azp: app.clientId,
      ...(scp.length > 0 ? { scp: scp.join(' ') } : {}),
      amr: options.amr,
      idtyp: 'user',
      azpacr: options.method,
    },
    scope.resource.audience,
  )
  const response: TokenResponse = {
    token_type: 'Bearer',
    scope: grantedScopeString(scope.resource, scp, scope.oidc),
    expires_in: ctx.tokens.lifetimeSeconds,
    ext_expires_in: ctx.tokens.lifetimeSeconds,
    access_token: issued.token,
  }
  if (scope.oidc.has('offline_access') || options.keepRefreshToken) {
    const refresh = newSecret()
    await insertRefreshToken(ctx.db, refresh, {
      applicationId: app.id,
      userId: user.id,
      amr: options.amr,
      authTime: options.authTime,
      expiresAt: new Date(ctx.now().getTime() + ctx.config.REFRESH_TOKEN_LIFETIME_DAYS * 86400_000),
    })
    response.refresh_token = refresh
  }
  if (scope.oidc.has('openid')) {
    const sub = createHash('sha256').update(`${app.clientId}:${user.id}`).digest('base64url')
    const idToken = await ctx.tokens.sign(
      {
        ver: '2.0',
        oid: user.id,
        tid: tenant.id,
        name: user.displayName,
        preferred_username: user.email,
        ...(scope.oidc.has('email') ? { email: user.email } : {}),
        ...(options.nonce ? { nonce: options.nonce } : {}),
        auth_time: Math.floor(options.authTime.getTime() / 1000),
        amr: options.amr,
      },
      { audience: app.clientId, issuerTenant: tenant.id, subject: sub },
    )
    response.id_token = idToken.token
  }
  if (options.clientInfo) {
    response.client_info = Buffer.from(JSON.stringify({ uid: user.id, utid: user.tenantId })).toString(
      'base64url',
    )
  }
  await recordAudit(ctx.db, {
    ...audit,
    ...(tenant.id !== user.tenantId ? { rule: 'R1' } : {}),
    result: 'done',
    details: { grant: options.grant, audience: scope.resource.audience, scp, clientAuth: options.method },
  })
  return response
}
