import { randomUUID } from 'node:crypto'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import Type from 'typebox'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import type { ArmContact, Severity } from '../platform/db/schema.ts'
import { AppError, notFound } from '../platform/errors.ts'
import { isUuid } from '../platform/ids.ts'
import { t } from '../platform/i18n/i18n.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { normalizeError, type NormalizedError } from '../platform/http/http-errors.ts'
import type { App } from '../platform/http/server.ts'
import {
  addNoteAsActor,
  changeSeverityAsActor,
  createServiceRequest,
  getRequestForActor,
  listRequestsForActor,
  setStatusAsActor,
  updateArmContactAsActor,
} from '../service-requests/service-requests.service.ts'
import { findByArmName } from '../service-requests/service-requests.data.ts'
import {
  armError,
  ARM_OPERATIONS,
  parseArmFilter,
  presentClassification,
  presentCommunication,
  presentService,
  presentTicket,
  skipToken,
  ticketPath,
} from './arm.presenters.ts'
import { findClassification, findService, listClassifications, listServices } from './azure-catalog.data.ts'

/**
 * Azure Resource Manager's Microsoft.Support provider, api-version 2020-04-01, as the official
 * @azure/arm-support client speaks it: operations, services, problem classifications, name checks,
 * support tickets (create as a long-running operation, get, list, update) and communications.
 * A ticket is a service request underneath: every call asks the support policy (R5–R8, R12, R13).
 */

export const API_VERSION = '2020-04-01'
const SUB = '/subscriptions/:subscriptionId/providers/Microsoft.Support'

function sendArmError(
  reply: FastifyReply,
  request: FastifyRequest,
  error: NormalizedError,
  raw: unknown,
): FastifyReply {
  return reply.status(error.status).send(armError(error, request.id, raw))
}

const base = (request: FastifyRequest) => `${request.protocol}://${request.headers.host ?? 'localhost'}`

const armProblem = (status: number, code: string, message: string) =>
  Object.assign(new AppError(status, code, 'error.validation', { detail: message }), {
    localize: () => ({ message }),
  })

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

/** The Azure subscription, if it belongs to the tenant the call acts in (the customer's, or the caller's own). */
async function subscriptionInContext(ctx: AppContext, actor: Actor, subscriptionId: string) {
  const sub = isUuid(subscriptionId)
    ? await ctx.db
        .selectFrom('subscriptions')
        .select(['id', 'tenant_id', 'friendly_name'])
        .where('id', '=', subscriptionId)
        .where('workload_id', '=', 'azure')
        .executeTakeFirst()
    : undefined
  if (!sub || sub.tenant_id !== actor.contextTenantId) {
    throw armProblem(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`)
  }
  return sub
}

/** R7: on a customer's behalf, the contact on the ticket is the partner's, never the customer's. */
async function checkContact(ctx: AppContext, actor: Actor, email: string): Promise<void> {
  if (!actor.delegated) return
  const tenant = await ctx.db
    .selectFrom('tenants')
    .select('default_domain')
    .where('id', '=', actor.homeTenantId)
    .executeTakeFirstOrThrow()
  const known = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email.toLowerCase())
    .where('tenant_id', '=', actor.homeTenantId)
    .executeTakeFirst()
  if (!known && !email.toLowerCase().endsWith(`@${tenant.default_domain}`)) {
    throw armProblem(
      400,
      'InvalidContactDetails',
      `R7: on a customer's behalf the contact details are the partner's (${actor.homeTenantName}), never the customer's: use an address of ${tenant.default_domain}.`,
    )
  }
}

async function ticketFor(ctx: AppContext, actor: Actor, subscriptionId: string, name: string) {
  await subscriptionInContext(ctx, actor, subscriptionId)
  const found = await findByArmName(ctx.db, subscriptionId, name)
  if (!found) throw armProblem(404, 'ResourceNotFound', `The support ticket '${name}' was not found.`)
  return getRequestForActor(ctx, actor, found.id)
}

