import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../api/client.ts'

/** An API error as the server worded it, with a retry when the caller can retry. */
export function ErrorMessage({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation()
  return (
    <MessageBar intent="error" data-testid="error-message" data-error-code={error.code}>
      <MessageBarBody>{error.message}</MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  )
}
