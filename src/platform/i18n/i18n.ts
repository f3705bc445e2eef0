import { en, it, type MessageKey } from './messages.ts'

export type Locale = 'en' | 'it'
export const LOCALES: readonly Locale[] = ['en', 'it']

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, it }

export type MessageParams = Record<string, string | number>

/** Formats a message, replacing `{name}` with its parameter. Unknown parameters stay visible. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[locale][key]
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  )
}

/**
 * Picks Italian or English from an Accept-Language header (RFC 9110 weights), or from a locale
 * such as 'it-IT'. English when nothing matches.
 */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return 'en'
  let best: { locale: Locale; q: number } | null = null
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const weight = q ? Number.parseFloat(q.slice(2)) : 1
    if (!Number.isFinite(weight) || weight <= 0) continue
    const primary = tag.toLowerCase().split('-')[0]
    const locale = LOCALES.find((l) => l === primary)
    if (locale && (!best || weight > best.q)) best = { locale, q: weight }
  }
  return best?.locale ?? 'en'
}
