import { NavDrawer, NavDrawerBody, NavItem, makeStyles, tokens } from '@fluentui/react-components'
import {
  ClipboardTaskListLtr20Filled,
  ClipboardTaskListLtr20Regular,
  Handshake20Filled,
  Handshake20Regular,
  People20Filled,
  People20Regular,
  AppsList20Filled,
  AppsList20Regular,
  PersonSearch20Filled,
  PersonSearch20Regular,
  ShieldKeyhole20Filled,
  ShieldKeyhole20Regular,
  bundleIcon,
} from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { useAppsTranslation } from '../../features/applications/translation.ts'
import { useSession } from '../../features/auth/session.tsx'
import { useRouterLinkProps } from '../../shared/ui/RouterLink.tsx'
import { HealthNavItems } from './HealthNavItems.tsx'
import { WorkloadPortalNavItems } from './WorkloadPortalNavItems.tsx'

const People = bundleIcon(People20Filled, People20Regular)
const Requests = bundleIcon(ClipboardTaskListLtr20Filled, ClipboardTaskListLtr20Regular)
const Gdap = bundleIcon(ShieldKeyhole20Filled, ShieldKeyhole20Regular)
const Partners = bundleIcon(Handshake20Filled, Handshake20Regular)
const Trace = bundleIcon(PersonSearch20Filled, PersonSearch20Regular)
const Apps = bundleIcon(AppsList20Filled, AppsList20Regular)

const useStyles = makeStyles({
  drawer: {
    width: '240px',
    flexShrink: 0,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  body: { paddingTop: tokens.spacingVerticalM },
})

/** Which nav item a path belongs to (customer pages keep "Customers" selected). */
function sectionOf(pathname: string): string {
  if (pathname.startsWith('/customers')) return 'customers'
  if (pathname.startsWith('/service-requests')) return 'service-requests'
  if (pathname.startsWith('/gdap/trace')) return 'gdap-trace'
  if (pathname.startsWith('/gdap')) return 'gdap'
  if (pathname.startsWith('/health')) return 'health'
  if (pathname.startsWith('/azure')) return 'azure-support'
  if (pathname.startsWith('/admin-center')) return 'm365-admin-center'
  if (pathname.startsWith('/applications')) return 'applications'
  return ''
}

export function SideNav({
  open,
  overlay = false,
  onClose,
}: {
  open: boolean
  /** Narrow screens: the navigation slides over the page (with a backdrop) instead of beside it. */
  overlay?: boolean
  onClose?: () => void
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  const { pathname } = useLocation()
  const customersLink = useRouterLinkProps('/customers')
  const requestsLink = useRouterLinkProps('/service-requests')
  const gdapLink = useRouterLinkProps('/gdap')
  const traceLink = useRouterLinkProps('/gdap/trace')
  const appsLink = useRouterLinkProps('/applications')
  const { t: tApps } = useAppsTranslation()
  const user = useSession().user
  const kind = user?.tenantKind
  const isAdmin = !!user && (user.roles.includes('admin_agent') || user.roles.includes('global_admin'))
  return (
    <NavDrawer
      open={open}
      type={overlay ? 'overlay' : 'inline'}
      onOpenChange={(_, data) => {
        if (!data.open) onClose?.()
      }}
      selectedValue={sectionOf(pathname)}
      className={styles.drawer}
      aria-label={t('app.mainNavigation')}
    >
      <NavDrawerBody className={styles.body}>
        <NavItem value="customers" icon={<People />} {...customersLink} data-testid="nav-customers">
          {t('nav.customers')}
        </NavItem>
        <NavItem
          value="service-requests"
          icon={<Requests />}
          {...requestsLink}
          data-testid="nav-service-requests"
        >
          {t('nav.serviceRequests')}
        </NavItem>
        {kind === 'partner' && (
          <>
            <NavItem value="gdap" icon={<Gdap />} {...gdapLink} data-testid="nav-gdap">
              {t('nav.gdap')}
            </NavItem>
            <NavItem value="gdap-trace" icon={<Trace />} {...traceLink} data-testid="nav-gdap-trace">
              {t('nav.accessTrace')}
            </NavItem>
          </>
        )}
        {kind === 'customer' && (
          <NavItem value="gdap" icon={<Partners />} {...gdapLink} data-testid="nav-gdap">
            {t('nav.partnerRelationships')}
          </NavItem>
        )}
        <HealthNavItems />
        <WorkloadPortalNavItems />
        {isAdmin && (
          <NavItem value="applications" icon={<Apps />} {...appsLink} data-testid="nav-applications">
            {tApps('nav')}
          </NavItem>
        )}
      </NavDrawerBody>
    </NavDrawer>
  )
}
