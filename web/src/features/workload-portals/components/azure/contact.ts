import type { ContactDetails } from '../../api/arm.ts'
import type { PortalViewer } from '../../viewer.ts'

/** ISO 3166 alpha-3 (what Microsoft.Support wants) → alpha-2 (what Intl names). */
export const COUNTRIES: Record<string, string> = {
  are: 'AE',
  arg: 'AR',
  aus: 'AU',
  aut: 'AT',
  bel: 'BE',
  bra: 'BR',
  can: 'CA',
  che: 'CH',
  chn: 'CN',
  cze: 'CZ',
  deu: 'DE',
  dnk: 'DK',
  esp: 'ES',
  fin: 'FI',
  fra: 'FR',
  gbr: 'GB',
  grc: 'GR',
  hun: 'HU',
  ind: 'IN',
  irl: 'IE',
  isr: 'IL',
  ita: 'IT',
  jpn: 'JP',
  kor: 'KR',
  mex: 'MX',
  nld: 'NL',
  nor: 'NO',
  nzl: 'NZ',
  pol: 'PL',
  prt: 'PT',
  rou: 'RO',
  sgp: 'SG',
  swe: 'SE',
  tur: 'TR',
  usa: 'US',
  zaf: 'ZA',
}

/** Languages Azure support can answer in, as `preferredSupportLanguage` tags. */
export const SUPPORT_LANGUAGES = ['it-IT', 'en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES'] as const

export function timeZones(current: string): string[] {
  let zones: string[] = []
  try {
    zones = Intl.supportedValuesOf('timeZone')
  } catch {
    zones = []
  }
  return zones.includes(current) ? zones : [current, ...zones]
}

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}

/** The country of the browser's locale (it-IT → ita), else of the UI language. */
function browserCountry(language: string): string {
  const tags = [...(navigator.languages ?? []), navigator.language]
  for (const tag of tags) {
    const region = tag?.split('-')[1]?.toUpperCase()
    const found = Object.entries(COUNTRIES).find(([, alpha2]) => alpha2 === region)
    if (found) return found[0]
  }
  return language === 'it' ? 'ita' : 'usa'
}

/**
 * The contact form prefilled with the signed-in user — on a customer's behalf, the partner's
 * contact, never the customer's (R7).
 */
export function initialContact(viewer: PortalViewer, language: string): ContactDetails {
  const [firstName = viewer.name, ...rest] = viewer.name.trim().split(/\s+/)
  return {
    firstName,
    lastName: rest.join(' '),
    preferredContactMethod: 'email',
    primaryEmailAddress: viewer.email,
    phoneNumber: viewer.phone ?? '',
    preferredTimeZone: browserTimeZone(),
    country: browserCountry(language),
    preferredSupportLanguage: language === 'it' ? 'it-IT' : 'en-US',
  }
}
