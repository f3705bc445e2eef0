import {
  Caption1,
  Card,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Subtitle2,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import {
  CheckmarkCircle20Filled,
  DismissCircle20Filled,
  ErrorCircle20Filled,
  Info20Filled,
  Warning20Filled,
} from '@fluentui/react-icons'
import type { ReactNode } from 'react'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { ListTable, useListCellStyles } from '../../../shared/ui/ListTable.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import {
  WORKLOADS,
  getTenantHealth,
  getTenantHistory,
  getTenantName,
  type Incident,
  type ServiceHealth,
} from '../api.ts'
import { useIncidentStream } from '../live.ts'
import { useHealthTranslation } from '../translation.ts'
import type { HealthViewer } from '../viewer.ts'
import { ClassificationBadge, HealthStatusBadge, STATUS_COLORS } from './Badges.tsx'
import { StatusAndDatesCells } from './IncidentCells.tsx'
import { HistoryChart } from './Charts.tsx'
import { HealthBreadcrumb } from './HealthBreadcrumb.tsx'
import { LiveNote } from './LiveNote.tsx'

const HISTORY_DAYS = 30

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  sectionTitle: { display: 'block', marginBottom: tokens.spacingVerticalS },
  summary: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  summaryOk: { color: tokens.colorPaletteGreenForeground1 },
  summaryBad: { color: tokens.colorPaletteDarkOrangeForeground1 },
  workload: { marginTop: tokens.spacingVerticalL },
  workloadTitle: {
    display: 'block',
    marginBottom: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  tile: {
    padding: tokens.spacingVerticalM,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteGreenBorderActive}`,
  },
  tileWarning: { borderLeftColor: tokens.colorPaletteYellowBorderActive },
  tileSevere: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive },
  tileDanger: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  tileInfo: { borderLeftColor: tokens.colorNeutralStroke1 },
  tileHead: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  tileName: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold },
  iconOk: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  iconWarning: { color: tokens.colorPaletteMarigoldForeground1, flexShrink: 0 },
  iconSevere: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
  iconDanger: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  iconInfo: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  issues: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  issue: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { minWidth: '860px' },
  block: { display: 'block' },
  notFound: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
  },
})

const incidentHref = (id: string) => `/health/incidents/${encodeURIComponent(id)}`

/**
 * One tenant's service health (R4): each service's status, the active issues and 30 days of
 * history; live. `own`: the viewer's own tenant (a customer administrator), shown as their home page.
 */
export function TenantHealthPage({
  tenantId,
  viewer,
  own = false,
  actions,
  accessTraceHref,
}: {
  tenantId: string
  viewer: HealthViewer
  own?: boolean
  /** From the app: e.g. "New request" for this customer (R4: escalate an ongoing problem). */
  actions?: ReactNode
  /** From the app: where a partner sees why GDAP gives (no) access to this customer. */
  accessTraceHref?: string | undefined
}) {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const health = useApiResource((signal) => getTenantHealth(tenantId, signal), [tenantId])
  const history = useApiResource((signal) => getTenantHistory(tenantId, HISTORY_DAYS, signal), [tenantId])
  const name = useApiResource(
    (signal) =>
      own || viewer.tenantId === tenantId
        ? Promise.resolve(viewer.tenantName)
        : getTenantName(viewer.tenantKind, tenantId, signal),
    [tenantId, own, viewer.tenantKind],
  )
  const tenantName = name.data ?? null
  const title = own ? t('tenant.ownTitle', { name: viewer.tenantName }) : (tenantName ?? tenantId)
  useDocumentTitle(own ? t('nav') : t('tenant.documentTitle', { name: tenantName ?? tenantId }))

  const live = useIncidentStream(health.data !== undefined, tenantId, () => {
    health.reload()
    history.reload()
  })

  const breadcrumb = own ? undefined : <HealthBreadcrumb current={tenantName ?? tenantId} />

  if (health.error?.status === 404 && name.data !== undefined) {
    return (
      <div className={styles.notFound} data-testid="health-tenant-not-found">
        {breadcrumb}
        <MessageBar intent="warning">
          <MessageBarBody>
            {viewer.tenantKind === 'partner' ? t('tenant.noAccessPartner') : t('tenant.noAccess')}
          </MessageBarBody>
        </MessageBar>
        {accessTraceHref && (
          <RouterLink to={accessTraceHref} data-testid="health-tenant-trace">
            {t('tenant.traceAccess')}
          </RouterLink>
        )}
        <RouterLink to="/health">{t('tenant.backToHealth')}</RouterLink>
      </div>
    )
  }
  if (health.error && health.error.status !== 404) {
    return (
      <>
        {breadcrumb}
        <ErrorMessage error={health.error} onRetry={health.reload} />
      </>
    )
  }
  // the name comes with the page (no id flashing in the title first)
  if (!health.data || name.data === undefined) return <LoadingState label={t('tenant.loading')} />

  const services = health.data.services
  const troubled = services.filter((s) => s.status !== 'serviceOperational')
  const issues = uniqueIssues(services)

  return (
    <article data-testid="health-tenant" data-tenant-id={tenantId}>
      <PageHeader
        title={title}
        above={breadcrumb}
        description={own ? t('tenant.ownIntro') : t('tenant.intro')}
        actions={actions}
        below={<LiveNote live={live} />}
      />

      <Text
        className={mergeClasses(styles.summary, troubled.length ? styles.summaryBad : styles.summaryOk)}
        weight="semibold"
        data-testid="health-tenant-summary"
        data-troubled={troubled.length}
      >
        {troubled.length === 0 ? <CheckmarkCircle20Filled aria-hidden /> : <Warning20Filled aria-hidden />}
        {troubled.length === 0
          ? t('tenant.allOperational')
          : t('tenant.troubled', { count: troubled.length })}
      </Text>

      {WORKLOADS.map((workload) => {
        const group = services.filter((s) => s.workload === workload)
        if (group.length === 0) return null
        return (
          <section key={workload} className={styles.workload} aria-labelledby={`health-workload-${workload}`}>
            <Subtitle2 as="h2" id={`health-workload-${workload}`} className={styles.workloadTitle}>
              {t(`workload.${workload}`)}
            </Subtitle2>
            <div className={styles.grid}>
              {group.map((s) => (
                <ServiceTile key={s.id} service={s} />
              ))}
            </div>
          </section>
        )
      })}

      <section className={styles.section} aria-labelledby="health-issues-title">
        <Subtitle1 as="h2" id="health-issues-title" className={styles.sectionTitle}>
          {t('tenant.issuesTitle')}
        </Subtitle1>
        {issues.length === 0 ? (
          <Text className={styles.muted} data-testid="health-issues-empty">
            {t('tenant.noIssues')}
          </Text>
        ) : (
          <IssueTable issues={issues} />
        )}
      </section>

      <section className={styles.section} aria-labelledby="health-history-title">
        <Subtitle1 as="h2" id="health-history-title" className={styles.sectionTitle}>
          {t('history.title', { count: HISTORY_DAYS })}
        </Subtitle1>
        {history.error && <ErrorMessage error={history.error} onRetry={history.reload} />}
        {!history.data && history.loading && <LoadingState label={t('history.loading')} />}
        {history.data && <HistoryChart days={history.data.days} items={history.data.items} />}
      </section>
    </article>
  )
}

function uniqueIssues(services: ServiceHealth[]): Incident[] {
  const byId = new Map<string, Incident>()
  for (const s of services) for (const i of s.issues) byId.set(i.id, i)
  return [...byId.values()].sort((a, b) => b.lastModifiedAt.localeCompare(a.lastModifiedAt))
}

type Tone = 'ok' | 'warning' | 'severe' | 'danger' | 'info'

function toneOf(service: ServiceHealth): Tone {
  if (service.status === 'serviceOperational') return service.issues.length > 0 ? 'info' : 'ok'
  const color = STATUS_COLORS[service.status]
  if (color === 'danger') return 'danger'
  if (color === 'severe') return 'severe'
  if (color === 'warning') return 'warning'
  return 'info'
}

function ServiceTile({ service }: { service: ServiceHealth }) {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const tone = toneOf(service)
  const tile = {
    ok: undefined,
    warning: styles.tileWarning,
    severe: styles.tileSevere,
    danger: styles.tileDanger,
    info: styles.tileInfo,
  }[tone]
  const icon = {
    ok: <CheckmarkCircle20Filled className={styles.iconOk} aria-hidden />,
    warning: <Warning20Filled className={styles.iconWarning} aria-hidden />,
    severe: <ErrorCircle20Filled className={styles.iconSevere} aria-hidden />,
    danger: <DismissCircle20Filled className={styles.iconDanger} aria-hidden />,
    info: <Info20Filled className={styles.iconInfo} aria-hidden />,
  }[tone]
  return (
    <Card
      className={mergeClasses(styles.tile, tile)}
      data-testid="health-service"
      data-service-id={service.id}
      data-status={service.status}
      data-issues={service.issues.length}
      role="group"
      aria-label={`${service.service}: ${t(`status.${service.status}`)}`}
    >
      <div className={styles.tileHead}>
        {icon}
        <Text className={styles.tileName}>{service.service}</Text>
      </div>
      <div>
        <HealthStatusBadge status={service.status} size="small" testId="health-service-status" />
      </div>
      {service.issues.length > 0 && (
        <ul className={styles.issues}>
          {service.issues.map((i) => (
            <li key={i.id} className={styles.issue}>
              <Caption1>
                <RouterLink to={incidentHref(i.id)} data-testid="health-service-issue">
                  {i.id}
                </RouterLink>{' '}
                {i.title}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}

function IssueTable({ issues }: { issues: Incident[] }) {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const cell = useListCellStyles().cell
  return (
    <ListTable
      className={styles.table}
      label={t('tenant.issuesTitle')}
      data-testid="health-issues"
      columns={[
        t('column.incident'),
        t('column.services'),
        t('column.status'),
        t('column.started'),
        t('column.lastUpdate'),
      ]}
    >
      {issues.map((i) => (
        <TableRow key={i.id} data-testid="health-issue-row" data-incident-id={i.id} data-status={i.status}>
          <TableCell className={cell}>
            <RouterLink to={incidentHref(i.id)}>{i.id}</RouterLink>{' '}
            <ClassificationBadge classification={i.classification} />
            <Text className={styles.block}>{i.title}</Text>
          </TableCell>
          <TableCell className={cell}>{i.services.map((s) => s.displayName).join(', ')}</TableCell>
          <StatusAndDatesCells status={i.status} startAt={i.startAt} lastModifiedAt={i.lastModifiedAt} />
        </TableRow>
      ))}
    </ListTable>
  )
}
