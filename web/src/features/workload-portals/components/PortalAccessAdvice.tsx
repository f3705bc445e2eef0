import { Spinner } from '@fluentui/react-components'
import type { ReactNode } from 'react'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { getAdvice } from '../../service-requests/api.ts'
import { RefusalBox } from '../../service-requests/components/RefusalBox.tsx'
import { refusalFromAdvice } from '../../service-requests/refusal.ts'

/**
 * A workload portal opened by URL for a customer the user may not work for: the same advice box
 * as the New request wizard (rule, reason, remedy with its action, the access trace), with the
 * customer's name. Any other failure shows `fallback`.
 */
export function PortalAccessAdvice({
  customerTenantId,
  portal,
  fallback,
}: {
  customerTenantId: string
  portal: 'azure' | 'm365'
  fallback: ReactNode
}) {
  const advice = useApiResource(
    (signal) =>
      getAdvice({ customer: customerTenantId, workload: portal === 'azure' ? 'azure' : 'office365' }, signal),
    [customerTenantId, portal],
  )
  if (advice.loading && !advice.data) return <Spinner size="small" />
  if (!advice.data || advice.data.allowed) return <>{fallback}</>
  return <RefusalBox refusal={refusalFromAdvice(advice.data)} testId="portal-access-refusal" />
}
