import { MessageBar, MessageBarBody } from '@fluentui/react-components'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { getRequest, type ServiceRequest } from '../api.ts'
import { useLifeT } from '../life-t.ts'

/** The customer's request being escalated (`?escalates=`), read once for the note and the form. */
export function useEscalationSource(requestId: string | null) {
  return useApiResource(
    (signal) => (requestId ? getRequest(requestId, signal).then((r) => r.request) : Promise.resolve(null)),
    [requestId],
  )
}

/** "Escalating request …: the new request will be linked to it." */
export function EscalationNote({
  requestId,
  source,
}: {
  requestId: string
  source?: ServiceRequest | null | undefined
}) {
  const t = useLifeT()
  const loaded = useEscalationSource(source === undefined ? requestId : null)
  const request = source ?? loaded.data
  return (
    <MessageBar intent="info" data-testid="escalation-note" data-escalates={requestId}>
      <MessageBarBody>
        {t('links.escalating', { id: requestId, title: request?.title ?? '…' })}
      </MessageBarBody>
    </MessageBar>
  )
}
