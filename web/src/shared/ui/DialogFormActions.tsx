import { Button, DialogActions, Spinner } from '@fluentui/react-components'

/**
 * A dialog's footer: Cancel, then the primary action with a spinner while it runs. Both are
 * disabled while busy. Without `onSubmit` the primary button submits the dialog's form.
 */
export function DialogFormActions({
  cancelLabel,
  submitLabel,
  busy,
  disabled = false,
  submitTestId,
  cancelTestId,
  danger,
  onCancel,
  onSubmit,
}: {
  cancelLabel: string
  submitLabel: string
  busy: boolean
  /** The primary action is not possible yet (e.g. nothing chosen). */
  disabled?: boolean
  submitTestId?: string
  cancelTestId?: string
  /** Marks the primary button `data-danger` (the change cannot be undone). */
  danger?: boolean
  onCancel: () => void
  onSubmit?: () => void
}) {
  return (
    <DialogActions>
      <Button disabled={busy} onClick={onCancel} data-testid={cancelTestId}>
        {cancelLabel}
      </Button>
      <Button
        appearance="primary"
        type={onSubmit ? 'button' : 'submit'}
        disabled={busy || disabled}
        icon={busy ? <Spinner size="tiny" /> : undefined}
        onClick={onSubmit}
        data-testid={submitTestId}
        data-danger={danger}
      >
        {submitLabel}
      </Button>
    </DialogActions>
  )
}
