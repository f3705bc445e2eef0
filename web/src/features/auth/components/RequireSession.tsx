import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { useSession } from '../session.tsx'

/** Renders its children for a signed-in user; anyone else goes to sign-in and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const session = useSession()
  const location = useLocation()

  if (session.status === 'loading') return <LoadingState label={t('auth.checkingSession')} />
  if (session.status === 'error') return <ErrorMessage error={session.error} onRetry={session.retry} />
  if (!session.user) {
    if (session.signedOut) return <Navigate to="/signin" replace />
    const next = `${location.pathname}${location.search}`
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />
  }
  return children
}
