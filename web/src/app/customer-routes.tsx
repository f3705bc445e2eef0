import { lazyPage } from './lazy-page.ts'
import { useParams, useSearchParams } from 'react-router'
import { useSignedInUser } from '../features/auth/session.tsx'
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
const PartnerInvitationPage = lazyPage(
  () => import('../features/customer-admin/components/PartnerInvitationPage.tsx'),
  'PartnerInvitationPage',
)

// The customers feature does not know about sessions; the app tells it who is looking.
function useViewer(): Viewer {
  const user = useSignedInUser()
  return { tenantId: user.tenantId, tenantName: user.tenantName, isPartner: user.tenantKind === 'partner' }
}

export function CustomersRoute() {
  const viewer = useViewer()
  const { cannotFile } = useRequestViewer()
  const rowActions = viewer.isPartner
    ? (item: CustomerListItem) => (
        <CustomerRowActions
          customerTenantId={item.tenantId}
          customerName={item.displayName}
          cannotFile={cannotFile}
        />
      )
    : undefined
  return <CustomersPage viewer={viewer} rowActions={rowActions} />
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
  const gdapActions = viewer.isPartner ? (
    <CustomerGdapActions customerTenantId={tenantId} viewer={gdapViewer} />
  ) : undefined
  return (
    <CustomerPage
      viewer={viewer}
      actions={actions}
      gdapActions={gdapActions}
      relationshipHref={viewer.isPartner ? relationshipHref : undefined}
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
