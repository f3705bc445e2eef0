import { Button } from '@fluentui/react-components'
import { HeartPulseRegular } from '@fluentui/react-icons'
import { useNavigate } from 'react-router'
import { useHealthTranslation } from '../translation.ts'

/** "Service health" on a customer's page (R4: on a customer problem, check service health first). */
export function CustomerHealthButton({ customerTenantId }: { customerTenantId: string }) {
  const { t } = useHealthTranslation()
  const navigate = useNavigate()
  return (
    <Button
      icon={<HeartPulseRegular />}
      onClick={() => void navigate(`/health/customers/${encodeURIComponent(customerTenantId)}`)}
      data-testid="customer-service-health"
    >
      {t('customerAction')}
    </Button>
  )
}
