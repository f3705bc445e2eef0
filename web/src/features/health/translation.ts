import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { HealthKey } from './i18n.ts'

export type HealthT = (key: HealthKey, options?: Record<string, unknown>) => string

/**
 * `t` for the "health" namespace, with its keys checked at compile time. (The app's i18next types
 * know only the default namespace, so `useTranslation('health')` would not type-check.)
 */
export function useHealthTranslation(): { t: HealthT; language: string } {
  const { i18n } = useTranslation()
  const language = i18n.language
  return useMemo(() => {
    const fixed = i18n.getFixedT(language, 'health' as never) as unknown as (
      key: string,
      options?: Record<string, unknown>,
    ) => string
    return { t: (key, options) => fixed(key, options), language }
  }, [i18n, language])
}
