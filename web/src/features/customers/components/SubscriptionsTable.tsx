import {
  Badge,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Subscription } from '../api.ts'
import { useTableScrollStyles } from '../../../shared/ui/ListTable.tsx'

const useStyles = makeStyles({
  secondary: { display: 'block', color: tokens.colorNeutralForeground3 },
  empty: { color: tokens.colorNeutralForeground3 },
})

export function SubscriptionsTable({
  subscriptions,
  rowActions,
}: {
  subscriptions: Subscription[]
  /** An actions column (for the partner that administers the customer). */
  rowActions?: ((subscription: Subscription) => ReactNode) | undefined
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  const scroll = useTableScrollStyles()

  if (subscriptions.length === 0) {
    return (
      <Text as="p" className={styles.empty} data-testid="subscriptions-empty">
        {t('subscriptions.empty')}
      </Text>
    )
  }

  return (
    <div className={scroll.scroller}>
      <Table className={scroll.wide} aria-labelledby="subscriptions-title" data-testid="subscriptions-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('subscriptions.column.name')}</TableHeaderCell>
            <TableHeaderCell>{t('subscriptions.column.offer')}</TableHeaderCell>
            <TableHeaderCell>{t('subscriptions.column.workload')}</TableHeaderCell>
            <TableHeaderCell>{t('subscriptions.column.channel')}</TableHeaderCell>
            <TableHeaderCell>{t('subscriptions.column.billing')}</TableHeaderCell>
            <TableHeaderCell>{t('subscriptions.column.provider')}</TableHeaderCell>
            <TableHeaderCell>{t('subscriptions.column.status')}</TableHeaderCell>
            {rowActions && <TableHeaderCell />}
          </TableRow>
        </TableHeader>
        <TableBody>
          {subscriptions.map((s) => (
            <TableRow key={s.id} data-testid="subscription-row" data-subscription-id={s.id}>
              <TableCell>
                <TableCellLayout>
                  {s.friendlyName}
                  <Caption1 className={styles.secondary}>
                    {t('subscriptions.quantity', { count: s.quantity })}
                  </Caption1>
                </TableCellLayout>
              </TableCell>
              <TableCell>
                <TableCellLayout>
                  {s.offerName}
                  {s.marketplaceProduct && (
                    <Caption1 className={styles.secondary}>
                      {t('subscriptions.byIsv', { isv: s.marketplaceProduct.isvName })}
                    </Caption1>
                  )}
                </TableCellLayout>
              </TableCell>
              <TableCell>
                {t(`subscriptions.workload.${s.workloadId}`, { defaultValue: s.workloadId })}
              </TableCell>
              <TableCell>{t(`subscriptions.channel.${s.channel}`, { defaultValue: s.channel })}</TableCell>
              <TableCell>
                <Badge
                  appearance="tint"
                  color={s.billing === 'trial' ? 'warning' : 'brand'}
                  data-testid="subscription-billing"
                  data-billing={s.billing}
                >
                  {t(`subscriptions.billing.${s.billing}`, { defaultValue: s.billing })}
                </Badge>
              </TableCell>
              <TableCell>{s.provider?.displayName ?? t('common.none')}</TableCell>
              <TableCell>
                <span data-testid="subscription-status" data-status={s.status}>
                  {t(`subscriptions.status.${s.status}`, { defaultValue: s.status })}
                </span>
              </TableCell>
              {rowActions && <TableCell>{rowActions(s)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}
