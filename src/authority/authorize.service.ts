import { recordAudit } from '../audit/audit.data.ts'
import type { UserRecord } from '../identity/users.data.ts'
import type { AppContext } from '../platform/context.ts'
import {
  type ApplicationRecord,
  findAppByClientId,
  grantUserConsent,
  listPermissions,
} from './applications.data.ts'
import { findPermission } from './catalog.ts'
import { delegatedGrants } from './delegation.ts'
import { insertAuthorizationCode, insertDeviceCode, newSecret, newUserCode } from './grants.data.ts'
import { OAuthError, oauthErrors } from './oauth-errors.ts'
import { parseScopes } from './scopes.ts'
import { findTenant, resolveTenantSegment } from './tenant-segment.ts'

const CODE_LIFETIME_MS = 10 * 60_000
const DEVICE_CODE_LIFETIME_S = 15 * 60
const DEVICE_POLL_INTERVAL_S = 5

/** A redirect URI the app registered; `http://localhost` (or 127.0.0.1) with any port, as Entra allows. */
export function redirectUriAllowed(app: ApplicationRecord, uri: string): boolean {
  if (app.redirectUris.includes(uri)) return true
  let given: URL
  try {
    given = new URL(uri)
  } catch {
    return false
  }
  if (given.protocol !== 'http:' || !['localhost', '127.0.0.1'].includes(given.hostname)) return false
  return app.redirectUris.some((registered) => {
    try {
      const r = new URL(registered)
      return (
        r.protocol === 'http:' &&
        r.hostname === given.hostname &&
        (r.pathname === given.pathname || (r.pathname === '/' && given.pathname === '/'))
      )
    } catch {
      return false
    }
  })
}

/** Errors shown on Tramite's own page: the client or redirect URI cannot be trusted with a redirect. */
export class AuthorizePageError extends Error {
  constructor(readonly oauth: OAuthError) {
    super(oauth.code)
  }
}

export interface AuthorizeRequest {
  segment: string
  clientId?: string
  redirectUri?: string
  responseType?: string
  scope?: string
  codeChallenge?: string
  codeChallengeMethod?: string
  nonce?: string
}

/** The app and redirect URI of an /authorize request, checked before anything is redirected there. */
export async function authorizeClient(
  ctx: AppContext,
  req: AuthorizeRequest,
): Promise<{ app: ApplicationRecord; redirectUri: string }> {
  if (!req.clientId) throw new AuthorizePageError(oauthErrors.missingParameter('client_id'))
  const app = await findAppByClientId(ctx.db, req.clientId)
  if (!app) throw new AuthorizePageError(oauthErrors.unknownClient(req.clientId))
  if (!req.redirectUri) throw new AuthorizePageError(oauthErrors.missingParameter('redirect_uri'))
  if (!redirectUriAllowed(app, req.redirectUri)) {
    throw new AuthorizePageError(
      new OAuthError('invalid_request', 50011, {
        en: `The redirect URI '${req.redirectUri}' does not match the redirect URIs configured for the application '${app.clientId}'.`,
        it: `L'URI di reindirizzamento '${req.redirectUri}' non corrisponde a quelli configurati per l'applicazione '${app.clientId}'.`,
      }),
    )
  }
  return { app, redirectUri: req.redirectUri }
}

/**
 * The signed-in person's answer to an /authorize request: the person consents to the delegated
 * permissions the app asks for that people may consent to themselves, and an authorization code
 * (single use, ten minutes, bound to the PKCE challenge) is issued for the tenant asked.
 */
