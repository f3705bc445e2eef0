import { lazyPage } from './lazy-page.ts'
import type { ReactNode } from 'react'
import type { RouteObject } from 'react-router'
import { useSignedInUser } from '../features/auth/session.tsx'
import type { PortalViewer } from '../features/workload-portals/viewer.ts'

const AzureHomePage = lazyPage(
  () => import('../features/workload-portals/components/azure/AzureHomePage.tsx'),
  'AzureHomePage',
)
const AzureNewRequestPage = lazyPage(
  () => import('../features/workload-portals/components/azure/AzureNewRequestPage.tsx'),
  'AzureNewRequestPage',
)
const AzureRequestsPage = lazyPage(
  () => import('../features/workload-portals/components/azure/AzureRequestsPage.tsx'),
  'AzureRequestsPage',
)
const AzureTicketPage = lazyPage(
  () => import('../features/workload-portals/components/azure/AzureTicketPage.tsx'),
  'AzureTicketPage',
)
const M365HomePage = lazyPage(
  () => import('../features/workload-portals/components/m365/M365HomePage.tsx'),
  'M365HomePage',
)
const M365NewRequestPage = lazyPage(
  () => import('../features/workload-portals/components/m365/M365NewRequestPage.tsx'),
  'M365NewRequestPage',
)
const M365RequestsPage = lazyPage(
  () => import('../features/workload-portals/components/m365/M365RequestsPage.tsx'),
  'M365RequestsPage',
)

// The workload portals do not know about sessions; the app tells them who is looking.
function usePortalViewer(): PortalViewer {
  const user = useSignedInUser()
  return {
    userId: user.id,
    name: user.displayName,
    email: user.email,
    phone: user.phone ?? null,
    tenantId: user.tenantId,
    tenantName: user.tenantName,
    tenantKind: user.tenantKind,
  }
}

function route(path: string, Page: (props: { viewer: PortalViewer }) => ReactNode): RouteObject {
  function Route() {
    return <Page viewer={usePortalViewer()} />
  }
  return { path, element: <Route /> }
}

/**
 * Routes of the workload portals (Azure support, Microsoft 365 admin center), added to the app's
 * router. `?tenant=<customer>` opens them in the delegated context (R3); without it, in the user's
 * own (R12).
 */
export const workloadPortalRoutes: RouteObject[] = [
  route('azure/support', AzureHomePage),
  route('azure/support/new', AzureNewRequestPage),
  route('azure/support/requests', AzureRequestsPage),
  route('azure/support/requests/:subscription/:name', AzureTicketPage),
  route('admin-center/support', M365HomePage),
  route('admin-center/support/new', M365NewRequestPage),
  route('admin-center/support/requests', M365RequestsPage),
]
