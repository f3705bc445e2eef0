import rateLimit from '@fastify/rate-limit'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { rateLimited } from '../platform/errors.ts'
import { SESSION_COOKIE } from '../platform/http/authentication.ts'
import { databaseRateLimitStore } from '../platform/http/rate-limit-store.ts'
import type { App } from '../platform/http/server.ts'
import { AppError } from '../platform/errors.ts'
import { actorFor } from './actor.ts'
import { clientInfoOf, presentUser, SessionOut, setSessionCookie } from './identity.http.ts'
import { passkeyAuthenticationOptions, type SecondFactor } from './mfa.service.ts'
import { completePasswordReset, requestPasswordReset } from './password-reset.service.ts'
import { completeSignIn, pendingSignIn, signInMethodFor } from './signin.service.ts'
import { normaliseIdentity } from './signin-throttle.ts'
import { finishSso, startSso } from './sso.service.ts'
import { findVendorName } from './vendor.data.ts'

/** A path of this site to come back to: relative, one leading slash, no scheme or host. */
export function safeReturnTo(value: string | undefined | null): string | null {
  if (
    !value ||
    value.length > 2000 ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  )
    return null
  if (value.includes('\\') || [...value].some((c) => c.charCodeAt(0) < 0x20)) return null
  return value
}

const Email = Type.String({ minLength: 3, maxLength: 320 })

/**
 * The sign-in steps after the password (identity.http.ts): which method an email uses, the second
 * factor, single sign-on at the organization's provider, and "forgot password".
 */
