import type { FastifyError, FastifyRequest } from 'fastify'
import localizeItModule from 'ajv-i18n/localize/it/index.js'
import { AppError } from '../errors.ts'
import { t } from '../i18n/i18n.ts'

/** A failure as every surface presents it: HTTP status, machine code, localized message, details. */
export interface NormalizedError {
  status: number
  code: string
  message: string
  details?: unknown
}

interface ValidationIssue {
  instancePath: string
  message?: string
  keyword: string
  params: Record<string, unknown>
}

// ajv-i18n is CommonJS: its module.exports is the localizing function.
const localizeIt = localizeItModule as unknown as (errors: unknown[]) => void

type FrameworkError = FastifyError & { validation?: ValidationIssue[]; validationContext?: string }

/**
 * Turns anything thrown while serving a request into a NormalizedError. Operational errors keep
 * their code; framework errors (bad JSON, body too large, schema validation) get ours; anything
 * else is a 500 whose message says only the request id — internals never reach the client.
 */
export function normalizeError(error: unknown, request: FastifyRequest): NormalizedError {
  const locale = request.locale
  if (error instanceof AppError) {
    const localized = error.localize?.(locale)
    if (localized) {
      return {
        status: error.status,
        code: error.code,
        message: localized.message,
        ...(localized.details === undefined ? {} : { details: localized.details }),
      }
    }
    return {
      status: error.status,
      code: error.code,
      message: t(locale, error.messageKey, error.params),
      ...(error.details === undefined ? {} : { details: error.details }),
    }
  }
  const e = error as FrameworkError
  if (e?.validation) {
    const issues = e.validation.map((v) => ({ ...v }))
    if (locale === 'it') localizeIt(issues)
    const where = e.validationContext ?? 'request'
    const details = issues.map((v) => ({
      location: `${where}${v.instancePath.replace(/\//g, '.')}`,
      rule: v.keyword,
      message: v.message ?? '',
    }))
    const detail = details.map((d) => `${d.location} ${d.message}`).join('; ')
    return {
      status: 400,
      code: 'validation_failed',
      message: t(locale, 'error.validation', { detail }),
      details,
    }
  }
  switch (e?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'bad_json', message: t(locale, 'error.bad_json') }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: 'body_too_large',
        message: t(locale, 'error.body_too_large', { limit: request.routeOptions.bodyLimit ?? 0 }),
      }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 415,
        code: 'unsupported_media_type',
        message: t(locale, 'error.unsupported_media_type', { expected: 'application/json' }),
      }
  }
  if (e instanceof SyntaxError && (e as FrameworkError).statusCode === 400) {
    return { status: 400, code: 'bad_json', message: t(locale, 'error.bad_json') }
  }
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 500
  if (status >= 400 && status < 500) {
    return {
      status,
      code: status === 429 ? 'rate_limited' : 'bad_request',
      message: t(locale, 'error.validation', { detail: e.message }),
    }
  }
  return {
    status: 500,
    code: 'internal_error',
    message: t(locale, 'error.internal', { requestId: request.id }),
  }
}
