import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { actorFor, type Actor } from '../../identity/actor.ts'
import { assertMfaForTenant } from '../../identity/mfa-policy.ts'
import { authenticateSession } from '../../identity/sessions.data.ts'
import { findUserById, type UserRecord } from '../../identity/users.data.ts'
import { type AccessGrant, resolveAccess } from '../../gdap/access.data.ts'
import { appOnlyActor, delegatedAppActor } from '../../authority/app-actor.ts'
import { checkApplicationAccess } from '../../authority/app-access.ts'
import type { AppContext } from '../context.ts'
import { csrfFailed, invalidToken, unauthenticated } from '../errors.ts'

export const SESSION_COOKIE = 'tramite_session'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Works out who is calling, once per request, before the body is read:
 * - `Authorization: Bearer <jwt>`: a token this server signed. A delegated token (tid is a
 *   customer's tenant) is honoured only while GDAP still gives the user a role there — an
 *   expired or terminated relationship refuses the token at once, not when it expires. A token
 *   issued to an application carries it (and its permissions) in the actor; an application's own
 *   token (client credentials) is an actor with no person behind it.
 * - otherwise the session cookie; unsafe methods must then carry the session's anti-forgery
 *   token in `X-CSRF-Token` (bearer calls carry no ambient credential and need none).
 */
export async function resolveActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
  const authorization = request.headers.authorization
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization)
    if (!match) throw invalidToken()
    const claims = await ctx.tokens.verify(match[1]!)
    if (!claims) throw invalidToken()
    if (claims.idtyp === 'app') return appOnlyActor(ctx, claims)
    const { user, synced } = await tokenUser(ctx, claims.oid)
    // a disabled user, or one of a suspended tenant, loses every token at once
    if (!user || user.disabled || user.tenantStatus !== 'active' || user.tenantId !== claims.home_tid)
      throw invalidToken()
    if (claims.tid !== user.tenantId) {
      const grants =
        user.tenantKind === 'partner' ? await delegatedGrants(ctx, user.id, claims.tid, synced) : []
      if (grants.length === 0) throw invalidToken()
      // the user's tenant requires MFA: a delegated token works only if its sign-in did MFA
      assertMfaForTenant(user, claims.tid, claims.amr ?? [])
    }
    if (claims.azp) return delegatedAppActor(ctx, claims, user)
    return actorFor(user, 'bearer', claims.tid, { authMethods: claims.amr ?? [], audience: claims.aud })
  }
  const sessionId = request.cookies[SESSION_COOKIE]
  if (!sessionId) return null
  const found = await authenticateSession(ctx.db, ctx.authCache, sessionId)
  if (!found) return null
  const { session, user } = found
  if (user.disabled || user.tenantStatus !== 'active') return null
  request.sessionCsrfToken = session.csrfToken
  return actorFor(user, 'session', user.tenantId, { authMethods: session.amr })
}

/**
 * The user a verified token names, from memory when read a moment ago (identity/auth-cache.ts:
 * any change to the user, their tenant or roles drops it before the next call trusts it).
 */
async function tokenUser(
  ctx: AppContext,
  userId: string,
): Promise<{ user: UserRecord | null; synced: boolean }> {
  const cache = ctx.authCache
  const now = Date.now()
  // changes committed before this request are heard first (a no-op on PGlite)
  const synced = cache.getUser(userId, now) !== null
  if (synced) await cache.sync()
  const kept = cache.getUser(userId, now)
  if (kept) return { user: kept, synced }
  const generation = cache.generation()
  const user = await findUserById(ctx.db, userId)
  if (user) cache.setUser(userId, user, generation, now)
  return { user, synced }
}

/**
 * The GDAP roles behind a delegated token, from memory when read a moment ago (identity/auth-cache.ts:
 * any change to a relationship, an access assignment, its roles or a group membership drops them
 * before the next call trusts them; none is served past the first end date among them).
 */
async function delegatedGrants(
  ctx: AppContext,
  userId: string,
  tenantId: string,
  synced: boolean,
): Promise<AccessGrant[]> {
  const cache = ctx.authCache
  const key = `${userId}/${tenantId}`
  const now = ctx.now()
  // heard already when the user was served from memory in this request (one sync per call)
  if (!synced && cache.getGrants(key, now.getTime())) await cache.sync()
  const kept = cache.getGrants(key, now.getTime())
  if (kept) return kept
  const generation = cache.generation()
  const grants = await resolveAccess(ctx.db, userId, tenantId, now)
  // none: the token is refused, nothing to keep
  if (grants.length > 0) {
    const ends = grants.flatMap((g) => (g.relationshipEndsAt ? [g.relationshipEndsAt.getTime()] : []))
    cache.setGrants(key, grants, Math.min(Infinity, ...ends), generation, now.getTime())
  }
  return grants
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y)
}

/** Paths of the APIs; everything else (web portal files, API reference) is public. */
export const API_PREFIXES = ['/api/', '/v1/', '/v1.0/', '/subscriptions/', '/providers/']
export const isApiPath = (url: string): boolean => API_PREFIXES.some((p) => url.startsWith(p))

/**
 * Secure by default: an API route that does not say otherwise needs a signed-in caller. Must be
 * added before any route is registered (onRoute sees only later routes).
 */
export function defaultRouteAuthentication(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.config ??= {}
    const config = route.config as { auth?: string }
    config.auth ??= isApiPath(route.url) ? 'required' : 'none'
  })
}

export function registerAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null)
  app.decorateRequest('sessionCsrfToken', null)
  app.addHook('onRequest', async (request) => {
    const mode = request.routeOptions.config?.auth ?? (isApiPath(request.url) ? 'required' : 'none')
    if (mode === 'none' || request.is404) return
    request.actor = await resolveActor(ctx, request)
    if (request.actor) checkApplicationAccess(request.actor, request.method, request.url)
    if (request.actor?.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token']
      if (typeof sent !== 'string' || !sameSecret(sent, request.sessionCsrfToken ?? '')) throw csrfFailed()
    }
    if (mode === 'required' && !request.actor) throw unauthenticated()
  })
}

/** For handlers of routes with auth 'required': the actor is always there. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated()
  return request.actor
}
