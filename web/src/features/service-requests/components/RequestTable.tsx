import {
  Caption1,
  Checkbox,
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
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../shared/i18n/format.ts'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import type { ServiceRequest, Sla } from '../api.ts'
import { useDeskT } from '../desk-i18n.ts'
import { SeverityBadge, SlaBadge, StatusBadge } from './Badges.tsx'
import { requestPath, useRowOpener } from './row-open.ts'

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
  row: { cursor: 'pointer' },
  check: { width: '44px' },
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

/** What the list's rows offer beyond reading: selection for bulk changes, row actions, who handles each. */
export interface RowOptions {
  /** The desk: who works each request. */
  showAssignee?: boolean
  /** The vendor's queue: the partner under the customer. */
  showPartner?: boolean
  /** Partner staff: who works each request (the vendor or the partner itself), by name. */
  showHandler?: boolean
  /** Check boxes for bulk changes: the ids selected, and how to change them. */
  selection?: { selected: ReadonlySet<string>; onChange: (ids: string[], selected: boolean) => void }
  /** Take / assign, for the rows the viewer works (under the assignee). */
  actions?: (request: ServiceRequest) => ReactNode
}

export function RequestTable({
  items,
  busy,
  showAssignee = false,
  showPartner = false,
  showHandler = false,
  selection,
  actions,
}: { items: ServiceRequest[]; busy: boolean } & RowOptions) {
  const { t } = useTranslation()
  const d = useDeskT()
  const format = useFormat()
  const styles = useStyles()
  const open = useRowOpener()
  const allSelected = selection !== undefined && items.every((r) => selection.selected.has(r.id))
  const someSelected = selection !== undefined && items.some((r) => selection.selected.has(r.id))

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
            {selection && (
              <TableHeaderCell className={styles.check}>
                <Checkbox
                  checked={allSelected ? true : someSelected ? 'mixed' : false}
                  onChange={(_event, data) =>
                    selection.onChange(
                      items.map((r) => r.id),
                      data.checked === true,
                    )
                  }
                  aria-label={d('row.selectAll')}
                  data-testid="select-all"
                />
              </TableHeaderCell>
            )}
            <TableHeaderCell>{t('requests.column.number')}</TableHeaderCell>
            <TableHeaderCell>{t('requests.column.title')}</TableHeaderCell>
            <TableHeaderCell>{t('requests.column.customer')}</TableHeaderCell>
            <TableHeaderCell>{t('requests.column.workload')}</TableHeaderCell>
            <TableHeaderCell>{t('requests.column.severity')}</TableHeaderCell>
            <TableHeaderCell>{t('requests.column.status')}</TableHeaderCell>
            <TableHeaderCell data-testid="column-sla">{t('requests.column.sla')}</TableHeaderCell>
            {showHandler && (
              <TableHeaderCell data-testid="column-handled-by">{d('column.handledBy')}</TableHeaderCell>
            )}
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
              className={styles.row}
              onClick={open(requestPath(r.id))}
              data-testid="request-row"
              data-request-id={r.id}
              data-status={r.status}
              data-severity={r.severity}
              data-workload={r.workload}
              data-tenant-id={r.tenant.tenantId}
              data-sla-state={r.sla?.state}
              data-assignee={r.assignedTo?.userId ?? ''}
              data-handled-by={r.handledBy}
            >
              {selection && (
                <TableCell className={styles.check}>
                  <Checkbox
                    checked={selection.selected.has(r.id)}
                    onChange={(_event, data) => selection.onChange([r.id], data.checked === true)}
                    aria-label={d('row.select', { id: r.id })}
                    data-testid="row-select"
                  />
                </TableCell>
              )}
              <TableCell className={styles.nowrap}>
                <span className={styles.mono}>{r.id}</span>
              </TableCell>
              <TableCell className={styles.title}>
                <div className={styles.stacked}>
                  <RouterLink to={requestPath(r.id)} data-testid="request-link">
                    <span data-testid="request-row-title">{r.title}</span>
                  </RouterLink>
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
              <TableCell className={styles.nowrap}>
                {r.sla ? <SlaCell sla={r.sla} /> : t('common.none')}
              </TableCell>
              {showHandler && (
                <TableCell className={styles.nowrap} data-testid="request-row-handled-by">
                  {r.handler?.name}
                </TableCell>
              )}
              {showAssignee && (
                <TableCell>
                  <div className={styles.stacked}>
                    <span className={styles.nowrap} data-testid="request-row-assignee">
                      <AssigneeName request={r} />
                    </span>
                    {actions?.(r)}
                  </div>
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

/** Who works the request, or "Unassigned" (muted). */
export function AssigneeName({ request: r }: { request: ServiceRequest }) {
  const { t } = useTranslation()
  const styles = useStyles()
  return r.assignedTo ? (
    <>{r.assignedTo.name ?? r.assignedTo.userId}</>
  ) : (
    <Text className={styles.muted}>{t('requests.unassigned')}</Text>
  )
}
