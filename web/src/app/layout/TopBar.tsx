import {
  Avatar,
  Button,
  Hamburger,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { ShieldKeyholeRegular, SignOutRegular } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../features/auth/session.tsx'
import { NotificationsBell } from '../../features/notifications/components/NotificationsBell.tsx'
import { LanguageSwitcher } from '../../shared/ui/LanguageSwitcher.tsx'
import { RouterLink, useRouterLinkProps } from '../../shared/ui/RouterLink.tsx'
import { NARROW_QUERY } from './useNarrowScreen.ts'

// Still read out by screen readers (and still in the DOM), but not drawn.
const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    height: '48px',
    flexShrink: 0,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    [`@media ${NARROW_QUERY}`]: { gap: tokens.spacingHorizontalXS },
  },
  product: {
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    textDecorationLine: 'none',
    ':hover': { color: tokens.colorNeutralForegroundOnBrand, textDecorationLine: 'none' },
    ':hover:active': { color: tokens.colorNeutralForegroundOnBrand },
  },
  spacer: { flexGrow: 1 },
  // Buttons drawn on the brand-coloured bar: white, with a darker brand shade on hover.
  onBrand: {
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': {
      color: tokens.colorNeutralForegroundOnBrand,
      backgroundColor: tokens.colorBrandBackgroundHover,
    },
    ':hover:active': {
      color: tokens.colorNeutralForegroundOnBrand,
      backgroundColor: tokens.colorBrandBackgroundPressed,
    },
    '& .fui-Button__icon': { color: tokens.colorNeutralForegroundOnBrand },
  },
  user: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginLeft: tokens.spacingHorizontalS,
  },
  userText: {
    display: 'flex',
    flexDirection: 'column',
    lineHeight: tokens.lineHeightBase200,
    [`@media ${NARROW_QUERY}`]: visuallyHidden,
  },
  // Narrow screens: the top bar's buttons show their icon only (the name stays their label).
  narrowHidden: { [`@media ${NARROW_QUERY}`]: visuallyHidden },
  narrowIconOnly: {
    [`@media ${NARROW_QUERY}`]: {
      minWidth: 'auto',
      paddingLeft: tokens.spacingHorizontalSNudge,
      paddingRight: tokens.spacingHorizontalSNudge,
      '& .fui-Button__icon': { marginRight: 0 },
    },
  },
  userName: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  // full white: a dimmed tenant name fell below WCAG AA contrast (4.5:1) on the brand colour
  userTenant: { fontSize: tokens.fontSizeBase200 },
})

export function TopBar({ navOpen, onToggleNav }: { navOpen: boolean; onToggleNav: () => void }) {
  const { t } = useTranslation()
  const styles = useStyles()
  const session = useSession()
  const user = session.user

  // Signing out clears the session, and <RequireSession> then shows the sign-in page.
  const signOut = () => void session.signOut().catch(() => undefined)
  const securityLink = useRouterLinkProps('/security')

  return (
    <header className={styles.bar} data-testid="top-bar">
      <Tooltip content={t('app.toggleNavigation')} relationship="label">
        <Hamburger
          className={styles.onBrand}
          appearance="transparent"
          aria-expanded={navOpen}
          onClick={onToggleNav}
        />
      </Tooltip>
      <RouterLink to="/" className={styles.product}>
        {t('app.name')}
      </RouterLink>
      <div className={styles.spacer} />
      {user && <NotificationsBell className={styles.onBrand} />}
      <LanguageSwitcher
        className={mergeClasses(styles.onBrand, styles.narrowIconOnly)}
        labelClassName={styles.narrowHidden}
        appearance="transparent"
      />
      {user && (
        <div
          className={styles.user}
          data-testid="signed-in-user"
          aria-label={t('auth.signedInAs', { name: user.displayName, tenant: user.tenantName })}
          role="group"
        >
          <Avatar name={user.displayName} size={28} color="neutral" aria-hidden />
          <div className={styles.userText}>
            <span className={styles.userName}>{user.displayName}</span>
            <span className={styles.userTenant} data-testid="signed-in-tenant">
              {user.tenantName}
            </span>
          </div>
        </div>
      )}
      {user && (
        <Button
          className={mergeClasses(styles.onBrand, styles.narrowIconOnly)}
          appearance="transparent"
          icon={<ShieldKeyholeRegular />}
          {...securityLink}
          as="a"
          data-testid="nav-security"
        >
          <span className={styles.narrowHidden}>{t('security.title')}</span>
        </Button>
      )}
      <Button
        className={mergeClasses(styles.onBrand, styles.narrowIconOnly)}
        appearance="transparent"
        icon={<SignOutRegular />}
        onClick={signOut}
        data-testid="sign-out"
      >
        <span className={styles.narrowHidden}>{t('auth.signOut')}</span>
      </Button>
    </header>
  )
}
