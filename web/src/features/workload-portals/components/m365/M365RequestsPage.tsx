import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  TableCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { AddRegular, ClipboardTaskListLtrRegular, LinkRegular } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { useUrlParams } from '../../../../shared/hooks/use-url-params.ts'
import { useApiResource } from '../../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../../shared/hooks/use-document-title.ts'
import { useFormat } from '../../../../shared/i18n/format.ts'
import { EmptyState } from '../../../../shared/ui/EmptyState.tsx'
import { ErrorMessage } from '../../../../shared/ui/ErrorMessage.tsx'
import { FilterBar } from '../../../../shared/ui/FilterBar.tsx'
import { LoadingState } from '../../../../shared/ui/LoadingState.tsx'
import { ListTable } from '../../../../shared/ui/ListTable.tsx'
import { PageHeader } from '../../../../shared/ui/PageHeader.tsx'
import { RefreshButton } from '../../../../shared/ui/RefreshButton.tsx'
import { RouterLink } from '../../../../shared/ui/RouterLink.tsx'
import { SeverityBadge, StatusBadge } from '../../../service-requests/components/Badges.tsx'
import { HandledByText } from '../../../service-requests/components/RequestFacts.tsx'
import { M365_WORKLOADS, isM365Workload, listPortalRequests } from '../../api/portal.ts'
import { tenantQuery, usePortalContext, type PortalContext } from '../../hooks/use-portal-context.ts'
import { usePortalsT } from '../../t.ts'
import type { PortalViewer } from '../../viewer.ts'
import { PortalFrame } from '../PortalFrame.tsx'

