import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import type { ServiceRequest, Sla } from '../api.ts'
import { SeverityBadge, SlaBadge, StatusBadge } from './Badges.tsx'

const useStyles = makeStyles({
  // Columns sized by their content: the number and dates stay on one line, titles wrap.
  table: { tableLayout: 'auto' },
  scroller: { overflowX: 'auto' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  nowrap: { whiteSpace: 'nowrap' },
  title: { minWidth: '200px', overflowWrap: 'anywhere' },
  customer: { minWidth: '150px' },
  stacked: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px' },
  muted: { color: tokens.colorNeutralForeground3 },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  busy: { opacity: 0.6 },
})

/** The clock as a badge with what matters under it: the time left, or when it ran out. */
export function SlaCell({ sla }: { sla: Sla }) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  let detail: string | null = null
  if (sla.remainingMinutes !== null && (sla.state === 'running' || sla.state === 'at_risk')) {
    detail = t('requests.sla.left', { duration: format.minutes(Math.max(0, sla.remainingMinutes)) })
  } else if (sla.state === 'breached') {
    if (sla.firstResponseAt) {
      detail = t('requests.sla.answeredAt', { date: format.dateTime(sla.firstResponseAt) })
    } else if (sla.firstResponseDueAt) {
      const late = Math.floor((Date.now() - new Date(sla.firstResponseDueAt).getTime()) / 60_000)
      detail =
        late > 0
          ? t('requests.sla.overdueBy', { duration: format.minutes(late) })
          : t('requests.sla.dueAt', { date: format.dateTime(sla.firstResponseDueAt) })
    }
  } else if (sla.state === 'met' && sla.firstResponseAt) {
    detail = t('requests.sla.answeredAt', { date: format.dateTime(sla.firstResponseAt) })
  }
  const body = (
    <div className={styles.stacked} data-testid="request-sla" data-sla-state={sla.state}>
      <SlaBadge sla={sla} />
      {detail && (
        <Caption1
          className={mergeClasses(styles.nowrap, sla.state === 'breached' ? styles.overdue : styles.muted)}
          data-testid="request-sla-detail"
        >
          {detail}
        </Caption1>
      )}
    </div>
  )
  if (!sla.firstResponseDueAt) return body
  return (
    <Tooltip
      content={t('requests.sla.tooltip', { date: format.dateTime(sla.firstResponseDueAt) })}
      relationship="description"
    >
      {body}
    </Tooltip>
  )
}

export function RequestTable({
  items,
  busy,
  showAssignee = false,
  showPartner = false,
}: {
  items: ServiceRequest[]
  busy: boolean
  /** The vendor's queue: who works each request. */
  showAssignee?: boolean
  /** The vendor's queue: the partner under the customer. */
  showPartner?: boolean
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useStyles()

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
            <TableHeaderCell data-testid="column-sla">{t('requests.column.sla')}</TableHeaderCell>
            {showAssignee && (
              <TableHeaderCell data-testid="column-assignee">{t('requests.column.assignee')}</TableHeaderCell>
            )}
            <TableHeaderCell>{t('requests.column.created')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((r) => (
            <TableRow
              key={r.id}
              data-testid="request-row"
              data-request-id={r.id}
              data-status={r.status}
              data-severity={r.severity}
              data-workload={r.workload}
              data-tenant-id={r.tenant.tenantId}
              data-sla-state={r.sla?.state}
              data-assignee={r.assignedTo?.userId ?? ''}
            >
              <TableCell className={styles.nowrap}>
                <RouterLink to={`/service-requests/${encodeURIComponent(r.id)}`} data-testid="request-link">
                  <span className={styles.mono}>{r.id}</span>
                </RouterLink>
              </TableCell>
              <TableCell className={styles.title}>
                <div className={styles.stacked}>
                  <Text data-testid="request-row-title">{r.title}</Text>
                  {r.externalReference && (
                    <Caption1 className={styles.muted} data-testid="request-row-reference">
                      {t('requests.externalReference', { reference: r.externalReference })}
                    </Caption1>
                  )}
                </div>
              </TableCell>
              <TableCell className={styles.customer}>
                <div className={styles.stacked}>
                  <Text>{r.tenant.name}</Text>
                  {showPartner && r.partner && r.partner.tenantId !== r.tenant.tenantId && (
                    <Caption1 className={styles.muted} data-testid="request-row-partner">
                      {r.partner.name}
                    </Caption1>
                  )}
                </div>
              </TableCell>
              <TableCell>
                <div className={styles.stacked}>
                  <Text className={styles.nowrap}>
                    {t(`requests.workload.${r.workload}`, { defaultValue: r.workload })}
                  </Text>
                  {r.azure && (
                    <Caption1 className={styles.muted} data-testid="request-row-azure-service">
                      {r.azure.service.name}
                    </Caption1>
                  )}
                </div>
              </TableCell>
              <TableCell>
                <SeverityBadge severity={r.severity} />
              </TableCell>
              <TableCell className={styles.nowrap}>
                <StatusBadge status={r.status} waitingOn={r.waitingOn} />
              </TableCell>
              <TableCell>{r.sla ? <SlaCell sla={r.sla} /> : t('common.none')}</TableCell>
              {showAssignee && (
                <TableCell className={styles.nowrap} data-testid="request-row-assignee">
                  {r.assignedTo ? (
                    (r.assignedTo.name ?? r.assignedTo.userId)
                  ) : (
                    <Text className={styles.muted}>{t('requests.unassigned')}</Text>
                  )}
                </TableCell>
              )}
              <TableCell className={styles.nowrap}>
                <Tooltip content={format.dateTime(r.createdAt)} relationship="description">
                  <time dateTime={r.createdAt}>{format.date(r.createdAt)}</time>
                </Tooltip>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}
