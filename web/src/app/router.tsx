import { createBrowserRouter } from 'react-router'
import { RequireSession } from '../features/auth/components/RequireSession.tsx'
import { ForgotPasswordPage, ResetPasswordPage } from '../features/auth/components/PasswordResetPages.tsx'
import { SignInPage } from '../features/auth/components/SignInPage.tsx'
import { SecurityPage } from '../features/security/SecurityPage.tsx'
import { AppShell } from './layout/AppShell.tsx'
import { NotFoundPage } from './NotFoundPage.tsx'
import { RouteError } from './RouteError.tsx'
import { CustomerRoute, CustomersRoute, PartnerInvitationRoute } from './customer-routes.tsx'
import {
  AccessTraceRoute,
  ApprovalRoute,
  GdapRoute,
  NewRelationshipRoute,
  RelationshipDetailRoute,
} from './gdap-routes.tsx'
import { NewRequestRoute, RequestDetailRoute, RequestListRoute } from './service-request-routes.tsx'
import { healthRoutes } from './health-routes.tsx'
import { homeRoutes } from './home-routes.tsx'
import { workloadPortalRoutes } from './workload-portal-routes.tsx'
import { applicationRoutes } from './application-routes.tsx'
import { directoryRoutes, InvitationRoute } from './directory-routes.tsx'
import { vendorAdminRoutes } from './vendor-admin-routes.tsx'

export const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage />, errorElement: <RouteError /> },
  { path: '/forgot-password', element: <ForgotPasswordPage />, errorElement: <RouteError /> },
  { path: '/reset-password', element: <ResetPasswordPage />, errorElement: <RouteError /> },
  { path: '/invitation', element: <InvitationRoute />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      ...homeRoutes,
      { path: 'customers', element: <CustomersRoute /> },
      { path: 'customers/:tenantId', element: <CustomerRoute /> },
      { path: 'partner-invitation', element: <PartnerInvitationRoute /> },
      { path: 'service-requests', element: <RequestListRoute /> },
      { path: 'service-requests/new', element: <NewRequestRoute /> },
      { path: 'service-requests/:id', element: <RequestDetailRoute /> },
      { path: 'gdap', element: <GdapRoute /> },
      { path: 'gdap/new', element: <NewRelationshipRoute /> },
      { path: 'gdap/trace', element: <AccessTraceRoute /> },
      { path: 'gdap/relationships/:id', element: <RelationshipDetailRoute /> },
      { path: 'gdap/approve/:id', element: <ApprovalRoute /> },
      { path: 'security', element: <SecurityPage /> },
      ...healthRoutes,
      ...workloadPortalRoutes,
      ...applicationRoutes,
      ...directoryRoutes,
      ...vendorAdminRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
])
