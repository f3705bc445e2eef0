import { ApiError } from './client.ts'

/** Any thrown value as an ApiError, so the portal can show it as it shows the server's refusals. */
export const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError(0, 'client_error', e instanceof Error ? e.message : String(e))
