import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../context.ts'
import { t } from '../i18n/i18n.ts'
import { normalizeError, type NormalizedError } from './http-errors.ts'
import type { App } from './server.ts'

/** Graph's top-level codes, by status, for our own machine codes (which go to innerError.code). */
const GRAPH_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'InvalidAuthenticationToken',
  403: 'Forbidden',
  404: 'ResourceNotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  412: 'PreconditionFailed',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  428: 'PreconditionRequired',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceNotAvailable',
}

/** Codes already in Graph's style (BadRequest, Request_UnsupportedQuery) are kept as they are. */
const isGraphCode = (code: string) => /^[A-Z]/.test(code)

const clientRequestId = (request: FastifyRequest) =>
  String(request.headers['client-request-id'] ?? request.id)

/**
 * Graph's error body: `{"error": {"code", "message", "details"?, "innerError": {"code"?, "date",
 * "request-id", "client-request-id"}}}`. The top-level code is Graph's; our more specific machine
 * code (e.g. `auto_extend_with_global_admin`) is innerError.code, as Graph nests specific codes.
 */
export function sendGraphError(
  reply: FastifyReply,
  request: FastifyRequest,
  error: NormalizedError,
): FastifyReply {
  const code = isGraphCode(error.code)
    ? error.code
    : (GRAPH_CODES[error.status] ?? (error.status >= 500 ? 'InternalServerError' : 'BadRequest'))
  const details = Array.isArray(error.details)
    ? (error.details as Record<string, unknown>[]).map((d) => ({
        code: String(d.code ?? d.rule ?? code),
        message: String(d.message ?? ''),
        ...(d.location === undefined && d.target === undefined
          ? {}
          : { target: String(d.location ?? d.target) }),
      }))
    : undefined
  return reply
    .status(error.status)
    .header('request-id', request.id)
    .header('client-request-id', clientRequestId(request))
    .send({
      error: {
        code,
        message: error.message,
        ...(details ? { details } : {}),
        innerError: {
          ...(code === error.code ? {} : { code: error.code }),
          date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
          'request-id': request.id,
          'client-request-id': clientRequestId(request),
        },
      },
    })
}

export const graphBase = (request: FastifyRequest) =>
  `${request.protocol}://${request.headers.host ?? 'localhost'}/v1.0`
export const graphContext = (request: FastifyRequest, path: string) =>
  `${graphBase(request)}/$metadata#${path}`

/** The typed Fastify scope Graph routes register on. */
export type GraphScope = App
export type GraphRoutes = (graph: GraphScope, ctx: AppContext) => void

/** The Microsoft Graph v1.0 surface (/v1.0): one scope with Graph's errors, for every component's Graph routes. */
export async function registerGraphSurface(
  app: App,
  ctx: AppContext,
  ...routes: GraphRoutes[]
): Promise<void> {
  await app.register(
    async (plugin) => {
      const graph = plugin.withTypeProvider<TypeBoxTypeProvider>()
      // a Graph answer is shaped per request ($select, OData annotations): a route's response
      // schema describes it in the OpenAPI document and never filters what is sent
      graph.setSerializerCompiler(() => (data) => JSON.stringify(data))
      // every Graph response names the request, and echoes the client's own id
      graph.addHook('onRequest', async (request, reply) => {
        reply.header('request-id', request.id).header('client-request-id', clientRequestId(request))
      })
      graph.setErrorHandler((error, request, reply) => {
        const normalized = normalizeError(error, request)
        if (normalized.status >= 500) request.log.error({ err: error }, 'request failed')
        return sendGraphError(reply, request, normalized)
      })
      graph.setNotFoundHandler((request, reply) =>
        sendGraphError(reply, request, {
          status: 404,
          code: 'route_not_found',
          message: t(request.locale, 'error.route_not_found', {
            method: request.method,
            url: request.url.split('?')[0] ?? '',
          }),
        }),
      )
      for (const register of routes) register(graph as unknown as GraphScope, ctx)
    },
    { prefix: '/v1.0' },
  )
}
