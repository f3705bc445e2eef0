import {
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Button,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { CopyableText } from '../../../shared/ui/CopyableText.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { relationshipLink } from '../api.ts'
import { useCustomerAdminT } from '../t.ts'

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  link: { wordBreak: 'break-all' },
})

/** The partner's reseller relationship link, for an existing tenant's global administrator to accept. */
export function InviteTenantDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useCustomerAdminT()
  const styles = useStyles()
  const link = useApiResource((signal) => (open ? relationshipLink(signal) : Promise.resolve(null)), [open])
  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface data-testid="customer-invite-dialog">
        <DialogBody>
          <DialogTitle>{t('invite.title')}</DialogTitle>
          <DialogContent className={styles.body}>
            <Text>{t('invite.intro')}</Text>
            {link.error && <ErrorMessage error={link.error} onRetry={link.reload} />}
            {!link.data && link.loading && <LoadingState label="" />}
            {link.data && (
              <span className={styles.link}>
                <CopyableText value={link.data} copyLabel={t('invite.copy')} testId="customer-invite-link" />
              </span>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('common.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  )
}
