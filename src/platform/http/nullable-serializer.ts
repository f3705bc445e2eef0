/**
 * Response schemas as fast-json-stringify serializes them quickly. The contract says "`T` or null"
 * as `anyOf: [T, { type: 'null' }]` (contract.ts's Nullable), which is right for the OpenAPI
 * document, but fast-json-stringify serializes an `anyOf` by validating the value against each
 * branch with Ajv first: a 50-row page of service requests (nine nullable objects and fifteen
 * nullable strings a row) took 3.2 ms to serialize, 18× JSON.stringify. The same schema with
 * `nullable: true` (a keyword fast-json-stringify reads: null, else `T`) writes the same JSON with
 * one comparison per field. Only the serializer's copy is rewritten; the route's schema, and the
 * OpenAPI document made from it, keep the `anyOf`.
 */

type Schema = Record<string, unknown>

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isNullType = (schema: unknown): boolean =>
  isObject(schema) &&
  schema.type === 'null' &&
  Object.keys(schema).every((k) => k === 'type' || k === 'description')

/**
 * `anyOf: [T, null]` (either order) → T with `nullable: true`, when T is a plain schema that
 * fast-json-stringify can mark nullable: not a reference, not a combinator, not already a list of types.
 */
function nullableOf(schema: Schema): Schema | null {
  const options = schema.anyOf
  if (!Array.isArray(options) || options.length !== 2) return null
  const nulls = options.filter(isNullType)
  if (nulls.length !== 1) return null
  const other = options.find((o) => !isNullType(o))
  if (!isObject(other)) return null
  if (['$ref', 'anyOf', 'oneOf', 'allOf', 'if', 'not', 'const'].some((k) => k in other)) return null
  if (Array.isArray(other.type) || other.type === 'null') return null
  // Ajv (which still validates any other anyOf of the same response) refuses `nullable` without a
  // `type`: an enum of strings is typed, anything else untyped stays as declared
  const typed =
    typeof other.type === 'string'
      ? other
      : Array.isArray(other.enum) && other.enum.every((v) => typeof v === 'string')
        ? { type: 'string', ...other }
        : null
  if (!typed) return null
  const { anyOf: _anyOf, ...siblings } = schema
  return { ...siblings, ...typed, nullable: true }
}

/** Keywords whose value is a schema, a list of schemas, or a map of names to schemas. */
const SCHEMA = new Set([
  'items',
  'additionalProperties',
  'additionalItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
])
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems', 'items'])
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions'])

/** A copy of `schema` with every nullable union rewritten (nested ones too); the input is not changed. */
export function withNullableKeyword(schema: unknown): unknown {
  if (!isObject(schema)) return schema
  const rewritten = nullableOf(schema) ?? schema
  const copy: Schema = {}
  for (const [key, value] of Object.entries(rewritten)) {
    if (SCHEMA_LISTS.has(key) && Array.isArray(value)) copy[key] = value.map(withNullableKeyword)
    else if (SCHEMA.has(key)) copy[key] = withNullableKeyword(value)
    else if (SCHEMA_MAPS.has(key) && isObject(value))
      copy[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, withNullableKeyword(s)]))
    else copy[key] = value // data: enum, required, const, default, examples, and the rest
  }
  return copy
}
