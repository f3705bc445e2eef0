import {
  Button,
  Checkbox,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { AppsList24Regular } from '@fluentui/react-icons'
import { useCallback, useEffect, useState } from 'react'
import { useAppsTranslation } from '../translation.ts'
import { useNavigate } from 'react-router'
import { ApiError } from '../../../shared/api/client.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { EmptyState } from '../../../shared/ui/EmptyState.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import {
  type AppSummary,
  type CatalogItem,
  type CreatedApp,
  createApp,
  listApps,
  permissionCatalog,
} from '../api.ts'
import { DialogFormActions } from '../../../shared/ui/DialogFormActions.tsx'
import { SecretShownOnce } from './credentials.tsx'

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  permissions: { display: 'flex', flexDirection: 'column' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
})

const asError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e)))

/** The tenant's app registrations (administrators): list, and a dialog to register one. */
export function ApplicationsPage() {
  const { t } = useAppsTranslation()
  const styles = useStyles()
  useDocumentTitle(t('title'))
  const [apps, setApps] = useState<AppSummary[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<CreatedApp | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    listApps(controller.signal).then(
      (r) => setApps(r.items),
      (e: unknown) => !controller.signal.aborted && setError(asError(e)),
    )
    return () => controller.abort()
  }, [attempt])

  if (error) {
    if (error.status === 403) return <EmptyState icon={AppsList24Regular} message={t('notAdmin')} />
    return <ErrorMessage error={error} onRetry={() => (setError(null), setAttempt((n) => n + 1))} />
  }
  if (!apps) return <LoadingState label={t('title')} />
  return (
    <div className={styles.page}>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Button appearance="primary" onClick={() => setCreating(true)} data-testid="app-new">
            {t('newApp')}
          </Button>
        }
      />
      {created && (
        <MessageBar intent="success" data-testid="app-created">
          <MessageBarBody>
            <div>
              {t('clientId')}: <span className={styles.mono}>{created.clientId}</span>
            </div>
            {created.clientSecret && (
              <div>
                <SecretShownOnce secret={created.clientSecret} testId="app-created-secret" />
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {apps.length === 0 ? (
        <EmptyState icon={AppsList24Regular} message={t('empty')} />
      ) : (
        <Table aria-label={t('title')} data-testid="app-list">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('name')}</TableHeaderCell>
              <TableHeaderCell>{t('clientId')}</TableHeaderCell>
              <TableHeaderCell>{t('type')}</TableHeaderCell>
              <TableHeaderCell>{t('created')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {apps.map((a) => (
              <TableRow key={a.id}>
                <TableCell>
                  <RouterLink to={`/applications/${a.id}`}>{a.displayName}</RouterLink>
                </TableCell>
                <TableCell className={styles.mono}>{a.clientId}</TableCell>
                <TableCell>{a.publicClient ? t('public') : t('confidential')}</TableCell>
                <TableCell>{new Date(a.createdAt).toLocaleDateString()}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {creating && (
        <CreateDialog
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false)
            setCreated(c)
            setAttempt((n) => n + 1)
          }}
        />
      )}
    </div>
  )
}

function CreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (c: CreatedApp) => void }) {
  const { t } = useAppsTranslation()
  const styles = useStyles()
  const navigate = useNavigate()
  const [name, setName] = useState('')
  const [isPublic, setPublic] = useState(false)
  const [uris, setUris] = useState('')
  const [catalog, setCatalog] = useState<CatalogItem[]>([])
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(
    () =>
      void permissionCatalog().then(
        (c) => setCatalog(c.items),
        () => setCatalog([]),
      ),
    [],
  )
  const toggle = useCallback(
    (label: string) =>
      setChosen((s) => {
        const next = new Set(s)
        if (next.has(label)) next.delete(label)
        else next.add(label)
        return next
      }),
    [],
  )
  async function submit() {
    setBusy(true)
    setError(null)
    try {
      const created = await createApp({
        displayName: name,
        publicClient: isPublic,
        redirectUris: uris
          .split('\n')
          .map((u) => u.trim())
          .filter(Boolean),
        permissions: [...chosen],
      })
      onCreated(created)
      if (!created.clientSecret) void navigate(`/applications/${created.id}`)
    } catch (e) {
      setError(asError(e).message)
      setBusy(false)
    }
  }
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && !busy && onClose()}>
      <DialogSurface data-testid="app-create-dialog">
        <DialogBody>
          <DialogTitle>{t('newApp')}</DialogTitle>
          <DialogContent className={styles.form}>
            <Field label={t('name')} required>
              <Input value={name} onChange={(_e, d) => setName(d.value)} name="displayName" />
            </Field>
            <Switch checked={isPublic} onChange={(_e, d) => setPublic(d.checked)} label={t('public')} />
            <Field label={t('redirectUris')} hint={t('redirectUrisHint')}>
              <Textarea value={uris} onChange={(_e, d) => setUris(d.value)} name="redirectUris" />
            </Field>
            {/* not in a Field: a Field labels one control, and would give every checkbox its label */}
            <div role="group" aria-labelledby="app-permissions-label">
              <Text id="app-permissions-label" weight="semibold" block>
                {t('permissions')}
              </Text>
              <Text size={200} block>
                {t('permissionsHint')}
              </Text>

              <div className={styles.permissions}>
                {catalog
                  .filter((p) => !(isPublic && p.kind === 'application'))
                  .map((p) => (
                    <Checkbox
                      key={p.label}
                      checked={chosen.has(p.label)}
                      onChange={() => toggle(p.label)}
                      label={`${p.label} — ${p.description}`}
                    />
                  ))}
              </div>
            </div>
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogFormActions
            cancelLabel={t('cancel')}
            submitLabel={t('create')}
            busy={busy}
            disabled={!name.trim()}
            submitTestId="app-create"
            onCancel={onClose}
            onSubmit={() => void submit()}
          />
        </DialogBody>
      </DialogSurface>
    </Dialog>
  )
}
