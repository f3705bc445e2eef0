import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { notFound } from '../platform/errors.ts'
import { isUuid } from '../platform/ids.ts'
import { actorOf } from '../platform/http/authentication.ts'
import type { App } from '../platform/http/server.ts'
import {
  ARM_OPERATIONS,
  presentClassification,
  presentCommunication,
  presentService,
  presentTicket,
} from './arm.presenters.ts'
import { armProblem, armScope, armVersion, registerArmFallback, type ArmScope } from './arm-surface.ts'
import { scopeOf } from './arm-tickets.data.ts'
import { communicationRoutes } from './arm-communications.http.ts'
import { ticketFor, ticketRoutes } from './arm-tickets.http.ts'
import { findClassification, findService, listClassifications, listServices } from './azure-catalog.data.ts'
import {
  ArmClassificationSchema,
  ArmCommunicationSchema,
  ArmOperationSchema,
  ArmOperationStatusSchema,
  armResponses,
  ArmServiceSchema,
  ArmTicketSchema,
  armValues,
} from './arm.schema.ts'
import { ApiVersion, tags } from './arm-schemas.ts'

/**
 * Azure Resource Manager's Microsoft.Support provider, api-versions 2020-04-01 and 2024-04-01, as
 * the official clients speak it: operations, services, problem classifications, name checks,
 * support tickets (create as a long-running operation, get, list, update) and communications, at
 * subscription scope and (2024-04-01) tenant scope. Tickets: arm-tickets.http.ts; what every ARM
 * response shares: arm-surface.ts.
 */

const SUB = '/subscriptions/:subscriptionId/providers/Microsoft.Support'

export async function registerArmRoutes(app: App, ctx: AppContext): Promise<void> {
  await app.register(
    async (plugin) => {
      const arm = armScope(plugin as App, ctx)
      providerRoutes(arm, ctx)
      ticketRoutes(arm, ctx)
      communicationRoutes(arm, ctx)
      operationRoutes(arm, ctx)
    },
    { prefix: '/providers/Microsoft.Support' },
  )
  await app.register(
    async (plugin) => {
      const arm = armScope(plugin as App, ctx)
      ticketRoutes(arm, ctx)
      communicationRoutes(arm, ctx)
      operationRoutes(arm, ctx)
    },
    { prefix: SUB },
  )
  await registerArmFallback(app)
}

/** Provider-level (tenant-scoped): operations, services, problem classifications. */
function providerRoutes(arm: ArmScope, ctx: AppContext): void {
  arm.get(
    '/operations',
    {
      schema: {
        tags,
        summary: 'Operations of the Microsoft.Support provider',
        querystring: ApiVersion,
        response: armResponses({ 200: armValues(ArmOperationSchema) }),
      },
    },
    async () => ({
      value: ARM_OPERATIONS,
    }),
  )

  arm.get(
    '/services',
    {
      schema: {
        tags,
        summary: 'Azure services a ticket can be about',
        querystring: ApiVersion,
        response: armResponses({ 200: armValues(ArmServiceSchema) }),
      },
    },
    async (request) => ({
      value: (await listServices(ctx.db)).map((s) => presentService(s, request.locale)),
    }),
  )

  arm.get(
    '/services/:serviceName',
    {
      schema: {
        tags,
        summary: 'One Azure service',
        params: Type.Object({ serviceName: Type.String({ maxLength: 64 }) }),
        querystring: ApiVersion,
        response: armResponses({ 200: ArmServiceSchema }),
      },
    },
    async (request) => {
      const service = await findService(ctx.db, request.params.serviceName)
      if (!service)
        throw armProblem(
          404,
          'ResourceNotFound',
          `The service '${request.params.serviceName}' was not found.`,
        )
      return presentService(service, request.locale)
    },
  )

  arm.get(
    '/services/:serviceName/problemClassifications',
    {
      schema: {
        tags,
        summary: "A service's problem classifications",
        params: Type.Object({ serviceName: Type.String({ maxLength: 64 }) }),
        querystring: ApiVersion,
        response: armResponses({ 200: armValues(ArmClassificationSchema) }),
      },
    },
    async (request) => {
      const service = await findService(ctx.db, request.params.serviceName)
      if (!service)
        throw armProblem(
          404,
          'ResourceNotFound',
          `The service '${request.params.serviceName}' was not found.`,
        )
      return {
        value: (await listClassifications(ctx.db, service.id)).map((c) =>
          presentClassification(c, request.locale),
        ),
      }
    },
  )

  arm.get(
    '/services/:serviceName/problemClassifications/:problemClassificationName',
    {
      schema: {
        tags,
        summary: 'One problem classification',
        params: Type.Object({
          serviceName: Type.String({ maxLength: 64 }),
          problemClassificationName: Type.String({ maxLength: 64 }),
        }),
        querystring: ApiVersion,
        response: armResponses({ 200: ArmClassificationSchema }),
      },
    },
    async (request) => {
      const found = await findClassification(
        ctx.db,
        request.params.serviceName,
        request.params.problemClassificationName,
      )
      if (!found)
        throw armProblem(
          404,
          'ResourceNotFound',
          `The problem classification '${request.params.problemClassificationName}' was not found.`,
        )
      return presentClassification(found, request.locale)
    },
  )
}

