import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en.ts'
import { it } from './it.ts'

export const LANGUAGES = ['it', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'tramite.lang'

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language)

function rememberedLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    return isLanguage(stored) ? stored : null
  } catch {
    return null // storage disabled (privacy mode): fall back to the browser's languages
  }
}

/** The first of the browser's preferred languages that the portal speaks; English otherwise. */
function browserLanguage(): Language {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language]
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0]
    if (isLanguage(primary)) return primary
  }
  return 'en'
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language
}

const initial = rememberedLanguage() ?? browserLanguage()

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, it: { translation: it } },
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false, defaultVariables: { vendor: 'Tramite' } }, // React escapes already
  initAsync: false,
})
applyToDocument(initial)

export const i18n = i18next

/** The UI language: what the user sees and what the API is asked to answer in. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en'
}

/** Switches the UI language and remembers the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // not remembered; the switch still applies to this visit
  }
  await i18next.changeLanguage(language)
  applyToDocument(language)
}

/**
 * The vendor's name ("Contoso Cloud", from the session), filled into every string that names it as
 * `{{vendor}}` — pages say "Open with Contoso Cloud", never "the vendor". The session is loaded
 * before any page renders; until then (and before setup) the product's name stands in.
 */
export function setVendorName(name: string | null | undefined): void {
  i18next.options.interpolation = {
    ...i18next.options.interpolation,
    defaultVariables: { ...i18next.options.interpolation?.defaultVariables, vendor: name || 'Tramite' },
  }
}
