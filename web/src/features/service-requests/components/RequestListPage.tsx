import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import {
  AddRegular,
  ClipboardTaskListLtr20Regular,
  FilterRegular,
  SearchRegular,
} from '@fluentui/react-icons'
import { useEffect, useState } from 'react'
import { PHONE_QUERY, useMediaQuery } from '../../../shared/hooks/use-media-query.ts'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { DisabledReason } from '../../../shared/ui/DisabledReason.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import {
  REQUESTS_PAGE_SIZE,
  SEVERITIES,
  SLA_STATES,
  SORTS,
  STATUSES,
  WORKLOADS,
  listCustomerChoices,
  listCustomerDirectory,
  listAzureServices,
  listPartnerChoices,
  listRequests,
  type RequestFilters,
  type RequestSort,
  type RequestStatus,
  type Severity,
  type SlaState,
  type Workload,
  type HandledBy,
} from '../api.ts'
import { getDeskViews } from '../desk-api.ts'
import { useDeskT } from '../desk-i18n.ts'
import type { RequestViewer } from '../viewer.ts'
import { DeskFilterFields } from './DeskFilterFields.tsx'
import { DeskViewTabs } from './DeskViews.tsx'
import { BulkBar } from './BulkBar.tsx'
import { RequestCards } from './RequestCards.tsx'
import { RequestTable, type RowOptions } from './RequestTable.tsx'
import { RowActions } from './RowActions.tsx'
import { useDeskList } from './use-desk-list.ts'

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  search: { flexGrow: 1, flexBasis: '320px', maxWidth: '560px' },
  filters: {
    display: 'flex',
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  filter: { minWidth: '150px' },
  filtersToggle: { marginBottom: tokens.spacingVerticalM },
  folded: { display: 'none' },
  wideFilter: { minWidth: '210px' },
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

const UUID = /^[0-9a-fA-F-]{36}$/
/** Typing waits this long before the list asks the server again. */
const SEARCH_DEBOUNCE_MS = 350

type FilterKey =
  | 'customer'
  | 'partner'
  | 'status'
  | 'severity'
  | 'workload'
  | 'azureService'
  | 'sla'
  | 'assignee'
  | 'handledBy'
  | 'q'
  | 'sort'
  | 'offset'

/**
 * Service requests the user may see, filtered, searched, sorted and paged through the URL. For the
 * vendor's engineers this is the desk's queue: partner and assignee filters and an assignee column.
 */
export function RequestListPage({ viewer }: { viewer: RequestViewer }) {
  const { t, i18n } = useTranslation()
  const d = useDeskT()
  const styles = useStyles()
  const phone = useMediaQuery(PHONE_QUERY)
  // on a phone the filters fold away under one button, so the requests come first
  const [filtersOpen, setFiltersOpen] = useState(false)
  const navigate = useNavigate()
  useDocumentTitle(t('requests.title'))
  const [params, setParams] = useSearchParams()
  const isPartner = viewer.tenantKind === 'partner'
  const isVendor = viewer.tenantKind === 'vendor'
  const isDesk = isVendor || isPartner

  const q = (params.get('q') ?? '').trim() || undefined
  const assignee = params.get('assignee')
  const sort = oneOf<RequestSort>(SORTS, params.get('sort'))
  const filters: RequestFilters = {
    customer: ((isPartner || isVendor) && params.get('customer')) || undefined,
    partner: (isVendor && UUID.test(params.get('partner') ?? '') && params.get('partner')) || undefined,
    status: oneOf<RequestStatus>(STATUSES, params.get('status')),
    severity: oneOf<Severity>(SEVERITIES, params.get('severity')),
    workload: oneOf<Workload>(WORKLOADS, params.get('workload')),
    azureService: (UUID.test(params.get('azureService') ?? '') && params.get('azureService')) || undefined,
    sla: oneOf<SlaState>(SLA_STATES, params.get('sla')),
    handledBy: (isPartner && oneOf<HandledBy>(['vendor', 'partner'], params.get('handledBy'))) || undefined,
    assignee:
      isDesk && assignee && (assignee === 'me' || assignee === 'none' || UUID.test(assignee))
        ? assignee
        : undefined,
    q,
    // relevance ranks search hits; without words there is nothing to rank
    sort: sort === 'relevance' && !q ? undefined : sort,
    offset: Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0),
  }
  const filtered = Boolean(
    filters.customer ||
    filters.partner ||
    filters.status ||
    filters.severity ||
    filters.workload ||
    filters.azureService ||
    filters.sla ||
    filters.assignee ||
    filters.handledBy ||
    filters.q,
  )

  const requests = useApiResource(
    (signal) => listRequests(filters, signal),
    [
      filters.customer,
      filters.partner,
      filters.status,
      filters.severity,
      filters.workload,
      filters.azureService,
      filters.sla,
      filters.assignee,
      filters.handledBy,
      filters.q,
      filters.sort,
      filters.offset,
    ],
  )
  const customers = useApiResource(
    (signal) =>
      isPartner
        ? listCustomerChoices('', signal).then((page) => page.items)
        : isVendor
          ? listCustomerDirectory(signal)
          : Promise.resolve([]),
    [isPartner, isVendor],
  )
  const partners = useApiResource(
    (signal) => (isVendor ? listPartnerChoices(signal) : Promise.resolve([])),
    [isVendor],
  )
  const views = useApiResource(
    (signal) => (isDesk ? getDeskViews(signal) : Promise.resolve(null)),
    [isDesk, params.toString(), requests.data],
  )
  const desk = useDeskList(isDesk, viewer.userId, requests.reload)
  const { clear: clearSelection } = desk
  // a selection belongs to the page it was made on
  useEffect(clearSelection, [params.toString(), clearSelection])
  // the services' names are in the page's language
  const azureServices = useApiResource((signal) => listAzureServices(signal), [i18n.language])
  const page = requests.data

  /** A changed filter starts again from the first page. */
  const setFilter = (key: FilterKey, value: string, options: { replace?: boolean } = {}) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous)
        if (value) next.set(key, value)
        else next.delete(key)
        if (key === 'q' && !value && next.get('sort') === 'relevance') next.delete('sort')
        if (key !== 'offset') next.delete('offset')
        return next
      },
      { replace: options.replace ?? false },
    )
  }

  // The search box answers as you type, once typing pauses; the URL keeps the words.
  const [searchText, setSearchText] = useState(q ?? '')
  // the URL's words changed elsewhere (clear, back): show them, but keep a space being typed
  useEffect(() => setSearchText((typed) => (typed.trim() === (q ?? '') ? typed : (q ?? ''))), [q])
  useEffect(() => {
    const words = searchText.trim()
    if (words === (q ?? '')) return
    const timer = setTimeout(() => setFilter('q', words, { replace: true }), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
    // setFilter reads the current URL itself; only the typed text and the URL's words matter here
  }, [searchText, q])

  const selectFilter = (
    key: 'status' | 'severity' | 'workload' | 'sla',
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
  const rowOptions: RowOptions = {
    showAssignee: isDesk,
    showPartner: isVendor,
    showHandler: isPartner,
    ...(isDesk
      ? {
          selection: { selected: new Set(desk.selected.keys()), onChange: desk.select(page?.items ?? []) },
          actions: (r) => (
            <RowActions
              request={r}
              viewer={viewer}
              assignees={desk.assignees}
              busy={desk.busyId === r.id}
              onAssign={(request, to) => void desk.assign(request, to)}
            />
          ),
        }
      : {}),
  }

  return (
    <>
      <PageHeader
        title={t('requests.title')}
        description={
          isPartner ? t('requests.intro') : isVendor ? t('requests.introVendor') : t('requests.introOther')
        }
        actions={
          !isVendor && (
            <>
              {viewer.cannotFile && (
                <DisabledReason id="new-request-reason">{viewer.cannotFile}</DisabledReason>
              )}
              <Button
                appearance="primary"
                icon={<AddRegular />}
                disabledFocusable={Boolean(viewer.cannotFile)}
                aria-describedby={viewer.cannotFile ? 'new-request-reason' : undefined}
                onClick={() => void navigate('/service-requests/new')}
                data-testid="new-request"
              >
                {t('requests.newRequest')}
              </Button>
            </>
          )
        }
      />
      <section
        aria-label={t('requests.title')}
        data-testid="request-list-section"
        data-loading={requests.loading}
      >
        {views.data && <DeskViewTabs views={views.data} />}
        <div className={styles.toolbar} role="search" aria-label={t('requests.filters.search')}>
          <Field label={t('requests.filters.search')} className={styles.search}>
            <Input
              type="search"
              value={searchText}
              contentBefore={<SearchRegular />}
              placeholder={t('requests.filters.searchPlaceholder')}
              maxLength={200}
              onChange={(_event, data) => setSearchText(data.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') setFilter('q', searchText.trim(), { replace: true })
              }}
              data-testid="filter-q"
            />
          </Field>
          <Field label={t('requests.filters.sort')} className={styles.wideFilter}>
            <Select
              value={filters.sort ?? 'created'}
              onChange={(_event, data) => setFilter('sort', data.value === 'created' ? '' : data.value)}
              data-testid="filter-sort"
            >
              {SORTS.map((s) => (
                <option key={s} value={s} disabled={s === 'relevance' && !q}>
                  {t(`requests.sort.${s}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {phone && (
          <Button
            className={styles.filtersToggle}
            icon={<FilterRegular />}
            aria-expanded={filtersOpen}
            aria-controls="request-filters"
            onClick={() => setFiltersOpen((open) => !open)}
            data-testid="filters-toggle"
          >
            {filtered ? d('filters.toggleActive') : d('filters.toggle')}
          </Button>
        )}
        <div
          id="request-filters"
          className={mergeClasses(styles.filters, phone && !filtersOpen && styles.folded)}
          hidden={phone && !filtersOpen}
          role="group"
          aria-label={t('requests.filters.label')}
        >
          {(isPartner || isVendor) && (
            <Field label={t('requests.filters.customer')} className={styles.wideFilter}>
              <Select
                value={filters.customer ?? ''}
                onChange={(_event, data) => setFilter('customer', data.value)}
                data-testid="filter-customer"
              >
                <option value="">{t('requests.filters.allCustomers')}</option>
                {isPartner && (
                  <option value={viewer.tenantId}>
                    {t('requests.filters.ownOrganization', { tenant: viewer.tenantName })}
                  </option>
                )}
                {(customers.data ?? []).map((c) => (
                  <option key={c.tenantId} value={c.tenantId}>
                    {c.displayName}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {isVendor && (
            <Field label={t('requests.filters.partner')} className={styles.wideFilter}>
              <Select
                value={filters.partner ?? ''}
                onChange={(_event, data) => setFilter('partner', data.value)}
                data-testid="filter-partner"
              >
                <option value="">{t('requests.filters.allPartners')}</option>
                {(partners.data ?? []).map((p) => (
                  <option key={p.tenantId} value={p.tenantId}>
                    {p.name}
                  </option>
                ))}
                {filters.partner && partners.data?.every((p) => p.tenantId !== filters.partner) && (
                  <option value={filters.partner}>{filters.partner}</option>
                )}
              </Select>
            </Field>
          )}
          {selectFilter('sla', SLA_STATES, (v) => t(`requests.sla.${v as SlaState}`))}
          {selectFilter('status', STATUSES, (v) => t(`requests.status.${v as RequestStatus}`))}
          {selectFilter('severity', SEVERITIES, (v) => t(`requests.severity.${v as Severity}`))}
          {selectFilter('workload', WORKLOADS, (v) => t(`requests.workload.${v as Workload}`))}
          <Field label={t('azureTriage.filter')} className={styles.wideFilter}>
            <Select
              value={filters.azureService ?? ''}
              onChange={(_event, data) => setFilter('azureService', data.value)}
              data-testid="filter-azure-service"
            >
              <option value="">{t('azureTriage.allServices')}</option>
              {(azureServices.data ?? []).map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name}
                </option>
              ))}
            </Select>
          </Field>
          {isDesk && (
            <DeskFilterFields
              viewer={viewer}
              views={views.data}
              assignees={desk.assignees}
              handledBy={filters.handledBy}
              assignee={filters.assignee}
              className={styles.filter}
              onChange={setFilter}
            />
          )}
          {filtered && (
            <Button
              appearance="subtle"
              onClick={() => {
                setSearchText('')
                setParams({})
              }}
              data-testid="filters-clear"
            >
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
        {desk.feedback && (
          <MessageBar intent={desk.feedback.intent} data-testid="row-feedback">
            <MessageBarBody>{desk.feedback.text}</MessageBarBody>
          </MessageBar>
        )}
        {isDesk && (
          <BulkBar
            selected={desk.selected}
            viewerId={viewer.userId}
            assignees={desk.assignees}
            onClear={desk.clear}
            onDone={() => {
              desk.clear()
              requests.reload()
            }}
          />
        )}
        {page &&
          rowOptions &&
          page.items.length > 0 &&
          (phone ? (
            <RequestCards items={page.items} busy={requests.loading} {...rowOptions} />
          ) : (
            <RequestTable items={page.items} busy={requests.loading} {...rowOptions} />
          ))}
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
