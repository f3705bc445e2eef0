import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import type { ServiceRequest } from '../api.ts'
import { SeverityBadge, StatusBadge } from './Badges.tsx'

const useStyles = makeStyles({
  // Columns sized by their content: the number and dates stay on one line, titles wrap.
  table: { tableLayout: 'auto' },
  scroller: { overflowX: 'auto' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  nowrap: { whiteSpace: 'nowrap' },
  title: { minWidth: '180px', overflowWrap: 'anywhere' },
  customer: { minWidth: '160px' },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  busy: { opacity: 0.6 },
})

const isOverdue = (r: ServiceRequest, now: number) =>
  r.status !== 'closed' && r.firstResponseDueAt !== null && new Date(r.firstResponseDueAt).getTime() < now

export function RequestTable({ items, busy }: { items: ServiceRequest[]; busy: boolean }) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  const now = Date.now()

  return (
    <div className={styles.scroller}>
      <Table
        className={mergeClasses(styles.table, busy && styles.busy)}
        aria-label={t('requests.title')}
        aria-busy={busy}
        data-testid="request-list"
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('requests.column.number')}</TableHeaderCell>
            <TableHeaderCell>{t('requests.column.title')}</TableHeaderCell>
            <TableHeaderCell>{t('requests.column.customer')}</TableHeaderCell>
            <TableHeaderCell>{t('requests.column.workload')}</TableHeaderCell>
            <TableHeaderCell>{t('requests.column.severity')}</TableHeaderCell>
            <TableHeaderCell>{t('requests.column.status')}</TableHeaderCell>
            <TableHeaderCell>{t('requests.column.created')}</TableHeaderCell>
            <TableHeaderCell>{t('requests.column.firstResponseDue')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((r) => {
            const overdue = isOverdue(r, now)
            return (
              <TableRow
                key={r.id}
                data-testid="request-row"
                data-request-id={r.id}
                data-status={r.status}
                data-severity={r.severity}
                data-workload={r.workload}
                data-tenant-id={r.tenant.tenantId}
              >
                <TableCell className={styles.nowrap}>
                  <RouterLink to={`/service-requests/${encodeURIComponent(r.id)}`} data-testid="request-link">
                    <span className={styles.mono}>{r.id}</span>
                  </RouterLink>
                </TableCell>
                <TableCell className={styles.title} data-testid="request-row-title">
                  {r.title}
                </TableCell>
                <TableCell className={styles.customer}>{r.tenant.name}</TableCell>
                <TableCell className={styles.nowrap}>
                  {t(`requests.workload.${r.workload}`, { defaultValue: r.workload })}
                </TableCell>
                <TableCell>
                  <SeverityBadge severity={r.severity} />
                </TableCell>
                <TableCell className={styles.nowrap}>
                  <StatusBadge status={r.status} />
                </TableCell>
                <TableCell className={styles.nowrap}>{format.dateTime(r.createdAt)}</TableCell>
                <TableCell className={styles.nowrap}>
                  <span className={overdue ? styles.overdue : undefined}>
                    {format.dateTime(r.firstResponseDueAt)}
                  </span>
                  {overdue && <Caption1 className={styles.overdue}> ({t('requests.overdue')})</Caption1>}
                </TableCell>
              </TableRow>
            )
          })}
        </TableBody>
      </Table>
    </div>
  )
}
