import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { vendorAdminEn } from './i18n.ts'

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export type VendorAdminKey = Leaves<typeof vendorAdminEn>

/** `t` for the "vendorAdmin" namespace, keys checked against the English catalog (as usePortalsT). */
export function useVendorAdminT(): (key: VendorAdminKey, options?: Record<string, unknown>) => string {
  const { t } = useTranslation()
  return useMemo(() => {
    const untyped = t as unknown as (key: string, options: Record<string, unknown>) => string
    return (key, options) => untyped(key, { ...options, ns: 'vendorAdmin' })
  }, [t])
}
