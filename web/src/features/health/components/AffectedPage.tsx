import {
  Button,
  Caption1,
  Card,
  Subtitle1,
  TableCell,
  TableRow,
  Text,
  Title1,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import {
  AlertUrgentRegular,
  ArrowDownloadRegular,
  HeartPulseCheckmarkRegular,
  PeopleTeamRegular,
} from '@fluentui/react-icons'
import type { ReactNode } from 'react'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { EmptyState } from '../../../shared/ui/EmptyState.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import {
  affectedCsvHref,
  getAffected,
  listServices,
  type AffectedOverview,
  type AffectedRow,
} from '../api.ts'
import { useIncidentStream } from '../live.ts'
import { useHealthTranslation } from '../translation.ts'
import { ClassificationBadge, HealthStatusBadge } from './Badges.tsx'
import { ClearFiltersButton, StatusAndDatesCells } from './IncidentCells.tsx'
import { AffectedPerServiceChart } from './Charts.tsx'
import { HealthFilters, useHealthFilters } from './Filters.tsx'
import { LiveNote } from './LiveNote.tsx'

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  sectionTitle: { display: 'block', marginBottom: tokens.spacingVerticalS },
  hint: { display: 'block', marginBottom: tokens.spacingVerticalM, color: tokens.colorNeutralForeground3 },
  summary: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalL },
  stat: { minWidth: '220px', padding: tokens.spacingVerticalM },
  statRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  statIcon: { fontSize: '32px', color: tokens.colorBrandForeground1 },
  statIconOk: { color: tokens.colorPaletteGreenForeground1 },
  statValue: { margin: 0 },
  statLabel: { color: tokens.colorNeutralForeground2 },
  everyone: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  everyoneItem: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteDarkOrangeBorderActive}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  everyoneAdvisory: { borderLeftColor: tokens.colorBrandStroke1 },
  grow: { flexGrow: 1, minWidth: '240px' },
  table: { minWidth: '960px' },
  strong: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  fresh: { backgroundColor: tokens.colorBrandBackground2 },
  block: { display: 'block' },
  emptyIcon: { color: tokens.colorPaletteGreenForeground1 },
})

const incidentHref = (id: string) => `/health/incidents/${encodeURIComponent(id)}`
const customerHref = (tenantId: string) => `/health/customers/${encodeURIComponent(tenantId)}`

/** R4 for partners: which customers are affected right now, by which incident; live. */
export function AffectedPage() {
  const { t } = useHealthTranslation()
  useDocumentTitle(t('nav'))
  const [filters, setFilters] = useHealthFilters()
  const { workload, service, classification } = filters
  const services = useApiResource((signal) => listServices(signal), [])
  const affected = useApiResource(
    (signal) => getAffected({ workload, service, classification }, signal),
    [workload, service, classification],
  )
  const live = useIncidentStream(true, undefined, () => affected.reload())
  const data = affected.data
  const freshId = live.last?.event.incident.id

  return (
    <section data-testid="health-affected" aria-busy={affected.loading}>
      <PageHeader
        title={t('nav')}
        description={t('affected.intro')}
        below={<LiveNote live={live} />}
        actions={
          <Button
            as="a"
            href={affectedCsvHref({ workload, service, classification })}
            download="affected-customers.csv"
            icon={<ArrowDownloadRegular />}
            data-testid="health-affected-csv"
          >
            {t('affected.exportCsv')}
          </Button>
        }
      />
      <HealthFilters values={filters} onChange={setFilters} services={services.data} />

      {affected.error && <ErrorMessage error={affected.error} onRetry={affected.reload} />}
      {!data && affected.loading && <LoadingState label={t('affected.loading')} />}
      {data && (
        <AffectedView
          data={data}
          busy={affected.loading}
          freshId={freshId}
          filtered={Boolean(workload || service || classification)}
          onClearFilters={() =>
            setFilters({ workload: undefined, service: undefined, classification: undefined })
          }
        />
      )}
    </section>
  )
}

