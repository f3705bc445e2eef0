import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components'
import { BuildingRegular, PeopleSwapRegular } from '@fluentui/react-icons'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import type { PortalContext } from '../hooks/use-portal-context.ts'
import { usePortalsT } from '../t.ts'
import type { PortalViewer } from '../viewer.ts'

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
  },
  delegated: {
    borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
  },
  own: {
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
  },
  icon: { fontSize: '24px', flexShrink: 0, marginTop: '2px' },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  secondary: { color: tokens.colorNeutralForeground2 },
})

/**
 * Whose tenant every page of a workload portal acts in. Delegated (R3): "Acting for <customer>
 * (tenant <id>) as <user> of <partner>". Own (R12): the user's own tenant — for a partner, its own
 * subscriptions only, never a customer's.
 */
export function PortalContextBanner({ context, viewer }: { context: PortalContext; viewer: PortalViewer }) {
  const t = usePortalsT()
  const styles = useStyles()
  if (context.kind === 'delegated') {
    return (
      <div
        className={mergeClasses(styles.root, styles.delegated)}
        role="note"
        aria-label={t('context.delegatedTitle')}
        data-testid="delegated-banner"
        data-tenant-id={context.tenantId}
      >
        <PeopleSwapRegular className={styles.icon} aria-hidden />
        <div className={styles.text}>
          <Text weight="semibold">{t('context.delegatedTitle')}</Text>
          <Text data-testid="delegated-banner-text">
            {t('context.actingFor', { customer: context.tenantName })} ({t('context.tenant')}{' '}
            <span className={styles.mono} data-testid="delegated-banner-tenant-id">
              {context.tenantId}
            </span>
            ) {t('context.asUserOfPartner', { user: viewer.name, partner: viewer.tenantName })}
          </Text>
          <Text size={200} className={styles.secondary}>
            {t('context.delegatedHint')}{' '}
            <RouterLink
              to={`/customers/${encodeURIComponent(context.tenantId)}`}
              data-testid="delegated-banner-customer"
            >
              {t('context.backToCustomer', { customer: context.tenantName })}
            </RouterLink>
          </Text>
        </div>
      </div>
    )
  }
  const isPartner = viewer.tenantKind === 'partner'
  return (
    <div
      className={mergeClasses(styles.root, styles.own)}
      role="note"
      aria-label={t('context.ownTitle')}
      data-testid="own-context-banner"
      data-tenant-id={context.tenantId}
    >
      <BuildingRegular className={styles.icon} aria-hidden />
      <div className={styles.text}>
        <Text weight="semibold">{t('context.ownTitle')}</Text>
        <Text data-testid="own-context-banner-text">
          {isPartner
            ? t('context.ownPartner', { tenant: context.tenantName, user: viewer.name })
            : t('context.ownCustomer', { tenant: context.tenantName, user: viewer.name })}
        </Text>
        {isPartner && (
          <Text size={200} className={styles.secondary}>
            {t('context.ownPartnerHint')}{' '}
            <RouterLink to="/service-requests/new" data-testid="own-context-banner-wizard">
              {t('context.toWizard')}
            </RouterLink>
          </Text>
        )}
      </div>
    </div>
  )
}
