import { NavItem } from '@fluentui/react-components'
import { Apps20Filled, Apps20Regular, Cloud20Filled, Cloud20Regular, bundleIcon } from '@fluentui/react-icons'
import { useSession } from '../../features/auth/session.tsx'
import { usePortalsT } from '../../features/workload-portals/t.ts'
import { useRouterLinkProps } from '../../shared/ui/RouterLink.tsx'

const Azure = bundleIcon(Cloud20Filled, Cloud20Regular)
const M365 = bundleIcon(Apps20Filled, Apps20Regular)

/**
 * Side-navigation entries of the workload portals (rendered by SideNav). Opened from here, a portal
 * is in the user's own context (R12); a customer's requests start from the partner portal (R3).
 */
export function WorkloadPortalNavItems() {
  const t = usePortalsT()
  const azureLink = useRouterLinkProps('/azure/support')
  const m365Link = useRouterLinkProps('/admin-center/support')
  const kind = useSession().user?.tenantKind
  if (kind !== 'partner' && kind !== 'customer') return null
  return (
    <>
      <NavItem value="azure-support" icon={<Azure />} {...azureLink} data-testid="nav-azure-support">
        {t('nav.azure')}
      </NavItem>
      <NavItem value="m365-admin-center" icon={<M365 />} {...m365Link} data-testid="nav-m365-admin-center">
        {t('nav.m365')}
      </NavItem>
    </>
  )
}
