import {
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { AlertOnRegular, AlertRegular, LinkDismissRegular, LinkRegular } from '@fluentui/react-icons'
import { useState } from 'react'
import { useFormat } from '../../../shared/i18n/format.ts'
import { useApiAction } from '../../../shared/api/use-api-action.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { usePortalsT } from '../../workload-portals/t.ts'
import { followIncident, type AdviceIncident } from '../api.ts'
import { plainList } from './list-styles.ts'

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: '6px' },
  list: {
    ...plainList,
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground3 },
  actions: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
})

/** Incident statuses as the health API sends them (Graph's serviceHealthStatus), shown in words. */
export function IncidentStatusBadge({ status }: { status: string | null }) {
  const t = usePortalsT()
  if (!status) return null
  return (
    <Badge appearance="tint" color="warning" size="small" data-testid="incident-status" data-status={status}>
      {t(`incidentStatus.${status}` as 'incidentStatus.investigating', { defaultValue: status })}
    </Badge>
  )
}

/**
 * R4, first of all: the active incidents for this tenant and workload. The user can follow one (its
 * updates become notifications) or, when filing is allowed, file anyway with the request linked to it.
 */
export function AdviceIncidents({
  incidents,
  canFile,
  linkedIncidentId,
  onLink,
}: {
  incidents: AdviceIncident[]
  /** Filing is allowed: offer "File anyway, linked to it". */
  canFile: boolean
  linkedIncidentId?: string | null | undefined
  onLink?: ((incidentId: string | null) => void) | undefined
}) {
  const t = usePortalsT()
  const format = useFormat()
  const styles = useStyles()
  const [followed, setFollowed] = useState<ReadonlySet<string>>(new Set())
  // the incident whose follow is under way (one at a time)
  const [following, setFollowing] = useState<string | null>(null)
  const { busy, error, run } = useApiAction()
  if (incidents.length === 0) return null

  const follow = (id: string) => {
    setFollowing(id)
    return run(async () => {
      await followIncident(id)
      setFollowed((previous) => new Set(previous).add(id))
    })
  }

  return (
    <MessageBar intent="warning" layout="multiline" data-testid="advice-incidents">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{t('incidents.title')}</MessageBarTitle>
        <Text>{t('incidents.intro')}</Text>
        <ul className={styles.list}>
          {incidents.map((incident) => {
            const isFollowed = followed.has(incident.id)
            const isLinked = linkedIncidentId === incident.id
            return (
              <li
                key={incident.id}
                className={styles.item}
                data-testid="advice-incident"
                data-incident-id={incident.id}
                data-linked={isLinked}
                data-followed={isFollowed}
              >
                <span className={styles.heading}>
                  <RouterLink
                    to={`/health/incidents/${encodeURIComponent(incident.id)}`}
                    data-testid="advice-incident-link"
                  >
                    {incident.id} — {incident.title}
                  </RouterLink>
                  <IncidentStatusBadge status={incident.status} />
                </span>
                <Caption1 className={styles.meta}>
                  {t('incidents.started', { date: format.dateTime(incident.startedAt) })}
                </Caption1>
                <span className={styles.actions}>
                  <Button
                    size="small"
                    icon={
                      busy && following === incident.id ? (
                        <Spinner size="extra-tiny" />
                      ) : isFollowed ? (
                        <AlertOnRegular />
                      ) : (
                        <AlertRegular />
                      )
                    }
                    disabled={isFollowed || busy}
                    onClick={() => void follow(incident.id)}
                    data-testid="incident-follow"
                  >
                    {isFollowed ? t('incidents.following') : t('incidents.follow')}
                  </Button>
                  {canFile && onLink && (
                    <Button
                      size="small"
                      appearance={isLinked ? 'primary' : 'secondary'}
                      icon={isLinked ? <LinkDismissRegular /> : <LinkRegular />}
                      aria-pressed={isLinked}
                      onClick={() => onLink(isLinked ? null : incident.id)}
                      data-testid="incident-link-request"
                    >
                      {isLinked ? t('incidents.linked') : t('incidents.fileLinked')}
                    </Button>
                  )}
                </span>
              </li>
            )
          })}
        </ul>
        {error && <ErrorMessage error={error} />}
      </MessageBarBody>
    </MessageBar>
  )
}
