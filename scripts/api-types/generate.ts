// The portal's API types, generated from the server's own OpenAPI document (issue 13: one contract
// between server and portal). The application is built in process, never listening, over an empty
// in-memory database: registering routes reads no data, so the document is the same on every machine.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import prettier from 'prettier'
import { buildApp, createContext } from '../../src/app.ts'
import { loadConfig } from '../../src/config/config.ts'
import { openDatabase } from '../../src/platform/db/database.ts'

/** The committed file the portal imports its types from. */
export const API_TYPES_FILE = fileURLToPath(
  new URL('../../web/src/shared/api/openapi.gen.ts', import.meta.url),
)

/**
 * What the portal calls: its own API, the Graph GDAP relationships (the GDAP pages) and Azure's
 * Microsoft.Support (the Azure portal look-alike). The other wire-compatible surfaces (Partner
 * Center, the rest of Graph, RBAC, the authority) are for SDKs, not for the portal.
 */
export const PORTAL_PATHS: readonly RegExp[] = [
  /^\/api\//,
  /^\/v1\.0\/tenantRelationships\/delegatedAdminRelationships(\/|$)/,
  /^\/providers\/Microsoft\.Support\//,
  /^\/subscriptions\/\{subscriptionId\}\/providers\/Microsoft\.Support\//,
]

const BANNER = `/**
 * The portal's API contract, generated from the server's OpenAPI document: do not edit.
 * After changing a route's schema run \`npm run api:types\`; \`npm run lint\` and
 * test/platform/api-types.test.ts fail while this file is stale. See CONTRIBUTING.md.
 */
`

export interface OpenApiDocument {
  openapi: string
  info: Record<string, unknown>
  paths: Record<string, Record<string, unknown>>
  components?: { schemas?: Record<string, unknown>; [key: string]: unknown }
  [key: string]: unknown
}

/** The server's OpenAPI document, as GET /openapi.json answers it. */
export async function serverOpenApiDocument(): Promise<OpenApiDocument> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tramite-api-types-'))
  // only the defaults: the machine's environment (a DATABASE_URL, limits) must not change the contract
  const config = loadConfig({ TRAMITE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' })
  const database = await openDatabase({ kind: 'pglite', dir: 'memory://' })
  const ctx = createContext(config, database)
  try {
    const app = await buildApp(ctx)
    try {
      return structuredClone(app.swagger()) as unknown as OpenApiDocument
    } finally {
      await app.close()
    }
  } finally {
    await ctx.events.close()
    await ctx.authCache.close()
    await database.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const sortKeys = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

/** Every `#/components/schemas/X` reached from `value`, following references transitively. */
function referencedSchemas(value: unknown, schemas: Record<string, unknown>, found = new Set<string>()) {
  if (Array.isArray(value)) for (const item of value) referencedSchemas(item, schemas, found)
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const name =
        key === '$ref' && typeof child === 'string'
          ? /^#\/components\/schemas\/(.+)$/.exec(child)?.[1]
          : undefined
      if (name !== undefined && !found.has(name)) {
        found.add(name)
        referencedSchemas(schemas[name], schemas, found)
      } else referencedSchemas(child, schemas, found)
    }
  }
  return found
}

/**
 * A query parameter with a default (offset, limit) is one the caller may leave out: the server fills
 * it in. Fastify's document marks it required because the server's schema requires it after defaults.
 */
function defaultsOptional(pathItem: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(pathItem)
  for (const operation of Object.values(copy)) {
    const parameters = (operation as { parameters?: unknown } | null)?.parameters
    if (!Array.isArray(parameters)) continue
    for (const parameter of parameters as {
      in?: string
      required?: boolean
      schema?: { default?: unknown }
    }[]) {
      if (parameter.in === 'query' && parameter.schema?.default !== undefined) parameter.required = false
    }
  }
  return copy
}

/** The portal's part of the document: its paths (sorted), the schemas they use, no version. */
export function portalDocument(doc: OpenApiDocument): OpenApiDocument {
  const paths = sortKeys(
    Object.fromEntries(
      Object.entries(doc.paths)
        .filter(([path]) => PORTAL_PATHS.some((p) => p.test(path)))
        .map(([path, item]) => [path, defaultsOptional(item)]),
    ),
  )
  const schemas = doc.components?.schemas ?? {}
  const used = referencedSchemas(paths, schemas)
  const components = {
    ...doc.components,
    schemas: sortKeys(Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)))),
  }
  // the package version is no part of the contract (a release must not make the file stale)
  return { openapi: doc.openapi, info: { title: doc.info.title, version: 'portal' }, paths, components }
}

/** The TypeScript the committed file must hold for `doc`, formatted as the repository formats code. */
export async function typesFromDocument(doc: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(portalDocument(doc) as never, {
    alphabetize: true,
    // a query parameter with a default (offset, limit) stays optional for the caller
    defaultNonNullable: false,
    silent: true,
  })
  const source = BANNER + astToString(ast)
  const options = await prettier.resolveConfig(API_TYPES_FILE)
  return prettier.format(source, { ...options, filepath: API_TYPES_FILE })
}

/** The TypeScript the committed file must hold now. */
export async function generateApiTypes(): Promise<string> {
  return typesFromDocument(await serverOpenApiDocument())
}

/** Compares the committed file with a fresh generation: what `--check` says and whether it fails. */
export function checkApiTypes(
  committed: string | null,
  fresh: string,
  file: string,
): { ok: boolean; message: string } {
  if (committed === fresh)
    return { ok: true, message: `api:types: ${file} matches the server's OpenAPI document` }
  return {
    ok: false,
    message:
      committed === null
        ? `api:types: ${file} is missing. Run \`npm run api:types\` and commit it.`
        : `api:types: ${file} is stale: the server's OpenAPI document changed since it was generated.\n` +
          `Run \`npm run api:types\` and commit the result (then fix what the portal's type check reports).`,
  }
}
