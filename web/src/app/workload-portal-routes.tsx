import type { RouteObject } from 'react-router'

/** Routes of the workload portals (Azure support, Microsoft 365 admin center), added to the app's router. */
export const workloadPortalRoutes: RouteObject[] = []
