import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { constants as zlib } from 'node:zlib'
import compress from '@fastify/compress'
import cookie from '@fastify/cookie'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { lazySchemaController } from './lazy-schemas.ts'
import multipart from '@fastify/multipart'
import helmet from 'helmet'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify'
import type { AppContext } from '../context.ts'
import { negotiateLocale } from '../i18n/i18n.ts'
import { defaultRouteAuthentication, registerAuthentication } from './authentication.ts'
import './fastify-types.ts'
import { normalizeError, type NormalizedError } from './http-errors.ts'
import { registerMetrics } from './metrics.ts'
import { registerBackPressure } from './back-pressure.ts'

/**
 * Where Swagger UI's static files are. The server's build bundles the plugin (scripts/server-build.mjs),
 * which then cannot find them beside itself: they are read from its package in node_modules.
 */
function swaggerUiFiles(): { baseDir: string; logo: { type: string; content: Buffer } } {
  const baseDir = join(
    dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')),
    'static',
  )
  return { baseDir, logo: { type: 'image/svg+xml', content: readFileSync(join(baseDir, 'logo.svg')) } }
}

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>

export interface ServerOptions {
  logger?: boolean
  version: string
}

const REQUEST_ID = /^[\w.:@-]{1,128}$/

/** The portal API's error body; other surfaces (Partner Center, Graph, ARM) set their own. */
export function sendPortalError(
  reply: FastifyReply,
  request: FastifyRequest,
  error: NormalizedError,
): FastifyReply {
  return reply.status(error.status).send({
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
      requestId: request.id,
    },
  })
}

/**
 * The Fastify instance with everything every route relies on: request ids, JSON logs, locale,
 * authentication, security headers, structured errors, OpenAPI, health and metrics.
 * Business components add their routes afterwards.
 */
export async function createServer(ctx: AppContext, options: ServerOptions): Promise<App> {
  const { config } = ctx
  const app = Fastify({
    logger: options.logger
      ? {
          level: config.LOG_LEVEL,
          redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
        }
      : false,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: (req) => {
      const given =
        req.headers['x-request-id'] ?? req.headers['ms-correlationid'] ?? req.headers['client-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    },
    ajv: { customOptions: { coerceTypes: 'array', useDefaults: true, removeAdditional: false } },
    // each route's validators and serializers are compiled on its first request (lazy-schemas.ts)
    schemaController: lazySchemaController(),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App

  defaultRouteAuthentication(app)
  app.decorateRequest('locale', 'en')
  app.addHook('onRequest', async (request, reply) => {
    request.locale = negotiateLocale(
      request.headers['x-locale']?.toString() ?? request.headers['accept-language'],
    )
    reply.header('x-request-id', request.id)
  })
  const pressure = registerBackPressure(app, ctx.metrics, {
    maxInFlight: config.MAX_IN_FLIGHT,
    maxEventLoopDelayMs: config.MAX_EVENT_LOOP_DELAY_MS,
    retryAfterSeconds: config.RETRY_AFTER_SECONDS,
  })
  app.addHook('onClose', async () => pressure.stop())

  app.setErrorHandler((error, request, reply) => {
    const normalized = normalizeError(error, request)
    if (normalized.status >= 500) request.log.error({ err: error }, 'request failed')
    return sendPortalError(reply, request, normalized)
  })

  await app.register(cookie)
  // JSON and other generated bodies of 1 KB or more, brotli at a quick level or gzip; the portal's
  // static files are compressed once at build time (static-web.ts)
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  })
  // file uploads (attachments): one file per request, read into memory up to the configured size
  await app.register(multipart, {
    limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1, fields: 4, parts: 5 },
  })
  // Security headers, one middleware built once (@fastify/helmet builds helmet's on every request:
  // its directives parsed again each time, a few percent of a small call's CPU).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Fluent UI writes its styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS would pin "localhost" to HTTPS in the browser; only an operator's certificate turns it on.
    strictTransportSecurity: config.TLS_CERT ? { maxAge: 15552000 } : false,
    crossOriginEmbedderPolicy: false,
  })
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined))
  })

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tramite',
        version: options.version,
        description:
          'Partner-channel support: the portal API, and APIs wire-compatible with Partner Center v1, ' +
          'Microsoft Graph and Azure Microsoft.Support.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          session: { type: 'apiKey', in: 'cookie', name: 'tramite_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true },
    ...swaggerUiFiles(),
  })
  app.get('/openapi.json', { schema: { hide: true }, config: { auth: 'none' } }, async () => app.swagger())

  registerAuthentication(app, ctx)
  registerMetrics(app, ctx.metrics)

  app.get('/healthz', { schema: { hide: true }, config: { auth: 'none' } }, async () => ({ status: 'ok' }))
  app.get('/readyz', { schema: { hide: true }, config: { auth: 'none' } }, async (request, reply) => {
    try {
      await ctx.db
        .selectFrom('schema_migrations' as never)
        .select((eb) => eb.lit(1).as('one'))
        .limit(1)
        .execute()
      return { status: 'ready', database: ctx.dbKind }
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed')
      return reply.status(503).send({ status: 'unavailable' })
    }
  })

  return app
}
