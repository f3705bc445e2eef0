import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../shared/api/client.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'

/** A failed change: 412 means someone changed the resource meanwhile (reload); else the server's words. */
export type ActionError = { kind: 'conflict' } | { kind: 'error'; error: ApiError }

export function actionErrorOf(caught: unknown): ActionError {
  if (caught instanceof ApiError && caught.status === 412) return { kind: 'conflict' }
  return {
    kind: 'error',
    error: caught instanceof ApiError ? caught : new ApiError(0, 'client_error', String(caught)),
  }
}

export function ActionErrorBox({ error, onReload }: { error: ActionError; onReload: () => void }) {
  const { t } = useTranslation()
  if (error.kind === 'conflict') {
    return (
      <MessageBar intent="warning" data-testid="gdap-conflict">
        <MessageBarBody>{t('gdapCommon.changedMeanwhile')}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={onReload} data-testid="gdap-conflict-reload">
            {t('gdapCommon.reload')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    )
  }
  return (
    <div data-testid="gdap-action-error">
      <ErrorMessage error={error.error} />
    </div>
  )
}
