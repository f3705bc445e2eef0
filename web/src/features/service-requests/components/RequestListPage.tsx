import {
  Button,
  Caption1,
  Field,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { AddRegular, ClipboardTaskListLtr20Regular } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import {
  REQUESTS_PAGE_SIZE,
  SEVERITIES,
  STATUSES,
  WORKLOADS,
  listCustomerChoices,
  listRequests,
  type RequestFilters,
  type RequestStatus,
  type Severity,
  type Workload,
} from '../api.ts'
import type { RequestViewer } from '../viewer.ts'
import { RequestTable } from './RequestTable.tsx'

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  filter: { minWidth: '170px' },
  customerFilter: { minWidth: '240px' },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground3,
  },
  emptyIcon: { fontSize: '40px' },
  pager: {
    display: 'flex',
    justifyContent: 'flex-end',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalM,
  },
  range: { color: tokens.colorNeutralForeground3, display: 'inline-flex', alignItems: 'center', gap: '6px' },
})

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined

/** Service requests the user may see, newest first, filtered and paged through the URL. */
export function RequestListPage({ viewer }: { viewer: RequestViewer }) {
  const { t } = useTranslation()
  const styles = useStyles()
  const navigate = useNavigate()
  useDocumentTitle(t('requests.title'))
  const [params, setParams] = useSearchParams()
  const isPartner = viewer.tenantKind === 'partner'

  const filters: RequestFilters = {
    customer: (isPartner && params.get('customer')) || undefined,
    status: oneOf<RequestStatus>(STATUSES, params.get('status')),
    severity: oneOf<Severity>(SEVERITIES, params.get('severity')),
    workload: oneOf<Workload>(WORKLOADS, params.get('workload')),
    offset: Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0),
  }
  const filtered = Boolean(filters.customer || filters.status || filters.severity || filters.workload)

  const requests = useApiResource(
    (signal) => listRequests(filters, signal),
    [filters.customer, filters.status, filters.severity, filters.workload, filters.offset],
  )
  const customers = useApiResource(
    (signal) => (isPartner ? listCustomerChoices('', signal) : Promise.resolve(null)),
    [isPartner],
  )
  const page = requests.data

  /** A changed filter starts again from the first page. */
  const setFilter = (key: 'customer' | 'status' | 'severity' | 'workload' | 'offset', value: string) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    if (key !== 'offset') next.delete('offset')
    setParams(next)
  }

  const selectFilter = (
    key: 'status' | 'severity' | 'workload',
    values: readonly string[],
    label: (value: string) => string,
  ) => (
    <Field label={t(`requests.filters.${key}`)} className={styles.filter}>
      <Select
        value={filters[key] ?? ''}
        onChange={(_event, data) => setFilter(key, data.value)}
        data-testid={`filter-${key}`}
      >
        <option value="">{t('requests.filters.all')}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {label(value)}
          </option>
        ))}
      </Select>
    </Field>
  )

  const from = page && page.total > 0 ? filters.offset + 1 : 0
  const to = page ? filters.offset + page.items.length : 0

  return (
    <>
      <PageHeader
        title={t('requests.title')}
        description={isPartner ? t('requests.intro') : t('requests.introOther')}
        actions={
          viewer.tenantKind !== 'vendor' && (
            <Button
              appearance="primary"
              icon={<AddRegular />}
              onClick={() => void navigate('/service-requests/new')}
              data-testid="new-request"
            >
              {t('requests.newRequest')}
            </Button>
          )
        }
      />
      <section aria-label={t('requests.title')}>
        <div className={styles.filters} role="search" aria-label={t('requests.filters.label')}>
          {isPartner && (
            <Field label={t('requests.filters.customer')} className={styles.customerFilter}>
              <Select
                value={filters.customer ?? ''}
                onChange={(_event, data) => setFilter('customer', data.value)}
                data-testid="filter-customer"
              >
                <option value="">{t('requests.filters.allCustomers')}</option>
                <option value={viewer.tenantId}>
                  {t('requests.filters.ownOrganization', { tenant: viewer.tenantName })}
                </option>
                {(customers.data?.items ?? []).map((c) => (
                  <option key={c.tenantId} value={c.tenantId}>
                    {c.displayName}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {selectFilter('status', STATUSES, (v) => t(`requests.status.${v as RequestStatus}`))}
          {selectFilter('severity', SEVERITIES, (v) => t(`requests.severity.${v as Severity}`))}
          {selectFilter('workload', WORKLOADS, (v) => t(`requests.workload.${v as Workload}`))}
          {filtered && (
            <Button appearance="subtle" onClick={() => setParams({})} data-testid="filters-clear">
              {t('requests.filters.clear')}
            </Button>
          )}
        </div>

        {requests.error && <ErrorMessage error={requests.error} onRetry={requests.reload} />}
        {!page && requests.loading && <LoadingState label={t('requests.loading')} />}
        {page && page.items.length === 0 && (
          <div className={styles.empty} data-testid="request-list-empty">
            <ClipboardTaskListLtr20Regular className={styles.emptyIcon} aria-hidden />
            <Text>{filtered ? t('requests.noMatch') : t('requests.empty')}</Text>
          </div>
        )}
        {page && page.items.length > 0 && <RequestTable items={page.items} busy={requests.loading} />}
        {page && page.total > 0 && (
          <div className={styles.pager}>
            <Caption1 className={styles.range} data-testid="request-range" aria-live="polite">
              {t('requests.range', { from, to, total: page.total })}
              {requests.loading && <Spinner size="extra-tiny" />}
            </Caption1>
            <Button
              disabled={filters.offset === 0}
              onClick={() =>
                setFilter('offset', String(Math.max(0, filters.offset - REQUESTS_PAGE_SIZE) || ''))
              }
              data-testid="page-previous"
            >
              {t('common.previous')}
            </Button>
            <Button
              disabled={filters.offset + REQUESTS_PAGE_SIZE >= page.total}
              onClick={() => setFilter('offset', String(filters.offset + REQUESTS_PAGE_SIZE))}
              data-testid="page-next"
            >
              {t('common.next')}
            </Button>
          </div>
        )}
      </section>
    </>
  )
}
