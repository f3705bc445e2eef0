import { useParams } from 'react-router'
import { useSignedInUser } from '../features/auth/session.tsx'
import { CustomerPage } from '../features/customers/components/CustomerPage.tsx'
import { CustomersPage } from '../features/customers/components/CustomersPage.tsx'
import type { Viewer } from '../features/customers/viewer.ts'
import { NewRequestButton } from '../features/service-requests/components/NewRequestButton.tsx'

// The customers feature does not know about sessions; the app tells it who is looking.
function useViewer(): Viewer {
  const user = useSignedInUser()
  return { tenantId: user.tenantId, tenantName: user.tenantName, isPartner: user.tenantKind === 'partner' }
}

export function CustomersRoute() {
  return <CustomersPage viewer={useViewer()} />
}

export function CustomerRoute() {
  const viewer = useViewer()
  const { tenantId = '' } = useParams()
  // R3: a request on the customer's behalf starts from the customer (Customers → customer → New request).
  const actions = viewer.isPartner ? <NewRequestButton customerTenantId={tenantId} /> : undefined
  return <CustomerPage viewer={viewer} actions={actions} />
}
