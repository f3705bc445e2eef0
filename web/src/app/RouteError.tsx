import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { useRouteError } from 'react-router'

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalXXL } })

/** Last resort for a render error: say so in the UI language instead of a blank page. */
export function RouteError() {
  const { t } = useTranslation()
  const styles = useStyles()
  const error = useRouteError()
  return (
    <div className={styles.root}>
      <MessageBar intent="error">
        <MessageBarBody>
          {t('errors.render')} {error instanceof Error ? error.message : ''}
        </MessageBarBody>
      </MessageBar>
    </div>
  )
}
