import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { addNoteAsActor } from '../service-requests/service-requests.service.ts'
import { parseArmFilter, presentCommunication, skipToken } from './arm.presenters.ts'
import { ApiVersion, Name, NameCheck, open, SubscriptionId, tags, TicketParams } from './arm-schemas.ts'
import {
  ArmAccepted,
  ArmCommunicationSchema,
  armList,
  ArmNameAvailabilitySchema,
  armResponses,
} from './arm.schema.ts'
import { acceptAsOperation, armBase, armProblem, armVersion, type ArmScope } from './arm-surface.ts'
import { ticketFor } from './arm-tickets.http.ts'

/** A ticket's communications (its notes, with ARM names and subjects), at either scope. */
export function communicationRoutes(arm: ArmScope, ctx: AppContext): void {
  const noteName = (n: { armName: string | null; id: string | number }) =>
    (n.armName ?? String(n.id)).toLowerCase()

  arm.post(
    `/supportTickets/:supportTicketName/checkNameAvailability`,
    {
      schema: {
        tags,
        summary: 'Is a communication name free on this ticket?',
        params: TicketParams,
        querystring: ApiVersion,
        body: NameCheck,
        response: armResponses({ 200: ArmNameAvailabilitySchema }),
      },
    },
    async (request) => {
      const { notes } = await ticketFor(ctx, request, request.params.supportTicketName)
      const taken = notes.some((n) => noteName(n) === request.body.name.toLowerCase())
      return taken
        ? {
            nameAvailable: false,
            reason: 'AlreadyExists' as const,
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
        params: TicketParams,
        querystring: Type.Object(
          {
            'api-version': Type.String(),
            $filter: Type.Optional(Type.String({ maxLength: 500 })),
            $top: Type.Integer({ minimum: 1, maximum: 10, default: 10 }),
            $skiptoken: Type.Optional(Type.String({ maxLength: 200 })),
          },
          open,
        ),
        response: armResponses({ 200: armList(ArmCommunicationSchema) }),
      },
    },
    async (request) => {
      const { supportTicketName } = request.params
      const { scope, request: ticket, notes } = await ticketFor(ctx, request, supportTicketName)
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
              nextLink: `${armBase(request)}${scope.prefix}/supportTickets/${supportTicketName}/communications?api-version=${armVersion(request)}&$top=${top}${request.query.$filter ? `&$filter=${encodeURIComponent(request.query.$filter)}` : ''}&$skiptoken=${skipToken.encode(offset + top)}`,
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
          subscriptionId: SubscriptionId,
          supportTicketName: Type.String({ maxLength: 128 }),
          communicationName: Type.String({ maxLength: 128 }),
        }),
        querystring: ApiVersion,
        response: armResponses({ 200: ArmCommunicationSchema }),
      },
    },
    async (request) => {
      const { request: ticket, notes } = await ticketFor(ctx, request, request.params.supportTicketName)
      const note = notes.find((n) => noteName(n) === request.params.communicationName.toLowerCase())
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
          subscriptionId: SubscriptionId,
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
        response: armResponses({ 202: ArmAccepted }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { supportTicketName, communicationName } = request.params
      const { scope, request: ticket, notes } = await ticketFor(ctx, request, supportTicketName)
      if (notes.some((n) => noteName(n) === communicationName.toLowerCase())) {
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
        scope,
        `${scope.prefix}/supportTickets/${supportTicketName}/communications/${communicationName}`,
      )
      return reply.send()
    },
  )
}
