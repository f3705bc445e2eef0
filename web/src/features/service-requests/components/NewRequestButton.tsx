import { Button } from '@fluentui/react-components'
import { AddRegular } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

/** "New request" for one customer: opens the wizard with the customer already chosen. */
export function NewRequestButton({ customerTenantId }: { customerTenantId: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Button
      appearance="primary"
      icon={<AddRegular />}
      onClick={() => void navigate(`/service-requests/new?customer=${encodeURIComponent(customerTenantId)}`)}
      data-testid="customer-new-request"
    >
      {t('requests.newRequest')}
    </Button>
  )
}
