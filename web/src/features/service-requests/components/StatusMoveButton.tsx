import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { LockClosedRegular, LockOpenRegular } from '@fluentui/react-icons'
import { useState, type FormEvent } from 'react'
import { useLifeT } from '../life-t.ts'
import { DialogFormActions } from '../../../shared/ui/DialogFormActions.tsx'

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
})

/**
 * Close (asks for confirmation, with an optional reason) or reopen (asks why: required). The
 * reason goes to the server with the move and shows in the request's history for both sides.
 */
export function StatusMoveButton({
  action,
  requestId,
  busy,
  disabled,
  onMove,
}: {
  action: 'close' | 'reopen'
  requestId: string
  busy: boolean
  disabled: boolean
  /** Resolves true when the move was made (the dialog then closes). */
  onMove: (reason: string) => Promise<boolean>
}) {
  const t = useLifeT()
  const styles = useStyles()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [attempted, setAttempted] = useState(false)
  const closing = action === 'close'
  const missing = !closing && reason.trim() === ''

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setAttempted(true)
    if (missing || busy) return
    if (await onMove(reason)) {
      setOpen(false)
      setReason('')
      setAttempted(false)
    } else {
      setOpen(false)
    }
  }

  return (
    <>
      <Button
        icon={busy ? <Spinner size="tiny" /> : closing ? <LockClosedRegular /> : <LockOpenRegular />}
        disabled={disabled}
        onClick={() => setOpen(true)}
        data-testid={closing ? 'request-close' : 'request-reopen'}
      >
        {closing ? t('status.close') : t('status.reopen')}
      </Button>
      <Dialog open={open} onOpenChange={(_event, data) => !busy && setOpen(data.open)}>
        <DialogSurface data-testid={`request-${action}-dialog`}>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <DialogBody>
              <DialogTitle>
                {closing
                  ? t('status.closeTitle', { id: requestId })
                  : t('status.reopenTitle', { id: requestId })}
              </DialogTitle>
              <DialogContent className={styles.content}>
                <Text>{closing ? t('status.closeBody') : t('status.reopenBody')}</Text>
                <Field
                  label={closing ? t('status.closeReason') : t('status.reopenReason')}
                  required={!closing}
                  validationMessage={attempted && missing ? t('status.reopenRequired') : undefined}
                >
                  <Textarea
                    value={reason}
                    maxLength={1000}
                    onChange={(_event, data) => setReason(data.value)}
                    data-testid={`request-${action}-reason`}
                  />
                </Field>
              </DialogContent>
              <DialogFormActions
                cancelLabel={t('status.cancel')}
                submitLabel={closing ? t('status.closeConfirm') : t('status.reopenConfirm')}
                busy={busy}
                submitTestId={`request-${action}-confirm`}
                onCancel={() => setOpen(false)}
              />
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </>
  )
}
