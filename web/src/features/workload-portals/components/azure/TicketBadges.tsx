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
  const severity = ticket.properties.severity
  return <SeverityBadge severity={severity === 'highestcriticalimpact' ? 'critical' : severity} />
}

export const isClosed = (ticket: SupportTicket) => ticket.properties.status.toLowerCase() === 'closed'
