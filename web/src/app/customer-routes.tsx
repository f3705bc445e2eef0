import { lazyPage } from './lazy-page.ts'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { useSignedInUser } from '../features/auth/session.tsx'
import type { CustomerAdminSlots } from '../features/customers/components/CustomerPage.tsx'
import type { Viewer } from '../features/customers/viewer.ts'
import { CustomerGdapActions } from '../features/gdap/components/CustomerGdapActions.tsx'
import { CustomerHealthButton } from '../features/health/components/CustomerHealthButton.tsx'
import { NewRequestButton } from '../features/service-requests/components/NewRequestButton.tsx'
import { CustomerHub } from '../features/service-requests/components/CustomerHub.tsx'
import { CustomerRowActions } from '../features/service-requests/components/CustomerRowActions.tsx'
import type { CustomerListItem } from '../features/customers/api.ts'
import { useRequestViewer } from './service-request-routes.tsx'
import { useGdapViewer } from './gdap-routes.tsx'

const CustomerPage = lazyPage(
  () => import('../features/customers/components/CustomerPage.tsx'),
  'CustomerPage',
)
const CustomersPage = lazyPage(
  () => import('../features/customers/components/CustomersPage.tsx'),
  'CustomersPage',
)
const CustomerListActions = lazyPage(
  () => import('../features/customer-admin/components/CustomerListActions.tsx'),
  'CustomerListActions',
)
const SubscriptionActions = lazyPage(
  () => import('../features/customer-admin/components/SubscriptionActions.tsx'),
  'SubscriptionActions',
)
const OrderButton = lazyPage(
  () => import('../features/customer-admin/components/OrderDialog.tsx'),
  'OrderButton',
)
const RemoveRelationshipButton = lazyPage(
  () => import('../features/customer-admin/components/RemoveRelationshipButton.tsx'),
  'RemoveRelationshipButton',
)
const PartnerInvitationPage = lazyPage(
  () => import('../features/customer-admin/components/PartnerInvitationPage.tsx'),
  'PartnerInvitationPage',
)

// The customers feature does not know about sessions; the app tells it who is looking.
function useViewer(): Viewer {
  const user = useSignedInUser()
  return { tenantId: user.tenantId, tenantName: user.tenantName, isPartner: user.tenantKind === 'partner' }
}

const customerHref = (tenantId: string) => `/customers/${encodeURIComponent(tenantId)}`
const COMMERCE_ROLES = ['admin_agent', 'sales_agent', 'global_admin']

/** Who administers customers: a partner's admin agents, sales agents and global administrators. */
function useCommerce() {
  const user = useSignedInUser()
  const administers = user.tenantKind === 'partner' && user.roles.some((r) => COMMERCE_ROLES.includes(r))
  return { administers, partnerType: user.partnerType }
}

export function CustomersRoute() {
  const viewer = useViewer()
  const { administers, partnerType } = useCommerce()
  const { cannotFile } = useRequestViewer()
  // an indirect reseller does not create customers: it sends its relationship link
  const actions = administers
    ? (reload: () => void) => (
        <CustomerListActions
          canCreate={partnerType !== 'indirect_reseller'}
          forReseller={partnerType === 'indirect_provider'}
          customerHref={customerHref}
          onChanged={reload}
        />
      )
    : undefined
  const rowActions = viewer.isPartner
    ? (item: CustomerListItem) => (
        <CustomerRowActions
          customerTenantId={item.tenantId}
          customerName={item.displayName}
          cannotFile={cannotFile}
        />
      )
    : undefined
  return <CustomersPage viewer={viewer} actions={actions} rowActions={rowActions} />
}

const relationshipHref = (id: string) => `/gdap/relationships/${encodeURIComponent(id)}`

export function CustomerRoute() {
  const viewer = useViewer()
  const requestViewer = useRequestViewer()
  const gdapViewer = useGdapViewer()
  const { tenantId = '' } = useParams()
  // R3: a request on the customer's behalf starts from the customer (Customers → customer → New request);
  // R4: on a customer problem, check the customer's service health first.
  const actions = viewer.isPartner ? (
    <>
      <CustomerHealthButton customerTenantId={tenantId} />
      <NewRequestButton customerTenantId={tenantId} cannotFile={requestViewer.cannotFile} />
    </>
  ) : undefined
  const { administers } = useCommerce()
  const navigate = useNavigate()
  const admin: CustomerAdminSlots | undefined = administers
    ? {
        header: (customer) => (
          <RemoveRelationshipButton customer={customer} onRemoved={() => void navigate('/customers')} />
        ),
        subscriptions: (customer, reload) => <OrderButton customer={customer} onOrdered={reload} />,
        subscriptionRow: (subscription, customer, reload) => (
          <SubscriptionActions
            customerTenantId={customer.tenantId}
            subscription={subscription}
            onChanged={reload}
          />
        ),
      }
    : undefined
  const gdapActions = viewer.isPartner ? (
    <CustomerGdapActions customerTenantId={tenantId} viewer={gdapViewer} />
  ) : undefined
  return (
    <CustomerPage
      viewer={viewer}
      actions={actions}
      gdapActions={gdapActions}
      relationshipHref={viewer.isPartner ? relationshipHref : undefined}
      admin={admin}
      hub={viewer.isPartner ? <CustomerHub customerTenantId={tenantId} /> : undefined}
    />
  )
}

/** /partner-invitation?partnerId=…[&indirectCSPId=…]: the link Partner Center's relationshiprequests hands out. */
export function PartnerInvitationRoute() {
  const [params] = useSearchParams()
  const partnerId = params.get('partnerId')
  const provider = params.get('indirectCSPId') ?? undefined
  return <PartnerInvitationPage link={partnerId ? { partnerId, indirectProviderId: provider } : null} />
}
