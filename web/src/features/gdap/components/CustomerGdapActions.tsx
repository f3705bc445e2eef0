import { Button, makeStyles, tokens } from '@fluentui/react-components'
import { AddRegular, PersonSearch20Regular } from '@fluentui/react-icons'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { GdapViewer } from '../viewer.ts'

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
})

/** On a customer's page: start a GDAP relationship with it, or trace why a user can(not) act there. */
export function CustomerGdapActions({
  customerTenantId,
  viewer,
}: {
  customerTenantId: string
  viewer: GdapViewer
}) {
  const { t } = useTranslation()
  const styles = useStyles()
  const navigate = useNavigate()
  const customer = encodeURIComponent(customerTenantId)
  return (
    <div className={styles.root}>
      {viewer.canManage && (
        <Button
          size="small"
          icon={<AddRegular />}
          onClick={() => void navigate(`/gdap/new?customer=${customer}`)}
          data-testid="customer-new-gdap"
        >
          {t('gdapCustomerPage.newRelationship')}
        </Button>
      )}
      <Button
        size="small"
        appearance="subtle"
        icon={<PersonSearch20Regular />}
        onClick={() =>
          void navigate(`/gdap/trace?customer=${customer}&user=${encodeURIComponent(viewer.email)}`)
        }
        data-testid="customer-gdap-trace"
      >
        {t('gdapCustomerPage.why')}
      </Button>
    </div>
  )
}
