import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { t } from '../platform/i18n/i18n.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { normalizeError } from '../platform/http/http-errors.ts'
import type { App } from '../platform/http/server.ts'
import { WireBody } from '../platform/http/wire-body.ts'
import { armError } from './arm.presenters.ts'
import type { RoleAssignmentRecord } from './role-assignments.data.ts'
import {
  ArmProblem,
  type AssignmentFilter,
  createAssignmentAsActor,
  deleteAssignmentAsActor,
  getAssignmentAsActor,
  listAssignmentsAsActor,
  readableScope,
} from './role-assignments.service.ts'
import {
  definitionById,
  definitionByName,
  presentRoleDefinition,
  ROLE_DEFINITIONS,
} from './role-definitions.ts'

/**
 * Azure Resource Manager's Microsoft.Authorization at subscription scope, api-version 2022-04-01
 * (what @azure/arm-authorization 9 speaks): role definitions of the built-in roles the support
 * policy knows, and role assignments — create (PUT), get, list with $filter, delete.
 */

export const RBAC_API_VERSION = '2022-04-01'
const PREFIX = '/subscriptions/:subscriptionId/providers/Microsoft.Authorization'
const tags = ['Azure Microsoft.Authorization (ARM)']

const Sub = Type.Object({ subscriptionId: Type.String({ maxLength: 64 }) })
const SubAndName = Type.Object({
  subscriptionId: Type.String({ maxLength: 64 }),
  name: Type.String({ maxLength: 64 }),
})
const Query = Type.Object(
  { 'api-version': Type.String({ maxLength: 20 }), $filter: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: true },
)
const open = Type.Object({}, { additionalProperties: true })

