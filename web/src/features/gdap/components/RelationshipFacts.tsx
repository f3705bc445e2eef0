import { makeStyles, tokens } from '@fluentui/react-components'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import { CopyableText } from '../../../shared/ui/CopyableText.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { autoExtends, type GraphRelationship } from '../api.ts'

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
    flexWrap: 'wrap',
  },
  muted: { color: tokens.colorNeutralForeground3 },
})

/** The relationship's properties as Graph gives them, in words and local dates. */
export function RelationshipFacts({
  relationship: r,
  linkCustomer,
}: {
  relationship: GraphRelationship
  /** Partners get a link to the customer's page; customers are the customer. */
  linkCustomer: boolean
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()

  const customer: ReactNode = r.customer ? (
    linkCustomer ? (
      <RouterLink
        to={`/customers/${encodeURIComponent(r.customer.tenantId)}`}
        data-testid="gdap-customer-link"
      >
        {r.customer.displayName ?? r.customer.tenantId}
      </RouterLink>
    ) : (
      (r.customer.displayName ?? r.customer.tenantId)
    )
  ) : (
    <span className={styles.muted}>{t('gdapDetail.noCustomer')}</span>
  )

  const facts: [string, string, ReactNode][] = [
    ['customer', t('gdapDetail.customer'), customer],
    [
      'id',
      t('gdapDetail.id'),
      <CopyableText value={r.id} copyLabel={t('gdapDetail.copyId')} testId="gdap-id-value" />,
    ],
    ['duration', t('gdapDetail.duration'), format.duration(r.duration)],
    [
      'auto-extend',
      t('gdapDetail.autoExtend'),
      autoExtends(r.autoExtendDuration)
        ? t('gdap.autoExtendBy', { duration: format.duration(r.autoExtendDuration) })
        : t('gdap.autoExtendOff'),
    ],
    ['created', t('gdapDetail.createdAt'), format.dateTime(r.createdDateTime)],
    ['activated', t('gdapDetail.activatedAt'), format.dateTime(r.activatedDateTime)],
    ['end', t('gdapDetail.endAt'), format.dateTime(r.endDateTime)],
    ['modified', t('gdapDetail.lastModifiedAt'), format.dateTime(r.lastModifiedDateTime)],
  ]

  return (
    <dl className={styles.list} data-testid="gdap-facts">
      {facts.map(([id, term, value]) => (
        <div key={id} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value} data-testid={`gdap-fact-${id}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  )
}
