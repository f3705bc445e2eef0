import { Button } from '@fluentui/react-components'
import { AddRegular } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { DisabledReason } from '../../../shared/ui/DisabledReason.tsx'

/** "New request" for one customer: opens the wizard with the customer already chosen. */
export function NewRequestButton({
  customerTenantId,
  cannotFile,
}: {
  customerTenantId: string
  /** Why the person may not file (R1): the button is disabled and says so. */
  cannotFile?: string | null | undefined
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <>
      {cannotFile && <DisabledReason id="customer-new-request-reason">{cannotFile}</DisabledReason>}
      <Button
        appearance="primary"
        icon={<AddRegular />}
        disabledFocusable={Boolean(cannotFile)}
        aria-describedby={cannotFile ? 'customer-new-request-reason' : undefined}
        onClick={() =>
          void navigate(`/service-requests/new?customer=${encodeURIComponent(customerTenantId)}`)
        }
        data-testid="customer-new-request"
      >
        {t('requests.newRequest')}
      </Button>
    </>
  )
}
