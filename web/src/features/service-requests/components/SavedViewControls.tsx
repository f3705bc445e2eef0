import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { DismissRegular, SaveRegular } from '@fluentui/react-icons'
import { useState, type FormEvent } from 'react'
import { useSearchParams } from 'react-router'
import { asApiError } from '../../../shared/api/as-api-error.ts'
import type { ApiError } from '../../../shared/api/client.ts'
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog.tsx'
import { DialogFormActions } from '../../../shared/ui/DialogFormActions.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { deleteDeskView, saveDeskView } from '../desk-api.ts'
import { useDeskT } from '../desk-i18n.ts'

const NAME_MAX = 60

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
})

/** "Save view": names the list's current filters (the URL's query) and keeps them as a view of one's own. */
export function SaveViewButton({ onSaved }: { onSaved: () => void }) {
  const t = useDeskT()
  const styles = useStyles()
  const [params] = useSearchParams()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const close = () => {
    setOpen(false)
    setName('')
    setError(null)
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy || name.trim() === '') return
    setBusy(true)
    setError(null)
    try {
      await saveDeskView(name.trim(), params.toString())
      close()
      onSaved()
    } catch (caught) {
      setError(asApiError(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Button
        appearance="subtle"
        icon={<SaveRegular />}
        onClick={() => setOpen(true)}
        data-testid="view-save"
      >
        {t('views.save')}
      </Button>
      <Dialog open={open} onOpenChange={(_event, data) => !busy && !data.open && close()}>
        <DialogSurface data-testid="view-save-dialog">
          <form onSubmit={(event) => void submit(event)} noValidate>
            <DialogBody>
              <DialogTitle>{t('views.saveTitle')}</DialogTitle>
              <DialogContent className={styles.content}>
                <Text>{t('views.saveBody')}</Text>
                <Field label={t('views.saveName')} required>
                  <Input
                    value={name}
                    maxLength={NAME_MAX}
                    onChange={(_event, data) => setName(data.value)}
                    data-testid="view-save-name"
                  />
                </Field>
                {error && <ErrorMessage error={error} />}
              </DialogContent>
              <DialogFormActions
                cancelLabel={t('views.cancel')}
                submitLabel={t('views.saveSubmit')}
                busy={busy}
                disabled={name.trim() === ''}
                submitTestId="view-save-confirm"
                onCancel={close}
              />
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </>
  )
}

/** The small ✕ beside an own view's tab: asks, then deletes the view. */
export function DeleteViewButton({
  view,
  onDeleted,
}: {
  view: { id: string; name: string }
  onDeleted: () => void
}) {
  const t = useDeskT()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button
        appearance="subtle"
        size="small"
        icon={<DismissRegular />}
        aria-label={t('views.delete', { name: view.name })}
        title={t('views.delete', { name: view.name })}
        onClick={() => setOpen(true)}
        data-testid={`desk-view-delete-${view.id}`}
      />
      <ConfirmDialog
        open={open}
        title={t('views.deleteTitle', { name: view.name })}
        body={t('views.deleteBody')}
        confirmLabel={t('views.deleteConfirm')}
        cancelLabel={t('views.cancel')}
        testId="view-delete-confirm"
        danger
        closeOnSuccess
        onConfirm={async () => {
          await deleteDeskView(view.id)
          onDeleted()
        }}
        onClose={() => setOpen(false)}
      />
    </>
  )
}
