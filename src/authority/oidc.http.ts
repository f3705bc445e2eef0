import { randomBytes, randomUUID } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { findSession, deleteSession } from '../identity/sessions.data.ts'
import { findUserById } from '../identity/users.data.ts'
import type { AppContext } from '../platform/context.ts'
import { AppError } from '../platform/errors.ts'
import { SESSION_COOKIE } from '../platform/http/authentication.ts'
import { normalizeError } from '../platform/http/http-errors.ts'
import type { App } from '../platform/http/server.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { findAppByClientId } from './applications.data.ts'
import {
  AuthorizePageError,
  authorizeClient,
  issueAuthorizationCode,
  redirectUriAllowed,
  startDeviceCode,
  type AuthorizeRequest,
} from './authorize.service.ts'
import { OAuthError, oauthErrors } from './oauth-errors.ts'
import { OIDC_SCOPES } from './scopes.ts'
import { RESOURCES } from './catalog.ts'
import { resolveTenantSegment } from './tenant-segment.ts'
import { DEVICE_CODE_GRANT, tokenRequest, type TokenForm } from './token.service.ts'

type Query = Partial<Record<string, string>>

/** The identity platform's error body: error, AADSTS description, codes, trace and correlation ids. */
function oauthErrorBody(error: OAuthError, request: FastifyRequest) {
  return {
    error: error.error,
    error_description: `${error.description(request.locale)}\r\nTrace ID: ${request.id}\r\nCorrelation ID: ${request.id}\r\nTimestamp: ${new Date().toISOString()}`,
    error_codes: [error.aadsts],
    timestamp: new Date()
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z'),
    trace_id: randomUUID(),
    correlation_id: request.id,
  }
}

function asOAuthError(error: unknown, request: FastifyRequest): OAuthError {
  if (error instanceof OAuthError) return error
  const normalized = normalizeError(error, request)
  if (normalized.status >= 500) request.log.error({ err: error }, 'authority request failed')
  const code = normalized.status >= 500 ? 'server_error' : 'invalid_request'
  return new OAuthError(
    code,
    normalized.status >= 500 ? 90100 : 900144,
    {
      en: normalized.message,
      it: normalized.message,
    },
    normalized.status >= 500 ? 500 : 400,
  )
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** An error that must not be redirected (unknown client, unregistered redirect URI): a page of ours. */
function errorPage(reply: FastifyReply, locale: Locale, error: OAuthError, requestId: string) {
  const title = locale === 'it' ? 'Impossibile accedere' : 'Sign-in failed'
  return reply
    .status(400)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${title} — Tramite</title></head>` +
        `<body style="font-family:system-ui,sans-serif;max-width:40em;margin:4em auto"><h1>${title}</h1>` +
        `<p id="error-code">${escapeHtml(error.error)}</p><p id="error-description">${escapeHtml(error.description(locale))}</p>` +
        `<p><small>Correlation ID: ${escapeHtml(requestId)}</small></p></body></html>`,
    )
}

/**
 * response_mode=form_post: a page that posts the answer to the redirect URI (MSAL's loopback
 * server wants it so). Its own CSP lets only this one script run and this one form post.
 */
function formPost(
  reply: FastifyReply,
  redirectUri: string,
  params: Record<string, string | undefined>,
  locale: Locale,
) {
  const nonce = randomBytes(16).toString('base64')
  const inputs = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v!)}">`)
    .join('')
  const label = locale === 'it' ? 'Continua' : 'Continue'
  return reply
    .status(200)
    .header(
      'content-security-policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; form-action ${new URL(redirectUri).origin}; frame-ancestors 'none'`,
    )
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>Tramite</title></head><body>` +
        `<form method="post" action="${escapeHtml(redirectUri)}">${inputs}<noscript><button type="submit">${label}</button></noscript></form>` +
        `<script nonce="${nonce}">document.forms[0].submit()</script></body></html>`,
    )
}

function withParams(uri: string, params: Record<string, string | undefined>, fragment: boolean): string {
  const url = new URL(uri)
  const search = new URLSearchParams(fragment ? '' : url.search)
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, v)
  if (fragment) {
    url.hash = search.toString()
    return url.toString()
  }
  url.search = search.toString()
  return url.toString()
}

export function discoveryDocument(ctx: AppContext, segment: string, tenantId: string | null) {
  const base = ctx.config.authorityUrl
  const at = `${base}/${segment}`
  return {
    token_endpoint: `${at}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'private_key_jwt'],
    jwks_uri: `${at}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['ES256'],
    response_types_supported: ['code'],
    scopes_supported: [...OIDC_SCOPES, ...RESOURCES.map((r) => `${r.audience}/.default`)],
    issuer: `${base}/${tenantId ?? '{tenantid}'}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: null,
    authorization_endpoint: `${at}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${at}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: false,
    end_session_endpoint: `${at}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'amr',
      'nonce',
      'preferred_username',
      'name',
      'email',
      'tid',
      'oid',
      'upn',
      'scp',
      'roles',
      'azp',
      'appid',
      'azpacr',
      'idtyp',
      'ver',
    ],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials', DEVICE_CODE_GRANT],
    code_challenge_methods_supported: ['S256', 'plain'],
    tenant_region_scope: null,
    cloud_instance_name: new URL(base).host,
    cloud_graph_host_name: 'graph.microsoft.com',
    msgraph_host: 'graph.microsoft.com',
  }
}

