import { lazyPage } from './lazy-page.ts'
import type { RouteObject } from 'react-router'
import { useParams } from 'react-router'
import { useSignedInUser } from '../features/auth/session.tsx'
import type { HealthViewer } from '../features/health/viewer.ts'
import { NewRequestButton } from '../features/service-requests/components/NewRequestButton.tsx'
import { useRequestViewer } from './service-request-routes.tsx'

const AffectedPage = lazyPage(() => import('../features/health/components/AffectedPage.tsx'), 'AffectedPage')
const IncidentListPage = lazyPage(
  () => import('../features/health/components/IncidentListPage.tsx'),
  'IncidentListPage',
)
const IncidentPage = lazyPage(() => import('../features/health/components/IncidentPage.tsx'), 'IncidentPage')
const PublishPage = lazyPage(() => import('../features/health/components/PublishPage.tsx'), 'PublishPage')
const TenantHealthPage = lazyPage(
  () => import('../features/health/components/TenantHealthPage.tsx'),
  'TenantHealthPage',
)

// The health feature does not know about sessions; the app tells it who is looking.
function useHealthViewer(): HealthViewer {
  const user = useSignedInUser()
  return {
    tenantId: user.tenantId,
    tenantName: user.tenantName,
    tenantKind: user.tenantKind,
    isEngineer: user.tenantKind === 'vendor' && user.roles.includes('support_engineer'),
  }
}

/**
 * /health follows the viewer (R4): a partner sees which customers are affected now, a customer
 * administrator the own tenant's health, the vendor's engineers every incident.
 */
function HealthHomeRoute() {
  const viewer = useHealthViewer()
  if (viewer.tenantKind === 'partner') return <AffectedPage />
  if (viewer.tenantKind === 'customer')
    return <TenantHealthPage key={viewer.tenantId} tenantId={viewer.tenantId} viewer={viewer} own />
  return <IncidentListPage />
}

function TenantHealthRoute() {
  const viewer = useHealthViewer()
  const requestViewer = useRequestViewer()
  const { tenantId = '' } = useParams()
  // R4: check health first; to escalate an ongoing problem, file a service request for the customer.
  const actions =
    viewer.tenantKind === 'partner' ? (
      <NewRequestButton customerTenantId={tenantId} cannotFile={requestViewer.cannotFile} />
    ) : undefined
  const trace =
    viewer.tenantKind === 'partner' ? `/gdap/trace?customer=${encodeURIComponent(tenantId)}` : undefined
  return (
    <TenantHealthPage
      key={tenantId}
      tenantId={tenantId}
      viewer={viewer}
      actions={actions}
      accessTraceHref={trace}
    />
  )
}

function IncidentRoute() {
  const { id = '' } = useParams()
  return <IncidentPage key={id} id={id} viewer={useHealthViewer()} />
}

function PublishRoute() {
  return <PublishPage viewer={useHealthViewer()} />
}

/** Routes of the service-health pages (/health…), added to the app's router. */
export const healthRoutes: RouteObject[] = [
  { path: 'health', element: <HealthHomeRoute /> },
  { path: 'health/customers/:tenantId', element: <TenantHealthRoute /> },
  { path: 'health/incidents/new', element: <PublishRoute /> },
  { path: 'health/incidents/:id', element: <IncidentRoute /> },
]
