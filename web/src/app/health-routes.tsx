import type { RouteObject } from 'react-router'

/** Routes of the service-health pages (/health…), added to the app's router. */
export const healthRoutes: RouteObject[] = []
