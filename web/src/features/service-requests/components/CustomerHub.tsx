import { Button, Caption1, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components'
import { HeartPulseRegular, OpenRegular } from '@fluentui/react-icons'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { getCustomerSubscriptions, listRequests, type Workload } from '../api.ts'
import { useLifeT } from '../life-t.ts'
import { SeverityBadge, StatusBadge } from './Badges.tsx'
import { plainList } from './list-styles.ts'

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  title: { display: 'block', marginBottom: tokens.spacingVerticalS },
  list: { ...plainList, gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  services: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    marginTop: tokens.spacingVerticalS,
  },
})

/** The Administer services heading's id: the customer list's "Portals" row action links to it. */
export const ADMINISTER_ID = 'hub-admin-title'

/** Each workload's admin portal (R4: Service management → Administer services), by workload. */
const ADMIN_PORTAL: Partial<Record<Workload, string>> = {
  azure: '/azure/support',
  office365: '/admin-center/support',
  dynamics: '/admin-center/support',
  ems: '/admin-center/support',
}

/** The admin portal of one of the customer's services, in the partner's delegated context (R3, R4). */
export function adminPortalPath(workload: Workload, customerTenantId: string): string | null {
  const base = ADMIN_PORTAL[workload]
  if (!base) return null
  const query = new URLSearchParams({ tenant: customerTenantId })
  if (base === '/admin-center/support') query.set('workload', workload)
  return `${base}?${query.toString()}`
}

/**
 * The customer's page as the partner's hub for that customer: its open requests, its service
 * health, and Service management → Administer services — each of its services' admin portal,
 * opened in the customer's tenant through GDAP.
 */
export function CustomerHub({ customerTenantId }: { customerTenantId: string }) {
  const styles = useStyles()
  const t = useLifeT()
  const { t: tApp } = useTranslation()
  const navigate = useNavigate()
  const requests = useApiResource(
    (signal) => listRequests({ customer: customerTenantId, offset: 0 }, signal),
    [customerTenantId],
  )
  const customer = useApiResource(
    (signal) => getCustomerSubscriptions(customerTenantId, signal),
    [customerTenantId],
  )
  const name = customer.data?.customer.displayName ?? ''
  const workloads = [
    ...new Set(
      (customer.data?.subscriptions ?? []).filter((s) => s.status === 'active').map((s) => s.workloadId),
    ),
  ].filter((w) => ADMIN_PORTAL[w])
  // opened at #hub-admin-title (the list's "Portals"): scroll there once the lists above are in,
  // as they move it (the layout scrolls inside <main>, which the browser's own anchor jump misses)
  const { hash } = useLocation()
  const loaded = Boolean(customer.data && requests.data)
  useEffect(() => {
    if (loaded && hash === `#${ADMINISTER_ID}`) {
      document.getElementById(ADMINISTER_ID)?.scrollIntoView({ block: 'start' })
    }
  }, [loaded, hash])

  return (
    <div data-testid="customer-hub">
      <section
        className={styles.section}
        aria-labelledby="hub-requests-title"
        data-testid="customer-hub-requests"
      >
        <Subtitle1 as="h2" id="hub-requests-title" className={styles.title}>
          {t('hub.requests')}
        </Subtitle1>
        {requests.error && <ErrorMessage error={requests.error} onRetry={requests.reload} />}
        {requests.data && requests.data.items.length === 0 && (
          <Text className={styles.muted}>{t('hub.requestsEmpty')}</Text>
        )}
        <ul className={styles.list}>
          {(requests.data?.items ?? []).slice(0, 5).map((r) => (
            <li key={r.id} className={styles.row} data-testid="customer-hub-request" data-request-id={r.id}>
              <RouterLink to={`/service-requests/${encodeURIComponent(r.id)}`}>
                {r.id} · {r.title}
              </RouterLink>
              <StatusBadge status={r.status} waitingOn={r.waitingOn} />
              <SeverityBadge severity={r.severity} />
            </li>
          ))}
        </ul>
        {(requests.data?.total ?? 0) > 0 && (
          <RouterLink to={`/service-requests?customer=${encodeURIComponent(customerTenantId)}`}>
            {t('hub.allRequests')}
          </RouterLink>
        )}
      </section>

      <section className={styles.section} aria-labelledby="hub-health-title">
        <Subtitle1 as="h2" id="hub-health-title" className={styles.title}>
          {t('hub.health')}
        </Subtitle1>
        <Button
          icon={<HeartPulseRegular />}
          onClick={() => void navigate(`/health/customers/${encodeURIComponent(customerTenantId)}`)}
          data-testid="customer-hub-health"
        >
          {t('hub.openHealth', { customer: name })}
        </Button>
      </section>

      <section className={styles.section} aria-labelledby={ADMINISTER_ID} data-testid="customer-hub-services">
        <Subtitle1 as="h2" id={ADMINISTER_ID} className={styles.title}>
          {t('hub.administer')}
        </Subtitle1>
        <Caption1 className={styles.muted} block>
          {t('hub.administerIntro', { customer: name })}
        </Caption1>
        {customer.data && workloads.length === 0 && (
          <Text className={styles.muted}>{t('hub.noServices')}</Text>
        )}
        <div className={styles.services}>
          {workloads.map((w) => (
            <RouterLink
              key={w}
              to={adminPortalPath(w, customerTenantId)!}
              data-testid="customer-hub-portal"
              data-workload={w}
            >
              <span className={styles.row}>
                <OpenRegular aria-hidden />
                {t('hub.openPortal', { service: tApp(`requests.workload.${w}`) })}
              </span>
            </RouterLink>
          ))}
        </div>
      </section>
    </div>
  )
}
