import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
} from '@fluentui/react-components'
import { useTranslation } from 'react-i18next'

/** A yes/no question before something that cannot be undone (terminate, delete, remove). */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  busy = false,
  danger = true,
  testId,
  onConfirm,
  onCancel,
}: {
  open: boolean
  title: string
  body: string
  confirmLabel: string
  busy?: boolean
  danger?: boolean
  /** The confirm button's data-testid; the dialog itself is `${testId}-dialog`. */
  testId: string
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_event, data) => !data.open && !busy && onCancel()}>
      <DialogSurface data-testid={`${testId}-dialog`}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActions>
            <Button
              appearance="secondary"
              disabled={busy}
              onClick={onCancel}
              data-testid={`${testId}-cancel`}
            >
              {t('gdapCommon.cancel')}
            </Button>
            <Button
              appearance="primary"
              disabled={busy}
              icon={busy ? <Spinner size="tiny" /> : undefined}
              onClick={onConfirm}
              data-testid={testId}
              data-danger={danger}
            >
              {confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  )
}
