import { randomUUID } from 'node:crypto'
import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { NoContent } from '../platform/http/contract.ts'
import type { App } from '../platform/http/server.ts'
import { notFound } from '../platform/errors.ts'
import type { RoleAssignmentRecord } from './role-assignments.data.ts'
import { inPortalWords } from './role-assignments.messages.ts'
import {
  AssignablePrincipalListSchema,
  RoleAssignmentCreateSchema,
  RoleAssignmentListSchema,
  RoleAssignmentSchema,
} from './role-assignments.schema.ts'
import {
  assignablePrincipalsAsActor,
  createAssignmentAsActor,
  deleteAssignmentAsActor,
  listAssignmentsAsActor,
} from './role-assignments.service.ts'
import { definitionByName } from './role-definitions.ts'

/**
 * The portal's Azure role assignments on a subscription: the same service as ARM's
 * Microsoft.Authorization (rbac.http.ts), with the principals' names. The caller works in the
 * subscription's tenant — a partner through a delegated token (GDAP), or the tenant's own people.
 */

const tags = ['Azure role assignments (portal)']
const Sub = Type.Object({ subscriptionId: Type.String({ maxLength: 64 }) })
const PREFIX = '/api/azure/subscriptions/:subscriptionId'

const present = (a: RoleAssignmentRecord) => ({
  id: a.id,
  roleName: a.roleName,
  principalId: a.principalId,
  principalType: a.principalType,
  principalName: a.principalName,
  createdAt: a.createdAt.toISOString(),
})

export function registerRoleAssignmentPortalRoutes(app: App, ctx: AppContext): void {
  app.get(
    `${PREFIX}/role-assignments`,
    {
      schema: {
        tags,
        summary: 'The role assignments on an Azure subscription, with whom they name',
        params: Sub,
        response: { 200: RoleAssignmentListSchema },
      },
    },
    async (request) => ({
      items: (
        await inPortalWords(() =>
          listAssignmentsAsActor(ctx, actorOf(request), request.params.subscriptionId, { atScope: true }),
        )
      ).map(present),
    }),
  )

  app.get(
    `${PREFIX}/assignable-principals`,
    {
      schema: {
        tags,
        summary:
          'Whom a role on the subscription can be given: its tenant’s users and groups, its partners’ groups',
        params: Sub,
        response: { 200: AssignablePrincipalListSchema },
      },
    },
    async (request) => ({
      items: await inPortalWords(() =>
        assignablePrincipalsAsActor(ctx, actorOf(request), request.params.subscriptionId),
      ),
    }),
  )

  app.post(
    `${PREFIX}/role-assignments`,
    {
      schema: {
        tags,
        summary:
          'Gives a built-in role on the subscription to a user or group (Owner of the subscription only)',
        params: Sub,
        body: RoleAssignmentCreateSchema,
        response: { 201: RoleAssignmentSchema },
      },
    },
    async (request, reply) => {
      const { assignment } = await inPortalWords(() =>
        createAssignmentAsActor(ctx, actorOf(request), request.params.subscriptionId, randomUUID(), {
          roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${definitionByName(request.body.roleName).id}`,
          principalId: request.body.principalId,
        }),
      )
      reply.status(201)
      return present(assignment)
    },
  )

  app.delete(
    `${PREFIX}/role-assignments/:id`,
    {
      schema: {
        tags,
        summary: 'Removes a role assignment (Owner of the subscription only)',
        params: Type.Object({
          subscriptionId: Type.String({ maxLength: 64 }),
          id: Type.String({ maxLength: 64 }),
        }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const removed = await inPortalWords(() =>
        deleteAssignmentAsActor(ctx, actorOf(request), request.params.subscriptionId, request.params.id),
      )
      if (!removed) throw notFound()
      return reply.status(204).send()
    },
  )
}
