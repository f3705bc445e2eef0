import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

/** Sets the browser tab's title to "<page> – Tramite" (translated by the caller). */
export function useDocumentTitle(page: string | undefined): void {
  const { t } = useTranslation()
  useEffect(() => {
    document.title = page ? t('app.pageTitle', { page }) : t('app.name')
  }, [page, t])
}