export async function registerSignInRoutes(app: App, ctx: AppContext): Promise<void> {
  await app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<TypeBoxTypeProvider>()
    await scoped.register(rateLimit, { global: false, store: databaseRateLimitStore(ctx.db) })
    const limit = (prefix: string, key: (body: Record<string, unknown>) => string) => ({
      max: ctx.config.SIGNIN_RATE_LIMIT,
      timeWindow: 60_000,
      hook: 'preHandler' as const,
      keyGenerator: (request: { ip: string; body?: unknown; query?: unknown }) =>
        `${prefix}:${request.ip}:${key(((request.body ?? request.query) as Record<string, unknown>) ?? {})}`,
      errorResponseBuilder: (_request: unknown, context: { ttl: number }) =>
        rateLimited(Math.ceil(context.ttl / 1000)),
    })
    const byEmail = (body: Record<string, unknown>) => normaliseIdentity(String(body.email ?? ''))

    scoped.post(
      '/api/session/discover',
      {
        schema: {
          tags: ['identity'],
          summary: 'How an email signs in: with a password, or at its organization’s identity provider',
          body: Type.Object({ email: Email }, { additionalProperties: false }),
          response: { 200: Type.Object({ method: Type.Enum(['password', 'sso']) }) },
        },
        config: { auth: 'none', rateLimit: limit('discover', byEmail) },
      },
      async (request) => ({ method: await signInMethodFor(ctx, request.body.email) }),
    )

    scoped.post(
      '/api/session/mfa',
      {
        schema: {
          tags: ['identity'],
          summary: 'The second step of a sign-in: an authenticator code, a recovery code or a passkey',
          description:
            'Needs the cookie of the first step (POST /api/session answered `secondFactor`). A right factor replaces it with a signed-in session; the fifth wrong one ends it.',
          body: Type.Union([
            Type.Object(
              { code: Type.String({ minLength: 1, maxLength: 20 }) },
              { additionalProperties: false },
            ),
            Type.Object(
              { recoveryCode: Type.String({ minLength: 1, maxLength: 40 }) },
              { additionalProperties: false },
            ),
            Type.Object(
              {
                passkey: Type.Object(
                  {
                    id: Type.String({ maxLength: 2000 }),
                    rawId: Type.String({ maxLength: 2000 }),
                    type: Type.Literal('public-key'),
                    response: Type.Object({}, { additionalProperties: true }),
                    clientExtensionResults: Type.Object({}, { additionalProperties: true }),
                    authenticatorAttachment: Type.Optional(Type.String({ maxLength: 40 })),
                  },
                  { additionalProperties: true },
                ),
              },
              { additionalProperties: false },
            ),
          ]),
          response: { 200: SessionOut },
        },
        config: {
          auth: 'none',
          rateLimit: limit('mfa', () => ''),
        },
      },
      async (request, reply) => {
        const done = await completeSignIn(
          ctx,
          request.cookies[SESSION_COOKIE],
          request.body as SecondFactor,
          clientInfoOf(request),
        )
        setSessionCookie(reply, request.protocol, { id: done.sessionId, expiresAt: done.session.expiresAt })
        return {
          user: presentUser(actorFor(done.user, 'session')),
          csrfToken: done.session.csrfToken,
          authMethods: done.session.amr,
          vendorName: await findVendorName(ctx.db),
        }
      },
    )

    scoped.post(
      '/api/session/mfa/passkey-options',
      {
        schema: {
          tags: ['identity'],
          summary:
            'WebAuthn options for the second step with a passkey (the challenge is kept on the half session)',
        },
        config: { auth: 'none', rateLimit: limit('mfa-options', () => '') },
      },
      async (request) => {
        const id = request.cookies[SESSION_COOKIE]
        const { user } = await pendingSignIn(ctx, id)
        return passkeyAuthenticationOptions(ctx, user.id, id!)
      },
    )

    scoped.post(
      '/api/password-reset',
      {
        schema: {
          tags: ['identity'],
          summary: '“Forgot password”: emails a single-use link that expires',
          description: 'Answers 202 whether or not the address has an account.',
          body: Type.Object({ email: Email }, { additionalProperties: false }),
        },
        config: { auth: 'none', rateLimit: limit('reset', byEmail) },
      },
      async (request, reply) => {
        await requestPasswordReset(ctx, request.body.email, request.locale)
        return reply.status(202).send()
      },
    )

    scoped.post(
      '/api/password-reset/complete',
      {
        schema: {
          tags: ['identity'],
          summary: 'Sets a new password with the link’s token; ends every session of the account',
          body: Type.Object(
            {
              token: Type.String({ minLength: 20, maxLength: 200 }),
              password: Type.String({ minLength: 1, maxLength: 1024 }),
            },
            { additionalProperties: false },
          ),
        },
        config: { auth: 'none', rateLimit: limit('reset-complete', () => '') },
      },
      async (request, reply) => {
        await completePasswordReset(ctx, request.body.token, request.body.password)
        return reply.status(204).send()
      },
    )
  })

  app.get(
    '/api/sso/start',
    {
      schema: {
        tags: ['identity'],
        summary:
          'Sends the browser to the identity provider of the email’s organization (code flow with PKCE)',
        querystring: Type.Object({
          email: Email,
          returnTo: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
      },
      config: { auth: 'none' },
    },
    async (request, reply) => {
      const { email, returnTo } = request.query as { email: string; returnTo?: string }
      try {
        const url = await startSso(ctx, email, safeReturnTo(returnTo))
        return reply.redirect(url.toString(), 302)
      } catch (error) {
        return reply.redirect(signInPageWithError(error, returnTo), 302)
      }
    },
  )

  app.get(
    '/api/sso/callback',
    {
      schema: {
        tags: ['identity'],
        summary:
          'Where the identity provider sends the browser back (redirect URI to register at the provider)',
      },
      config: { auth: 'none' },
    },
    async (request, reply) => {
      const current = new URL(request.url, `${ctx.config.publicUrl}/`)
      const callback = new URL(`${ctx.config.publicUrl}/api/sso/callback`)
      callback.search = current.search
      try {
        const done = await finishSso(ctx, callback, clientInfoOf(request))
        setSessionCookie(reply, request.protocol, { id: done.sessionId, expiresAt: done.session.expiresAt })
        return reply.redirect(done.returnTo ?? '/', 302)
      } catch (error) {
        return reply.redirect(signInPageWithError(error, null), 302)
      }
    },
  )
}

/** A refused single sign-on goes back to the sign-in page, which shows the reason in the reader's language. */
function signInPageWithError(error: unknown, returnTo: string | null | undefined): string {
  if (!(error instanceof AppError)) throw error
  const params = new URLSearchParams({ error: error.code })
  const detail = (error.params as Record<string, unknown>).detail
  if (typeof detail === 'string') params.set('detail', detail)
  for (const key of ['email', 'tenant', 'issuer'])
    if (typeof error.params[key] === 'string') params.set(key, String(error.params[key]))
  const back = safeReturnTo(returnTo ?? null)
  if (back) params.set('returnTo', back)
  return `/signin?${params.toString()}`
}
