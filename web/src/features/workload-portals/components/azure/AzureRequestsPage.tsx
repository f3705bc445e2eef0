import {
  Button,
  Caption1,
  Field,
  Select,
  TableCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { AddRegular, ClipboardTaskListLtrRegular } from '@fluentui/react-icons'
import { useState } from 'react'
import { useNavigate } from 'react-router'
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
import { listTickets, type SupportTicket } from '../../api/arm.ts'
import { azureSubscriptions, type AzureSubscription } from '../../api/portal.ts'
import { tenantQuery, usePortalContext, type PortalContext } from '../../hooks/use-portal-context.ts'
import { usePortalsT } from '../../t.ts'
import type { PortalViewer } from '../../viewer.ts'
import { PortalFrame } from '../PortalFrame.tsx'
import { TicketSeverityBadge, TicketStatusBadge, isClosed, useSupportPlanLabel } from './TicketBadges.tsx'

const useStyles = makeStyles({
  filter: { minWidth: '200px' },
  nowrap: { whiteSpace: 'nowrap' },
  title: { minWidth: '220px', overflowWrap: 'anywhere' },
  stack: { display: 'flex', flexDirection: 'column', paddingTop: '6px', paddingBottom: '6px' },
  service: { minWidth: '140px' },
  date: { minWidth: '110px' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  overdue: { color: tokens.colorPaletteRedForeground1 },
})

interface Row {
  ticket: SupportTicket
  subscription: AzureSubscription
}

/** Azure support → Manage support requests: the tickets of every subscription of the context's tenant. */
export function AzureRequestsPage({ viewer }: { viewer: PortalViewer }) {
  const t = usePortalsT()
  useDocumentTitle(t('azure.requests.title'))
  const state = usePortalContext(viewer, 'https://management.azure.com', { ownToken: true })
  return (
    <PortalFrame portal="azure" state={state} viewer={viewer} tab="requests">
      {(context) => <AzureRequests key={context.tenantId} context={context} />}
    </PortalFrame>
  )
}

async function loadRows(context: PortalContext, signal: AbortSignal): Promise<Row[]> {
  const token = context.auth.token ?? ''
  const subscriptions = await azureSubscriptions(context, signal)
  const lists = await Promise.all(
    subscriptions.map(async (subscription) =>
      (await listTickets(token, subscription.id, signal)).map((ticket) => ({ ticket, subscription })),
    ),
  )
  return lists
    .flat()
    .sort((a, b) => b.ticket.properties.createdDate.localeCompare(a.ticket.properties.createdDate))
}

function AzureRequests({ context }: { context: PortalContext }) {
  const t = usePortalsT()
  const format = useFormat()
  const styles = useStyles()
  const navigate = useNavigate()
  const planLabel = useSupportPlanLabel()
  const [status, setStatus] = useState<'' | 'open' | 'closed'>('')
  const rows = useApiResource((signal) => loadRows(context, signal), [context.tenantId, context.auth.token])
  const query = tenantQuery(context)
  const now = Date.now()
  const shown = (rows.data ?? []).filter((row) => !status || (status === 'closed') === isClosed(row.ticket))

  return (
    <>
      <PageHeader
        title={t('azure.requests.title')}
        description={t('azure.requests.intro', { tenant: context.tenantName })}
        actions={
          <>
            <RefreshButton
              label={t('common.refresh')}
              loading={rows.loading}
              onClick={rows.reload}
              data-testid="azure-requests-refresh"
            />
            <Button
              appearance="primary"
              icon={<AddRegular />}
              onClick={() => void navigate(`/azure/support/new${query}`)}
              data-testid="azure-requests-new"
            >
              {t('azure.tabs.new')}
            </Button>
          </>
        }
      />
      <FilterBar>
        <Field label={t('azure.requests.status')} className={styles.filter}>
          <Select
            value={status}
            onChange={(_event, data) => setStatus(data.value as '' | 'open' | 'closed')}
            data-testid="azure-requests-status"
          >
            <option value="">{t('azure.requests.allStatuses')}</option>
            <option value="open">{t('azure.requests.open')}</option>
            <option value="closed">{t('azure.requests.closed')}</option>
          </Select>
        </Field>
      </FilterBar>

      {rows.error && <ErrorMessage error={rows.error} onRetry={rows.reload} />}
      {!rows.data && rows.loading && <LoadingState label={t('azure.requests.loading')} />}
      {rows.data && shown.length === 0 && (
        <EmptyState
          icon={ClipboardTaskListLtrRegular}
          message={rows.data.length === 0 ? t('azure.requests.empty') : t('azure.requests.noMatch')}
          data-testid="azure-requests-empty"
        />
      )}
      {shown.length > 0 && (
        <ListTable
          busy={rows.loading}
          ariaBusy
          label={t('azure.requests.title')}
          data-testid="azure-requests"
          columns={[
            t('azure.requests.column.title'),
            t('azure.requests.column.severity'),
            t('azure.requests.column.status'),
            t('azure.requests.column.service'),
            t('azure.requests.column.plan'),
            t('azure.requests.column.created'),
            t('azure.requests.column.sla'),
          ]}
        >
          {shown.map(({ ticket, subscription }) => {
            const p = ticket.properties
            const due = p.serviceLevelAgreement?.expirationTime
            const overdue = !isClosed(ticket) && due !== undefined && new Date(due).getTime() < now
            return (
              <TableRow
                key={`${subscription.id}/${ticket.name}`}
                data-testid="azure-request-row"
                data-ticket-name={ticket.name}
                data-ticket-id={p.supportTicketId}
                data-subscription-id={subscription.id}
                data-status={p.status.toLowerCase()}
                data-severity={p.severity}
              >
                <TableCell className={styles.title}>
                  <span className={styles.stack}>
                    <RouterLink
                      to={`/azure/support/requests/${encodeURIComponent(subscription.id)}/${encodeURIComponent(ticket.name)}${query}`}
                      data-testid="azure-request-link"
                    >
                      {p.title}
                    </RouterLink>
                    <Caption1 className={styles.muted}>
                      <span className={styles.mono}>{p.supportTicketId}</span> · {subscription.name}
                    </Caption1>
                  </span>
                </TableCell>
                <TableCell>
                  <TicketSeverityBadge ticket={ticket} />
                </TableCell>
                <TableCell className={styles.nowrap}>
                  <TicketStatusBadge status={p.status} />
                </TableCell>
                <TableCell className={styles.service}>{p.serviceDisplayName}</TableCell>
                <TableCell className={styles.service}>{planLabel(p.supportPlanType)}</TableCell>
                <TableCell className={styles.date}>{format.dateTime(p.createdDate)}</TableCell>
                <TableCell className={styles.date}>
                  {due ? (
                    <span className={overdue ? styles.overdue : undefined}>
                      {format.dateTime(due)}
                      {p.serviceLevelAgreement && (
                        <Caption1 className={overdue ? styles.overdue : styles.muted}>
                          <br />
                          {t('azure.requests.slaWithin', {
                            duration: format.minutes(p.serviceLevelAgreement.slaMinutes),
                          })}
                          {overdue ? `, ${t('azure.requests.overdue')}` : ''}
                        </Caption1>
                      )}
                    </span>
                  ) : (
                    '—'
                  )}
                </TableCell>
              </TableRow>
            )
          })}
        </ListTable>
      )}
      {rows.data && rows.data.length > 0 && (
        <Caption1 className={styles.muted} data-testid="azure-requests-count">
          {t('azure.requests.count', { shown: shown.length, total: rows.data.length })}
        </Caption1>
      )}
    </>
  )
}
