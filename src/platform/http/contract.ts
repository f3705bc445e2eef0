import Type from 'typebox'

/**
 * Small building blocks of the portal API's response schemas. A route's response schema is its
 * contract: the OpenAPI document (and the portal's types generated from it) say exactly what it
 * sends, and Fastify's serializer sends only what the schema names — so a schema must be complete.
 */

/** `T` or null. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()])

/** An instant, as the portal API writes it (ISO 8601, UTC). */
export const DateTime = Type.String({ format: 'date-time' })

/**
 * A 204 answer: no body. `type: null` makes the OpenAPI document show the status without content;
 * typed `void` so a handler ends with `reply.status(204).send()`.
 */
export const NoContent = Type.Unsafe<void>({ type: 'null', description: 'No content' })

/** A CSV download, for the `content` of a response. */
export const CsvContent = { 'text/csv': { schema: Type.String({ description: 'CSV, UTF-8' }) } }
