import { useTranslation } from 'react-i18next'
import { useSignedInUser } from '../features/auth/session.tsx'
import { NewRequestPage } from '../features/service-requests/components/NewRequestPage.tsx'
import { RequestDetailPage } from '../features/service-requests/components/RequestDetailPage.tsx'
import { RequestListPage } from '../features/service-requests/components/RequestListPage.tsx'
import type { RequestViewer } from '../features/service-requests/viewer.ts'
import { canFile } from './home-routes.tsx'

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
