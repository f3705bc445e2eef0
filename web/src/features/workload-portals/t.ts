import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { portalsEn } from './i18n.ts'

/** "a.b.c" for every string of a nested catalog. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export type PortalKey = Leaves<typeof portalsEn>
export type PortalT = (key: PortalKey, options?: Record<string, unknown>) => string

/**
 * `t` for the "portals" namespace, with its keys checked against the English catalog. (The app's
 * i18next typing knows only the default namespace, so `useTranslation('portals')` would not type.)
 * It changes with the UI language, like `useTranslation`'s own `t`.
 */
export function usePortalsT(): PortalT {
  const { t } = useTranslation()
  return useMemo(() => {
    const untyped = t as unknown as (key: string, options: Record<string, unknown>) => string
    return (key, options) => untyped(key, { ...options, ns: 'portals' })
  }, [t])
}
