import { NavItem, NavProvider, useNavContext_unstable } from '@fluentui/react-components'
import { HeartPulse20Filled, HeartPulse20Regular, bundleIcon } from '@fluentui/react-icons'
import { useLocation } from 'react-router'
import { useHealthTranslation } from '../../features/health/translation.ts'
import { useRouterLinkProps } from '../../shared/ui/RouterLink.tsx'

const HeartPulse = bundleIcon(HeartPulse20Filled, HeartPulse20Regular)

/** Side-navigation entries of the service-health pages (rendered by SideNav). */
export function HealthNavItems() {
  const { t } = useHealthTranslation()
  const { pathname } = useLocation()
  const link = useRouterLinkProps('/health')
  const nav = useNavContext_unstable()
  // SideNav does not know /health: the item says it is the selected one while a health page shows.
  const onHealth = pathname === '/health' || pathname.startsWith('/health/')
  return (
    <NavProvider value={onHealth ? { ...nav, selectedValue: 'health' } : nav}>
      <NavItem value="health" icon={<HeartPulse />} {...link} data-testid="nav-health">
        {t('nav')}
      </NavItem>
    </NavProvider>
  )
}