const useStyles = makeStyles({
  filter: { minWidth: '220px' },
  nowrap: { whiteSpace: 'nowrap' },
  title: { minWidth: '240px', overflowWrap: 'anywhere' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  linked: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  created: { marginBottom: tokens.spacingVerticalM },
  stack: { display: 'flex', flexDirection: 'column', paddingTop: '6px', paddingBottom: '6px' },
  highlight: { backgroundColor: tokens.colorPaletteGreenBackground1 },
})

/** Microsoft 365 admin center → Support → View all support tickets, in the portal's context. */
export function M365RequestsPage({ viewer }: { viewer: PortalViewer }) {
  const t = usePortalsT()
  useDocumentTitle(t('m365.requests.title'))
  const state = usePortalContext(viewer, 'urn:tramite:api', { ownToken: false })
  return (
    <PortalFrame portal="m365" state={state} viewer={viewer} tab="requests">
      {(context) => <M365Requests key={context.tenantId} context={context} />}
    </PortalFrame>
  )
}

function M365Requests({ context }: { context: PortalContext }) {
  const t = usePortalsT()
  const { t: tApp } = useTranslation()
  const format = useFormat()
  const styles = useStyles()
  const navigate = useNavigate()
  const location = useLocation()
  const [params, changeParams] = useUrlParams()
  // just filed here, or opened from the request's page in the partner portal (?request=)
  const createdId = (location.state as { created?: string } | null)?.created ?? params.get('request')
  const given = params.get('workload')
  const workload = isM365Workload(given) ? given : undefined
  const page = useApiResource(
    (signal) => listPortalRequests(context, { workload }, signal),
    [context.kind, context.tenantId, context.auth.token, workload],
  )

  const setWorkload = (value: string) => {
    changeParams(
      (next) => {
        if (value) next.set('workload', value)
        else next.delete('workload')
        return next
      },
      { replace: true },
    )
  }

  return (
    <>
      <PageHeader
        title={t('m365.requests.title')}
        description={t('m365.requests.intro', { tenant: context.tenantName })}
        actions={
          <>
            <RefreshButton
              label={t('common.refresh')}
              loading={page.loading}
              onClick={page.reload}
              data-testid="m365-requests-refresh"
            />
            <Button
              appearance="primary"
              icon={<AddRegular />}
              onClick={() =>
                void navigate(
                  `/admin-center/support/new${tenantQuery(context, workload ? `workload=${workload}` : '')}`,
                )
              }
              data-testid="m365-requests-new"
            >
              {t('m365.tabs.new')}
            </Button>
          </>
        }
      />
      {createdId && (
        <MessageBar
          intent="success"
          className={styles.created}
          data-testid="m365-request-created"
          data-request-id={createdId}
        >
          <MessageBarBody>
            {t('m365.requests.created', { id: createdId })}{' '}
            <RouterLink to={`/service-requests/${encodeURIComponent(createdId)}`}>
              {t('m365.requests.openCreated')}
            </RouterLink>
          </MessageBarBody>
        </MessageBar>
      )}
      <FilterBar>
        <Field label={t('m365.new.workload')} className={styles.filter}>
          <Select
            value={workload ?? ''}
            onChange={(_event, data) => setWorkload(data.value)}
            data-testid="m365-requests-workload"
          >
            <option value="">{t('m365.requests.allWorkloads')}</option>
            {M365_WORKLOADS.map((w) => (
              <option key={w} value={w}>
                {tApp(`requests.workload.${w}`)}
              </option>
            ))}
          </Select>
        </Field>
      </FilterBar>

      {page.error && <ErrorMessage error={page.error} onRetry={page.reload} />}
      {!page.data && page.loading && <LoadingState label={tApp('requests.loading')} />}
      {page.data && page.data.items.length === 0 && (
        <EmptyState
          icon={ClipboardTaskListLtrRegular}
          message={t('m365.requests.empty', { tenant: context.tenantName })}
          data-testid="m365-requests-empty"
        />
      )}
      {page.data && page.data.items.length > 0 && (
        <ListTable
          busy={page.loading}
          ariaBusy
          label={t('m365.requests.title')}
          data-testid="m365-requests"
          columns={[
            tApp('requests.column.number'),
            tApp('requests.column.title'),
            tApp('requests.column.severity'),
            tApp('requests.column.status'),
            t('m365.requests.handledBy'),
            t('m365.requests.contact'),
            tApp('requests.column.created'),
          ]}
        >
          {page.data.items.map((r) => (
            <TableRow
              key={r.id}
              className={r.id === createdId ? styles.highlight : undefined}
              data-testid="m365-request-row"
              data-request-id={r.id}
              data-workload={r.workload}
              data-status={r.status}
              data-tenant-id={r.tenant.tenantId}
            >
              <TableCell className={styles.nowrap}>
                <RouterLink
                  to={`/service-requests/${encodeURIComponent(r.id)}`}
                  data-testid="m365-request-link"
                >
                  <span className={styles.mono}>{r.id}</span>
                </RouterLink>
              </TableCell>
              <TableCell className={styles.title}>
                <span className={styles.stack}>
                  <span>
                    {r.title}
                    {r.linkedIncident && (
                      <Caption1 className={mergeClasses(styles.muted, styles.linked)}>
                        {' '}
                        <LinkRegular aria-hidden /> {r.linkedIncident.id}
                      </Caption1>
                    )}
                  </span>
                  <Caption1 className={styles.muted} data-testid="m365-request-category">
                    {tApp(`requests.workload.${r.workload}`)}
                    {r.supportTopic ? ` · ${r.supportTopic.name}` : ''}
                  </Caption1>
                </span>
              </TableCell>
              <TableCell>
                <SeverityBadge severity={r.severity} />
              </TableCell>
              <TableCell className={styles.nowrap}>
                <StatusBadge status={r.status} waitingOn={r.waitingOn} />
              </TableCell>
              <TableCell>
                <HandledByText request={r} />
              </TableCell>
              <TableCell data-testid="m365-request-contact">
                <span className={styles.stack}>
                  {r.contact.name}
                  <Caption1 className={styles.muted}>{r.contact.email}</Caption1>
                </span>
              </TableCell>
              <TableCell className={styles.nowrap}>{format.dateTime(r.createdAt)}</TableCell>
            </TableRow>
          ))}
        </ListTable>
      )}
      {page.data && page.data.items.length > 0 && (
        <Caption1 className={styles.muted} data-testid="m365-requests-count">
          {t('m365.requests.count', { shown: page.data.items.length, total: page.data.total })}
        </Caption1>
      )}
    </>
  )
}
