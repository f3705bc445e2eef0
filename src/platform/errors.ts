import type { Locale, MessageParams } from './i18n/i18n.ts'
import type { MessageKey } from './i18n/messages.ts'

/**
 * An operational error: the caller's request cannot be served, the process carries on.
 * `code` is the stable machine id; `messageKey` + `params` become the human message in the
 * caller's language; `details` are structured facts for the caller (never internals).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
    readonly details?: unknown,
  ) {
    super(`${code}: ${messageKey}`)
    this.name = 'AppError'
  }

  /** The message and details in `locale`; components with their own catalogs override it. */
  localize?(locale: Locale): { message: string; details?: unknown }
}

export const notFound = (): AppError => new AppError(404, 'not_found', 'error.not_found')
export const unauthenticated = (): AppError => new AppError(401, 'unauthenticated', 'error.unauthenticated')
export const invalidToken = (): AppError => new AppError(401, 'invalid_token', 'error.invalid_token')
export const invalidCredentials = (): AppError =>
  new AppError(401, 'invalid_credentials', 'error.invalid_credentials')
export const forbidden = (): AppError => new AppError(403, 'forbidden', 'error.forbidden')
export const partnerOnly = (): AppError => new AppError(403, 'partner_only', 'error.partner_only')
export const csrfFailed = (): AppError => new AppError(403, 'csrf_failed', 'error.csrf')
export const rateLimited = (seconds: number): AppError =>
  new AppError(429, 'rate_limited', 'error.rate_limited', { seconds })
export const validationFailed = (detail: string, details?: unknown): AppError =>
  new AppError(400, 'validation_failed', 'error.validation', { detail }, details)
export const invalidCursor = (): AppError => new AppError(400, 'invalid_cursor', 'error.invalid_cursor')
export const noDelegatedAccess = (user: string, tenant: string): AppError =>
  new AppError(403, 'no_delegated_access', 'error.no_delegated_access', { user, tenant })
export const tenantSuspended = (tenant: string): AppError =>
  new AppError(403, 'tenant_suspended', 'error.tenant_suspended', { tenant })
