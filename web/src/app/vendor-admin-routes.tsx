import type { RouteObject } from 'react-router'
import { lazyPage } from './lazy-page.ts'

const PartnersPage = lazyPage(
  () => import('../features/vendor-admin/components/PartnersPage.tsx'),
  'PartnersPage',
)
const PartnerPage = lazyPage(
  () => import('../features/vendor-admin/components/PartnerPage.tsx'),
  'PartnerPage',
)
const ProductsPage = lazyPage(
  () => import('../features/vendor-admin/components/ProductsPage.tsx'),
  'ProductsPage',
)

/** The vendor administers its channel: partners and marketplace products (vendor global administrators). */
export const vendorAdminRoutes: RouteObject[] = [
  { path: 'vendor/partners', element: <PartnersPage /> },
  { path: 'vendor/partners/:tenantId', element: <PartnerPage /> },
  { path: 'vendor/products', element: <ProductsPage /> },
]