const Contact = Type.Object(
  {
    firstName: Type.String({ minLength: 1, maxLength: 100 }),
    lastName: Type.String({ minLength: 1, maxLength: 100 }),
    preferredContactMethod: Type.Enum(['email', 'phone']),
    primaryEmailAddress: Type.String({ format: 'email', maxLength: 320 }),
    additionalEmailAddresses: Type.Optional(Type.Array(Type.String({ format: 'email' }), { maxItems: 10 })),
    phoneNumber: Type.Optional(Type.String({ maxLength: 40 })),
    preferredTimeZone: Type.String({ minLength: 1, maxLength: 100 }),
    country: Type.String({ minLength: 2, maxLength: 3 }),
    preferredSupportLanguage: Type.String({ minLength: 2, maxLength: 10 }),
  },
  { additionalProperties: true },
)
const ApiVersion = Type.Object(
  { 'api-version': Type.String({ maxLength: 20 }) },
  { additionalProperties: true },
)
const Name = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' })
const open = { additionalProperties: true }

/** What both ARM scopes share: ARM's error body and 404, the api-version check, the auxiliary token. */
function armScope(plugin: App, ctx: AppContext) {
  const arm = plugin.withTypeProvider<TypeBoxTypeProvider>()
  arm.setErrorHandler((error, request, reply) => {
    const normalized = normalizeError(error, request)
    if (normalized.status >= 500) request.log.error({ err: error }, 'request failed')
    return sendArmError(reply, request, normalized, error)
  })
  arm.setNotFoundHandler((request, reply) =>
    sendArmError(
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
    ),
  )
  arm.addHook('preValidation', async (request) => {
    const version = (request.query as Record<string, unknown> | undefined)?.['api-version']
    if (version === undefined)
      throw armProblem(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.',
      )
    if (version !== API_VERSION)
      throw armProblem(
        400,
        'InvalidApiVersionParameter',
        `The api-version '${String(version)}' is invalid. The supported version is '${API_VERSION}'.`,
      )
    if (request.actor) await checkAuxiliary(ctx, request, request.actor)
  })
  return arm
}

const tags = ['Azure Microsoft.Support (ARM)']

export async function registerArmRoutes(app: App, ctx: AppContext): Promise<void> {
  await app.register(async (plugin) => providerRoutes(armScope(plugin as App, ctx), ctx), {
    prefix: '/providers/Microsoft.Support',
  })
  await app.register(async (plugin) => subscriptionRoutes(armScope(plugin as App, ctx), ctx), { prefix: SUB })
}