/** A long-running operation's status and result, in the scope (subscription or tenant) that started it. */
function operationRoutes(arm: ArmScope, ctx: AppContext): void {
  for (const kind of ['operationsStatus', 'operationResults'] as const) {
    arm.get(
      `/${kind}/:operationId`,
      {
        schema: {
          tags,
          summary:
            kind === 'operationsStatus'
              ? 'Status of a long-running operation'
              : 'Result of a long-running operation',
          params: Type.Object({
            subscriptionId: Type.Optional(Type.String({ maxLength: 64 })),
            operationId: Type.String({ maxLength: 64 }),
          }),
          querystring: ApiVersion,
          response: armResponses({
            200:
              kind === 'operationsStatus'
                ? ArmOperationStatusSchema
                : Type.Union([ArmTicketSchema, ArmCommunicationSchema], {
                    description: 'The ticket, or the communication, the operation made',
                  }),
          }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request)
        const scope = await scopeOf(ctx, actor, request.params.subscriptionId)
        const op = isUuid(request.params.operationId)
          ? await ctx.db
              .selectFrom('arm_operations')
              .selectAll()
              .where('id', '=', request.params.operationId)
              .where((eb) =>
                scope.subscriptionId
                  ? eb('subscription_id', '=', scope.subscriptionId)
                  : eb.and([eb('subscription_id', 'is', null), eb('tenant_id', '=', scope.tenantId)]),
              )
              .executeTakeFirst()
          : undefined
        if (!op) throw notFound()
        if (kind === 'operationResults') return operationResult(ctx, request, op.resource_id)
        reply.header('retry-after', '1')
        return {
          id: `${scope.prefix}/operationsStatus/${op.id}`,
          name: op.id,
          status: op.status,
          startTime: op.created_at.toISOString(),
          ...(op.finished_at ? { endTime: op.finished_at.toISOString() } : {}),
          ...(op.error ? { error: op.error } : {}),
        }
      },
    )
  }
}

/** The resource a finished operation made: a ticket, or one of its communications. */
async function operationResult(ctx: AppContext, request: FastifyRequest, resourceId: string) {
  const [, ticketName = '', communicationName] =
    /\/supportTickets\/([^/]+)(?:\/communications\/([^/]+))?$/.exec(resourceId) ?? []
  const { request: ticket, notes } = await ticketFor(ctx, request, ticketName)
  if (communicationName === undefined) return presentTicket(ticket, request.locale, armVersion(request))
  const note = notes.find(
    (n) => (n.armName ?? String(n.id)).toLowerCase() === communicationName.toLowerCase(),
  )
  if (!note) throw notFound()
  return presentCommunication(ticket, note)
}
