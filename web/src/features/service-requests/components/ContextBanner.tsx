import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components'
import { BuildingRegular, PeopleSwapRegular } from '@fluentui/react-icons'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Advice } from '../api.ts'
import type { RequestViewer } from '../viewer.ts'
import { RuleBadge } from './Badges.tsx'
import { entraRoleName } from '../../../shared/i18n/entra-roles.ts'

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
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
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
})

/**
 * Whose tenant the form acts in (R3, R12): the customer's, delegated through a GDAP grant, or the
 * user's own. Shown above the form so nobody files in the wrong context by mistake.
 */
export function ContextBanner({ advice, viewer }: { advice: Advice; viewer: RequestViewer }) {
  const { t } = useTranslation()
  const styles = useStyles()
  const forCustomer = advice.context === 'delegated' || advice.context === 'provider'
  const customer = advice.tenant.name
  const tenantId = <span className={styles.mono}>{advice.tenant.tenantId}</span>

  let title: string
  let body: ReactNode
  if (advice.context === 'delegated' && advice.grant) {
    title = t('context.delegatedTitle')
    body = (
      <>
        {t('context.actingFor', { customer })} ({t('context.tenant')} {tenantId}){' '}
        {t('context.asPartnerWithRole', {
          partner: viewer.tenantName,
          role: entraRoleName({ name: advice.grant.roleName }),
          group: advice.grant.groupName,
        })}
      </>
    )
  } else if (forCustomer) {
    title = t('context.providerTitle')
    body = (
      <>
        {t('context.actingFor', { customer })} ({t('context.tenant')} {tenantId}){' '}
        {t('context.asProvider', { partner: viewer.tenantName })}
      </>
    )
  } else if (advice.handledBy === 'partner') {
    title = t('context.ownTitle')
    body = t('context.toPartner', { tenant: advice.tenant.name, partner: advice.partners[0]?.name ?? '' })
  } else if (advice.context === 'customer') {
    title = t('context.ownTitle')
    body = t('context.customerToVendor', { tenant: advice.tenant.name })
  } else {
    title = t('context.ownTitle')
    body = t('context.own', { tenant: advice.tenant.name })
  }

  return (
    <div
      className={mergeClasses(styles.root, forCustomer ? styles.delegated : styles.own)}
      role="note"
      aria-label={title}
      data-testid="context-banner"
      data-context={advice.context ?? ''}
      data-tenant-id={advice.tenant.tenantId}
    >
      {forCustomer ? (
        <PeopleSwapRegular className={styles.icon} aria-hidden />
      ) : (
        <BuildingRegular className={styles.icon} aria-hidden />
      )}
      <div className={styles.text}>
        <span className={styles.title}>
          <Text weight="semibold">{title}</Text>
          {advice.rule && <RuleBadge rule={advice.rule} />}
        </span>
        <Text data-testid="context-banner-text">{body}</Text>
      </div>
    </div>
  )
}
