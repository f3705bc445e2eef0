import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'
import { useDocumentTitle } from '../shared/hooks/use-document-title.ts'
import { RouterLink } from '../shared/ui/RouterLink.tsx'

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
})

export function NotFoundPage() {
  const { t } = useTranslation()
  const styles = useStyles()
  useDocumentTitle(t('errors.pageNotFound'))
  return (
    <div className={styles.root}>
      <MessageBar intent="warning" data-testid="page-not-found">
        <MessageBarBody>{t('errors.pageNotFound')}</MessageBarBody>
      </MessageBar>
      <RouterLink to="/customers">{t('errors.goToCustomers')}</RouterLink>
    </div>
  )
}
