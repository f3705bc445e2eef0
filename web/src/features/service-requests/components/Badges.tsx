import { Badge, type BadgeProps } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import type { RequestStatus, Severity } from '../api.ts'

const SEVERITY_COLORS: Record<Severity, BadgeProps['color']> = {
  minimal: 'informative',
  moderate: 'warning',
  critical: 'danger',
}

const STATUS_COLORS: Record<RequestStatus, BadgeProps['color']> = {
  open: 'brand',
  attention_needed: 'warning',
  closed: 'informative',
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation()
  return (
    <Badge
      appearance="tint"
      color={SEVERITY_COLORS[severity] ?? 'informative'}
      data-testid="severity-badge"
      data-severity={severity}
    >
      {t(`requests.severity.${severity}`, { defaultValue: severity })}
    </Badge>
  )
}

export function StatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation()
  return (
    <Badge
      appearance={status === 'closed' ? 'outline' : 'filled'}
      color={STATUS_COLORS[status] ?? 'informative'}
      data-testid="status-badge"
      data-status={status}
    >
      {t(`requests.status.${status}`, { defaultValue: status })}
    </Badge>
  )
}

/** The rule id as a small neutral badge ("R6"). */
export function RuleBadge({ rule, testId }: { rule: string; testId?: string }) {
  return (
    <Badge appearance="outline" color="informative" size="small" data-testid={testId} data-rule={rule}>
      {rule}
    </Badge>
  )
}