/**
 * The authority, shaped like the Microsoft identity platform v2.0 so that MSAL and
 * @azure/identity work unmodified: discovery, keys, instance discovery, /authorize (through the
 * portal's sign-in page), /token (four grants), /devicecode and /logout.
 */
export function registerAuthorityRoutes(app: App, ctx: AppContext): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    )
    scope.setErrorHandler((error, request, reply) => {
      const oauth = asOAuthError(error, request)
      return reply
        .status(oauth.status)
        .header('cache-control', 'no-store')
        .send(oauthErrorBody(oauth, request))
    })

    const tags = ['authority']

    scope.get<{ Params: { tenant: string } }>(
      '/:tenant/v2.0/.well-known/openid-configuration',
      { schema: { tags, summary: 'OpenID Connect discovery of a tenant, organizations or common' } },
      async (request) => {
        const segment = await resolveTenantSegment(ctx, request.params.tenant)
        return discoveryDocument(
          ctx,
          request.params.tenant,
          segment.kind === 'tenant' ? segment.tenant.id : null,
        )
      },
    )

    scope.get<{ Params: { tenant: string } }>(
      '/:tenant/discovery/v2.0/keys',
      { schema: { tags, summary: "The authority's signing keys (JWKS)" } },
      async (request) => {
        await resolveTenantSegment(ctx, request.params.tenant)
        return ctx.tokens.jwks()
      },
    )

    scope.get<{ Querystring: Query }>(
      '/common/discovery/instance',
      { schema: { tags, summary: "MSAL's instance discovery, answered for this authority's own host" } },
      async (request) => {
        const host = new URL(ctx.config.authorityUrl).host
        const asked = request.query.authorization_endpoint
        // like Entra: the tenant of the authorization endpoint asked about names the discovery document
        let tenant = '{tenant}'
        if (asked) {
          let askedUrl: URL | null = null
          try {
            askedUrl = new URL(asked)
          } catch {
            askedUrl = null
          }
          const segment = askedUrl?.pathname.split('/')[1]
          if (segment && /^[\w.-]{1,256}$/.test(segment)) tenant = segment
          // by host name: Python's MSAL leaves the port out of the endpoint it asks about
          if (askedUrl?.hostname !== new URL(ctx.config.authorityUrl).hostname) {
            throw new OAuthError('invalid_instance', 50049, {
              en: `Unknown or invalid instance: this authority answers only for ${host}.`,
              it: `Istanza sconosciuta o non valida: questa autorità risponde solo per ${host}.`,
            })
          }
        }
        return {
          tenant_discovery_endpoint: `${ctx.config.authorityUrl}/${tenant}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
        }
      },
    )

    scope.post<{ Params: { tenant: string }; Body: TokenForm }>(
      '/:tenant/oauth2/v2.0/token',
      {
        schema: {
          tags,
          summary:
            'Token endpoint: client_credentials, authorization_code (PKCE), refresh_token, device_code',
        },
      },
      async (request, reply) => {
        const form = formOf(request)
        const basic = basicCredentials(request)
        if (basic) {
          form.client_id ??= basic.id
          form.client_secret ??= basic.secret
        }
        const response = await tokenRequest(ctx, request.params.tenant, form)
        return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(response)
      },
    )

    scope.post<{ Params: { tenant: string }; Body: TokenForm }>(
      '/:tenant/oauth2/v2.0/devicecode',
      {
        schema: {
          tags,
          summary: 'Starts the device code flow: a code for a person to enter at /devicelogin',
        },
      },
      async (request, reply) => {
        const response = await startDeviceCode(ctx, request.params.tenant, formOf(request), request.locale)
        return reply.header('cache-control', 'no-store').send(response)
      },
    )
  })

  app.get<{ Params: { tenant: string }; Querystring: Query }>(
    '/:tenant/oauth2/v2.0/authorize',
    { schema: { tags: ['authority'], summary: "Authorization endpoint: the portal's sign-in, then a code" } },
    async (request, reply) => authorize(ctx, request, reply),
  )

  app.get<{ Params: { tenant: string }; Querystring: Query }>(
    '/:tenant/oauth2/v2.0/logout',
    { schema: { tags: ['authority'], summary: 'End-session endpoint: signs out, then back to the app' } },
    async (request, reply) => {
      const id = request.cookies[SESSION_COOKIE]
      if (id) await deleteSession(ctx.db, id)
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      const target = request.query.post_logout_redirect_uri
      const clientId = request.query.client_id ?? clientOfIdToken(request.query.id_token_hint)
      const app = clientId ? await findAppByClientId(ctx.db, clientId) : null
      if (target && app && redirectUriAllowed(app, target)) return reply.redirect(target)
      return reply.redirect('/signin')
    },
  )
}

function formOf(request: FastifyRequest): TokenForm {
  const body = request.body
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw oauthErrors.unsupportedContentType()
  const form: TokenForm = {}
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) if (typeof v === 'string') form[k] = v
  return form
}

function basicCredentials(request: FastifyRequest): { id: string; secret: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')
  if (!match) return null
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return null
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  }
}

function clientOfIdToken(idToken: string | undefined): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(idToken!.split('.')[1]!, 'base64url').toString('utf8')) as {
      aud?: unknown
    }
    return typeof payload.aud === 'string' ? payload.aud : undefined
  } catch {
    return undefined
  }
}

/** The parameter the sign-in page sends back with, so that `prompt=login` asks only once. */
const SIGNED_IN_AFTER = 'tramite_signed_in_after'

async function authorize(
  ctx: AppContext,
  request: FastifyRequest<{ Params: { tenant: string }; Querystring: Query }>,
  reply: FastifyReply,
) {
  const q = request.query
  const req: AuthorizeRequest = {
    segment: request.params.tenant,
    ...(q.client_id ? { clientId: q.client_id } : {}),
    ...(q.redirect_uri ? { redirectUri: q.redirect_uri } : {}),
    ...(q.response_type ? { responseType: q.response_type } : {}),
    ...(q.scope ? { scope: q.scope } : {}),
    ...(q.code_challenge ? { codeChallenge: q.code_challenge } : {}),
    ...(q.code_challenge_method ? { codeChallengeMethod: q.code_challenge_method } : {}),
    ...(q.nonce ? { nonce: q.nonce } : {}),
  }
  let client: Awaited<ReturnType<typeof authorizeClient>>
  try {
    client = await authorizeClient(ctx, req)
  } catch (error) {
    if (error instanceof AuthorizePageError) return errorPage(reply, request.locale, error.oauth, request.id)
    throw error
  }
  const fragment = q.response_mode === 'fragment'
  const back = (params: Record<string, string | undefined>) =>
    q.response_mode === 'form_post'
      ? formPost(reply, client.redirectUri, { ...params, state: q.state }, request.locale)
      : reply.redirect(withParams(client.redirectUri, { ...params, state: q.state }, fragment))
  const fail = (error: OAuthError) =>
    back({
      error: error.error,
      error_description: error.description(request.locale),
      error_codes: String(error.aadsts),
    })

  const sessionId = request.cookies[SESSION_COOKIE]
  const session = sessionId ? await findSession(ctx.db, sessionId) : null
  const user = session ? await findUserById(ctx.db, session.userId) : null
  const signedIn = user && !user.disabled && user.tenantStatus === 'active' ? user : null
  // fresh: this session began after /authorize sent the person to sign in (prompt=login, a hint)
  const after = Number(q[SIGNED_IN_AFTER])
  const fresh = !!session && Number.isFinite(after) && session.createdAt.getTime() >= after * 1000
  const hintMismatch =
    !!signedIn && !!q.login_hint && q.login_hint.toLowerCase() !== signedIn.email.toLowerCase()
  const mustSignIn =
    !signedIn ||
    (q.prompt === 'login' && !fresh) ||
    (q[SIGNED_IN_AFTER] !== undefined && !fresh) ||
    hintMismatch

  if (mustSignIn) {
    if (q.prompt === 'none') {
      return fail(
        new OAuthError('login_required', 50058, {
          en: 'A silent sign-in request was sent but no user is signed in (prompt=none).',
          it: "È stata inviata una richiesta di accesso silenziosa ma nessun utente ha effettuato l'accesso (prompt=none).",
        }),
      )
    }
    // back here after signing in: same request, without prompt, marked with when the sign-in was asked
    const params = new URLSearchParams(request.url.split('?')[1] ?? '')
    params.delete('prompt')
    params.set(SIGNED_IN_AFTER, String(Math.floor(Date.now() / 1000)))
    const returnTo = `/${encodeURIComponent(request.params.tenant)}/oauth2/v2.0/authorize?${params.toString()}`
    const signin = new URLSearchParams({ returnTo })
    if (signedIn) signin.set('prompt', 'login')
    if (q.login_hint) signin.set('login_hint', q.login_hint)
    return reply.redirect(`/signin?${signin.toString()}`)
  }

  try {
    const code = await issueAuthorizationCode(ctx, client.app, client.redirectUri, req, signedIn!, {
      amr: session!.amr,
      authTime: session!.createdAt,
    })
    return back({ code })
  } catch (error) {
    if (error instanceof OAuthError) return fail(error)
    if (error instanceof AppError) return fail(asOAuthError(error, request))
    throw error
  }
}
