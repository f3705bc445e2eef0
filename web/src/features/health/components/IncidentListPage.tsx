import {
  Button,
  Caption1,
  TableCell,
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
import { EmptyState } from '../../../shared/ui/EmptyState.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { listIncidents, listServices, type Incident } from '../api.ts'
import { useIncidentStream } from '../live.ts'
import { useHealthTranslation } from '../translation.ts'
import { TenantHealthJump } from './TenantHealthJump.tsx'
import { ClassificationBadge, HighImpactBadge } from './Badges.tsx'
import { HealthFilters, useHealthFilters } from './Filters.tsx'
import { ClearFiltersButton, DatesCells, StatusCell } from './IncidentCells.tsx'
import { LiveNote } from './LiveNote.tsx'

const useStyles = makeStyles({
  table: { minWidth: '1000px' },
  strong: { fontWeight: tokens.fontWeightSemibold },
  block: { display: 'block' },
  muted: { color: tokens.colorNeutralForeground3 },
  fresh: { backgroundColor: tokens.colorBrandBackground2 },
})

/** The vendor's engineers: every incident and advisory, with "Publish incident"; live. */
export function IncidentListPage() {
  const { t } = useHealthTranslation()
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
          <>
            <TenantHealthJump />
            <Button
              appearance="primary"
              icon={<MegaphoneRegular />}
              onClick={() => void navigate('/health/incidents/new')}
              data-testid="health-publish"
            >
              {t('list.publish')}
            </Button>
          </>
        }
      />
      <HealthFilters values={filters} onChange={setFilters} services={services.data} withActive />
      {incidents.error && <ErrorMessage error={incidents.error} onRetry={incidents.reload} />}
      {!items && incidents.loading && <LoadingState label={t('list.loading')} />}
      {items && items.length === 0 && (
        <EmptyState
          icon={HeartPulseCheckmarkRegular}
          message={active ? t('list.emptyActive') : t('list.empty')}
          data-testid="health-incidents-empty"
        >
          {(workload || service || classification) && (
            <ClearFiltersButton
              onClick={() =>
                setFilters({ workload: undefined, service: undefined, classification: undefined })
              }
            />
          )}
        </EmptyState>
      )}
      {items && items.length > 0 && (
        <IncidentTable items={items} busy={incidents.loading} freshId={live.last?.event.incident.id} />
      )}
    </section>
  )
}

function IncidentTable({ items, busy, freshId }: { items: Incident[]; busy: boolean; freshId?: string }) {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const cell = useListCellStyles().cell
  return (
    <ListTable
      className={styles.table}
      busy={busy}
      label={t('list.tableLabel')}
      data-testid="health-incident-list"
      columns={[
        t('column.incident'),
        t('column.services'),
        t('column.status'),
        t('column.tenants'),
        t('column.started'),
        t('column.lastUpdate'),
      ]}
    >
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
            <ClassificationBadge classification={i.classification} /> {i.highImpact && <HighImpactBadge />}
            <Text className={styles.block}>{i.title}</Text>
          </TableCell>
          <TableCell className={cell}>
            {i.services.map((s) => s.displayName).join(', ')}
            <Caption1 className={mergeClasses(styles.block, styles.muted)}>
              {[...new Set(i.services.map((s) => t(`workload.${s.workload}`)))].join(', ')}
            </Caption1>
          </TableCell>
          <StatusCell status={i.status} />
          <TableCell className={cell}>
            {i.allTenants ? t('incident.allTenants') : t('list.namedTenants')}
          </TableCell>
          <DatesCells startAt={i.startAt} lastModifiedAt={i.lastModifiedAt} />
        </TableRow>
      ))}
    </ListTable>
  )
}
