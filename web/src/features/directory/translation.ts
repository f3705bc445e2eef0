import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { DirectoryKey } from './i18n.ts'

export type DirectoryT = (key: DirectoryKey, options?: Record<string, unknown>) => string

/** `t` for the "directory" namespace, with its keys checked at compile time (as the apps feature's). */
export function useDirectoryT(): DirectoryT {
  const { i18n } = useTranslation()
  const language = i18n.language
  return useMemo(() => {
    const fixed = i18n.getFixedT(language, 'directory' as never) as unknown as (
      key: string,
      options?: Record<string, unknown>,
    ) => string
    return (key, options) => fixed(key, options)
  }, [i18n, language])
}
