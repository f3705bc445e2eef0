import { lazyPage } from './lazy-page.ts'
import { useTranslation } from 'react-i18next'
import { useSignedInUser } from '../features/auth/session.tsx'
import type { RequestViewer } from '../features/service-requests/viewer.ts'
import { canFile } from './home-routes.tsx'

const NewRequestPage = lazyPage(
  () => import('../features/service-requests/components/NewRequestPage.tsx'),
  'NewRequestPage',
)
const RequestDetailPage = lazyPage(
  () => import('../features/service-requests/components/RequestDetailPage.tsx'),
  'RequestDetailPage',
)
const RequestListPage = lazyPage(
  () => import('../features/service-requests/components/RequestListPage.tsx'),
  'RequestListPage',
)

// The service-requests feature does not know about sessions; the app tells it who is looking.
export function useRequestViewer(): RequestViewer {
  const user = useSignedInUser()
  const { t } = useTranslation()
  return {
    cannotFile:
      user.tenantKind === 'partner' && !canFile(user)
        ? t('daily.file.notAllowed', { tenant: user.tenantName })
        : null,
    userId: user.id,
    name: user.displayName,
    email: user.email,
    phone: user.phone ?? null,
    tenantId: user.tenantId,
    tenantName: user.tenantName,
    tenantKind: user.tenantKind,
  }
}

export function RequestListRoute() {
  return <RequestListPage viewer={useRequestViewer()} />
}

export function NewRequestRoute() {
  return <NewRequestPage viewer={useRequestViewer()} />
}

export function RequestDetailRoute() {
  return <RequestDetailPage viewer={useRequestViewer()} />
}
