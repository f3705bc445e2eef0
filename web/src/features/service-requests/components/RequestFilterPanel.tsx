import { Button, Field, Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components'
import { FilterRegular } from '@fluentui/react-icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import {
  SEVERITIES,
  SLA_STATES,
  STATUSES,
  WORKLOADS,
  listAzureServices,
  listCustomerChoices,
  listCustomerDirectory,
  listPartnerChoices,
  type RequestFilters,
  type RequestStatus,
  type Severity,
  type SlaState,
  type Workload,
} from '../api.ts'
import type { Assignee, DeskViews } from '../desk-api.ts'
import { useDeskT } from '../desk-i18n.ts'
import type { RequestViewer } from '../viewer.ts'
import { DeskFilterFields } from './DeskFilterFields.tsx'
import { SaveViewButton } from './SavedViewControls.tsx'
import type { SetFilter } from './request-list-params.ts'

const useStyles = makeStyles({
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
})

/**
 * The request list's filters: customer and partner (for those who see several), state, status,
 * severity, workload, Azure service, the desk's own, and Clear. On a phone they fold away under
 * one button, so the requests come first.
 */
export function RequestFilterPanel({
  viewer,
  phone,
  filters,
  filtered,
  views,
  assignees,
  setFilter,
  onClear,
  onViewSaved,
}: {
  viewer: RequestViewer
  phone: boolean
  filters: RequestFilters
  filtered: boolean
  views: DeskViews | null | undefined
  assignees: Assignee[]
  setFilter: SetFilter
  onClear: () => void
  /** Given on the desk: filters in force can be saved as a view of one's own. */
  onViewSaved?: (() => void) | undefined
}) {
  const { t, i18n } = useTranslation()
  const d = useDeskT()
  const styles = useStyles()
  const [open, setOpen] = useState(false)
  const isPartner = viewer.tenantKind === 'partner'
  const isVendor = viewer.tenantKind === 'vendor'
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
  // the services' names are in the page's language
  const azureServices = useApiResource((signal) => listAzureServices(signal), [i18n.language])

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

  return (
    <>
      {phone && (
        <Button
          className={styles.filtersToggle}
          icon={<FilterRegular />}
          aria-expanded={open}
          aria-controls="request-filters"
          onClick={() => setOpen((o) => !o)}
          data-testid="filters-toggle"
        >
          {filtered ? d('filters.toggleActive') : d('filters.toggle')}
        </Button>
      )}
      <div
        id="request-filters"
        className={mergeClasses(styles.filters, phone && !open && styles.folded)}
        hidden={phone && !open}
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
        {(isPartner || isVendor) && (
          <DeskFilterFields
            viewer={viewer}
            views={views}
            assignees={assignees}
            handledBy={filters.handledBy}
            assignee={filters.assignee}
            className={styles.filter}
            onChange={setFilter}
          />
        )}
        {filtered && (
          <Button appearance="subtle" onClick={onClear} data-testid="filters-clear">
            {t('requests.filters.clear')}
          </Button>
        )}
        {filtered && onViewSaved && <SaveViewButton onSaved={onViewSaved} />}
      </div>
    </>
  )
}
