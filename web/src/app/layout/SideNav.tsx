import { NavDrawer, NavDrawerBody, NavItem, makeStyles, tokens } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import type { SessionUser } from '../../features/auth/api.ts'
import { useSession } from '../../features/auth/session.tsx'
import { useRouterLinkProps } from '../../shared/ui/RouterLink.tsx'
import { HealthNavItems } from './HealthNavItems.tsx'
import { NAV_ENTRIES, sectionOf, type NavEntry } from './nav-entries.ts'
import { WorkloadPortalNavItems } from './WorkloadPortalNavItems.tsx'

const useStyles = makeStyles({
  drawer: {
    width: '240px',
    flexShrink: 0,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  body: { paddingTop: tokens.spacingVerticalM },
})

function Entry({ entry }: { entry: NavEntry }) {
  const { t } = useTranslation()
  const link = useRouterLinkProps(entry.path)
  const Icon = entry.icon
  return (
    <NavItem value={entry.value} icon={<Icon />} {...link} data-testid={`nav-${entry.value}`}>
      {t(entry.label as never)}
    </NavItem>
  )
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
  const user = useSession().user
  const entries = user ? NAV_ENTRIES.filter((e) => e.visible(user as SessionUser)) : []
  return (
    <NavDrawer
      open={open}
      type={overlay ? 'overlay' : 'inline'}
      onOpenChange={(_, data) => {
        if (!data.open) onClose?.()
      }}
      selectedValue={sectionOf(pathname, entries)}
      className={styles.drawer}
      aria-label={t('app.mainNavigation')}
    >
      <NavDrawerBody className={styles.body}>
        {entries.map((entry) => (
          <Entry key={entry.value} entry={entry} />
        ))}
        <HealthNavItems />
        <WorkloadPortalNavItems />
      </NavDrawerBody>
    </NavDrawer>
  )
}
