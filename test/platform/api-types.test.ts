import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  API_TYPES_FILE,
  checkApiTypes,
  portalDocument,
  serverOpenApiDocument,
  typesFromDocument,
  type OpenApiDocument,
} from '../../scripts/api-types/generate.ts'

// The portal's API types are generated from the server's OpenAPI document (npm run api:types);
// the committed file must be what a fresh generation writes. One engine-free suite: the generator
// builds the application over an in-memory database of its own, whichever engine the run tests.
describe('the portal API contract (web/src/shared/api/openapi.gen.ts)', () => {
  let doc: OpenApiDocument
  let fresh: string
  beforeAll(async () => {
    doc = await serverOpenApiDocument()
    fresh = await typesFromDocument(doc)
  })

  it('when the server is built, then the committed file equals a fresh generation (else run npm run api:types)', () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8')
    const verdict = checkApiTypes(committed, fresh, 'web/src/shared/api/openapi.gen.ts')
    expect(verdict.ok, verdict.message).toBe(true)
  })

  it('when a route schema changes without regenerating, then the check fails and says what to run', async () => {
    const changed = structuredClone(doc)
    const list = changed.paths['/api/notifications']?.get as {
      responses: {
        200: { content: { 'application/json': { schema: { properties: Record<string, unknown> } } } }
      }
    }
    const properties = list.responses[200].content['application/json'].schema.properties
    expect(Object.keys(properties)).toContain('unread')
    delete properties.unread
    const stale = await typesFromDocument(changed)

    const verdict = checkApiTypes(fresh, stale, 'openapi.gen.ts')
    expect(verdict.ok).toBe(false)
    expect(verdict.message).toContain('is stale')
    expect(verdict.message).toContain('npm run api:types')
  })

  it('when the document is reduced to the portal, then only what the portal calls is kept, sorted, without the release', () => {
    const portal = portalDocument(doc)
    const paths = Object.keys(portal.paths)
    expect(paths).toContain('/api/service-requests/{id}')
    expect(paths).toContain('/subscriptions/{subscriptionId}/providers/Microsoft.Support/supportTickets')
    expect(paths).toContain('/v1.0/tenantRelationships/delegatedAdminRelationships')
    // Partner Center, the rest of Graph and the authority are for SDKs, not the portal
    expect(paths.some((p) => p.startsWith('/v1/') || p.startsWith('/v1.0/users'))).toBe(false)
    expect(paths).toEqual([...paths].sort())
    expect(portal.info.version).toBe('portal')
  })

  it('when the committed file is missing, then the check fails and says to generate it', () => {
    const verdict = checkApiTypes(null, fresh, 'openapi.gen.ts')
    expect(verdict.ok).toBe(false)
    expect(verdict.message).toContain('missing')
  })
})
