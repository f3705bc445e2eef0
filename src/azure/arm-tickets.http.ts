import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import type { Actor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import type { ArmContact, Severity } from '../platform/db/schema.ts'
import { actorOf } from '../platform/http/authentication.ts'
import {
  changeSeverityAsActor,
  createServiceRequest,
  getRequestForActor,
  listRequestsForActor,
  setStatusAsActor,
  updateArmContactAsActor,
  updateArmDetailsAsActor,
} from '../service-requests/service-requests.service.ts'
import { armDetailsOf, parseArmFilter, presentTicket, type ArmTicketDetails } from './arm.presenters.ts'
import { acceptAsOperation, armBase, armProblem, armVersion, type ArmScope } from './arm-surface.ts'
import { scopeOf, ticketIdByName, type TicketScope } from './arm-tickets.data.ts'
import { hasTicketConsents } from './arm-versions.ts'
import { findClassification, findService } from './azure-catalog.data.ts'
import { ApiVersion, Name, NameCheck, open, SubscriptionId, tags, TicketParams } from './arm-schemas.ts'
import {
  ArmAccepted,
  armList,
  ArmNameAvailabilitySchema,
  armResponses,
  ArmTicketSchema,
} from './arm.schema.ts'

/**
 * Support tickets and their communications, at subscription scope
 * (`/subscriptions/{id}/providers/Microsoft.Support/supportTickets`, every api-version) and at
 * tenant scope (`/providers/Microsoft.Support/supportTickets`, 2024-04-01). A ticket is a service
 * request underneath and a communication is one of its notes: every call asks the support policy
 * (R5–R8, R12, R13).
 */

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
const YesNo = Type.Enum(['Yes', 'No'])
const SecondaryConsent = Type.Array(
  Type.Object(
    { userConsent: Type.Optional(YesNo), type: Type.Optional(Type.String({ maxLength: 200 })) },
    { additionalProperties: false },
  ),
  { maxItems: 20 },
)
const subscriptionParam = (request: FastifyRequest) =>
  (request.params as { subscriptionId?: string }).subscriptionId

/** R7: on a customer's behalf, the contact on the ticket is the partner's, never the customer's. */
async function checkContact(ctx: AppContext, actor: Actor, email: string, target: string): Promise<void> {
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
      target,
    )
  }
}

async function ticketIn(ctx: AppContext, actor: Actor, scope: TicketScope, name: string) {
  const id = await ticketIdByName(ctx, scope, name)
  if (!id) throw armProblem(404, 'ResourceNotFound', `The support ticket '${name}' was not found.`)
  return getRequestForActor(ctx, actor, id)
}

/** The ticket a request names, in the request's scope. */
export async function ticketFor(ctx: AppContext, request: FastifyRequest, name: string) {
  const actor = actorOf(request)
  const scope = await scopeOf(ctx, actor, subscriptionParam(request))
  return { scope, ...(await ticketIn(ctx, actor, scope, name)) }
}

const severityReserved = (target: string) =>
  armProblem(
    400,
    'InvalidParameter',
    "Severity 'highestcriticalimpact' is reserved for Premier and Unified support plans; use critical.",
    target,
  )

