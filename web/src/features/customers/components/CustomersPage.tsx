import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { PeopleRegular } from '@fluentui/react-icons'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { CUSTOMERS_PAGE_SIZE, listCustomers, type CustomerListItem } from '../api.ts'
import type { Viewer } from '../viewer.ts'
import { CustomerTable } from './CustomerTable.tsx'

const SEARCH_DELAY_MS = 300

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  search: { width: '360px', maxWidth: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginLeft: 'auto' },
  count: { color: tokens.colorNeutralForeground3, display: 'inline-flex', alignItems: 'center', gap: '6px' },
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
})

/**
 * Customers: the partner's customer list; for anyone else, a note saying whom it is for.
 * `actions` (from the app: add a customer, import…) go in the list's toolbar, with a reload;
 * `rowActions` (from the app) go beside each customer.
 */
export function CustomersPage({
  viewer,
  actions,
  rowActions,
}: {
  viewer: Viewer
  actions?: ((reload: () => void) => ReactNode) | undefined
  /** A row's actions (from the app), beside each customer. */
  rowActions?: ((item: CustomerListItem) => ReactNode) | undefined
}) {
  const { t } = useTranslation()
  useDocumentTitle(t('customers.title'))
  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={viewer.isPartner ? t('customers.intro') : undefined}
      />
      {viewer.isPartner ? (
        <CustomerDirectory viewer={viewer} actions={actions} rowActions={rowActions} />
      ) : (
        <MessageBar intent="info" data-testid="partner-only-note">
          <MessageBarBody>{t('customers.partnerOnly', { tenant: viewer.tenantName })}</MessageBarBody>
        </MessageBar>
      )}
    </>
  )
}

function CustomerDirectory({
  viewer,
  actions,
  rowActions,
}: {
  viewer: Viewer
  actions?: ((reload: () => void) => ReactNode) | undefined
  rowActions?: ((item: CustomerListItem) => ReactNode) | undefined
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0)
  const [searchText, setSearchText] = useState(q)

  // The search lives in the URL (shareable, survives reload); typing updates it after a pause,
  // and a URL changed from outside (back button, nav link) updates the box.
  const lastPushed = useRef(q)
  useEffect(() => {
    if (q === lastPushed.current) return
    lastPushed.current = q
    setSearchText(q)
  }, [q])
  useEffect(() => {
    const wanted = searchText.trim()
    if (wanted === q) return
    const timer = window.setTimeout(() => {
      lastPushed.current = wanted
      setParams(wanted ? { q: wanted } : {}, { replace: true })
    }, SEARCH_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [searchText, q, setParams])

  const customers = useApiResource((signal) => listCustomers({ q, offset }, signal), [q, offset])
  const page = customers.data

  const goToOffset = (next: number) => {
    const search: Record<string, string> = {}
    if (q) search.q = q
    if (next > 0) search.offset = String(next)
    setParams(search)
  }

  return (
    <section aria-label={t('customers.title')}>
      <div className={styles.toolbar}>
        <SearchBox
          className={styles.search}
          name="q"
          value={searchText}
          onChange={(_event, data) => setSearchText(data.value)}
          placeholder={t('customers.searchPlaceholder')}
          aria-label={t('customers.searchLabel')}
          data-testid="customer-search"
        />
        {page && (
          <Caption1 className={styles.count} data-testid="customer-count" aria-live="polite">
            {page.total > page.items.length
              ? t('customers.range', {
                  from: Math.min(offset + 1, page.total),
                  to: offset + page.items.length,
                  total: page.total,
                })
              : t('customers.count', { count: page.total })}
            {customers.loading && <Spinner size="extra-tiny" />}
          </Caption1>
        )}
        {actions && <div className={styles.actions}>{actions(customers.reload)}</div>}
      </div>

      {customers.error && <ErrorMessage error={customers.error} onRetry={customers.reload} />}
      {!page && customers.loading && <LoadingState label={t('customers.loading')} />}
      {page && page.items.length === 0 && (
        <div className={styles.empty} data-testid="customer-list-empty">
          <PeopleRegular className={styles.emptyIcon} aria-hidden />
          <Text>{q ? t('customers.noMatch', { q }) : t('customers.empty')}</Text>
        </div>
      )}
      {page && page.items.length > 0 && (
        <CustomerTable
          items={page.items}
          viewerTenantId={viewer.tenantId}
          busy={customers.loading}
          rowActions={rowActions}
        />
      )}
      {page && page.total > CUSTOMERS_PAGE_SIZE && (
        <div className={styles.pager}>
          <Button
            disabled={offset === 0}
            onClick={() => goToOffset(Math.max(0, offset - CUSTOMERS_PAGE_SIZE))}
          >
            {t('common.previous')}
          </Button>
          <Button
            disabled={offset + CUSTOMERS_PAGE_SIZE >= page.total}
            onClick={() => goToOffset(offset + CUSTOMERS_PAGE_SIZE)}
          >
            {t('common.next')}
          </Button>
        </div>
      )}
    </section>
  )
}
