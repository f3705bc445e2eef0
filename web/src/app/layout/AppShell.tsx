import { makeStyles, tokens } from '@fluentui/react-components'
import { Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation } from 'react-router'
import { LoadingState } from '../../shared/ui/LoadingState.tsx'
import { SideNav } from './SideNav.tsx'
import { TopBar } from './TopBar.tsx'
import { NARROW_QUERY, useNarrowScreen } from './useNarrowScreen.ts'

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%' },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  main: {
    flexGrow: 1,
    flexBasis: 0,
    minWidth: 0,
    overflow: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXXL}`,
    boxSizing: 'border-box',
    ':focus': { outline: 'none' },
    [`@media ${NARROW_QUERY}`]: {
      padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    },
  },
  skipLink: {
    position: 'absolute',
    left: '-9999px',
    ':focus': {
      left: tokens.spacingHorizontalS,
      top: tokens.spacingVerticalS,
      zIndex: 1000,
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorBrandForeground1,
    },
  },
})

/** The admin-portal frame: top bar, left navigation, and the current page. */
export function AppShell() {
  const { t } = useTranslation()
  const styles = useStyles()
  const narrow = useNarrowScreen()
  const { pathname } = useLocation()
  // On a wide screen the navigation sits beside the page, open; on a narrow one it overlays the
  // page, closed until the hamburger opens it, and closes again once a page is picked.
  const [navOpen, setNavOpen] = useState(!narrow)
  useEffect(() => setNavOpen(!narrow), [narrow])
  useEffect(() => {
    if (narrow) setNavOpen(false)
  }, [narrow, pathname])
  return (
    <div className={styles.root}>
      <a className={styles.skipLink} href="#main">
        {t('app.skipToContent')}
      </a>
      <TopBar navOpen={navOpen} onToggleNav={() => setNavOpen((open) => !open)} />
      <div className={styles.body}>
        <SideNav open={navOpen} overlay={narrow} onClose={() => setNavOpen(false)} />
        <main id="main" className={styles.main} tabIndex={-1}>
          {/* pages are loaded on first visit (route-level code splitting) */}
          <Suspense fallback={<LoadingState label={t('common.loading')} />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  )
}
