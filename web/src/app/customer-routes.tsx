import { lazyPage } from './lazy-page.ts'
import { useParams } from 'react-router'
import { useSignedInUser } from '../features/auth/session.tsx'
import type { Viewer } from '../features/customers/viewer.ts'
import { CustomerGdapActions } from '../features/gdap/components/CustomerGdapActions.tsx'
import { CustomerHealthButton } from '../features/health/components/CustomerHealthButton.tsx'
import { NewRequestButton } from '../features/service-requests/components/NewRequestButton.tsx'
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

// The customers feature does not know about sessions; the app tells it who is looking.
function useViewer(): Viewer {
  const user = useSignedInUser()
  return { tenantId: user.tenantId, tenantName: user.tenantName, isPartner: user.tenantKind === 'partner' }
}

export function CustomersRoute() {
  return <CustomersPage viewer={useViewer()} />
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
    />
  )
}
