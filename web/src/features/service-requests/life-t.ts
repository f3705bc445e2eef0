import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { lifeEn } from './life-i18n.ts'

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export type LifeKey = Leaves<typeof lifeEn>

/** `t` for the "life" namespace, keys checked against the English catalog (as usePortalsT). */
export function useLifeT(): (key: LifeKey, options?: Record<string, unknown>) => string {
  const { t } = useTranslation()
  return useMemo(() => {
    const untyped = t as unknown as (key: string, options: Record<string, unknown>) => string
    return (key, options) => untyped(key, { ...options, ns: 'life' })
  }, [t])
}