function presentAssignment(a: RoleAssignmentRecord) {
  const scope = `/subscriptions/${a.subscriptionId}`
  const created = a.createdAt.toISOString()
  return {
    properties: {
      roleDefinitionId: `${scope}/providers/Microsoft.Authorization/roleDefinitions/${definitionByName(a.roleName).id}`,
      principalId: a.principalId,
      principalType: a.principalType,
      scope,
      condition: null,
      conditionVersion: null,
      createdOn: created,
      updatedOn: created,
      createdBy: a.createdBy,
      updatedBy: a.createdBy,
      delegatedManagedIdentityResourceId: null,
      description: a.description,
    },
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${a.id}`,
    type: 'Microsoft.Authorization/roleAssignments',
    name: a.id,
  }
}

const GUID = "'([0-9a-fA-F-]{36})'"

/** The role assignment $filter forms ARM documents: atScope(), principalId eq '…', assignedTo('…'), joined by and. */
function parseAssignmentFilter(raw: string | undefined): AssignmentFilter {
  const filter: AssignmentFilter = { atScope: false }
  if (!raw?.trim()) return filter
  for (const clause of raw.split(/\s+and\s+/i)) {
    const c = clause.trim()
    let m: RegExpExecArray | null
    if (/^atScope\(\)$/i.test(c)) filter.atScope = true
    else if ((m = new RegExp(`^principalId\\s+eq\\s+${GUID}$`, 'i').exec(c))) filter.principalId = m[1]
    else if ((m = new RegExp(`^assignedTo\\(${GUID}\\)$`, 'i').exec(c))) filter.assignedTo = m[1]
    else {
      throw new ArmProblem(
        400,
        'UnsupportedQuery',
        `The filter '${raw}' is not supported. Supported filters are atScope(), principalId eq '{id}' and assignedTo('{id}'), joined by 'and'.`,
      )
    }
  }
  return filter
}

export async function registerRbacRoutes(app: App, ctx: AppContext): Promise<void> {
  await app.register(
    async (plugin) => {
      const arm = plugin.withTypeProvider<TypeBoxTypeProvider>()
      arm.setErrorHandler((error, request, reply) => {
        const normalized = normalizeError(error, request)
        if (normalized.status >= 500) request.log.error({ err: error }, 'request failed')
        return reply.status(normalized.status).send(armError(normalized, error))
      })
      arm.setNotFoundHandler((request, reply) =>
        reply.status(404).send(
          armError(
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
        ),
      )
      arm.addHook('preValidation', async (request) => {
        const version = (request.query as Record<string, unknown> | undefined)?.['api-version']
        if (version === undefined) {
          throw new ArmProblem(
            400,
            'MissingApiVersionParameter',
            'The api-version query parameter (?api-version=) is required for all requests.',
          )
        }
        if (version !== RBAC_API_VERSION) {
          throw new ArmProblem(
            400,
            'InvalidApiVersionParameter',
            `The api-version '${String(version)}' is invalid. The supported version is '${RBAC_API_VERSION}'.`,
          )
        }
      })

      arm.get(
        '/roleDefinitions',
        {
          schema: {
            tags,
            summary: 'The built-in roles the support policy knows',
            params: Sub,
            querystring: Query,
          },
        },
        async (request) => {
          await readableScope(ctx, actorOf(request), request.params.subscriptionId)
          const filter = request.query.$filter?.trim()
          const byName = filter ? /^roleName\s+eq\s+'([^']+)'$/i.exec(filter) : null
          const byType = filter ? /^type\s+eq\s+'([^']+)'$/i.exec(filter) : null
          if (filter && !byName && !byType) {
            throw new ArmProblem(
              400,
              'UnsupportedQuery',
              `The filter '${filter}' is not supported: use roleName eq '{name}' or type eq 'BuiltInRole'.`,
            )
          }
          const defs = ROLE_DEFINITIONS.filter(
            (d) =>
              (!byName || d.roleName.toLowerCase() === byName[1]!.toLowerCase()) &&
              (!byType || byType[1]!.toLowerCase() === 'builtinrole'),
          )
          return {
            value: defs.map((d) => presentRoleDefinition(d, request.params.subscriptionId.toLowerCase())),
          }
        },
      )

      arm.get(
        '/roleDefinitions/:name',
        { schema: { tags, summary: 'One built-in role definition', params: SubAndName, querystring: Query } },
        async (request) => {
          await readableScope(ctx, actorOf(request), request.params.subscriptionId)
          const def = definitionById(request.params.name)
          if (!def) {
            throw new ArmProblem(
              404,
              'RoleDefinitionDoesNotExist',
              `The specified role definition with ID '${request.params.name}' does not exist.`,
            )
          }
          return presentRoleDefinition(def, request.params.subscriptionId.toLowerCase())
        },
      )

      arm.get(
        '/roleAssignments',
        {
          schema: {
            tags,
            summary:
              "The subscription's role assignments ($filter: atScope(), principalId eq '…', assignedTo('…'))",
            params: Sub,
            querystring: Query,
          },
        },
        async (request) => {
          const list = await listAssignmentsAsActor(
            ctx,
            actorOf(request),
            request.params.subscriptionId,
            parseAssignmentFilter(request.query.$filter),
          )
          return { value: list.map(presentAssignment) }
        },
      )

      arm.get(
        '/roleAssignments/:name',
        { schema: { tags, summary: 'One role assignment', params: SubAndName, querystring: Query } },
        async (request) =>
          presentAssignment(
            await getAssignmentAsActor(
              ctx,
              actorOf(request),
              request.params.subscriptionId,
              request.params.name,
            ),
          ),
      )

      arm.put(
        '/roleAssignments/:name',
        {
          schema: {
            tags,
            summary: 'Creates a role assignment (roleDefinitionId, principalId, principalType)',
            params: SubAndName,
            querystring: Query,
            body: open,
          },
        },
        async (request, reply) => {
          const body = WireBody.of(request.body)
          const properties = body.object('properties', { required: true })
          const roleDefinitionId = properties?.text('roleDefinitionId', { required: true, max: 300 })
          const principalId = properties?.guid('principalId', { required: true })
          const principalType = properties?.oneOf('principalType', ['User', 'Group', 'ForeignGroup'] as const)
          const description = properties?.text('description', { max: 2000 })
          body.check()
          const { assignment, created } = await createAssignmentAsActor(
            ctx,
            actorOf(request),
            request.params.subscriptionId,
            request.params.name,
            { roleDefinitionId: roleDefinitionId!, principalId: principalId!, principalType, description },
          )
          reply.status(created ? 201 : 200)
          return presentAssignment(assignment)
        },
      )

      arm.delete(
        '/roleAssignments/:name',
        { schema: { tags, summary: 'Deletes a role assignment', params: SubAndName, querystring: Query } },
        async (request, reply) => {
          const removed = await deleteAssignmentAsActor(
            ctx,
            actorOf(request),
            request.params.subscriptionId,
            request.params.name,
          )
          if (!removed) return reply.status(204).send()
          return presentAssignment(removed)
        },
      )
    },
    { prefix: PREFIX },
  )
}
