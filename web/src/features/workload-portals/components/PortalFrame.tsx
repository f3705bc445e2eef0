import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Button,
  Tab,
  TabList,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components'
import { AppsRegular, CloudRegular } from '@fluentui/react-icons'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { ScrollRow } from '../../../shared/ui/ScrollRow.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { tenantQuery, type PortalContext, type PortalContextState } from '../hooks/use-portal-context.ts'
import { usePortalsT } from '../t.ts'
import type { PortalViewer } from '../viewer.ts'
import { PortalContextBanner } from './ContextBanners.tsx'
import { PortalAccessAdvice } from './PortalAccessAdvice.tsx'

export type PortalKind = 'azure' | 'm365'
export type PortalTab = 'home' | 'new' | 'requests'

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  band: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  azure: { backgroundColor: '#0f5499' },
  m365: { backgroundColor: '#3b3a39' },
  bandIcon: { fontSize: '28px', flexShrink: 0 },
  bandText: { display: 'flex', flexDirection: 'column' },
  bandCaption: { opacity: 0.85 },
  // the row scrolls sideways when the tabs do not fit (a phone), with chevrons at the hidden side
  tabs: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
    minWidth: '100%',
  },
  content: { paddingTop: tokens.spacingVerticalS },
})

const BASE: Record<PortalKind, string> = { azure: '/azure/support', m365: '/admin-center/support' }

/**
 * The frame of a workload portal's pages: which portal it is, whose tenant it acts in (on every
 * page), and its sections. The page itself renders once the context (and its token) is ready.
 */
export function PortalFrame({
  portal,
  state,
  viewer,
  tab,
  children,
}: {
  portal: PortalKind
  state: PortalContextState
  viewer: PortalViewer
  tab: PortalTab
  children: (context: PortalContext) => ReactNode
}) {
  const t = usePortalsT()
  const { t: shared } = useTranslation()
  const styles = useStyles()
  const navigate = useNavigate()
  const { context, error } = state
  const base = BASE[portal]
  const query = tenantQuery(
    context ??
      (state.requestedTenantId ? { kind: 'delegated', tenantId: state.requestedTenantId } : undefined),
  )
  const tabs: [PortalTab, string, string][] =
    portal === 'azure'
      ? [
          ['home', base, t('azure.tabs.home')],
          ['new', `${base}/new`, t('azure.tabs.new')],
          ['requests', `${base}/requests`, t('azure.tabs.requests')],
        ]
      : [
          ['home', base, t('m365.tabs.home')],
          ['new', `${base}/new`, t('m365.tabs.new')],
          ['requests', `${base}/requests`, t('m365.tabs.requests')],
        ]

  let body: ReactNode
  if (viewer.tenantKind === 'vendor') {
    body = (
      <MessageBar intent="info" data-testid="portal-vendor-note">
        <MessageBarBody>{t('common.vendorNote')}</MessageBarBody>
      </MessageBar>
    )
  } else if (error) {
    const failed = (
      <MessageBar
        intent="error"
        layout="multiline"
        data-testid="delegation-error"
        data-error-code={error.code}
      >
        <MessageBarBody>
          <MessageBarTitle>
            {state.requestedTenantId ? t('context.delegationFailed') : t('context.ownFailed')}
          </MessageBarTitle>
          {error.message}{' '}
          {state.requestedTenantId && (
            <RouterLink to={`/customers/${encodeURIComponent(state.requestedTenantId)}`}>
              {t('context.openCustomer')}
            </RouterLink>
          )}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={state.reload}>
            {t('common.retry')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    )
    // opened by URL for a customer without the access: the wizard's advice box, by the customer's name
    body = state.requestedTenantId ? (
      <PortalAccessAdvice customerTenantId={state.requestedTenantId} portal={portal} fallback={failed} />
    ) : (
      failed
    )
  } else if (!context) {
    body = <LoadingState label={state.requestedTenantId ? t('context.opening') : t('context.openingOwn')} />
  } else {
    body = (
      <>
        <PortalContextBanner context={context} viewer={viewer} />
        <ScrollRow
          backLabel={shared('common.scrollBack')}
          onLabel={shared('common.scrollOn')}
          data-testid="portal-tabs"
        >
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_event, data) => {
              const target = tabs.find(([value]) => value === data.value)
              if (target) void navigate(`${target[1]}${query}`)
            }}
            aria-label={portal === 'azure' ? t('azure.portalName') : t('m365.portalName')}
          >
            {tabs.map(([value, , label]) => (
              <Tab key={value} value={value} data-testid={`${portal}-tab-${value}`}>
                {label}
              </Tab>
            ))}
          </TabList>
        </ScrollRow>
        <div className={styles.content}>{children(context)}</div>
      </>
    )
  }

  return (
    <div
      className={styles.root}
      data-testid={`${portal}-portal`}
      data-context={context?.kind ?? ''}
      data-tenant-id={context?.tenantId ?? ''}
    >
      <div className={mergeClasses(styles.band, portal === 'azure' ? styles.azure : styles.m365)}>
        {portal === 'azure' ? (
          <CloudRegular className={styles.bandIcon} aria-hidden />
        ) : (
          <AppsRegular className={styles.bandIcon} aria-hidden />
        )}
        <div className={styles.bandText}>
          <Text weight="semibold" size={400}>
            {portal === 'azure' ? t('azure.portalName') : t('m365.portalName')}
          </Text>
          <Text size={200} className={styles.bandCaption}>
            {portal === 'azure' ? t('azure.portalCaption') : t('m365.portalCaption')}
          </Text>
        </div>
      </div>
      {body}
    </div>
  )
}
