import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components'
import { AddRegular, ClipboardTaskListLtr20Regular } from '@fluentui/react-icons'
import { useEffect } from 'react'
import { PHONE_QUERY, useMediaQuery } from '../../../shared/hooks/use-media-query.ts'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { DisabledReason } from '../../../shared/ui/DisabledReason.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { listRequests } from '../api.ts'
import { getDeskViews } from '../desk-api.ts'
import type { RequestViewer } from '../viewer.ts'
import { DeskViewTabs } from './DeskViews.tsx'
import { BulkBar } from './BulkBar.tsx'
import { RequestCards } from './RequestCards.tsx'
import { RequestFilterPanel } from './RequestFilterPanel.tsx'
import { RequestPager } from './RequestPager.tsx'
import { RequestSearchBar } from './RequestSearchBar.tsx'
import { RequestTable, type RowOptions } from './RequestTable.tsx'
import { RowActions } from './RowActions.tsx'
import { useRequestListParams, useSearchText } from './request-list-params.ts'
import { useDeskList } from './use-desk-list.ts'

const useStyles = makeStyles({
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

/**
 * Service requests the user may see, filtered, searched, sorted and paged through the URL
 * (request-list-params.ts). For the vendor's engineers and partner staff this is the desk's
 * queue: views, assignee filters and column, row actions and the bulk bar.
 */
export function RequestListPage({ viewer }: { viewer: RequestViewer }) {
  const { t } = useTranslation()
  const styles = useStyles()
  const phone = useMediaQuery(PHONE_QUERY)
  const navigate = useNavigate()
  useDocumentTitle(t('requests.title'))
  const isPartner = viewer.tenantKind === 'partner'
  const isVendor = viewer.tenantKind === 'vendor'
  const isDesk = isVendor || isPartner
  const { params, filters, filtered, setFilter, clear } = useRequestListParams(viewer)
  const [searchText, setSearchText] = useSearchText(filters.q, setFilter)

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
  const views = useApiResource(
    (signal) => (isDesk ? getDeskViews(signal) : Promise.resolve(null)),
    [isDesk, params.toString(), requests.data],
  )
  const desk = useDeskList(isDesk, viewer.userId, requests.reload)
  const { clear: clearSelection } = desk
  // a selection belongs to the page it was made on
  useEffect(clearSelection, [params.toString(), clearSelection])
  const page = requests.data

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
        {views.data && <DeskViewTabs views={views.data} onChanged={views.reload} />}
        <RequestSearchBar
          searchText={searchText}
          onSearchText={setSearchText}
          q={filters.q}
          sort={filters.sort}
          setFilter={setFilter}
        />
        <RequestFilterPanel
          viewer={viewer}
          phone={phone}
          filters={filters}
          filtered={filtered}
          views={views.data}
          assignees={desk.assignees}
          setFilter={setFilter}
          onViewSaved={isDesk ? views.reload : undefined}
          onClear={() => {
            setSearchText('')
            clear()
          }}
        />

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
          <RequestPager
            offset={filters.offset}
            shown={page.items.length}
            total={page.total}
            totalCapped={page.totalCapped}
            loading={requests.loading}
            onOffset={(offset) => setFilter('offset', offset)}
          />
        )}
      </section>
    </>
  )
}
