import {
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { AlertOffRegular, AlertRegular } from '@fluentui/react-icons'
import { useState, type ReactNode } from 'react'
import { useLocation } from 'react-router'
import { useApiAction } from '../../../shared/api/use-api-action.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { useFormat } from '../../../shared/i18n/format.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { getIncident, isStatus, setFollowing, type IncidentDetail } from '../api.ts'
import { useIncidentStream } from '../live.ts'
import { useHealthTranslation } from '../translation.ts'
import type { HealthViewer } from '../viewer.ts'
import { ClassificationBadge, HealthStatusBadge, HighImpactBadge, PostTypeBadge } from './Badges.tsx'
import { HealthBreadcrumb } from './HealthBreadcrumb.tsx'
import { IncidentUpdateForm } from './IncidentUpdateForm.tsx'
import { LiveNote } from './LiveNote.tsx'

const useStyles = makeStyles({
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
  id: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(260px, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    '@media (max-width: 1000px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  section: { marginTop: tokens.spacingVerticalXL },
  sectionTitle: { display: 'block', marginBottom: tokens.spacingVerticalS },
  impact: { display: 'block', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '900px' },
  // each fact's name above its value: long names (Italian ones too) never squeeze a date into two lines
  facts: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  term: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  definition: { margin: 0, overflowWrap: 'anywhere' },
  plainList: { listStyleType: 'none', margin: 0, padding: 0 },
  timeline: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '900px',
  },
  post: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  postMeta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  postText: {
    display: 'block',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    marginTop: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  note: { marginBottom: tokens.spacingVerticalM },
  followRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  notFound: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
  },
})

/** One incident or advisory: its posts, services and (visible) tenants; follow; engineers update it. */
export function IncidentPage({ id, viewer }: { id: string; viewer: HealthViewer }) {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const location = useLocation()
  const published = (location.state as { published?: boolean } | null)?.published === true
  const resource = useApiResource((signal) => getIncident(id, signal), [id])
  const incident = resource.data?.data
  useDocumentTitle(incident ? `${incident.id} ${incident.title}` : id)

  const live = useIncidentStream(incident !== undefined, undefined, (event) => {
    if (!event || event.incident.id === id) resource.reload()
  })
  const ownLive = { ...live, last: live.last?.event.incident.id === id ? live.last : null }

  if (resource.error?.status === 404) {
    return (
      <div className={styles.notFound} data-testid="health-incident-not-found">
        <HealthBreadcrumb current={id} />
        <MessageBar intent="warning">
          <MessageBarBody>{t('incident.notFound')}</MessageBarBody>
        </MessageBar>
        <RouterLink to="/health">{t('tenant.backToHealth')}</RouterLink>
      </div>
    )
  }
  if (resource.error) {
    return (
      <>
        <HealthBreadcrumb current={id} />
        <ErrorMessage error={resource.error} onRetry={resource.reload} />
      </>
    )
  }
  if (!resource.data || !incident) return <LoadingState label={t('incident.loading')} />
  // The server's ETag; the documented form as a fallback if a proxy dropped the header.
  const etag = resource.data.etag ?? `"${incident.id}-${incident.version}"`

  return (
    <article
      data-testid="health-incident"
      data-incident-id={incident.id}
      data-status={incident.status}
      data-version={incident.version}
    >
      <PageHeader
        title={incident.title}
        above={<HealthBreadcrumb current={incident.id} />}
        actions={
          <FollowButton key={String(incident.following)} incident={incident} onChanged={resource.reload} />
        }
        below={
          <>
            <div className={styles.badges}>
              <Text className={styles.id} data-testid="health-incident-id">
                {incident.id}
              </Text>
              <HealthStatusBadge status={incident.status} />
              <ClassificationBadge classification={incident.classification} />
              {incident.highImpact && <HighImpactBadge />}
              {incident.isResolved && (
                <Badge appearance="outline" color="success" size="small" data-testid="health-resolved">
                  {t('incident.resolved')}
                </Badge>
              )}
            </div>
            <div className={styles.badges}>
              <LiveNote live={ownLive} />
            </div>
          </>
        }
      />
      {published && (
        <MessageBar intent="success" className={styles.note} data-testid="health-published">
          <MessageBarBody>{t('incident.publishedNote', { id: incident.id })}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.layout}>
        <div>
          <section aria-labelledby="health-impact-title">
            <Subtitle1 as="h2" id="health-impact-title" className={styles.sectionTitle}>
              {t('incident.impact')}
            </Subtitle1>
            <Text className={styles.impact} data-testid="health-incident-impact">
              {incident.impactDescription}
            </Text>
          </section>

          <section className={styles.section} aria-labelledby="health-posts-title">
            <Subtitle1 as="h2" id="health-posts-title" className={styles.sectionTitle}>
              {t('incident.postsTitle')}
            </Subtitle1>
            <PostTimeline incident={incident} />
          </section>

          {viewer.isEngineer && (
            <section className={styles.section} aria-labelledby="health-update-title">
              <Subtitle1 as="h2" id="health-update-title" className={styles.sectionTitle}>
                {t('update.title')}
              </Subtitle1>
              <IncidentUpdateForm incident={incident} etag={etag} onUpdated={resource.reload} />
            </section>
          )}
        </div>
        <IncidentFacts incident={incident} viewer={viewer} />
      </div>
    </article>
  )
}

function FollowButton({ incident, onChanged }: { incident: IncidentDetail; onChanged: () => void }) {
  const { t } = useHealthTranslation()
  const styles = useStyles()
  const { busy, error, run } = useApiAction()
  // what the user just chose, until the reloaded incident says it (the button is keyed on it)
  const [chosen, setChosen] = useState<boolean | null>(null)
  const following = chosen ?? incident.following
  const toggle = () =>
    run(async () => {
      await setFollowing(incident.id, !following)
      setChosen(!following)
      onChanged()
    })
  return (
    <div className={styles.followRow}>
      {error && <Caption1 role="alert">{error.message}</Caption1>}
      <Button
        appearance={following ? 'secondary' : 'primary'}
        icon={busy ? <Spinner size="tiny" /> : following ? <AlertOffRegular /> : <AlertRegular />}
        disabled={busy}
        onClick={() => void toggle()}
        title={following ? t('incident.unfollowHint') : t('incident.followHint')}
        data-testid="health-follow"
        data-following={following}
      >
        {following ? t('incident.unfollow') : t('incident.follow')}
      </Button>
    </div>
  )
}

function PostTimeline({ incident }: { incident: IncidentDetail }) {
  const { t } = useHealthTranslation()
  const format = useFormat()
  const styles = useStyles()
  // newest first, as service health dashboards show them
  const posts = [...incident.posts].reverse()
  if (posts.length === 0) return <Text className={styles.muted}>{t('incident.noPosts')}</Text>
  return (
    <ol className={styles.timeline} data-testid="health-posts">
      {posts.map((p) => (
        <li
          key={p.id}
          className={styles.post}
          data-testid="health-post"
          data-post-id={p.id}
          data-status={p.status}
        >
          <div className={styles.postMeta}>
            <Caption1 className={styles.muted}>
              <time dateTime={p.createdAt}>{format.dateTime(p.createdAt)}</time>
            </Caption1>
            {isStatus(p.status) && (
              <HealthStatusBadge status={p.status} size="small" testId="health-post-status" />
            )}
            {p.postType !== 'regular' && <PostTypeBadge postType={p.postType} />}
          </div>
          <Text className={styles.postText}>{p.content}</Text>
        </li>
      ))}
    </ol>
  )
}

function IncidentFacts({ incident, viewer }: { incident: IncidentDetail; viewer: HealthViewer }) {
  const { t } = useHealthTranslation()
  const format = useFormat()
  const styles = useStyles()
  const fact = (term: string, value: ReactNode, testId?: string) => (
    <div>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.definition} data-testid={testId}>
        {value}
      </dd>
    </div>
  )
  const tenants = incident.affectedTenants
  // partners see the customers they may see; an engineer sees every tenant
  const tenantHref = (tenantId: string) =>
    viewer.tenantKind === 'customer' ? '/health' : `/health/customers/${encodeURIComponent(tenantId)}`
  return (
    <aside aria-label={t('incident.factsLabel')}>
      <dl className={styles.facts}>
        {fact(
          t('column.status'),
          <HealthStatusBadge status={incident.status} size="small" testId="health-fact-status" />,
        )}
        {fact(
          t('column.services'),
          <ul className={styles.plainList} data-testid="health-incident-services">
            {incident.services.map((s) => (
              <li key={s.id} data-service-id={s.id} data-primary={s.primary}>
                {s.displayName}
                {s.primary && incident.services.length > 1 && (
                  <Caption1 className={styles.muted}> · {t('form.primary')}</Caption1>
                )}
              </li>
            ))}
          </ul>,
        )}
        {fact(
          viewer.tenantKind === 'partner' ? t('incident.affectedCustomers') : t('incident.affectedTenants'),
          tenants === 'all' ? (
            <span data-testid="health-incident-tenants" data-all="true">
              {viewer.tenantKind === 'partner' ? t('incident.allCustomers') : t('incident.allTenants')}
            </span>
          ) : tenants.length === 0 ? (
            <span data-testid="health-incident-tenants" className={styles.muted}>
              {t('incident.noTenants')}
            </span>
          ) : (
            <>
              <ul className={styles.plainList} data-testid="health-incident-tenants">
                {tenants.map((tenant) => (
                  <li key={tenant.tenantId} data-tenant-id={tenant.tenantId}>
                    <RouterLink to={tenantHref(tenant.tenantId)}>{tenant.name}</RouterLink>
                  </li>
                ))}
              </ul>
              {viewer.tenantKind === 'partner' && (
                <Caption1 className={styles.muted}>{t('incident.tenantsVisibleHint')}</Caption1>
              )}
            </>
          ),
        )}
        {fact(t('column.classification'), t(`classification.${incident.classification}`))}
        {fact(t('incident.origin'), t(`origin.${incident.origin}`))}
        {incident.feature && fact(t('form.feature'), incident.feature)}
        {incident.featureGroup && fact(t('form.featureGroup'), incident.featureGroup)}
        {fact(t('column.started'), format.dateTime(incident.startAt))}
        {incident.endAt && fact(t('incident.ended'), format.dateTime(incident.endAt))}
        {fact(t('column.lastUpdate'), format.dateTime(incident.lastModifiedAt))}
      </dl>
    </aside>
  )
}