/** Provider-level (tenant-scoped): operations, services, problem classifications. */
function providerRoutes(arm: ReturnType<typeof armScope>, ctx: AppContext): void {
  arm.get(
    '/operations',
    { schema: { tags, summary: 'Operations of the Microsoft.Support provider', querystring: ApiVersion } },
    async () => ({
      value: ARM_OPERATIONS,
    }),
  )

  arm.get(
    '/services',
    { schema: { tags, summary: 'Azure services a ticket can be about', querystring: ApiVersion } },
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

/** Subscription-scoped: name checks, support tickets and their communications, operation status. */
function subscriptionRoutes(arm: ReturnType<typeof armScope>, ctx: AppContext): void {
  arm.post(
    `/checkNameAvailability`,
    {
      schema: {
        tags,
        summary: 'Is a ticket name free in this subscription?',
        params: Type.Object({ subscriptionId: Type.String({ maxLength: 64 }) }),
        querystring: ApiVersion,
        body: Type.Object(
          {
            name: Type.String({ maxLength: 200 }),
            type: Type.Enum(['Microsoft.Support/supportTickets', 'Microsoft.Support/communications']),
          },
          open,
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request)
      await subscriptionInContext(ctx, actor, request.params.subscriptionId)
      const taken = await findByArmName(ctx.db, request.params.subscriptionId, request.body.name)
      return taken
        ? {
            nameAvailable: false,
            reason: 'AlreadyExists',
            message: `A support ticket named '${request.body.name}' already exists in this subscription.`,
          }
        : { nameAvailable: true }
    },
  )

  arm.put(
    `/supportTickets/:supportTicketName`,
    {
      schema: {
        tags,
        summary: 'Create a support ticket (long-running: 202, then Azure-AsyncOperation)',
        params: Type.Object({ subscriptionId: Type.String({ maxLength: 64 }), supportTicketName: Name }),
        querystring: ApiVersion,
        body: Type.Object(
          {
            properties: Type.Object(
              {
                serviceId: Type.String({ maxLength: 300 }),
                title: Type.String({ minLength: 1, maxLength: 200 }),
                description: Type.String({ minLength: 1, maxLength: 20000 }),
                problemClassificationId: Type.String({ maxLength: 300 }),
                severity: Type.Enum(['minimal', 'moderate', 'critical', 'highestcriticalimpact']),
                contactDetails: Contact,
                problemStartTime: Type.Optional(Type.String({ format: 'date-time' })),
                require24X7Response: Type.Optional(Type.Boolean()),
                technicalTicketDetails: Type.Optional(
                  Type.Object({ resourceId: Type.Optional(Type.String({ maxLength: 500 })) }, open),
                ),
                quotaTicketDetails: Type.Optional(Type.Object({}, open)),
              },
              open,
            ),
          },
          open,
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { subscriptionId, supportTicketName } = request.params
      await subscriptionInContext(ctx, actor, subscriptionId)
      const p = request.body.properties
      if (p.severity === 'highestcriticalimpact') {
        throw armProblem(
          400,
          'InvalidParameter',
          "Severity 'highestcriticalimpact' is reserved for Premier and Unified support plans; use critical.",
        )
      }
      const service = await findService(ctx.db, p.serviceId)
      if (!service)
        throw armProblem(
          400,
          'InvalidParameter',
          `serviceId '${p.serviceId}' is not a Microsoft.Support service.`,
        )
      const classification = await findClassification(ctx.db, service.id, p.problemClassificationId)
      if (!classification)
        throw armProblem(
          400,
          'InvalidParameter',
          `problemClassificationId '${p.problemClassificationId}' does not belong to ${service.displayNameEn}.`,
        )
      if (await findByArmName(ctx.db, subscriptionId, supportTicketName)) {
        throw armProblem(
          409,
          'Conflict',
          `A support ticket named '${supportTicketName}' already exists in this subscription.`,
        )
      }
      await checkContact(ctx, actor, p.contactDetails.primaryEmailAddress)
      const contact = p.contactDetails as ArmContact
      const created = await createServiceRequest(
        ctx,
        actor,
        {
          workload: 'azure',
          subscriptionId,
          problemType: service.problemType,
          title: p.title,
          description: p.description,
          severity: p.severity as Severity,
          entryPoint: actor.delegated ? 'partner_portal' : 'workload_portal',
          contact: {
            phone: contact.phoneNumber,
            preferredLanguage: contact.preferredSupportLanguage.toLowerCase().startsWith('it') ? 'it' : 'en',
          },
          azure: {
            armName: supportTicketName,
            serviceId: service.id,
            classificationId: classification.id,
            contact,
            technicalResourceId: p.technicalTicketDetails?.resourceId ?? null,
            problemStartAt: p.problemStartTime ? new Date(p.problemStartTime) : null,
            details: p.quotaTicketDetails ? { quotaTicketDetails: p.quotaTicketDetails } : null,
          },
        },
        request.locale,
      )
      await acceptAsOperation(
        ctx,
        request,
        reply,
        subscriptionId,
        ticketPath(subscriptionId, supportTicketName),
      )
      request.log.info({ requestId: created.id }, 'support ticket created')
      return reply.send()
    },
  )

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
            subscriptionId: Type.String({ maxLength: 64 }),
            operationId: Type.String({ maxLength: 64 }),
          }),
          querystring: ApiVersion,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request)
        await subscriptionInContext(ctx, actor, request.params.subscriptionId)
        const op = isUuid(request.params.operationId)
          ? await ctx.db
              .selectFrom('arm_operations')
              .selectAll()
              .where('id', '=', request.params.operationId)
              .where('subscription_id', '=', request.params.subscriptionId)
              .executeTakeFirst()
          : undefined
        if (!op) throw notFound()
        if (kind === 'operationResults') {
          const name = op.resource_id.split('/').pop()!
          const { request: ticket } = await ticketFor(ctx, actor, request.params.subscriptionId, name)
          return presentTicket(ticket, request.locale)
        }
        reply.header('retry-after', '1')
        return {
          id: `/subscriptions/${op.subscription_id}/providers/Microsoft.Support/operationsStatus/${op.id}`,
          name: op.id,
          status: op.status,
          startTime: op.created_at.toISOString(),
          ...(op.finished_at ? { endTime: op.finished_at.toISOString() } : {}),
          ...(op.error ? { error: op.error } : {}),
        }
      },
    )
  }

  arm.get(
    `/supportTickets`,
    {
      schema: {
        tags,
        summary:
          "The subscription's tickets the caller may see ($filter on createdDate, status, ServiceId, ProblemClassificationId; $top; nextLink)",
        params: Type.Object({ subscriptionId: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object(
          {
            'api-version': Type.String(),
            $filter: Type.Optional(Type.String({ maxLength: 500 })),
            $top: Type.Integer({ minimum: 1, maximum: 100, default: 100 }),
            $skiptoken: Type.Optional(Type.String({ maxLength: 200 })),
          },
          open,
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const { subscriptionId } = request.params
      await subscriptionInContext(ctx, actor, subscriptionId)
      const filter = parseArmFilter(request.query.$filter, [
        'createddate',
        'status',
        'serviceid',
        'problemclassificationid',
      ])
      const service = filter.serviceid ? await findService(ctx.db, filter.serviceid) : null
      const classification = filter.problemclassificationid
        ? await findClassification(ctx.db, null, filter.problemclassificationid)
        : null
      // a filter on something that does not exist matches nothing
      if ((filter.serviceid && !service) || (filter.problemclassificationid && !classification))
        return { value: [] }
      // the token is the list's cursor: the next page costs what the first one does
      const cursor = request.query.$skiptoken
      const top = request.query.$top
      const status = filter.status?.toLowerCase()
      const page = await listRequestsForActor(ctx, actor, {
        workload: 'azure',
        subscriptionId,
        createdAfter: filter.createddate ? new Date(filter.createddate) : undefined,
        status: status === 'closed' ? 'closed' : status === 'open' ? 'open' : undefined,
        azureServiceId: service?.id,
        classificationId: classification?.id,
        cursor,
        offset: 0,
        limit: top,
        withTotal: false,
      })
      const next = page.nextCursor !== null
      return {
        value: page.items.map((r) => presentTicket(r, request.locale)),
        ...(next
          ? {
              nextLink: `${base(request)}/subscriptions/${subscriptionId}/providers/Microsoft.Support/supportTickets?api-version=${API_VERSION}&$top=${top}${request.query.$filter ? `&$filter=${encodeURIComponent(request.query.$filter)}` : ''}&$skiptoken=${page.nextCursor}`,
            }
          : {}),
      }
    },
  )

  arm.get(
    `/supportTickets/:supportTicketName`,
    {
      schema: {
        tags,
        summary: 'One support ticket',
        params: Type.Object({
          subscriptionId: Type.String({ maxLength: 64 }),
          supportTicketName: Type.String({ maxLength: 128 }),
        }),
        querystring: ApiVersion,
      },
    },
    async (request) => {
      const { request: ticket } = await ticketFor(
        ctx,
        actorOf(request),
        request.params.subscriptionId,
        request.params.supportTicketName,
      )
      return presentTicket(ticket, request.locale)
    },
  )

  arm.patch(
    `/supportTickets/:supportTicketName`,
    {
      schema: {
        tags,
        summary:
          'Change severity (the SLA restarts for the new level), status (open, closed) or contact details',
        params: Type.Object({
          subscriptionId: Type.String({ maxLength: 64 }),
          supportTicketName: Type.String({ maxLength: 128 }),
        }),
        querystring: ApiVersion,
        body: Type.Object(
          {
            severity: Type.Optional(Type.Enum(['minimal', 'moderate', 'critical', 'highestcriticalimpact'])),
            status: Type.Optional(Type.Enum(['open', 'closed'])),
            contactDetails: Type.Optional(Type.Partial(Contact)),
          },
          open,
        ),
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const { subscriptionId, supportTicketName } = request.params
      let { request: ticket } = await ticketFor(ctx, actor, subscriptionId, supportTicketName)
      const b = request.body
      if (b.severity === 'highestcriticalimpact')
        throw armProblem(
          400,
          'InvalidParameter',
          "Severity 'highestcriticalimpact' is reserved for Premier and Unified support plans.",
        )
      if (b.contactDetails) {
        const merged = { ...(ticket.armContact ?? {}), ...b.contactDetails } as ArmContact
        if (!merged.primaryEmailAddress)
          throw armProblem(400, 'InvalidParameter', 'contactDetails.primaryEmailAddress is required.')
        await checkContact(ctx, actor, merged.primaryEmailAddress)
        ticket = await updateArmContactAsActor(ctx, actor, ticket.id, merged)
      }
      if (b.severity && b.severity !== ticket.severity)
        ticket = await changeSeverityAsActor(ctx, actor, ticket.id, b.severity as Severity)
      if (b.status === 'closed' && ticket.status !== 'closed')
        ticket = await setStatusAsActor(ctx, actor, ticket.id, 'closed')
      if (b.status === 'open' && ticket.status === 'closed')
        ticket = await setStatusAsActor(ctx, actor, ticket.id, 'open')
      return presentTicket(ticket, request.locale)
    },
  )

  // ── communications ─────────────────────────────────────────────────────────────────────
  const CommParams = Type.Object({
    subscriptionId: Type.String({ maxLength: 64 }),
    supportTicketName: Type.String({ maxLength: 128 }),
  })

  arm.post(
    `/supportTickets/:supportTicketName/checkNameAvailability`,
    {
      schema: {
        tags,
        summary: 'Is a communication name free on this ticket?',
        params: CommParams,
        querystring: ApiVersion,
        body: Type.Object(
          {
            name: Type.String({ maxLength: 200 }),
            type: Type.Enum(['Microsoft.Support/supportTickets', 'Microsoft.Support/communications']),
          },
          open,
        ),
      },
    },
    async (request) => {
      const { notes } = await ticketFor(
        ctx,
        actorOf(request),
        request.params.subscriptionId,
        request.params.supportTicketName,
      )
      const taken = notes.some(
        (n) => (n.armName ?? String(n.id)).toLowerCase() === request.body.name.toLowerCase(),
      )
      return taken
        ? {
            nameAvailable: false,
            reason: 'AlreadyExists',
            message: `A communication named '${request.body.name}' already exists on this ticket.`,
          }
        : { nameAvailable: true }
    },
  )

  arm.get(
    `/supportTickets/:supportTicketName/communications`,
    {
      schema: {
        tags,
        summary: "A ticket's communications ($filter on communicationType and createdDate; $top; nextLink)",
        params: CommParams,
        querystring: Type.Object(
          {
            'api-version': Type.String(),
            $filter: Type.Optional(Type.String({ maxLength: 500 })),
            $top: Type.Integer({ minimum: 1, maximum: 10, default: 10 }),
            $skiptoken: Type.Optional(Type.String({ maxLength: 200 })),
          },
          open,
        ),
      },
    },
    async (request) => {
      const { subscriptionId, supportTicketName } = request.params
      const { request: ticket, notes } = await ticketFor(
        ctx,
        actorOf(request),
        subscriptionId,
        supportTicketName,
      )
      const filter = parseArmFilter(request.query.$filter, ['communicationtype', 'createddate'])
      // every communication here is a web one
      const typeMatches = !filter.communicationtype || filter.communicationtype.toLowerCase() === 'web'
      const matching = typeMatches
        ? notes.filter((n) => !filter.createddate || n.createdAt >= new Date(filter.createddate))
        : []
      const offset = skipToken.decode(request.query.$skiptoken)
      const top = request.query.$top
      const page = matching.slice(offset, offset + top)
      return {
        value: page.map((n) => presentCommunication(ticket, n)),
        ...(offset + top < matching.length
          ? {
              nextLink: `${base(request)}/subscriptions/${subscriptionId}/providers/Microsoft.Support/supportTickets/${supportTicketName}/communications?api-version=${API_VERSION}&$top=${top}${request.query.$filter ? `&$filter=${encodeURIComponent(request.query.$filter)}` : ''}&$skiptoken=${skipToken.encode(offset + top)}`,
            }
          : {}),
      }
    },
  )

  arm.get(
    `/supportTickets/:supportTicketName/communications/:communicationName`,
    {
      schema: {
        tags,
        summary: 'One communication',
        params: Type.Object({
          subscriptionId: Type.String({ maxLength: 64 }),
          supportTicketName: Type.String({ maxLength: 128 }),
          communicationName: Type.String({ maxLength: 128 }),
        }),
        querystring: ApiVersion,
      },
    },
    async (request) => {
      const { request: ticket, notes } = await ticketFor(
        ctx,
        actorOf(request),
        request.params.subscriptionId,
        request.params.supportTicketName,
      )
      const name = request.params.communicationName.toLowerCase()
      const note = notes.find((n) => (n.armName ?? String(n.id)).toLowerCase() === name)
      if (!note)
        throw armProblem(
          404,
          'ResourceNotFound',
          `The communication '${request.params.communicationName}' was not found.`,
        )
      return presentCommunication(ticket, note)
    },
  )

  arm.put(
    `/supportTickets/:supportTicketName/communications/:communicationName`,
    {
      schema: {
        tags,
        summary: 'Add a communication to a ticket (long-running: 202, then Azure-AsyncOperation)',
        params: Type.Object({
          subscriptionId: Type.String({ maxLength: 64 }),
          supportTicketName: Type.String({ maxLength: 128 }),
          communicationName: Name,
        }),
        querystring: ApiVersion,
        body: Type.Object(
          {
            properties: Type.Object(
              {
                subject: Type.String({ minLength: 1, maxLength: 200 }),
                body: Type.String({ minLength: 1, maxLength: 20000 }),
                sender: Type.Optional(Type.String({ maxLength: 320 })),
              },
              open,
            ),
          },
          open,
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { subscriptionId, supportTicketName, communicationName } = request.params
      const { request: ticket, notes } = await ticketFor(ctx, actor, subscriptionId, supportTicketName)
      if (notes.some((n) => (n.armName ?? String(n.id)).toLowerCase() === communicationName.toLowerCase())) {
        throw armProblem(
          409,
          'Conflict',
          `A communication named '${communicationName}' already exists on this ticket.`,
        )
      }
      await addNoteAsActor(ctx, actor, ticket.id, request.body.properties.body, undefined, {
        armName: communicationName,
        subject: request.body.properties.subject,
      })
      await acceptAsOperation(
        ctx,
        request,
        reply,
        subscriptionId,
        `${ticketPath(subscriptionId, supportTicketName)}/communications/${communicationName}`,
      )
      return reply.send()
    },
  )
}

/**
 * Answers a create as ARM's long-running operation: 202 with the operation's status and result
 * URLs. The work is already done (the operation is recorded as succeeded), so the SDK's first poll
 * finds it finished.
 */
async function acceptAsOperation(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  subscriptionId: string,
  resourceId: string,
): Promise<void> {
  const operationId = randomUUID()
  const now = ctx.now()
  await ctx.db
    .insertInto('arm_operations')
    .values({
      id: operationId,
      subscription_id: subscriptionId,
      resource_id: resourceId,
      status: 'Succeeded',
      created_at: now,
      finished_at: now,
    })
    .execute()
  const operations = `${base(request)}/subscriptions/${subscriptionId}/providers/Microsoft.Support`
  const query = `?api-version=${API_VERSION}`
  reply
    .status(202)
    .header('azure-asyncoperation', `${operations}/operationsStatus/${operationId}${query}`)
    .header('location', `${operations}/operationResults/${operationId}${query}`)
    .header('retry-after', '1')
}
