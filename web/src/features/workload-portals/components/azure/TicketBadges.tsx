import { Badge } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { SeverityBadge } from '../../../service-requests/components/Badges.tsx'
import type { SupportTicket } from '../../api/arm.ts'

/** ARM's ticket status ("Open", "Closed") in the portal's words and colours. */
export function TicketStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  const closed = status.toLowerCase() === 'closed'
  return (
    <Badge
      appearance={closed ? 'outline' : 'filled'}
      color={closed ? 'informative' : 'brand'}
      data-testid="azure-ticket-status"
      data-status={status.toLowerCase()}
    >
      {closed ? t('requests.status.closed') : t('requests.status.open')}
    </Badge>
  )
}

export function TicketSeverityBadge({ ticket }: { ticket: SupportTicket }) {
  return <SeverityBadge severity={ticket.properties.severity} />
}

export const isClosed = (ticket: SupportTicket) => ticket.properties.status.toLowerCase() === 'closed'

/** ARM's `supportPlanType` (English display names) → the portal's support-plan kinds. */
const PLAN_KINDS: Record<string, string> = {
  'cloud solution provider': 'csp',
  'azure support plan': 'azure_support_plan',
  premier: 'premier',
  'partner program agreement': 'partner_agreement',
  'customer support plan': 'customer',
  'partner support': 'partner',
}

/** A ticket's support plan in the UI language (ARM gives it in English); unknown plans as given. */
export function useSupportPlanLabel(): (supportPlanType: string | undefined) => string {
  const { t } = useTranslation()
  return (supportPlanType) => {
    if (!supportPlanType) return '—'
    const kind = PLAN_KINDS[supportPlanType.toLowerCase()]
    return kind
      ? t(`requests.supportPlan.${kind as 'csp'}`, { defaultValue: supportPlanType })
      : supportPlanType
  }
}
