import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem } from '@fluentui/react-components'
import { useRouterLinkProps } from '../../../shared/ui/RouterLink.tsx'
import { useHealthTranslation } from '../translation.ts'

/** "Service health › current". */
export function HealthBreadcrumb({ current }: { current?: string }) {
  const { t } = useHealthTranslation()
  const home = useRouterLinkProps('/health')
  return (
    <Breadcrumb aria-label={t('nav')} size="small">
      <BreadcrumbItem>
        <BreadcrumbButton {...home}>{t('nav')}</BreadcrumbButton>
      </BreadcrumbItem>
      {current && (
        <>
          <BreadcrumbDivider />
          <BreadcrumbItem>
            <BreadcrumbButton current>{current}</BreadcrumbButton>
          </BreadcrumbItem>
        </>
      )}
    </Breadcrumb>
  )
}
