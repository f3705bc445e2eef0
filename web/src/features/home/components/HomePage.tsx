import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components'
import { AddRegular, HeartPulseRegular } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { useLiveStream } from '../../../shared/hooks/use-live-stream.ts'
import { useFormat } from '../../../shared/i18n/format.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { getHome, type HomeGdap, type HomeIncident } from '../api.ts'
import { HomeCard, RequestItems, useHomeStyles } from './HomeSection.tsx'

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 380px), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
})

/** Names of the first customers an incident affects ("Rossi, Bianchi, …"). */
const NAMED = 3

function IncidentCard({ incidents, title }: { incidents: HomeIncident[]; title: string }) {
  const { t } = useTranslation()
  const styles = useHomeStyles()
  return (
    <HomeCard
      title={title}
      count={incidents.length}
      testId="home-incidents"
      more={<RouterLink to="/health">{t('daily.home.health')}</RouterLink>}
    >
      <ul className={styles.list}>
        {incidents.map((i) => {
          const names = i.customers
            .slice(0, NAMED)
            .map((c) => c.name)
            .join(', ')
          return (
            <li
              key={i.incidentId}
              className={styles.item}
              data-testid="home-incident"
              data-incident-id={i.incidentId}
            >
              <RouterLink to={`/health/incidents/${i.incidentId}`}>
                {i.incidentId} · {i.title}
              </RouterLink>
              <Caption1 className={styles.muted}>
                {t('daily.home.customersAffected', {
                  count: i.customers.length,
                  names: i.customers.length > NAMED ? `${names}, …` : names,
                })}
              </Caption1>
            </li>
          )
        })}
      </ul>
    </HomeCard>
  )
}

function GdapCard({ items }: { items: HomeGdap[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const styles = useHomeStyles()
  const line = (g: HomeGdap) => {
    const customer = g.customerName ?? g.displayName
    if (g.status === 'terminated') return t('daily.home.gdapTerminated', { customer })
    const key = g.status === 'expired' ? 'daily.home.gdapExpired' : 'daily.home.gdapExpiring'
    return t(key, { customer, date: format.date(g.endAt) })
  }
  return (
    <HomeCard title={t('daily.home.gdap')} count={items.length} testId="home-gdap">
      <ul className={styles.list}>
        {items.map((g) => (
          <li key={g.relationshipId} className={styles.item} data-testid="home-gdap-item">
            <RouterLink to={`/gdap/relationships/${g.relationshipId}`}>{g.displayName}</RouterLink>
            <div className={styles.meta}>
              <Caption1 className={styles.muted}>{line(g)}</Caption1>
              {g.customerTenantId && g.status !== 'expiring' && (
                <RouterLink
                  to={`/gdap/new?customer=${encodeURIComponent(g.customerTenantId)}`}
                  data-testid="home-gdap-renew"
                >
                  {t('daily.home.renew')}
                </RouterLink>
              )}
            </div>
          </li>
        ))}
      </ul>
    </HomeCard>
  )
}

/**
 * Where partner staff and customer administrators land: what needs them now, each item one click
 * from where it is handled. The vendor's engineers land on the queue instead (see Landing).
 */
export function HomePage({ canFile }: { canFile: boolean }) {
  const { t } = useTranslation()
  const styles = useStyles()
  const navigate = useNavigate()
  useDocumentTitle(t('daily.home.title'))
  const home = useApiResource((signal) => getHome(signal), [])
  // live: a new notice or an incident update may change what needs the person
  useLiveStream(['notification', 'incident'], home.reload)

  if (home.error) return <ErrorMessage error={home.error} onRetry={home.reload} />
  if (!home.data) return <LoadingState label={t('daily.home.loading')} />
  const data = home.data
  const newRequest = canFile && (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => void navigate('/service-requests/new')}>
      {t('daily.home.newRequest')}
    </Button>
  )

  if (data.persona === 'vendor') return null
  if (data.persona === 'customer')
    return (
      <>
        <PageHeader
          title={t('daily.home.title')}
          description={t('daily.home.introCustomer')}
          actions={
            <>
              <Button icon={<HeartPulseRegular />} onClick={() => void navigate('/health')}>
                {t('daily.home.health')}
              </Button>
              {newRequest}
            </>
          }
        />
        <div className={styles.grid} data-testid="home" data-persona="customer">
          <RequestItems
            section={data.waitingOnYou}
            title={t('daily.home.waitingOnCustomer')}
            hint={t('daily.home.waitingOnCustomerHint')}
            testId="home-waiting"
            allHref="/service-requests?status=attention_needed"
            showCustomer={false}
          />
          <RequestItems
            section={data.open}
            title={t('daily.home.open')}
            testId="home-open"
            allHref="/service-requests?status=open"
            showCustomer={false}
          />
          <IncidentCard incidents={data.incidents} title={t('daily.home.incidentsCustomer')} />
        </div>
      </>
    )
  return (
    <>
      <PageHeader
        title={t('daily.home.title')}
        description={t('daily.home.introPartner')}
        actions={newRequest}
      />
      <div className={styles.grid} data-testid="home" data-persona="partner">
        <RequestItems
          section={data.waitingOnYou}
          title={t('daily.home.waitingOnYou')}
          hint={t('daily.home.waitingOnYouHint')}
          testId="home-waiting"
          allHref="/service-requests?status=attention_needed"
        />
        <RequestItems
          section={data.sentToYou}
          title={t('daily.home.sentToYou')}
          hint={t('daily.home.sentToYouHint')}
          testId="home-sent"
          allHref="/service-requests?status=open"
        />
        <RequestItems
          section={data.atRisk}
          title={t('daily.home.atRisk')}
          hint={t('daily.home.atRiskHint')}
          testId="home-at-risk"
          allHref="/service-requests?sla=at_risk&sort=due"
        />
        <IncidentCard incidents={data.incidents} title={t('daily.home.incidents')} />
        <GdapCard items={data.gdap} />
      </div>
    </>
  )
}
