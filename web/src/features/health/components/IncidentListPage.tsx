import {
  Button,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { HeartPulseCheckmarkRegular, MegaphoneRegular } from '@fluentui/react-icons'
import { useNavigate } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { useFormat } from '../../../shared/i18n/format.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { listIncidents, listServices, type Incident } from '../api.ts'
import { useIncidentStream } from '../live.ts'
import { useHealthTranslation } from '../translation.ts'
import { ClassificationBadge, HealthStatusBadge, HighImpactBadge } from './Badges.tsx'
import { HealthFilters, useHealthFilters } from './Filters.tsx'
import { LiveNote } from './LiveNote.tsx'

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { tableLayout: 'auto', minWidth: '1000px' },
  busy: { opacity: 0.6 },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  nowrap: { whiteSpace: 'nowrap' },
  strong: { fontWeight: tokens.fontWeightSemibold },
  block: { display: 'block' },
  muted: { color: tokens.colorNeutralForeground3 },
  fresh: { backgroundColor: tokens.colorBrandBackground2 },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground3,
  },
  emptyIcon: { fontSize: '40px' },
})

/** The vendor's engineers: every incident and advisory, with "Publish incident"; live. */
export function IncidentListPage() {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const navigate = useNavigate()
  useDocumentTitle(t('nav'))
  const [filters, setFilters] = useHealthFilters()
  const { workload, service, classification, active, days } = filters
  const services = useApiResource((signal) => listServices(signal), [])
  const incidents = useApiResource(
    (signal) => listIncidents({ workload, service, classification, active, days }, signal),
    [workload, service, classification, active, days],
  )
  const live = useIncidentStream(true, undefined, () => incidents.reload())
  const items = incidents.data

  return (
    <section data-testid="health-incidents" aria-busy={incidents.loading}>
      <PageHeader
        title={t('nav')}
        description={t('list.intro')}
        below={<LiveNote live={live} />}
        actions={
          <Button
            appearance="primary"
            icon={<MegaphoneRegular />}
            onClick={() => void navigate('/health/incidents/new')}
            data-testid="health-publish"
          >
            {t('list.publish')}
          </Button>
        }
      />
      <HealthFilters values={filters} onChange={setFilters} services={services.data} withActive />
      {incidents.error && <ErrorMessage error={incidents.error} onRetry={incidents.reload} />}
      {!items && incidents.loading && <LoadingState label={t('list.loading')} />}
      {items && items.length === 0 && (
        <div className={styles.empty} data-testid="health-incidents-empty">
          <HeartPulseCheckmarkRegular className={styles.emptyIcon} aria-hidden />
          <Text>{active ? t('list.emptyActive') : t('list.empty')}</Text>
          {(workload || service || classification) && (
            <Button
              appearance="subtle"
              onClick={() =>
                setFilters({ workload: undefined, service: undefined, classification: undefined })
              }
              data-testid="health-clear-filters"
            >
              {t('filters.clear')}
            </Button>
          )}
        </div>
      )}
      {items && items.length > 0 && (
        <IncidentTable items={items} busy={incidents.loading} freshId={live.last?.event.incident.id} />
      )}
    </section>
  )
}

function IncidentTable({ items, busy, freshId }: { items: Incident[]; busy: boolean; freshId?: string }) {
  const { t } = useHealthTranslation()
  const format = useFormat()
  const styles = useStyles()
  const cell = styles.cell
  return (
    <div className={styles.scroller}>
      <Table
        className={mergeClasses(styles.table, busy && styles.busy)}
        aria-label={t('list.tableLabel')}
        data-testid="health-incident-list"
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('column.incident')}</TableHeaderCell>
            <TableHeaderCell>{t('column.services')}</TableHeaderCell>
            <TableHeaderCell>{t('column.status')}</TableHeaderCell>
            <TableHeaderCell>{t('column.tenants')}</TableHeaderCell>
            <TableHeaderCell>{t('column.started')}</TableHeaderCell>
            <TableHeaderCell>{t('column.lastUpdate')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((i) => (
            <TableRow
              key={i.id}
              className={mergeClasses(i.id === freshId && styles.fresh)}
              data-testid="health-incident-row"
              data-incident-id={i.id}
              data-status={i.status}
            >
              <TableCell className={cell}>
                <RouterLink to={`/health/incidents/${encodeURIComponent(i.id)}`} className={styles.strong}>
                  {i.id}
                </RouterLink>{' '}
                <ClassificationBadge classification={i.classification} />{' '}
                {i.highImpact && <HighImpactBadge />}
                <Text className={styles.block}>{i.title}</Text>
              </TableCell>
              <TableCell className={cell}>
                {i.services.map((s) => s.displayName).join(', ')}
                <Caption1 className={mergeClasses(styles.block, styles.muted)}>
                  {[...new Set(i.services.map((s) => t(`workload.${s.workload}`)))].join(', ')}
                </Caption1>
              </TableCell>
              <TableCell className={mergeClasses(cell, styles.nowrap)}>
                <HealthStatusBadge status={i.status} />
              </TableCell>
              <TableCell className={cell}>
                {i.allTenants ? t('incident.allTenants') : t('list.namedTenants')}
              </TableCell>
              <TableCell className={mergeClasses(cell, styles.nowrap)}>
                {format.dateTime(i.startAt)}
              </TableCell>
              <TableCell className={mergeClasses(cell, styles.nowrap)}>
                {format.dateTime(i.lastModifiedAt)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  )
}
