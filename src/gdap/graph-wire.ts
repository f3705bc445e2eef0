import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import { selectProperties, type ODataQuery } from '../platform/http/odata-query.ts'
import { GdapError } from './gdap.service.ts'

/*
 * What the GDAP routes of Microsoft Graph v1.0 share: the root path and its entity paths, ids,
 * the roles body, If-Match against the row's version, $select.
 */

export const ROOT = '/tenantRelationships/delegatedAdminRelationships'
export const TAGS = ['Microsoft Graph v1.0: GDAP']

export const Id = Type.String({ maxLength: 100 })
export const RolesBody = Type.Object({
  unifiedRoles: Type.Array(Type.Object({ roleDefinitionId: Type.String({ maxLength: 64 }) }), {
    maxItems: 100,
  }),
})
/** Graph's bodies may carry properties we do not read. */
export const open = { additionalProperties: true }

export const relationshipPath = (id: string, nav: string) =>
  `tenantRelationships/delegatedAdminRelationships('${id}')/${nav}`

/**
 * The version an If-Match header names for the row `id` (as `etag` in graph-presenters.ts writes it);
 * `*` matches the row's current version. Missing: 428; another row's or not an ETag: 412.
 */
export function ifMatch(request: FastifyRequest, id: string, currentVersion: number): number {
  const header = request.headers['if-match']
  if (header === undefined) throw new GdapError(428, 'precondition_required')
  const value = String(header).trim()
  if (value === '*') return currentVersion
  const match = /^(?:W\/)?"([A-Za-z0-9+/=]+)"$/.exec(value)
  const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : ''
  const [tagId, version] = [
    decoded.slice(0, decoded.lastIndexOf(':')),
    decoded.slice(decoded.lastIndexOf(':') + 1),
  ]
  if (tagId !== id || !/^\d+$/.test(version)) throw new GdapError(412, 'precondition_failed')
  return Number(version)
}

/**
 * $select narrows an entity to the chosen properties; the response schemas describe the whole
 * (default) answer and, on the Graph surface, never filter (graph-surface.ts).
 */
export const selected = <T, O extends Record<string, unknown>>(item: O, q: ODataQuery<T>) =>
  selectProperties(item, q) as O
