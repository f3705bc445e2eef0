import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppsKey } from './i18n.ts'

export type AppsT = (key: AppsKey, options?: Record<string, unknown>) => string

/** `t` for the "apps" namespace, with its keys checked at compile time (as health's). */
export function useAppsTranslation(): { t: AppsT } {
  const { i18n } = useTranslation()
  const language = i18n.language
  return useMemo(() => {
    const fixed = i18n.getFixedT(language, 'apps' as never) as unknown as (
      key: string,
      options?: Record<string, unknown>,
    ) => string
    return { t: (key, options) => fixed(key, options) }
  }, [i18n, language])
}
