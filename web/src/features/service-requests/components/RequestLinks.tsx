import { Button, Caption1, Card, Subtitle2, makeStyles, tokens } from '@fluentui/react-components'
import { ArrowForwardRegular, OpenRegular } from '@fluentui/react-icons'
import { useNavigate } from 'react-router'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import type { ServiceRequest } from '../api.ts'
import { useLifeT } from '../life-t.ts'
import type { Side } from '../side.ts'
import type { Timeline } from '../timeline-api.ts'

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
})

/** Where a partner escalates a request its customer sent it: the New request flow, pre-filled. */
export function escalationPath(request: ServiceRequest): string {
  const query = new URLSearchParams({
    customer: request.tenant.tenantId,
    workload: request.workload,
    escalates: request.id,
  })
  return `/service-requests/new?${query.toString()}`
}

/**
 * What the request links to: its ticket in the workload portal (and the portal links back), the
 * request it escalates or the requests that escalate it, and — for the partner working a request
 * its customer sent it (R10) — "Escalate to the vendor".
 */
export function RequestLinks({
  request,
  side,
  timeline,
}: {
  request: ServiceRequest
  side: Side
  timeline: Timeline | undefined
}) {
  const t = useLifeT()
  const styles = useStyles()
  const navigate = useNavigate()
  const canEscalate =
    request.handledBy === 'partner' &&
    side === 'responder' &&
    request.status !== 'closed' &&
    request.workload !== 'azure'
  const links = timeline?.links
  const portal = timeline?.portal
  if (!canEscalate && !portal && !links?.escalationOf && !links?.escalations.length) return null
  return (
    <Card className={styles.card} data-testid="request-links">
      <Subtitle2 as="h2">{t('links.title')}</Subtitle2>
      {portal && (
        <RouterLink to={portal.path} data-testid="request-portal-link" data-portal={portal.kind}>
          <span className={styles.row}>
            <OpenRegular aria-hidden />
            {portal.kind === 'azure' ? t('links.portalAzure') : t('links.portalM365')}
          </span>
        </RouterLink>
      )}
      {links?.escalationOf && (
        <RouterLink
          to={`/service-requests/${encodeURIComponent(links.escalationOf.id)}`}
          data-testid="request-escalation-of"
        >
          {t('links.escalationOf', { id: links.escalationOf.id, title: links.escalationOf.title })}
        </RouterLink>
      )}
      {links?.escalations.map((e) => (
        <RouterLink
          key={e.id}
          to={`/service-requests/${encodeURIComponent(e.id)}`}
          data-testid="request-escalated-as"
        >
          {t('links.escalatedAs', { id: e.id, title: e.title })}
        </RouterLink>
      ))}
      {canEscalate && (
        <>
          <Button
            icon={<ArrowForwardRegular />}
            onClick={() => void navigate(escalationPath(request))}
            data-testid="request-escalate"
          >
            {t('links.escalate')}
          </Button>
          <Caption1 className={styles.muted}>
            {t('links.escalateHint', { customer: request.tenant.name })}
          </Caption1>
        </>
      )}
    </Card>
  )
}
