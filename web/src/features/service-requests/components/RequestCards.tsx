import { Caption1, Card, Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import type { ServiceRequest } from '../api.ts'
import { useDeskT } from '../desk-i18n.ts'
import { plainList } from './list-styles.ts'
import { SeverityBadge, StatusBadge } from './Badges.tsx'
import { AssigneeName, SlaCell, type RowOptions } from './RequestTable.tsx'
import { requestPath, useRowOpener } from './row-open.ts'

const useStyles = makeStyles({
  list: { ...plainList, gap: tokens.spacingVerticalS },
  busy: { opacity: 0.6 },
  item: { cursor: 'pointer' },
  card: { gap: tokens.spacingVerticalXS },
  // status and clock first: what a phone user needs at a glance
  head: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  title: { overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace },
})

/** The list on a phone (below 600 px): one card per request, its status and first-response clock first. */
export function RequestCards({
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
  const styles = useStyles()
  const open = useRowOpener()
  return (
    <ul
      className={mergeClasses(styles.list, busy && styles.busy)}
      aria-label={t('requests.title')}
      aria-busy={busy}
      data-testid="request-cards"
    >
      {items.map((r) => (
        // the click anywhere is the mouse's convenience; the title is the link (a Card with onClick
        // would become a second, nested control)
        <li key={r.id} className={styles.item} onClick={open(requestPath(r.id))}>
          <Card
            className={styles.card}
            aria-label={d('card.label', { id: r.id })}
            data-testid="request-card"
            data-request-id={r.id}
            data-status={r.status}
            data-sla-state={r.sla?.state}
            data-assignee={r.assignedTo?.userId ?? ''}
          >
            <div className={styles.head}>
              <StatusBadge status={r.status} waitingOn={r.waitingOn} />
              <div className={styles.grow}>{r.sla ? <SlaCell sla={r.sla} /> : null}</div>
              {selection && (
                <Checkbox
                  checked={selection.selected.has(r.id)}
                  onChange={(_event, data) => selection.onChange([r.id], data.checked === true)}
                  aria-label={d('row.select', { id: r.id })}
                  data-testid="row-select"
                />
              )}
            </div>
            <RouterLink to={requestPath(r.id)} className={styles.title} data-testid="request-link">
              {r.title}
            </RouterLink>
            <div className={styles.meta}>
              <Caption1 className={styles.mono}>{r.id}</Caption1>
              <Caption1>
                {r.tenant.name}
                {showPartner &&
                  r.partner &&
                  r.partner.tenantId !== r.tenant.tenantId &&
                  ` · ${r.partner.name}`}
              </Caption1>
              <Caption1>{t(`requests.workload.${r.workload}`, { defaultValue: r.workload })}</Caption1>
              <SeverityBadge severity={r.severity} />
            </div>
            {(showHandler || showAssignee) && (
              <div className={styles.meta}>
                {showHandler && (
                  <Caption1 data-testid="request-card-handled-by">
                    {d('column.handledBy')}: {r.handler?.name}
                  </Caption1>
                )}
                {showAssignee && (
                  <Caption1>
                    {t('requests.column.assignee')}: <AssigneeName request={r} />
                  </Caption1>
                )}
              </div>
            )}
            {actions?.(r)}
          </Card>
        </li>
      ))}
    </ul>
  )
}
