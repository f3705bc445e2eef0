import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useEffect, useState } from 'react'
import { useAppsTranslation } from '../translation.ts'
import { useNavigate, useParams } from 'react-router'
import { ApiError } from '../../../shared/api/client.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { CopyableText } from '../../../shared/ui/CopyableText.tsx'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { PageHeader } from '../../../shared/ui/PageHeader.tsx'
import { ConfirmDialog } from '../../../shared/ui/ConfirmDialog.tsx'
import * as api from '../api.ts'
import { CredentialTable, SecretShownOnce } from './credentials.tsx'

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '1100px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
  },
})

const asError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e)))
const day = (iso: string) => new Date(iso).toLocaleDateString()

/** One app registration: ids, redirect URIs, secrets, certificates, permissions and consent, delete. */
export function ApplicationPage() {
  const { t } = useAppsTranslation()
  const styles = useStyles()
  const navigate = useNavigate()
  const { id = '' } = useParams()
  const [app, setApp] = useState<api.AppDetail | null>(null)
  const [catalog, setCatalog] = useState<api.CatalogItem[]>([])
  const [error, setError] = useState<ApiError | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const [uris, setUris] = useState('')
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [newSecret, setNewSecret] = useState<{ secret: string } | null>(null)
  const [secretDescription, setSecretDescription] = useState('')
  const [secretDays, setSecretDays] = useState('180')
  const [pem, setPem] = useState('')
  const [confirmDelete, setConfirmDelete] = useState(false)
  useDocumentTitle(app?.displayName ?? t('title'))

  useEffect(() => {
    const controller = new AbortController()
    api.getApp(id, controller.signal).then(
      (a) => {
        setApp(a)
        setUris(a.redirectUris.join('\n'))
        setChosen(new Set(a.permissions.map((p) => `${p.resource}/${p.permission} (${p.kind})`)))
      },
      (e: unknown) => !controller.signal.aborted && setError(asError(e)),
    )
    return () => controller.abort()
  }, [id, attempt])
  useEffect(
    () =>
      void api.permissionCatalog().then(
        (c) => setCatalog(c.items),
        () => setCatalog([]),
      ),
    [],
  )

  async function act(change: () => Promise<unknown>) {
    setBusy(true)
    setActionError(null)
    try {
      await change()
      setAttempt((n) => n + 1)
    } catch (e) {
      setActionError(asError(e).message)
    } finally {
      setBusy(false)
    }
  }

  if (error) return <ErrorMessage error={error} onRetry={() => (setError(null), setAttempt((n) => n + 1))} />
  if (!app) return <LoadingState label={t('title')} />
  const anyUnconsented = app.permissions.some((p) => p.consentedAt === null)
  const anyConsented = app.permissions.some((p) => p.consentedAt !== null) || app.userConsents.length > 0
  return (
    <div className={styles.page}>
      <PageHeader
        title={app.displayName}
        below={<Badge appearance="outline">{app.publicClient ? t('public') : t('confidential')}</Badge>}
        actions={
          <Button onClick={() => setConfirmDelete(true)} data-testid="app-delete">
            {t('deleteApp')}
          </Button>
        }
      />
      <div className={styles.facts}>
        <Text weight="semibold">{t('clientId')}</Text>
        <CopyableText value={app.clientId} copyLabel={t('clientId')} testId="app-client-id" />
        <Text weight="semibold">{t('tenantId')}</Text>
        <CopyableText value={app.tenantId} copyLabel={t('tenantId')} />
      </div>
      {actionError && (
        <MessageBar intent="error" data-testid="app-error">
          <MessageBarBody>{actionError}</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section}>
        <Subtitle2 as="h2">{t('redirectUris')}</Subtitle2>
        <Field hint={t('redirectUrisHint')}>
          <Textarea value={uris} onChange={(_e, d) => setUris(d.value)} aria-label={t('redirectUris')} />
        </Field>
        <div>
          <Button
            disabled={busy}
            onClick={() =>
              void act(() =>
                api.updateApp(app.id, {
                  redirectUris: uris
                    .split('\n')
                    .map((u) => u.trim())
                    .filter(Boolean),
                }),
              )
            }
          >
            {t('save')}
          </Button>
        </div>
      </section>

      {!app.publicClient && (
        <section className={styles.section}>
          <Subtitle2 as="h2">{t('secrets')}</Subtitle2>
          {newSecret && (
            <MessageBar intent="success">
              <MessageBarBody>
                <SecretShownOnce secret={newSecret.secret} testId="app-new-secret" />
              </MessageBarBody>
            </MessageBar>
          )}
          {app.secrets.length === 0 ? (
            <Text>{t('secretsEmpty')}</Text>
          ) : (
            <CredentialTable
              label={t('secrets')}
              nameHeader={t('secretDescription')}
              fingerprintHeader={t('hint')}
              rows={app.secrets.map((s) => ({
                id: s.id,
                name: s.description,
                fingerprint: `${s.hint}…`,
                expiresAt: s.expiresAt,
              }))}
              busy={busy}
              onRemove={(secretId) => void act(() => api.removeSecret(app.id, secretId))}
            />
          )}
          <div className={styles.row}>
            <Field label={t('secretDescription')}>
              <Input value={secretDescription} onChange={(_e, d) => setSecretDescription(d.value)} />
            </Field>
            <Field label={t('secretDays')}>
              <Input type="number" value={secretDays} onChange={(_e, d) => setSecretDays(d.value)} />
            </Field>
            <Button
              disabled={busy}
              data-testid="app-add-secret"
              onClick={() =>
                void act(async () => {
                  const created = await api.addSecret(app.id, {
                    description: secretDescription,
                    days: Number(secretDays),
                  })
                  setNewSecret({ secret: created.secret })
                  setSecretDescription('')
                })
              }
            >
              {t('newSecret')}
            </Button>
          </div>
        </section>
      )}

      {!app.publicClient && (
        <section className={styles.section}>
          <Subtitle2 as="h2">{t('certificates')}</Subtitle2>
          {app.certificates.length === 0 ? (
            <Text>{t('certificatesEmpty')}</Text>
          ) : (
            <CredentialTable
              label={t('certificates')}
              nameHeader={t('subject')}
              fingerprintHeader={t('thumbprint')}
              rows={app.certificates.map((c) => ({
                id: c.id,
                name: c.subject,
                fingerprint: c.thumbprintSha256,
                expiresAt: c.expiresAt,
              }))}
              busy={busy}
              onRemove={(certificateId) => void act(() => api.removeCertificate(app.id, certificateId))}
            />
          )}
          <Field label={t('certificatePem')}>
            <Textarea value={pem} onChange={(_e, d) => setPem(d.value)} className={styles.mono} rows={4} />
          </Field>
          <div>
            <Button
              disabled={busy || !pem.trim()}
              onClick={() =>
                void act(async () => {
                  await api.addCertificate(app.id, { description: '', certificatePem: pem })
                  setPem('')
                })
              }
            >
              {t('addCertificate')}
            </Button>
          </div>
        </section>
      )}

      <section className={styles.section}>
        <Subtitle2 as="h2">{t('permissions')}</Subtitle2>
        <Text>{t('permissionsHint')}</Text>
        {catalog
          .filter((p) => !(app.publicClient && p.kind === 'application'))
          .map((p) => {
            const held = app.permissions.find((h) => `${h.resource}/${h.permission} (${h.kind})` === p.label)
            return (
              <div key={p.label} className={styles.row}>
                <Checkbox
                  checked={chosen.has(p.label)}
                  onChange={() =>
                    setChosen((s) => {
                      const next = new Set(s)
                      if (next.has(p.label)) next.delete(p.label)
                      else next.add(p.label)
                      return next
                    })
                  }
                  label={`${p.label} — ${p.description}`}
                />
                {held && (
                  <Badge appearance="tint" color={held.consentedAt ? 'success' : 'warning'}>
                    {held.consentedAt
                      ? t('consented', { by: held.consentedBy ?? 'tramite' })
                      : t('notConsented')}
                  </Badge>
                )}
              </div>
            )
          })}
        <div className={styles.row}>
          <Button
            disabled={busy}
            onClick={() => void act(() => api.setPermissions(app.id, [...chosen]))}
            data-testid="app-save-permissions"
          >
            {t('save')}
          </Button>
          <Button
            appearance="primary"
            disabled={busy || !anyUnconsented}
            onClick={() => void act(() => api.setConsent(app.id, true))}
            data-testid="app-grant-consent"
          >
            {t('grantConsent')}
          </Button>
          <Button
            disabled={busy || !anyConsented}
            onClick={() => void act(() => api.setConsent(app.id, false))}
            data-testid="app-revoke-consent"
          >
            {t('revokeConsent')}
          </Button>
        </div>
        {app.userConsents.length > 0 && (
          <>
            <Text weight="semibold">{t('userConsents')}</Text>
            {app.userConsents.map((c) => (
              <Text key={`${c.email}|${c.resource}|${c.permission}`}>
                {c.email}: {c.resource}/{c.permission} ({day(c.grantedAt)})
              </Text>
            ))}
          </>
        )}
      </section>

      <ConfirmDialog
        cancelLabel={t('cancel')}
        danger
        open={confirmDelete}
        title={t('deleteTitle', { name: app.displayName })}
        body={t('deleteBody')}
        confirmLabel={t('deleteApp')}
        busy={busy}
        testId="app-delete-confirm"
        onClose={() => setConfirmDelete(false)}
        onConfirm={() =>
          void act(async () => {
            await api.deleteApp(app.id)
            void navigate('/applications')
          })
        }
      />
    </div>
  )
}
