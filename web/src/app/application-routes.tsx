import type { RouteObject } from 'react-router'
import { ApplicationPage } from '../features/applications/components/ApplicationPage.tsx'
import { ApplicationsPage } from '../features/applications/components/ApplicationsPage.tsx'
import { DeviceLoginPage } from '../features/applications/components/DeviceLoginPage.tsx'

/** App registrations (tenant administrators) and the device code sign-in page. */
export const applicationRoutes: RouteObject[] = [
  { path: 'applications', element: <ApplicationsPage /> },
  { path: 'applications/:id', element: <ApplicationPage /> },
  { path: 'devicelogin', element: <DeviceLoginPage /> },
]
