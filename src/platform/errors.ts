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
/** `vendor`: whom to ask, by name ("Contoso Cloud"); Tramite's name before setup. */
export const tenantSuspended = (tenant: string, vendor: string | null): AppError =>
  new AppError(403, 'tenant_suspended', 'error.tenant_suspended', { tenant, vendor: vendor ?? 'Tramite' })

/**
 * A refusal worded by its component's own catalog (it, en): the problem is the stable code, the
 * template's `{name}`s are filled from `detail` (an unknown name stays as written), and
 * `fallbackKey` is the platform message a surface without the catalog would show.
 */
export class CatalogError<Problem extends string> extends AppError {
  // an ES private field: not an own enumerable property, so a logged error does not carry the catalog
  readonly #catalogs: Record<Locale, Record<Problem, string>>

  constructor(
    status: number,
    readonly problem: Problem,
    catalogs: Record<Locale, Record<Problem, string>>,
    fallbackKey: MessageKey,
    readonly detail: Record<string, string> = {},
    details?: unknown,
  ) {
    super(status, problem, fallbackKey, detail, details)
    this.#catalogs = catalogs
  }

  override localize(locale: Locale) {
    const template = (locale === 'it' ? this.#catalogs.it : this.#catalogs.en)[this.problem]
    const message = template.replace(/\{(\w+)\}/g, (whole, name: string) => this.detail[name] ?? whole)
    return this.details === undefined ? { message } : { message, details: this.details }
  }
}
