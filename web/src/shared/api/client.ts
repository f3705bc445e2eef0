import { currentLanguage, i18n } from '../i18n/i18n.ts'

/** An API failure, carrying the server's stable code and its message in the UI language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown; requestId?: string }
}

const SAFE_METHODS = new Set(['GET', 'HEAD'])

// The anti-forgery token of the current session; every session response renews it.
let csrfToken: string | null = null

export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

const unauthenticatedListeners = new Set<() => void>()

/** Called when the server says the session is gone (expired, signed out in another tab). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener)
  return () => unauthenticatedListeners.delete(listener)
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** JSON, or a FormData for multipart uploads. */
  body?: unknown
  query?: Record<string, string | number | undefined>
  /** Extra request headers (e.g. If-Match for optimistic concurrency). */
  headers?: Record<string, string>
  signal?: AbortSignal
}

/** A response body together with the headers a caller may need (ETag). */
export interface ApiResponse<T> {
  data: T
  etag: string | null
}

/**
 * Calls the portal API on this origin with the session cookie. Sends the UI language so the
 * server's messages match it, and the CSRF token on every unsafe method.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiRequestWithMeta<T>(path, options)).data
}

/** Like apiRequest, and also returns the response's ETag (for If-Match on the next change). */
export async function apiRequestWithMeta<T>(
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  }
  // a form (file uploads) goes as multipart, with the boundary the browser sets; anything else as JSON
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json'
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken

  let response: Response
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body:
        options.body === undefined
          ? null
          : isForm
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw new ApiError(0, 'network_error', i18n.t('errors.network'))
  }

  const etag = response.headers.get('etag')
  if (response.status === 204) return { data: undefined as T, etag }
  const payload: unknown = await response.json().catch(() => null)
  if (response.ok) return { data: payload as T, etag }

  const error = (payload as ErrorBody | null)?.error
  if (response.status === 401 && error?.code === 'unauthenticated') {
    csrfToken = null
    for (const listener of unauthenticatedListeners) listener()
  }
  throw new ApiError(
    response.status,
    error?.code ?? 'http_error',
    error?.message ?? i18n.t('errors.unexpected', { status: response.status }),
    error?.requestId ?? response.headers.get('x-request-id'),
    error?.details,
  )
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}
