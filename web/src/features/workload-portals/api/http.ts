import { ApiError, apiRequest, type RequestOptions } from '../../../shared/api/client.ts'
import { currentLanguage, i18n } from '../../../shared/i18n/i18n.ts'

/**
 * Whose credentials a workload portal's call carries: a bearer token for the tenant the portal acts
 * in (the customer's, delegated; or the user's own), or — with no token — the session cookie.
 */
export interface PortalAuth {
  token: string | null
}

/** An API failure from a bearer call; ARM errors also carry `additionalInfo` (the policy's refusal). */
export class PortalApiError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    requestId: string | null,
    details: unknown,
    readonly additionalInfo: unknown[] | null,
  ) {
    super(status, code, message, requestId, details)
    this.name = 'PortalApiError'
  }
}

interface ErrorBody {
  error?: {
    code?: string
    message?: string
    details?: unknown
    additionalInfo?: unknown[]
    requestId?: string
    target?: string
  }
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  if (!search) return path
  return `${path}${path.includes('?') ? '&' : '?'}${search}`
}

/** A link the server built (nextLink, Azure-AsyncOperation) as a path on this origin. */
export function sameOriginPath(link: string): string {
  const url = new URL(link, window.location.origin)
  return `${url.pathname}${url.search}`
}

/**
 * Calls this origin with `Authorization: Bearer` and no cookie: the token alone says who acts and in
 * which tenant. Asks for answers in the UI language. Returns the body and the response headers.
 */
export async function bearerRequest<T>(
  token: string,
  path: string,
  options: RequestOptions = {},
): Promise<{ data: T; headers: Headers; status: number }> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = {
    ...options.headers,
    Authorization: `Bearer ${token}`,
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'omit',
      signal: options.signal ?? null,
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw new ApiError(0, 'network_error', i18n.t('errors.network'))
  }
  const text = await response.text()
  let payload: unknown = null
  try {
    payload = text ? JSON.parse(text) : null
  } catch {
    payload = null
  }
  if (response.ok) return { data: payload as T, headers: response.headers, status: response.status }
  const error = (payload as ErrorBody | null)?.error
  throw new PortalApiError(
    response.status,
    error?.code ?? 'http_error',
    error?.message ?? i18n.t('errors.unexpected', { status: response.status }),
    error?.requestId ?? response.headers.get('x-request-id'),
    error?.details,
    Array.isArray(error?.additionalInfo) ? error.additionalInfo : null,
  )
}

/** With a token, a bearer call; without, the session's (cookie and anti-forgery token). */
export async function portalRequest<T>(
  auth: PortalAuth,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  if (auth.token) return (await bearerRequest<T>(auth.token, path, options)).data
  return apiRequest<T>(path, options)
}
