import { makeStyles, tokens } from '@fluentui/react-components'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import { CopyableText } from '../../../shared/ui/CopyableText.tsx'
import type { Customer } from '../api.ts'
import { RelationshipLabel } from './RelationshipLabel.tsx'

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    alignItems: 'center',
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase300 },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    minHeight: '24px',
    display: 'flex',
    alignItems: 'center',
  },
})

/** The customer's identity at a glance: domain, tenant id (copyable), relationship, country. */
export function CustomerFacts({ customer, viewerTenantId }: { customer: Customer; viewerTenantId: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()

  const facts: [string, string, ReactNode][] = [
    ['domain', t('customer.domain'), customer.defaultDomain],
    [
      'tenant-id',
      t('customer.tenantId'),
      <CopyableText
        value={customer.tenantId}
        copyLabel={t('customer.copyTenantId')}
        testId="customer-tenant-id-value"
      />,
    ],
    [
      'relationship',
      t('customer.relationship'),
      <RelationshipLabel customer={customer} viewerTenantId={viewerTenantId} />,
    ],
  ]
  if (customer.reseller && customer.reseller.tenantId !== viewerTenantId) {
    facts.push(['reseller', t('customer.reseller'), customer.reseller.displayName])
  }
  if (customer.indirectProvider && customer.indirectProvider.tenantId !== viewerTenantId) {
    facts.push(['indirect-provider', t('customer.indirectProvider'), customer.indirectProvider.displayName])
  }
  facts.push(['country', t('customer.country'), format.country(customer.country)])
  facts.push(['locale', t('customer.locale'), format.locale(customer.locale)])

  return (
    <dl className={styles.list}>
      {facts.map(([id, term, value]) => (
        <div key={id} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value} data-testid={`customer-${id}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  )
}
