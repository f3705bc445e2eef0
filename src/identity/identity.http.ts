import rateLimit from '@fastify/rate-limit'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { rateLimited } from '../platform/errors.ts'
import { actorOf, SESSION_COOKIE } from '../platform/http/authentication.ts'
import { databaseRateLimitStore } from '../platform/http/rate-limit-store.ts'
import type { App } from '../platform/http/server.ts'
import { type Actor, actorFor } from './actor.ts'
import { issueToken } from './identity.service.ts'
import { deleteSession, findAnySession } from './sessions.data.ts'
import { signInWithPassword } from './signin.service.ts'
import { findVendorName } from './vendor.data.ts'
import { normaliseIdentity } from './signin-throttle.ts'
import { endSessionUrl } from './sso.service.ts'

const SessionUser = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  displayName: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  tenantId: Type.String({ format: 'uuid' }),
  tenantName: Type.String(),
  tenantKind: Type.Enum(['partner', 'customer', 'vendor']),
  partnerType: Type.Union([
    Type.Enum(['direct', 'indirect_provider', 'indirect_reseller', 'advisor']),
    Type.Null(),
  ]),
  roles: Type.Array(Type.String()),
})

export const SessionOut = Type.Object({
  user: Type.Union([SessionUser, Type.Null()]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  /** Present when the password was right and the second step is due (POST /api/session/mfa). */
  secondFactor: Type.Optional(
    Type.Object({ methods: Type.Array(Type.Enum(['totp', 'passkey', 'recovery_code'])) }),
  ),
  /** How this session signed in (RFC 8176 amr). */
  authMethods: Type.Optional(Type.Array(Type.String())),
  /** The vendor's name, so the portal names it ("Contoso Cloud") instead of "the vendor"; also signed out. */
  vendorName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
})

/** The session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS, until the session expires. */
export function setSessionCookie(
  reply: { setCookie: (name: string, value: string, options: object) => unknown },
  protocol: string,
  session: { id: string; expiresAt: Date },
): void {
  reply.setCookie(SESSION_COOKIE, session.id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: protocol === 'https',
    expires: session.expiresAt,
  })
}

export const clientInfoOf = (request: { headers: Record<string, unknown>; ip: string }) => ({
  userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null,
  ipAddress: request.ip ?? null,
})

export const presentUser = (actor: Actor) => ({
  id: actor.userId,
  email: actor.email,
  displayName: actor.displayName,
  phone: actor.user.phone,
  tenantId: actor.homeTenantId,
  tenantName: actor.homeTenantName,
  tenantKind: actor.homeTenantKind,
  partnerType: actor.partnerType,
  roles: actor.roles,
})

export async function registerIdentityRoutes(app: App, ctx: AppContext): Promise<void> {
  await app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<TypeBoxTypeProvider>()
    await scoped.register(rateLimit, {
      global: false,
      store: databaseRateLimitStore(ctx.db),
    })

    scoped.post(
      '/api/session',
      {
        schema: {
          tags: ['identity'],
          summary: 'Sign in with a local account (sets the session cookie)',
          body: Type.Object(
            {
              email: Type.String({ minLength: 3, maxLength: 320 }),
              password: Type.String({ minLength: 1, maxLength: 1024 }),
            },
            { additionalProperties: false },
          ),
          response: { 200: SessionOut },
        },
        config: {
          auth: 'none',
          rateLimit: {
            max: ctx.config.SIGNIN_RATE_LIMIT,
            timeWindow: 60_000,
            hook: 'preHandler',
            // one bucket per address and account, the account spelled one way (signin-throttle.ts)
            keyGenerator: (request) =>
              `signin:${request.ip}:${normaliseIdentity(String((request.body as { email?: string } | undefined)?.email ?? ''))}`,
            errorResponseBuilder: (_request, context) => rateLimited(Math.ceil(context.ttl / 1000)),
          },
        },
      },
      async (request, reply) => {
        const outcome = await signInWithPassword(
          ctx,
          request.body.email,
          request.body.password,
          clientInfoOf(request),
        )
        setSessionCookie(reply, request.protocol, {
          id: outcome.sessionId,
          expiresAt: outcome.session.expiresAt,
        })
        // the password was right; the second step is due before anything is signed in
        const vendorName = await findVendorName(ctx.db)
        if (outcome.stage === 'mfa')
          return { user: null, csrfToken: null, secondFactor: { methods: outcome.methods }, vendorName }
        return {
          user: presentUser(actorFor(outcome.user, 'session')),
          csrfToken: outcome.session.csrfToken,
          authMethods: outcome.session.amr,
          vendorName,
        }
      },
    )
  })

  app.get(
    '/api/session',
    {
      schema: { tags: ['identity'], summary: 'The signed-in user, or null', response: { 200: SessionOut } },
      config: { auth: 'optional' },
    },
    async (request) => {
      const vendorName = await findVendorName(ctx.db)
      if (!request.actor) return { user: null, csrfToken: null, vendorName }
      return {
        user: presentUser(request.actor),
        csrfToken: request.sessionCsrfToken,
        authMethods: request.actor.authMethods,
        vendorName,
      }
    },
  )

  app.delete(
    '/api/session',
    {
      schema: {
        tags: ['identity'],
        summary: 'Sign out',
        description:
          "Ends the session. A session signed in through the organization's identity provider answers 200 with the provider's end-session URL, to offer signing out there too.",
        response: {
          200: Type.Object({ endSessionUrl: Type.String() }),
          204: Type.Null({ description: 'Signed out' }),
        },
      },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const id = request.cookies[SESSION_COOKIE]
      const session = id ? await findAnySession(ctx.db, id) : null
      const providerLogout = session ? await endSessionUrl(ctx, session) : null
      if (id) await deleteSession(ctx.db, id)
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      if (providerLogout) return { endSessionUrl: providerLogout }
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/api/session/delegation',
    {
      schema: {
        tags: ['identity'],
        summary:
          "A short-lived bearer token in a customer's tenant (the delegated context), for the workload portals",
        description:
          'Issued only while an active GDAP relationship gives one of your security groups a role in that tenant; ' +
          'the token stops working the moment that ends.',
        body: Type.Object(
          {
            tenantId: Type.String({ format: 'uuid' }),
            audience: Type.Optional(
              Type.Enum(['urn:tramite:api', 'https://management.azure.com', 'https://graph.microsoft.com']),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            token: Type.String(),
            expiresAt: Type.String({ format: 'date-time' }),
            tenant: Type.Object({ tenantId: Type.String(), name: Type.String() }),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const issued = await issueToken(
        ctx,
        actor.email,
        request.body.tenantId,
        request.body.audience,
        actor.authMethods,
      )
      const tenant = await ctx.db
        .selectFrom('tenants')
        .select(['id', 'display_name'])
        .where('id', '=', request.body.tenantId)
        .executeTakeFirstOrThrow()
      return {
        token: issued.token,
        expiresAt: issued.expiresAt.toISOString(),
        tenant: { tenantId: tenant.id, name: tenant.display_name },
      }
    },
  )

  app.get(
    '/.well-known/jwks.json',
    { schema: { tags: ['identity'], summary: 'Public keys of the bearer tokens' }, config: { auth: 'none' } },
    async () => ctx.tokens.jwks(),
  )
}
