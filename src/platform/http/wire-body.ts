import { AppError } from '../errors.ts'
import { t, type Locale } from '../i18n/i18n.ts'

/**
 * Reads a JSON body whose property names are case-insensitive, as Microsoft's APIs accept them
 * (the documentation sends PascalCase, the SDKs camelCase), and collects every problem so that one
 * 400 names them all. Unknown properties are ignored: the SDKs send whole objects back.
 */

const MESSAGES = {
  en: {
    body_object: '{field} must be a JSON object.',
    duplicate: '{field} is given more than once (property names are case-insensitive).',
    required: '{field} is required.',
    text: '{field} must be a text of {min} to {max} characters.',
    email: '{field} must be an email address.',
    integer: '{field} must be a whole number from {min} to {max}.',
    boolean: '{field} must be true or false.',
    object: '{field} must be an object.',
    array: '{field} must be a list of at most {max} items.',
    one_of: '{field} must be one of {values}.',
    guid: '{field} must be a GUID.',
    format: '{field} {hint}',
  },
  it: {
    body_object: '{field} deve essere un oggetto JSON.',
    duplicate:
      '{field} è presente più di una volta (i nomi delle proprietà non distinguono maiuscole e minuscole).',
    required: '{field} è obbligatorio.',
    text: '{field} deve essere un testo da {min} a {max} caratteri.',
    email: '{field} deve essere un indirizzo email.',
    integer: '{field} deve essere un numero intero da {min} a {max}.',
    boolean: '{field} deve essere true o false.',
    object: '{field} deve essere un oggetto.',
    array: '{field} deve essere un elenco di al massimo {max} elementi.',
    one_of: '{field} deve essere uno tra {values}.',
    guid: '{field} deve essere un GUID.',
    format: '{field} {hint}',
  },
} as const satisfies Record<Locale, Record<string, string>>

export type WireRule = keyof (typeof MESSAGES)['en']

export interface WireIssue {
  location: string
  rule: WireRule
  params: Record<string, string | number>
  /** For `format`: the hint in each language. */
  hint?: Record<Locale, string>
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  )

export function describeIssue(issue: WireIssue, locale: Locale): string {
  const field = issue.location.replace(/^body\./, '')
  return fill(MESSAGES[locale][issue.rule], {
    ...issue.params,
    field,
    ...(issue.hint ? { hint: issue.hint[locale] } : {}),
  })
}

/** 400 validation_failed listing every problem of the body, in the caller's language. */
export class InvalidWireBody extends AppError {
  constructor(readonly issues: WireIssue[]) {
    super(400, 'validation_failed', 'error.validation', { detail: issues.map((i) => i.location).join(', ') })
  }

  override localize(locale: Locale) {
    const details = this.issues.map((i) => ({
      location: i.location,
      rule: i.rule,
      message: describeIssue(i, locale),
    }))
    return {
      message: t(locale, 'error.validation', { detail: details.map((d) => d.message).join(' ') }),
      details,
    }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

interface TextOptions {
  required?: boolean
  min?: number
  max: number
}

export class WireBody {
  private constructor(
    private readonly source: Record<string, unknown>,
    private readonly path: string,
    readonly issues: WireIssue[],
  ) {}

  /** The body as an object; anything else is recorded as a problem and read as empty. */
  static of(body: unknown, path = 'body'): WireBody {
    const issues: WireIssue[] = []
    if (!isObject(body)) issues.push({ location: path, rule: 'body_object', params: {} })
    return new WireBody(isObject(body) ? body : {}, path, issues)
  }

  private where(name: string): string {
    return `${this.path}.${name}`
  }

  fail(
    name: string,
    rule: WireRule,
    params: Record<string, string | number> = {},
    hint?: Record<Locale, string>,
  ): undefined {
    this.issues.push({ location: this.where(name), rule, params, ...(hint ? { hint } : {}) })
    return undefined
  }

  /** The raw value of a property in any letter case (null reads as absent). */
  raw(name: string): unknown {
    const keys = Object.keys(this.source).filter((k) => k.toLowerCase() === name.toLowerCase())
    if (keys.length > 1) return this.fail(name, 'duplicate')
    const value = keys.length === 1 ? this.source[keys[0]!] : undefined
    return value === null ? undefined : value
  }

  has(name: string): boolean {
    return this.raw(name) !== undefined
  }

  text(name: string, options: TextOptions): string | undefined {
    const value = this.raw(name)
    const min = options.min ?? 1
    if (value === undefined) return options.required ? this.fail(name, 'required') : undefined
    if (typeof value !== 'string' || value.trim().length < min || value.length > options.max) {
      return this.fail(name, 'text', { min, max: options.max })
    }
    return value.trim()
  }

  email(name: string, options: { required?: boolean } = {}): string | undefined {
    const value = this.text(name, { ...options, max: 320 })
    if (value === undefined) return undefined
    if (!EMAIL.test(value)) return this.fail(name, 'email')
    return value.toLowerCase()
  }

  guid(name: string, options: { required?: boolean } = {}): string | undefined {
    const value = this.raw(name)
    if (value === undefined) return options.required ? this.fail(name, 'required') : undefined
    if (typeof value !== 'string' || !GUID.test(value)) return this.fail(name, 'guid')
    return value.toLowerCase()
  }

  integer(name: string, options: { required?: boolean; min: number; max: number }): number | undefined {
    const value = this.raw(name)
    if (value === undefined) return options.required ? this.fail(name, 'required') : undefined
    if (
      typeof value !== 'number' ||
      !Number.isSafeInteger(value) ||
      value < options.min ||
      value > options.max
    ) {
      return this.fail(name, 'integer', { min: options.min, max: options.max })
    }
    return value
  }

  boolean(name: string): boolean | undefined {
    const value = this.raw(name)
    if (value === undefined) return undefined
    if (typeof value !== 'boolean') return this.fail(name, 'boolean')
    return value
  }

  /** One of `values`, read in any letter case and without underscores or spaces. */
  oneOf<T extends string>(
    name: string,
    values: readonly T[],
    options: { required?: boolean } = {},
  ): T | undefined {
    const value = this.raw(name)
    if (value === undefined) return options.required ? this.fail(name, 'required') : undefined
    const key = typeof value === 'string' ? value.toLowerCase().replace(/[\s_-]/g, '') : null
    const found = values.find((v) => v.toLowerCase().replace(/[\s_-]/g, '') === key)
    if (!found) return this.fail(name, 'one_of', { values: values.join(', ') })
    return found
  }

  object(name: string, options: { required?: boolean } = {}): WireBody | undefined {
    const value = this.raw(name)
    if (value === undefined) return options.required ? this.fail(name, 'required') : undefined
    if (!isObject(value)) return this.fail(name, 'object')
    return new WireBody(value, this.where(name), this.issues)
  }

  /** A list of objects, each read as a WireBody at `name[i]`. */
  objects(name: string, options: { required?: boolean; max: number }): WireBody[] | undefined {
    const value = this.raw(name)
    if (value === undefined) return options.required ? this.fail(name, 'required') : undefined
    if (!Array.isArray(value) || value.length > options.max || (options.required && value.length === 0)) {
      return this.fail(name, 'array', { max: options.max })
    }
    return value.map((item, i) => {
      const path = `${this.where(name)}[${i}]`
      if (!isObject(item)) this.issues.push({ location: path, rule: 'object', params: {} })
      return new WireBody(isObject(item) ? item : {}, path, this.issues)
    })
  }

  /** Throws one 400 naming every problem found so far. */
  check(): void {
    if (this.issues.length > 0) throw new InvalidWireBody(this.issues)
  }
}