function AffectedView({
  data,
  busy,
  freshId,
  filtered,
  onClearFilters,
}: {
  data: AffectedOverview
  busy: boolean
  freshId: string | undefined
  /** A filter is set: "none affected" means none for these filters. */
  filtered: boolean
  onClearFilters: () => void
}) {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const incidents = new Set([...data.items, ...data.everyone].map((r) => r.incidentId)).size
  const healthy = data.customers === 0

  return (
    <>
      <div className={styles.summary}>
        <StatCard
          testId="health-affected-count"
          count={data.customers}
          label={t('affected.customersAffected', { count: data.customers })}
          icon={
            healthy ? (
              <HeartPulseCheckmarkRegular
                className={mergeClasses(styles.statIcon, styles.statIconOk)}
                aria-hidden
              />
            ) : (
              <PeopleTeamRegular className={styles.statIcon} aria-hidden />
            )
          }
        />
        <StatCard
          testId="health-affected-incidents"
          count={incidents}
          label={t('affected.activeIncidents', { count: incidents })}
          icon={<AlertUrgentRegular className={styles.statIcon} aria-hidden />}
        />
      </div>

      {healthy && (
        <EmptyState
          icon={HeartPulseCheckmarkRegular}
          iconClassName={styles.emptyIcon}
          message={filtered ? t('affected.noneFiltered') : t('affected.none')}
          data-testid="health-affected-empty"
        >
          {filtered && <ClearFiltersButton onClick={onClearFilters} />}
        </EmptyState>
      )}

      {data.perService.length > 0 && (
        <Section id="health-per-service-title" title={t('affected.perServiceTitle')}>
          <AffectedPerServiceChart items={data.perService} />
        </Section>
      )}

      {data.everyone.length > 0 && (
        <Section id="health-everyone-title" title={t('affected.everyoneTitle')}>
          <ul className={styles.everyone} data-testid="health-affected-everyone">
            {data.everyone.map((r) => (
              <li
                key={r.incidentId}
                className={mergeClasses(
                  styles.everyoneItem,
                  r.classification === 'advisory' && styles.everyoneAdvisory,
                  r.incidentId === freshId && styles.fresh,
                )}
                data-testid="health-everyone-row"
                data-incident-id={r.incidentId}
                data-customers={r.customers}
              >
                <div className={styles.grow}>
                  <RouterLink to={incidentHref(r.incidentId)} className={styles.strong}>
                    {r.incidentId}
                  </RouterLink>{' '}
                  <Text>{r.title}</Text>
                  <Caption1 className={mergeClasses(styles.block, styles.muted)}>
                    {r.serviceName} · {t('affected.allCustomers', { count: r.customers })}
                  </Caption1>
                </div>
                <ClassificationBadge classification={r.classification} />
                <HealthStatusBadge status={r.status} />
              </li>
            ))}
          </ul>
        </Section>
      )}

      {data.items.length > 0 && (
        <Section id="health-rows-title" title={t('affected.tableTitle')}>
          <Caption1 className={styles.hint}>{t('affected.tableHint')}</Caption1>
          <AffectedTable rows={data.items} busy={busy} freshId={freshId} />
        </Section>
      )}
    </>
  )
}

/** One of the overview's figures: an icon, a big number and what it counts. */
function StatCard({
  testId,
  count,
  label,
  icon,
}: {
  testId: string
  count: number
  label: string
  icon: ReactNode
}) {
  const styles = useStyles()
  return (
    <Card className={styles.stat} data-testid={testId} data-count={count}>
      <div className={styles.statRow}>
        {icon}
        <div>
          <Title1 as="p" className={styles.statValue}>
            {count}
          </Title1>
          <Text className={mergeClasses(styles.block, styles.statLabel)}>{label}</Text>
        </div>
      </div>
    </Card>
  )
}

/** A titled part of the overview. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles()
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle1 as="h2" id={id} className={styles.sectionTitle}>
        {title}
      </Subtitle1>
      {children}
    </section>
  )
}

function AffectedTable({ rows, busy, freshId }: { rows: AffectedRow[]; busy: boolean; freshId?: string }) {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const cell = useListCellStyles().cell
  return (
    <ListTable
      className={styles.table}
      busy={busy}
      label={t('affected.tableTitle')}
      data-testid="health-affected-table"
      columns={[
        t('column.customer'),
        t('column.incident'),
        t('column.service'),
        t('column.status'),
        t('column.started'),
        t('column.lastUpdate'),
      ]}
    >
      {rows.map((r) => (
        <TableRow
          key={`${r.tenantId}-${r.incidentId}`}
          className={mergeClasses(r.incidentId === freshId && styles.fresh)}
          data-testid="health-affected-row"
          data-tenant-id={r.tenantId ?? ''}
          data-incident-id={r.incidentId}
          data-status={r.status}
        >
          <TableCell className={cell}>
            {r.tenantId && (
              <RouterLink
                to={customerHref(r.tenantId)}
                className={styles.strong}
                data-testid="health-row-customer"
              >
                {r.tenantName ?? r.tenantId}
              </RouterLink>
            )}
          </TableCell>
          <TableCell className={cell}>
            <RouterLink to={incidentHref(r.incidentId)} data-testid="health-row-incident">
              {r.incidentId}
            </RouterLink>{' '}
            <ClassificationBadge classification={r.classification} />
            <Text className={styles.block}>{r.title}</Text>
          </TableCell>
          <TableCell className={cell}>
            {r.serviceName}
            <Caption1 className={mergeClasses(styles.block, styles.muted)}>
              {t(`workload.${r.workload}`)}
            </Caption1>
          </TableCell>
          <StatusAndDatesCells status={r.status} startAt={r.startAt} lastModifiedAt={r.lastModifiedAt} />
        </TableRow>
      ))}
    </ListTable>
  )
}
