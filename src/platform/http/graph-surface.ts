import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../context.ts'
import { t } from '../i18n/i18n.ts'
import { normalizeError, type NormalizedError } from './http-errors.ts'
import type { App } from './server.ts'

/** Graph's error body: `{"error": {"code", "message", "innerError": {"date", "request-id", "client-request-id"}}}`. */
export function sendGraphError(
  reply: FastifyReply,
  request: FastifyRequest,
  error: NormalizedError,
): FastifyReply {
  return reply.status(error.status).send({
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: new Date().toISOString(),
        'request-id': request.id,
        'client-request-id': String(request.headers['client-request-id'] ?? request.id),
      },
      ...(error.details === undefined ? {} : { details: error.details }),
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
