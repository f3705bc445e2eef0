import { apiRequestWithMeta, type ApiResponse, type RequestOptions } from './client.ts'
import type { paths } from './openapi.gen.ts'

/**
 * A typed call of the portal API: the path is one of the server's (as its OpenAPI document writes it,
 * `/api/service-requests/{id}`), and its parameters, body and answer take their types from the
 * generated contract (openapi.gen.ts, `npm run api:types`). It goes through `apiRequestWithMeta`, so
 * the session cookie, the CSRF header, the UI language and the localized ApiError stay as they are.
 */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** The paths that answer `M`. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends { [K in M]: infer Op } ? ([Op] extends [undefined] ? never : P) : never
}[keyof paths]

/** The operation behind `M path`. */
export type Operation<P extends keyof paths, M extends HttpMethod> = NonNullable<paths[P][M]>

type Parameters<O> = O extends { parameters: infer X } ? X : never
type Defined<T> = [T] extends [never] ? false : [T] extends [undefined] ? false : true

/** The path parameters (`{id}`), the query string. */
export type PathParams<O> = NonNullable<Parameters<O> extends { path?: infer X } ? X : never>
export type QueryParams<O> = NonNullable<Parameters<O> extends { query?: infer X } ? X : never>

/** The JSON body the operation takes. */
export type JsonBody<O> = O extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? never
    : NonNullable<R> extends { content: { 'application/json': infer B } }
      ? B
      : never
  : never

type BodyRequired<O> = O extends { requestBody: { content: unknown } } ? true : false

type SuccessStatus = 200 | 201 | 202 | 203
type JsonContent<R> = R extends { content: { 'application/json': infer D } } ? D : unknown

/**
 * What a successful call answers: the JSON of its 2xx response; `void` for a 204; `unknown` when the
 * route declares no response schema (give it one: Fastify then also drops what the schema does not name).
 */
export type Success<O> = O extends { responses: infer R }
  ? {
      [S in keyof R]: S extends SuccessStatus ? JsonContent<R[S]> : S extends 204 ? void : never
    }[keyof R]
  : never

/** The answer of `M path`. */
export type ResponseOf<P extends keyof paths, M extends HttpMethod> = Success<Operation<P, M>>
/** The JSON body of `M path`. */
export type BodyOf<P extends keyof paths, M extends HttpMethod> = JsonBody<Operation<P, M>>
/** The query of `M path`. */
export type QueryOf<P extends keyof paths, M extends HttpMethod> = QueryParams<Operation<P, M>>

type PathPart<O> = Defined<PathParams<O>> extends true ? { path: PathParams<O> } : { path?: undefined }
type QueryPart<O> = Defined<QueryParams<O>> extends true ? { query?: QueryParams<O> } : { query?: undefined }
type BodyPart<O> =
  Defined<JsonBody<O>> extends true
    ? BodyRequired<O> extends true
      ? { body: JsonBody<O>; form?: undefined }
      : { body?: JsonBody<O>; form?: undefined }
    : // a route with no JSON body may take a multipart form (file uploads)
      { body?: undefined; form?: FormData }

/** What a call takes besides the method and path. */
export type CallInit<O> = PathPart<O> &
  QueryPart<O> &
  BodyPart<O> & {
    /** Extra headers (If-Match with the ETag of the version on screen). */
    headers?: Record<string, string>
    signal?: AbortSignal | undefined
  }

/** An init may be left out when nothing in it is required. */
type InitArgs<O> =
  Record<string, never> extends Pick<CallInit<O>, RequiredKeys<CallInit<O>>>
    ? [init?: CallInit<O>]
    : [init: CallInit<O>]
type RequiredKeys<T> = { [K in keyof T]-?: Record<string, never> extends Pick<T, K> ? never : K }[keyof T]

/** `/api/service-requests/{id}` with `{ id: 'SR-1' }` → `/api/service-requests/SR-1` (each value encoded). */
export function fillPath(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined || value === null)
      throw new Error(`missing path parameter ${name} for ${template}`)
    return encodeURIComponent(String(value))
  })
}

function toOptions(method: HttpMethod, init: CallInit<unknown> | undefined): RequestOptions {
  const { query, body, form, headers, signal } = (init ?? {}) as {
    query?: Record<string, unknown>
    body?: unknown
    form?: FormData
    headers?: Record<string, string>
    signal?: AbortSignal
  }
  return {
    method: method.toUpperCase() as RequestOptions['method'],
    ...(query ? { query: query as RequestOptions['query'] } : {}),
    ...(form !== undefined ? { body: form } : body !== undefined ? { body } : {}),
    ...(headers ? { headers } : {}),
    ...(signal ? { signal } : {}),
  }
}

/** A typed call that also answers the response's ETag (for If-Match on the next change). */
export function callWithMeta<M extends HttpMethod, P extends PathsWith<M>>(
  method: M,
  path: P,
  ...[init]: InitArgs<Operation<P, M>>
): Promise<ApiResponse<ResponseOf<P, M>>> {
  const filled = fillPath(path, (init as { path?: Record<string, unknown> } | undefined)?.path)
  return apiRequestWithMeta<ResponseOf<P, M>>(filled, toOptions(method, init as CallInit<unknown>))
}

/** A typed call of the portal API; answers the response body. */
export async function call<M extends HttpMethod, P extends PathsWith<M>>(
  method: M,
  path: P,
  ...init: InitArgs<Operation<P, M>>
): Promise<ResponseOf<P, M>> {
  return (await callWithMeta(method, path, ...init)).data
}

/** The same calls, one function per method: `api.get('/api/home', { signal })`. */
export const api = {
  get: <P extends PathsWith<'get'>>(path: P, ...init: InitArgs<Operation<P, 'get'>>) =>
    call('get', path, ...init),
  post: <P extends PathsWith<'post'>>(path: P, ...init: InitArgs<Operation<P, 'post'>>) =>
    call('post', path, ...init),
  put: <P extends PathsWith<'put'>>(path: P, ...init: InitArgs<Operation<P, 'put'>>) =>
    call('put', path, ...init),
  patch: <P extends PathsWith<'patch'>>(path: P, ...init: InitArgs<Operation<P, 'patch'>>) =>
    call('patch', path, ...init),
  delete: <P extends PathsWith<'delete'>>(path: P, ...init: InitArgs<Operation<P, 'delete'>>) =>
    call('delete', path, ...init),
}
