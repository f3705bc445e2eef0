import { Badge, type BadgeProps } from '@fluentui/react-components'
import {
  CheckmarkCircleRegular,
  ClockAlarmRegular,
  ClockRegular,
  ErrorCircleRegular,
} from '@fluentui/react-icons'
import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import type { RequestStatus, Severity, Sla, SlaState, WaitingOn } from '../api.ts'

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

/**
 * The status; a request waiting for information names whom it waits on, as the server computed it
 * for the reader ("Waiting on you" only for the requester or contact, else "Waiting on Fabrikam").
 */
export function StatusBadge({ status, waitingOn }: { status: RequestStatus; waitingOn?: WaitingOn | null }) {
  const { t } = useTranslation()
  const label =
    status === 'attention_needed' && waitingOn
      ? waitingOn.party === 'you'
        ? t('waitingOn.badgeYou')
        : t('waitingOn.badgeParty', { name: waitingOn.name })
      : t(`requests.status.${status}`, { defaultValue: status })
  return (
    <Badge
      appearance={status === 'closed' ? 'outline' : 'filled'}
      color={STATUS_COLORS[status] ?? 'informative'}
      data-testid="status-badge"
      data-status={status}
      data-waiting-on={waitingOn?.party}
    >
      {label}
    </Badge>
  )
}

/** The rule id as a badge with the rule's sentence as its tooltip (shared/ui/RuleBadge.tsx). */
export { RuleBadge } from '../../../shared/ui/RuleBadge.tsx'

const SLA_COLORS: Record<SlaState, BadgeProps['color']> = {
  running: 'brand',
  at_risk: 'warning',
  breached: 'danger',
  met: 'success',
  stopped: 'subtle',
  none: 'informative',
}

const SLA_ICONS: Record<SlaState, JSX.Element | undefined> = {
  running: <ClockRegular />,
  at_risk: <ClockAlarmRegular />,
  breached: <ErrorCircleRegular />,
  met: <CheckmarkCircleRegular />,
  stopped: undefined,
  none: undefined,
}

/** R14: the first-response clock's state as a badge ("At risk"). */
export function SlaBadge({ sla }: { sla: Sla }) {
  const { t } = useTranslation()
  const urgent = sla.state === 'breached' || sla.state === 'at_risk'
  return (
    <Badge
      appearance={urgent ? 'filled' : 'tint'}
      color={SLA_COLORS[sla.state] ?? 'informative'}
      icon={SLA_ICONS[sla.state]}
      data-testid="sla-badge"
      data-sla-state={sla.state}
    >
      {t(`requests.sla.${sla.state}`, { defaultValue: sla.state })}
    </Badge>
  )
}
