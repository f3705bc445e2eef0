import rateLimit from '@fastify/rate-limit'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { rateLimited } from '../platform/errors.ts'
import { actorOf, SESSION_COOKIE } from '../platform/http/authentication.ts'
import { databaseRateLimitStore } from '../platform/http/rate-limit-store.ts'
import type { App } from '../platform/http/server.ts'
import { type Actor, actorFor } from './actor.ts'
import { authenticatePassword, issueToken } from './identity.service.ts'
import { createSession, deleteSession } from './sessions.data.ts'

const SessionUser = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  displayName: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  tenantId: Type.String({ format: 'uuid' }),
  tenantName: Type.String(),
  tenantKind: Type.String(),
  partnerType: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
})

const SessionOut = Type.Object({
  user: Type.Union([SessionUser, Type.Null()]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
})

const presentUser = (actor: Actor) => ({
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

    const secureCookie = (protocol: string) => protocol === 'https'

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
            keyGenerator: (request) =>
              `signin:${request.ip}:${String((request.body as { email?: string } | undefined)?.email ?? '').toLowerCase()}`,
            errorResponseBuilder: (_request, context) => rateLimited(Math.ceil(context.ttl / 1000)),
          },
        },
      },
      async (request, reply) => {
        const user = await authenticatePassword(ctx, request.body.email, request.body.password)
        const session = await createSession(ctx.db, user.id, ctx.config.SESSION_LIFETIME_HOURS)
        reply.setCookie(SESSION_COOKIE, session.id, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookie(request.protocol),
          expires: session.expiresAt,
        })
        return { user: presentUser(actorFor(user, 'session')), csrfToken: session.csrfToken }
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
      if (!request.actor) return { user: null, csrfToken: null }
      return { user: presentUser(request.actor), csrfToken: request.sessionCsrfToken }
    },
  )

  app.delete(
    '/api/session',
    { schema: { tags: ['identity'], summary: 'Sign out' }, config: { auth: 'optional' } },
    async (request, reply) => {
      const id = request.cookies[SESSION_COOKIE]
      if (id) await deleteSession(ctx.db, id)
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return reply.status(204).send()
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
      const issued = await issueToken(ctx, actor.email, request.body.tenantId, request.body.audience)
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
