import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink, useRouterLinkProps } from '../../../shared/ui/RouterLink.tsx'
import { getCustomer, type Customer, type Subscription } from '../api.ts'
import type { Viewer } from '../viewer.ts'
import { CustomerFacts } from './CustomerFacts.tsx'
import { RelationshipsTable } from './RelationshipsTable.tsx'
import { SubscriptionsTable } from './SubscriptionsTable.tsx'

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  sectionTitle: { display: 'block', marginBottom: tokens.spacingVerticalS },
  sectionHeader: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalS,
  },
  notFound: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
  },
})

/** A lost relationship's renewal: the new-relationship form for the customer, with the support role. */
const renewPath = (tenantId: string) =>
  `/gdap/new?customer=${encodeURIComponent(tenantId)}&roles=f023fd81-a637-4b56-95fd-791ac0226033`

function CustomersBreadcrumb({ current }: { current?: string }) {
  const { t } = useTranslation()
  const customersLink = useRouterLinkProps('/customers')
  return (
    <Breadcrumb aria-label={t('customer.backToCustomers')} size="small">
      <BreadcrumbItem>
        <BreadcrumbButton {...customersLink}>{t('nav.customers')}</BreadcrumbButton>
      </BreadcrumbItem>
      {current && (
        <>
          <BreadcrumbDivider />
          <BreadcrumbItem>
            <BreadcrumbButton current>{current}</BreadcrumbButton>
          </BreadcrumbItem>
        </>
      )}
    </Breadcrumb>
  )
}

/** What the app adds to the page for those who administer the customer (customer-admin feature). */
export interface CustomerAdminSlots {
  /** Next to the customer's name (e.g. remove the reseller relationship). */
  header?: (customer: Customer) => ReactNode
  /** Next to the subscriptions' title (e.g. order a subscription). */
  subscriptions?: (customer: Customer, reload: () => void) => ReactNode
  /** Each subscription's actions (suspend, convert, role assignments). */
  subscriptionRow?: (subscription: Subscription, customer: Customer, reload: () => void) => ReactNode
}

/**
 * One customer: who it is, its subscriptions, and the GDAP relationships with the viewer.
 * `actions` (from the app: e.g. "New request") go next to the customer's name, `gdapActions` next
 * to the GDAP section's title; `relationshipHref` makes each relationship a link to its page.
 */
export function CustomerPage({
  viewer,
  actions,
  gdapActions,
  relationshipHref,
  admin,
  hub,
}: {
  viewer: Viewer
  admin?: CustomerAdminSlots | undefined
  actions?: ReactNode
  /** The partner's hub for the customer (requests, health, Administer services), from the app. */
  hub?: ReactNode
  gdapActions?: ReactNode
  relationshipHref?: ((relationshipId: string) => string) | undefined
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  const { tenantId = '' } = useParams()
  const details = useApiResource((signal) => getCustomer(tenantId, signal), [tenantId])
  const customer = details.data?.customer
  useDocumentTitle(customer?.displayName ?? t('nav.customers'))

  if (details.error?.status === 404) {
    return (
      <div className={styles.notFound}>
        <CustomersBreadcrumb />
        <MessageBar intent="warning" data-testid="customer-not-found">
          <MessageBarBody>{t('customer.notFound')}</MessageBarBody>
        </MessageBar>
        <RouterLink to="/customers">{t('customer.backToCustomers')}</RouterLink>
      </div>
    )
  }
  if (details.error) {
    return (
      <>
        <CustomersBreadcrumb />
        <ErrorMessage error={details.error} onRetry={details.reload} />
      </>
    )
  }
  if (!details.data || !customer) return <LoadingState label={t('customer.loading')} />

  return (
    <article data-testid="customer-details" data-tenant-id={customer.tenantId}>
      <PageHeader
        title={customer.displayName}
        above={<CustomersBreadcrumb current={customer.displayName} />}
        actions={
          <>
            {actions}
            {admin?.header?.(customer)}
          </>
        }
      />
      <CustomerFacts customer={customer} viewerTenantId={viewer.tenantId} />
      {hub}

      <section className={styles.section} aria-labelledby="subscriptions-title">
        <div className={styles.sectionHeader}>
          <Subtitle1 as="h2" id="subscriptions-title">
            {t('subscriptions.title')}
          </Subtitle1>
          {admin?.subscriptions?.(customer, details.reload)}
        </div>
        <SubscriptionsTable
          subscriptions={details.data.subscriptions}
          rowActions={
            admin?.subscriptionRow ? (s) => admin.subscriptionRow?.(s, customer, details.reload) : undefined
          }
        />
      </section>

      <section className={styles.section} aria-labelledby="gdap-title">
        <div className={styles.sectionHeader}>
          <Subtitle1 as="h2" id="gdap-title">
            {t('gdap.title')}
          </Subtitle1>
          {gdapActions}
        </div>
        <RelationshipsTable
          relationships={details.data.relationships}
          relationshipHref={relationshipHref}
          renewHref={relationshipHref ? renewPath(customer.tenantId) : undefined}
        />
      </section>
    </article>
  )
}
