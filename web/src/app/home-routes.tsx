import { Navigate, type RouteObject } from 'react-router'
import type { SessionUser } from '../features/auth/api.ts'
import { useSignedInUser } from '../features/auth/session.tsx'
import { HomePage } from '../features/home/components/HomePage.tsx'
import { PreferencesPage } from '../features/notifications/components/PreferencesPage.tsx'

/** The vendor's engineers land on the queue, most urgent first-response clock first. */
export const VENDOR_LANDING = '/service-requests?status=open&sort=due'

/** R1: a partner user files only as an admin agent; customers' administrators may always try. */
export function canFile(user: SessionUser): boolean {
  if (user.tenantKind === 'vendor') return false
  return user.tenantKind === 'customer' || user.roles.includes('admin_agent')
}

/** Where each person lands: the vendor's engineers on the queue, everyone else on their home. */
function Landing() {
  const user = useSignedInUser()
  return <Navigate to={user.tenantKind === 'vendor' ? VENDOR_LANDING : '/home'} replace />
}

function HomeRoute() {
  const user = useSignedInUser()
  if (user.tenantKind === 'vendor') return <Navigate to={VENDOR_LANDING} replace />
  return <HomePage canFile={canFile(user)} />
}

export const homeRoutes: RouteObject[] = [
  { index: true, element: <Landing /> },
  { path: 'home', element: <HomeRoute /> },
  { path: 'settings/notifications', element: <PreferencesPage /> },
]
