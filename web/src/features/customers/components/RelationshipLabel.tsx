import { useTranslation } from 'react-i18next'
import type { Customer } from '../api.ts'

/**
 * How the viewing partner relates to the customer. An indirect provider sells through a
 * reseller, so it sees which one ("via Adatum"); the reseller itself sees "Reseller".
 */
export function RelationshipLabel({ customer, viewerTenantId }: { customer: Customer; viewerTenantId: string }) {
  const { t } = useTranslation()
  if (customer.relationship === 'advisor') return <>{t('relationship.advisor')}</>
  const reseller = customer.reseller
  if (reseller && customer.indirectProvider && reseller.tenantId !== viewerTenantId) {
    return <>{t('relationship.viaReseller', { reseller: reseller.displayName })}</>
  }
  return <>{t('relationship.reseller')}</>
}