/** Registers the ticket routes on a scope whose prefix ends in `/providers/Microsoft.Support`. */
export function ticketRoutes(arm: ArmScope, ctx: AppContext): void {
  arm.post(
    `/checkNameAvailability`,
    {
      schema: {
        tags,
        summary: 'Is a ticket name free in this subscription (or tenant)?',
        params: Type.Object({ subscriptionId: SubscriptionId }),
        querystring: ApiVersion,
        body: NameCheck,
        response: armResponses({ 200: ArmNameAvailabilitySchema }),
      },
    },
    async (request) => {
      const scope = await scopeOf(ctx, actorOf(request), request.params.subscriptionId)
      const taken = await ticketIdByName(ctx, scope, request.body.name)
      return taken
        ? {
            nameAvailable: false,
            reason: 'AlreadyExists' as const,
            message: `A support ticket named '${request.body.name}' already exists.`,
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
        params: Type.Object({ subscriptionId: SubscriptionId, supportTicketName: Name }),
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
                // 2024-04-01
                advancedDiagnosticConsent: Type.Optional(YesNo),
                supportPlanId: Type.Optional(Type.String({ maxLength: 500 })),
                problemScopingQuestions: Type.Optional(Type.String({ maxLength: 20000 })),
                secondaryConsent: Type.Optional(SecondaryConsent),
                fileWorkspaceName: Type.Optional(Type.String({ maxLength: 200 })),
              },
              open,
            ),
          },
          open,
        ),
        response: armResponses({ 202: ArmAccepted }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const version = armVersion(request)
      const { supportTicketName } = request.params
      const scope = await scopeOf(ctx, actor, request.params.subscriptionId)
      const p = request.body.properties
      const current = hasTicketConsents(version)
      if (current && p.advancedDiagnosticConsent === undefined)
        throw armProblem(
          400,
          'InvalidParameter',
          "advancedDiagnosticConsent ('Yes' or 'No') is required with api-version 2024-04-01.",
          'properties.advancedDiagnosticConsent',
        )
      if (p.severity === 'highestcriticalimpact') throw severityReserved('properties.severity')
      const service = await findService(ctx.db, p.serviceId)
      if (!service)
        throw armProblem(
          400,
          'InvalidParameter',
          `serviceId '${p.serviceId}' is not a Microsoft.Support service.`,
          'properties.serviceId',
        )
      const classification = await findClassification(ctx.db, service.id, p.problemClassificationId)
      if (!classification)
        throw armProblem(
          400,
          'InvalidParameter',
          `problemClassificationId '${p.problemClassificationId}' does not belong to ${service.displayNameEn}.`,
          'properties.problemClassificationId',
        )
      if (await ticketIdByName(ctx, scope, supportTicketName)) {
        throw armProblem(409, 'Conflict', `A support ticket named '${supportTicketName}' already exists.`)
      }
      await checkContact(
        ctx,
        actor,
        p.contactDetails.primaryEmailAddress,
        'properties.contactDetails.primaryEmailAddress',
      )
      const contact = p.contactDetails as ArmContact
      // what the request's columns do not hold; fields of a newer version are kept only when asked in it
      const details: ArmTicketDetails = {
        ...(scope.subscriptionId ? {} : { scope: 'tenant' }),
        ...(p.quotaTicketDetails
          ? { quotaTicketDetails: p.quotaTicketDetails as Record<string, unknown> }
          : {}),
        ...(current
          ? {
              advancedDiagnosticConsent: p.advancedDiagnosticConsent,
              ...(p.supportPlanId ? { supportPlanId: p.supportPlanId } : {}),
              ...(p.problemScopingQuestions ? { problemScopingQuestions: p.problemScopingQuestions } : {}),
              ...(p.secondaryConsent ? { secondaryConsent: p.secondaryConsent } : {}),
              ...(p.fileWorkspaceName ? { fileWorkspaceName: p.fileWorkspaceName } : {}),
            }
          : {}),
      }
      const created = await createServiceRequest(
        ctx,
        actor,
        {
          workload: 'azure',
          subscriptionId: scope.subscriptionId ?? undefined,
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
            details: Object.keys(details).length > 0 ? { ...details } : null,
          },
        },
        request.locale,
      )
      await acceptAsOperation(
        ctx,
        request,
        reply,
        scope,
        `${scope.prefix}/supportTickets/${supportTicketName}`,
      )
      request.log.info({ requestId: created.id }, 'support ticket created')
      return reply.send()
    },
  )

  arm.get(
    `/supportTickets`,
    {
      schema: {
        tags,
        summary:
          "The scope's tickets the caller may see ($filter on createdDate, status, ServiceId, ProblemClassificationId; $top; nextLink)",
        params: Type.Object({ subscriptionId: SubscriptionId }),
        querystring: Type.Object(
          {
            'api-version': Type.String(),
            $filter: Type.Optional(Type.String({ maxLength: 500 })),
            $top: Type.Integer({ minimum: 1, maximum: 100, default: 100 }),
            $skiptoken: Type.Optional(Type.String({ maxLength: 200 })),
          },
          open,
        ),
        response: armResponses({ 200: armList(ArmTicketSchema) }),
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const version = armVersion(request)
      const scope = await scopeOf(ctx, actor, request.params.subscriptionId)
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
      const top = request.query.$top
      const status = filter.status?.toLowerCase()
      const page = await listRequestsForActor(ctx, actor, {
        workload: 'azure',
        tenantId: scope.tenantId,
        subscriptionId: scope.subscriptionId ?? undefined,
        createdAfter: filter.createddate ? new Date(filter.createddate) : undefined,
        status: status === 'closed' ? 'closed' : status === 'open' ? 'open' : undefined,
        azureServiceId: service?.id,
        classificationId: classification?.id,
        cursor: request.query.$skiptoken,
        offset: 0,
        limit: top,
        withTotal: false,
      })
      return {
        value: page.items.map((r) => presentTicket(r, request.locale, version)),
        ...(page.nextCursor !== null
          ? {
              nextLink: `${armBase(request)}${scope.prefix}/supportTickets?api-version=${version}&$top=${top}${request.query.$filter ? `&$filter=${encodeURIComponent(request.query.$filter)}` : ''}&$skiptoken=${page.nextCursor}`,
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
        params: TicketParams,
        querystring: ApiVersion,
        response: armResponses({ 200: ArmTicketSchema }),
      },
    },
    async (request) => {
      const { request: ticket } = await ticketFor(ctx, request, request.params.supportTicketName)
      return presentTicket(ticket, request.locale, armVersion(request))
    },
  )

  arm.patch(
    `/supportTickets/:supportTicketName`,
    {
      schema: {
        tags,
        summary:
          'Change severity (the SLA restarts for the new level), status (open, closed), contact details or (2024-04-01) consents',
        params: TicketParams,
        querystring: ApiVersion,
        body: Type.Object(
          {
            severity: Type.Optional(Type.Enum(['minimal', 'moderate', 'critical', 'highestcriticalimpact'])),
            status: Type.Optional(Type.Enum(['open', 'closed'])),
            contactDetails: Type.Optional(Type.Partial(Contact)),
            advancedDiagnosticConsent: Type.Optional(YesNo),
            secondaryConsent: Type.Optional(SecondaryConsent),
          },
          open,
        ),
        response: armResponses({ 200: ArmTicketSchema }),
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const version = armVersion(request)
      let { request: ticket } = await ticketFor(ctx, request, request.params.supportTicketName)
      const b = request.body
      if (b.severity === 'highestcriticalimpact') throw severityReserved('severity')
      if (b.contactDetails) {
        const merged = { ...(ticket.armContact ?? {}), ...b.contactDetails } as ArmContact
        if (!merged.primaryEmailAddress)
          throw armProblem(
            400,
            'InvalidParameter',
            'contactDetails.primaryEmailAddress is required.',
            'contactDetails.primaryEmailAddress',
          )
        await checkContact(ctx, actor, merged.primaryEmailAddress, 'contactDetails.primaryEmailAddress')
        ticket = await updateArmContactAsActor(ctx, actor, ticket.id, merged)
      }
      if (hasTicketConsents(version)) {
        const consents: ArmTicketDetails = {
          ...(b.advancedDiagnosticConsent ? { advancedDiagnosticConsent: b.advancedDiagnosticConsent } : {}),
          ...(b.secondaryConsent ? { secondaryConsent: b.secondaryConsent } : {}),
        }
        const before = armDetailsOf(ticket)
        const changed = Object.entries(consents).some(
          ([k, v]) => JSON.stringify(before[k as keyof ArmTicketDetails]) !== JSON.stringify(v),
        )
        if (changed) ticket = await updateArmDetailsAsActor(ctx, actor, ticket.id, { ...consents })
      }
      if (b.severity && b.severity !== ticket.severity)
        ticket = await changeSeverityAsActor(ctx, actor, ticket.id, b.severity as Severity)
      if (b.status === 'closed' && ticket.status !== 'closed')
        ticket = await setStatusAsActor(ctx, actor, ticket.id, 'closed')
      if (b.status === 'open' && ticket.status === 'closed')
        ticket = await setStatusAsActor(ctx, actor, ticket.id, 'open')
      return presentTicket(ticket, request.locale, version)
    },
  )
}
