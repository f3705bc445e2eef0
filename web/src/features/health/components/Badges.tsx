import { Badge, type BadgeProps } from '@fluentui/react-components'
import type { Classification, HealthStatus, PostType } from '../api.ts'
import { useHealthTranslation } from '../translation.ts'

/** How a status looks: green when healthy, orange/red when broken, yellow while being worked on. */
export const STATUS_COLORS: Record<HealthStatus, NonNullable<BadgeProps['color']>> = {
  serviceOperational: 'success',
  serviceRestored: 'success',
  postIncidentReviewPublished: 'success',
  resolved: 'success',
  resolvedExternal: 'success',
  falsePositive: 'informative',
  investigationSuspended: 'informative',
  serviceInterruption: 'danger',
  serviceDegradation: 'severe',
  investigating: 'warning',
  restoringService: 'warning',
  verifyingService: 'warning',
  extendedRecovery: 'warning',
  mitigated: 'warning',
  mitigatedExternal: 'warning',
  confirmed: 'warning',
  reported: 'warning',
}

export function HealthStatusBadge({
  status,
  size = 'medium',
  testId = 'health-status',
}: {
  status: HealthStatus
  size?: BadgeProps['size']
  testId?: string
}) {
  const { t } = useHealthTranslation()
  return (
    <Badge
      appearance="tint"
      size={size}
      color={STATUS_COLORS[status] ?? 'informative'}
      data-testid={testId}
      data-status={status}
    >
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  )
}

export function ClassificationBadge({ classification }: { classification: Classification }) {
  const { t } = useHealthTranslation()
  return (
    <Badge
      appearance="outline"
      color={classification === 'incident' ? 'danger' : 'informative'}
      size="small"
      data-testid="health-classification"
      data-classification={classification}
    >
      {t(`classification.${classification}`)}
    </Badge>
  )
}

export function HighImpactBadge() {
  const { t } = useHealthTranslation()
  return (
    <Badge appearance="filled" color="danger" size="small" data-testid="health-high-impact">
      {t('incident.highImpact')}
    </Badge>
  )
}

export function PostTypeBadge({ postType }: { postType: PostType }) {
  const { t } = useHealthTranslation()
  return (
    <Badge appearance="outline" color="subtle" size="small" data-post-type={postType}>
      {t(`postType.${postType}`)}
    </Badge>
  )
}
