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
import { useState } from 'react'
import { ApiError } from '../../../shared/api/client.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { useCustomerAdminT } from '../t.ts'

/** A question before a change, with the change's effect explained; a refusal stays in the dialog. */
export function Confirm({
  title,
  body,
  confirmLabel,
  testId,
  onConfirm,
  onClose,
}: {
  title: string
  body: string
  confirmLabel: string
  testId: string
  onConfirm: () => Promise<unknown>
  onClose: () => void
}) {
  const t = useCustomerAdminT()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
      onClose()
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'client_error', String(caught)))
      setBusy(false)
    }
  }
  return (
    <Dialog open modalType="alert" onOpenChange={(_e, data) => !data.open && !busy && onClose()}>
      <DialogSurface data-testid={`${testId}-dialog`}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <p>{body}</p>
            {error && <ErrorMessage error={error} />}
          </DialogContent>
          <DialogActions>
            <Button disabled={busy} onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              appearance="primary"
              disabled={busy}
              icon={busy ? <Spinner size="tiny" /> : undefined}
              onClick={() => void confirm()}
              data-testid={testId}
            >
              {confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  )
}
