import { randomUUID } from 'node:crypto'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import { AppError } from '../platform/errors.ts'
import { t } from '../platform/i18n/i18n.ts'
import { normalizeError, type NormalizedError } from '../platform/http/http-errors.ts'
import type { App } from '../platform/http/server.ts'
import { armError } from './arm.presenters.ts'
import { API_VERSIONS, isApiVersion, type ArmApiVersion } from './arm-versions.ts'

/**
 * What every Azure Resource Manager response shares, whatever the resource: the api-versions
 * Microsoft.Support is served in, ARM's request-id headers, ARM's error body, the auxiliary token.
 */

/** The api-version a request asked for (checked before any handler runs). */
export function armVersion(request: FastifyRequest): ArmApiVersion {
  const version = (request.query as Record<string, unknown> | undefined)?.['api-version']
  return isApiVersion(version) ? version : API_VERSIONS[0]
}

export const armBase = (request: FastifyRequest) =>
  `${request.protocol}://${request.headers.host ?? 'localhost'}`

/**
 * An ARM error with ARM's code and an English message (ARM's own messages are English). `target`
 * names the field at fault, as ARM does; it is left out when the whole resource or request is.
 */
export const armProblem = (status: number, code: string, message: string, target?: string) =>
  Object.assign(new AppError(status, code, 'error.validation', { detail: message }), {
    localize: () => ({ message }),
    ...(target === undefined ? {} : { armTarget: target }),
  })

// the same shape Fastify's request ids accept: no header injection, bounded
const HEADER_ID = /^[\w.:@-]{1,128}$/

const clientValue = (request: FastifyRequest, name: string): string | null => {
  const value = request.headers[name]
  return typeof value === 'string' && HEADER_ID.test(value) ? value : null
}

const correlations = new WeakMap<FastifyRequest, string>()

/**
 * ARM's request-id headers: `x-ms-request-id` names this request (the id in our logs);
 * `x-ms-correlation-request-id` is the caller's when it sent one, otherwise a new one; the caller's
 * `x-ms-client-request-id` is echoed. Set at the start of the request and again on any error
 * (which may have been raised before this scope's hooks ran, e.g. by authentication).
 */
export function setArmHeaders(request: FastifyRequest, reply: FastifyReply): void {
  let correlation = correlations.get(request)
  if (!correlation) {
    correlation = clientValue(request, 'x-ms-correlation-request-id') ?? randomUUID()
    correlations.set(request, correlation)
  }
  reply.header('x-ms-request-id', request.id).header('x-ms-correlation-request-id', correlation)
  const clientRequestId = clientValue(request, 'x-ms-client-request-id')
  if (clientRequestId) reply.header('x-ms-client-request-id', clientRequestId)
}

export function sendArmError(
  reply: FastifyReply,
  request: FastifyRequest,
  error: NormalizedError,
  raw: unknown,
): FastifyReply {
  setArmHeaders(request, reply)
  return reply.status(error.status).send(armError(error, raw))
}

/**
 * CSP on behalf of: besides the token for the customer's tenant, a caller may send its own
 * tenant's token in `x-ms-authorization-auxiliary`; it must be valid and be the same user's, in
 * the user's home tenant.
 */
async function checkAuxiliary(ctx: AppContext, request: FastifyRequest, actor: Actor): Promise<void> {
  const header = request.headers['x-ms-authorization-auxiliary']
  if (header === undefined) return
  for (const part of String(header).split(',')) {
    const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(part)
    const claims = match ? await ctx.tokens.verify(match[1]!) : null
    if (!claims || claims.oid !== actor.userId || claims.tid !== actor.homeTenantId) {
      throw armProblem(
        401,
        'InvalidAuthenticationTokenTenant',
        'The auxiliary token is not a valid token of the caller’s own tenant.',
      )
    }
  }
}

function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendArmError(
    reply,
    request,
    {
      status: 404,
      code: 'route_not_found',
      message: t(request.locale, 'error.route_not_found', {
        method: request.method,
        url: request.url.split('?')[0] ?? '',
      }),
    },
    null,
  )
}

/** An ARM scope: request-id headers, ARM's error body and 404, the api-version check, the auxiliary token. */
export function armScope(plugin: App, ctx: AppContext) {
  const arm = plugin.withTypeProvider<TypeBoxTypeProvider>()
  // the official SDKs read these answers: a route's response schema (arm.schema.ts) describes it in
  // the OpenAPI document and never filters or reorders what the presenter sends
  arm.setSerializerCompiler(() => (data) => JSON.stringify(data))
  arm.addHook('onRequest', async (request, reply) => setArmHeaders(request, reply))
  arm.setErrorHandler((error, request, reply) => {
    const normalized = normalizeError(error, request)
    if (normalized.status >= 500) request.log.error({ err: error }, 'request failed')
    return sendArmError(reply, request, normalized, error)
  })
  arm.setNotFoundHandler(sendRouteNotFound)
  arm.addHook('preValidation', async (request) => {
    const version = (request.query as Record<string, unknown> | undefined)?.['api-version']
    if (version === undefined)
      throw armProblem(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.',
      )
    if (!isApiVersion(version))
      throw armProblem(
        400,
        'InvalidApiVersionParameter',
        `The api-version '${String(version)}' is invalid. The supported versions are '${API_VERSIONS.join(',')}'.`,
      )
    if (request.actor) await checkAuxiliary(ctx, request, request.actor)
  })
  return arm
}
export type ArmScope = ReturnType<typeof armScope>

/** The rest of `/subscriptions/…` (resource groups, other providers): ARM's 404, with ARM's headers. */
export async function registerArmFallback(app: App): Promise<void> {
  await app.register(
    async (plugin) => {
      plugin.addHook('onRequest', async (request, reply) => setArmHeaders(request, reply))
      plugin.setNotFoundHandler(sendRouteNotFound)
    },
    { prefix: '/subscriptions' },
  )
}

/**
 * Answers a create as ARM's long-running operation: 202 with the operation's status and result
 * URLs, in the scope (subscription or tenant) and api-version of the request. The work is already
 * done (the operation is recorded as succeeded), so the SDK's first poll finds it finished.
 */
export async function acceptAsOperation(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  scope: { subscriptionId: string | null; tenantId: string; prefix: string },
  resourceId: string,
): Promise<void> {
  const operationId = randomUUID()
  const now = ctx.now()
  await ctx.db
    .insertInto('arm_operations')
    .values({
      id: operationId,
      subscription_id: scope.subscriptionId,
      tenant_id: scope.tenantId,
      resource_id: resourceId,
      status: 'Succeeded',
      created_at: now,
      finished_at: now,
    })
    .execute()
  const operations = `${armBase(request)}${scope.prefix}`
  const query = `?api-version=${armVersion(request)}`
  reply
    .status(202)
    .header('azure-asyncoperation', `${operations}/operationsStatus/${operationId}${query}`)
    .header('location', `${operations}/operationResults/${operationId}${query}`)
    .header('retry-after', '1')
}
