import { useTranslation } from 'react-i18next'
import type { Customer } from '../api.ts'

/**
 * How the viewing partner relates to the customer. The API names the *other* partner in the
 * chain: an indirect provider gets `reseller` (shown as "via Adatum"), an indirect reseller
 * gets `indirectProvider`, a direct partner neither.
 */
export function RelationshipLabel({
  customer,
  viewerTenantId,
}: {
  customer: Customer
  viewerTenantId: string
}) {
  const { t } = useTranslation()
  if (customer.relationship === 'advisor') return <>{t('relationship.advisor')}</>
  const reseller = customer.reseller
  if (reseller && reseller.tenantId !== viewerTenantId) {
    return <>{t('relationship.viaReseller', { reseller: reseller.displayName })}</>
  }
  return <>{t('relationship.reseller')}</>
}
