import { Badge, type BadgeProps } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import type { AssignmentStatus, GdapStatus } from '../api.ts'
import { RuleBadge as SharedRuleBadge } from '../../../shared/ui/RuleBadge.tsx'

const STATUS_COLORS: Record<GdapStatus, BadgeProps['color']> = {
  created: 'informative',
  approvalPending: 'warning',
  approved: 'informative',
  activating: 'informative',
  active: 'success',
  expiring: 'warning',
  terminationRequested: 'warning',
  terminating: 'warning',
  terminated: 'danger',
  expired: 'danger',
}

export function RelationshipStatusBadge({ status }: { status: GdapStatus }) {
  const { t } = useTranslation()
  return (
    <Badge
      appearance="tint"
      color={STATUS_COLORS[status] ?? 'informative'}
      data-testid="gdap-status"
      data-status={status}
    >
      {t(`gdapStatus.${status}`, { defaultValue: status })}
    </Badge>
  )
}

const ASSIGNMENT_COLORS: Record<AssignmentStatus | 'inactive', BadgeProps['color']> = {
  inactive: 'subtle',
  pending: 'informative',
  active: 'success',
  deleting: 'warning',
  deleted: 'subtle',
  error: 'danger',
}

/** `inactive`: the access trace's word for an assignment whose relationship gives no access. */
export function AssignmentStatusBadge({ status }: { status: AssignmentStatus | 'inactive' }) {
  const { t } = useTranslation()
  return (
    <Badge
      appearance="tint"
      size="small"
      color={ASSIGNMENT_COLORS[status] ?? 'informative'}
      data-testid="gdap-assignment-status"
      data-status={status}
    >
      {t(`gdap.assignmentStatus.${status}`, { defaultValue: status })}
    </Badge>
  )
}

/** The rule id as a badge with the rule's sentence as its tooltip ("R9"). */
export function RuleBadge({ rule }: { rule: string }) {
  return <SharedRuleBadge rule={rule} testId="rule-badge" />
}
