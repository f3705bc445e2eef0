import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { useRouterLinkProps } from '../../../shared/ui/RouterLink.tsx'

/** "GDAP relationships › current" (the list's name follows the viewer: partner or customer). */
export function GdapBreadcrumb({
  current,
  customerSide = false,
}: {
  current?: string
  customerSide?: boolean
}) {
  const { t } = useTranslation()
  const listLink = useRouterLinkProps('/gdap')
  const listName = customerSide ? t('nav.partnerRelationships') : t('nav.gdap')
  return (
    <Breadcrumb aria-label={listName} size="small">
      <BreadcrumbItem>
        <BreadcrumbButton {...listLink}>{listName}</BreadcrumbButton>
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
