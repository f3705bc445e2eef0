import { describe, expect, it } from 'vitest'
import { negotiateLocale, t } from '../../src/platform/i18n/i18n.ts'
import { en, it as itCatalog } from '../../src/platform/i18n/messages.ts'

describe('server messages', () => {
  it('when Accept-Language is given, then the best-weighted supported language wins, English otherwise', () => {
    expect(negotiateLocale('it-IT,it;q=0.9,en;q=0.8')).toBe('it')
    expect(negotiateLocale('en-US,it;q=0.5')).toBe('en')
    expect(negotiateLocale('de-DE,it;q=0.7,en;q=0.6')).toBe('it')
    expect(negotiateLocale('fr, de')).toBe('en')
    expect(negotiateLocale('it;q=0')).toBe('en')
    expect(negotiateLocale(undefined)).toBe('en')
    expect(negotiateLocale('it-IT')).toBe('it')
  })

  it('when a message is formatted, then its parameters are filled in', () => {
    expect(t('it', 'error.rate_limited', { seconds: 42 })).toBe('Troppi tentativi. Riprova tra 42 secondi.')
    expect(t('en', 'error.rate_limited', { seconds: 42 })).toBe('Too many attempts. Try again in 42 seconds.')
  })

  it('when the catalogs are compared, then every message has the same parameters in both languages', () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(params(itCatalog[key]), key).toEqual(params(en[key]))
    }
  })
})
