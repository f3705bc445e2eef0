import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components'
import { useState, type ReactNode } from 'react'
import { asApiError } from '../api/as-api-error.ts'
import type { ApiError } from '../api/client.ts'
import { DialogFormActions } from './DialogFormActions.tsx'
import { ErrorMessage } from './ErrorMessage.tsx'

/**
 * A yes/no question before a change. `onConfirm` may return a promise: while it runs the buttons
 * are disabled, a refusal stays in the dialog, and with `closeOnSuccess` success closes it (else the
 * caller closes it, e.g. by navigating away). Callers that track the work themselves pass `busy`.
 */
export function ConfirmDialog({
  open = true,
  title,
  body,
  confirmLabel,
  cancelLabel,
  testId,
  dialogTestId,
  busy: busyOutside = false,
  danger,
  alert = true,
  closeOnSuccess = false,
  onConfirm,
  onClose,
}: {
  open?: boolean
  title: string
  body: ReactNode
  confirmLabel: string
  /** The feature's own "Cancel" (each feature has its catalog). */
  cancelLabel: string
  /** The confirm button's data-testid; the cancel button is `${testId}-cancel`, the dialog `${testId}-dialog`. */
  testId?: string
  /** The dialog's data-testid when it is not `${testId}-dialog`. */
  dialogTestId?: string
  busy?: boolean
  /** Marks the confirm button `data-danger` (the change cannot be undone). */
  danger?: boolean
  /** An alert dialog (modalType "alert") does not close on a click outside it. */
  alert?: boolean
  closeOnSuccess?: boolean
  onConfirm: () => unknown
  onClose: () => void
}) {
  const [working, setWorking] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const busy = busyOutside || working
  const close = () => {
    setError(null)
    onClose()
  }
  const confirm = async () => {
    setWorking(true)
    setError(null)
    try {
      await onConfirm()
      setWorking(false)
      if (closeOnSuccess) onClose()
    } catch (caught) {
      setError(asApiError(caught))
      setWorking(false)
    }
  }
  return (
    <Dialog
      open={open}
      modalType={alert ? 'alert' : undefined}
      onOpenChange={(_e, data) => !data.open && !busy && close()}
    >
      <DialogSurface data-testid={dialogTestId ?? (testId ? `${testId}-dialog` : undefined)}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <Text block>{body}</Text>
            {error && <ErrorMessage error={error} />}
          </DialogContent>
          <DialogFormActions
            cancelLabel={cancelLabel}
            submitLabel={confirmLabel}
            busy={busy}
            submitTestId={testId}
            cancelTestId={testId ? `${testId}-cancel` : undefined}
            danger={danger}
            onCancel={close}
            onSubmit={() => void confirm()}
          />
        </DialogBody>
      </DialogSurface>
    </Dialog>
  )
}