export async function issueAuthorizationCode(
  ctx: AppContext,
  app: ApplicationRecord,
  redirectUri: string,
  req: AuthorizeRequest,
  user: UserRecord,
  session: { amr: string[]; authTime: Date },
): Promise<string> {
  if (req.responseType !== 'code') {
    throw oauthErrors.badParameter('response_type', "must be 'code'", "deve essere 'code'")
  }
  const scopeText = req.scope ?? 'openid profile'
  parseScopes(scopeText)
  if (app.publicClient && !req.codeChallenge) throw oauthErrors.pkceMissing()
  const method = req.codeChallenge ? (req.codeChallengeMethod ?? 'plain') : null
  if (method !== null && method !== 'S256' && method !== 'plain') {
    throw oauthErrors.badParameter(
      'code_challenge_method',
      "must be 'S256' or 'plain'",
      "deve essere 'S256' o 'plain'",
    )
  }
  if (user.tenantId !== app.tenantId) throw oauthErrors.unknownClient(app.clientId, user.tenantName)
  const segment = await resolveTenantSegment(ctx, req.segment)
  const tenant = segment.kind === 'tenant' ? segment.tenant : (await findTenant(ctx, user.tenantId))!
  if (tenant.id !== user.tenantId) await delegatedGrants(ctx, user, tenant)
  await consentForSelf(ctx, app, user)
  const code = newSecret()
  await insertAuthorizationCode(ctx.db, code, {
    applicationId: app.id,
    userId: user.id,
    tenantId: tenant.id,
    redirectUri,
    scope: scopeText,
    codeChallenge: req.codeChallenge ?? null,
    codeChallengeMethod: method,
    nonce: req.nonce ?? null,
    amr: session.amr,
    authTime: session.authTime,
    expiresAt: new Date(ctx.now().getTime() + CODE_LIFETIME_MS),
  })
  return code
}

/**
 * Signing in to an application consents, for oneself, to the delegated permissions it asks for
 * that need no administrator (user_impersonation); the others count only with the
 * administrator's consent. Recorded once, in the audit log too.
 */
async function consentForSelf(ctx: AppContext, app: ApplicationRecord, user: UserRecord): Promise<void> {
  const asked = (await listPermissions(ctx.db, app.id)).filter(
    (p) =>
      p.kind === 'delegated' &&
      p.consentedAt === null &&
      findPermission(p.resource, p.permission, 'delegated')?.adminConsentRequired === false,
  )
  if (asked.length === 0) return
  const existing = await ctx.db
    .selectFrom('app_user_consents')
    .select(['resource', 'permission'])
    .where('application_id', '=', app.id)
    .where('user_id', '=', user.id)
    .execute()
  const have = new Set(existing.map((c) => `${c.resource}|${c.permission}`))
  const grants = asked
    .filter((p) => !have.has(`${p.resource}|${p.permission}`))
    .map((p) => ({ resource: p.resource, permission: p.permission }))
  if (grants.length === 0) return
  await ctx.db.transaction().execute(async (trx) => {
    await grantUserConsent(trx, app.id, user.id, grants)
    await recordAudit(trx, {
      actorUserId: user.id,
      actorEmail: user.email,
      actorTenantId: user.tenantId,
      applicationId: app.id,
      tenantId: user.tenantId,
      action: 'authority.consent.user',
      targetType: 'application',
      targetId: app.id,
      result: 'done',
      details: { permissions: grants.map((g) => `${g.resource}/${g.permission}`) },
    })
  })
}

export interface DeviceCodeResponse {
  device_code: string
  user_code: string
  verification_uri: string
  expires_in: number
  interval: number
  message: string
}

/** POST /{tenant}/oauth2/v2.0/devicecode: a code for a person to enter on the device login page. */
export async function startDeviceCode(
  ctx: AppContext,
  segmentText: string,
  form: Partial<Record<string, string>>,
  locale: 'en' | 'it',
): Promise<DeviceCodeResponse> {
  if (!form.client_id) throw oauthErrors.missingParameter('client_id')
  const segment = await resolveTenantSegment(ctx, segmentText)
  const app = await findAppByClientId(ctx.db, form.client_id)
  if (!app) throw oauthErrors.unknownClient(form.client_id)
  if (app.tenantStatus !== 'active') throw oauthErrors.tenantSuspended(app.tenantName)
  const scopeText = form.scope ?? 'openid profile'
  parseScopes(scopeText)
  const deviceCode = newSecret()
  const userCode = newUserCode()
  await insertDeviceCode(ctx.db, {
    deviceCode,
    userCode,
    applicationId: app.id,
    tenantId: segment.kind === 'tenant' ? segment.tenant.id : null,
    scope: scopeText,
    intervalSeconds: DEVICE_POLL_INTERVAL_S,
    expiresAt: new Date(ctx.now().getTime() + DEVICE_CODE_LIFETIME_S * 1000),
  })
  const verificationUri = `${ctx.config.authorityUrl}/devicelogin`
  return {
    device_code: deviceCode,
    user_code: userCode,
    verification_uri: verificationUri,
    expires_in: DEVICE_CODE_LIFETIME_S,
    interval: DEVICE_POLL_INTERVAL_S,
    message:
      locale === 'it'
        ? `Per accedere, apri ${verificationUri} in un browser e inserisci il codice ${userCode}.`
        : `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
  }
}
