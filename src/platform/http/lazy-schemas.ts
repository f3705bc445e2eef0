import { AjvCompiler } from '@fastify/ajv-compiler'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { FastifyServerOptions } from 'fastify'
import { withNullableKeyword } from './nullable-serializer.ts'

/**
 * Route schemas compiled on a route's first request instead of at start.
 *
 * Fastify compiles every route's validators (Ajv) and response serializers (fast-json-stringify)
 * while the server gets ready: for all of Tramite's routes that was about 0.7 s of CPU before the
 * first request could be answered, most of it for routes a given process never serves. These
 * builders are Fastify's own (the same Ajv and fast-json-stringify, the same options and shared
 * schemas); only the moment of compiling moves, to the route's first use, once per route and part.
 *
 * One thing Fastify does only for its built-in compiler is done here too: header names are
 * case-insensitive, so a headers schema's property names are lower-cased before compiling.
 */

type ValidatorBuilder = ReturnType<typeof AjvCompiler>
/** What Fastify passes to a validator compiler for one part of one route. */
type RouteDefinition = { schema: unknown; method: string; url: string; httpPart?: string }
type Validator = ((data: unknown) => unknown) & { errors?: unknown }
type SerializerBuilder = ReturnType<typeof SerializerSelector>
type SerializerDefinition = Parameters<ReturnType<SerializerBuilder>>[0]

/** How many compilations the lazy builders have run (tests: a route compiles on first use only). */
export const lazyCompilations = { validators: 0, serializers: 0 }

function lowerCaseHeaders(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || Object.getPrototypeOf(schema) !== Object.prototype)
    return schema
  const s = schema as { properties?: Record<string, unknown>; required?: unknown }
  if (!s.properties) return schema
  return {
    ...s,
    properties: Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k.toLowerCase(), v])),
    ...(Array.isArray(s.required)
      ? { required: s.required.map((k) => (typeof k === 'string' ? k.toLowerCase() : k)) }
      : {}),
  }
}

export function lazyValidatorBuilder(): ValidatorBuilder {
  const build = AjvCompiler()
  return ((externalSchemas, options) => {
    const compile = build(externalSchemas, options)
    return (given: unknown) => {
      const route = given as RouteDefinition
      const definition =
        route.httpPart === 'headers' ? { ...route, schema: lowerCaseHeaders(route.schema) } : route
      let compiled: Validator | undefined
      const validate: Validator = (data) => {
        if (!compiled) {
          compiled = compile(definition as Parameters<typeof compile>[0]) as Validator
          lazyCompilations.validators++
        }
        return compiled(data)
      }
      // Fastify reads `errors` off the function it was given, after a failed validation
      Object.defineProperty(validate, 'errors', { get: () => compiled?.errors, enumerable: true })
      return validate as ReturnType<ReturnType<ValidatorBuilder>>
    }
  }) as ValidatorBuilder
}

export function lazySerializerBuilder(): SerializerBuilder {
  const build = SerializerSelector()
  return ((externalSchemas, options) => {
    const compile = build(externalSchemas, options)
    return (route: SerializerDefinition) => {
      let compiled: ((data: unknown) => string) | undefined
      return (data: unknown) => {
        if (!compiled) {
          // nullable unions as `nullable: true`: the same JSON, without validating each value first
          compiled = compile({ ...route, schema: withNullableKeyword(route.schema) }) as (
            data: unknown,
          ) => string
          lazyCompilations.serializers++
        }
        return compiled(data)
      }
    }
  }) as SerializerBuilder
}

/** The Fastify option that installs both. */
export const lazySchemaController = (): NonNullable<FastifyServerOptions['schemaController']> => ({
  compilersFactory: { buildValidator: lazyValidatorBuilder(), buildSerializer: lazySerializerBuilder() },
})
