import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
} from '@fluentui/react-components'
import { useState, type FormEvent } from 'react'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { useFormat } from '../../../shared/i18n/format.ts'
import { ErrorMessage } from '../../../shared/ui/ErrorMessage.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { acceptInvitation, type InvitationView, lookupInvitation } from '../api.ts'
import { useDirectoryT } from '../translation.ts'
import { asApiError, useDirectoryStyles } from './parts.tsx'

export interface InvitationSignIn {
  /** Signs in with the new password (the app's session); resolves when done. */
  withPassword: (email: string, password: string) => Promise<void>
  /** Where single sign-on starts for a federated address. */
  ssoHref: (email: string) => string
}

/**
 * The emailed link `{PUBLIC_URL}/invitation#<secret>`: whom the invitation is for and who sent it,
 * then the person chooses a password, accepts, and is signed in. Public: the secret is the credential.
 */
export function InvitationPage({ secret, signIn }: { secret: string | null; signIn: InvitationSignIn }) {
  const t = useDirectoryT()
  useDocumentTitle(t('invitation.title'))
  return (
    <>
      <Title2 as="h1" id="invitation-title">
        {t('invitation.title')}
      </Title2>
      {secret ? (
        <Invitation secret={secret} signIn={signIn} />
      ) : (
        <MessageBar intent="warning" data-testid="invitation-missing">
          <MessageBarBody>{t('invitation.missing')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  )
}

function Invitation({ secret, signIn }: { secret: string; signIn: InvitationSignIn }) {
  const t = useDirectoryT()
  const styles = useDirectoryStyles()
  const format = useFormat()
  const view = useApiResource((signal) => lookupInvitation(secret, signal), [secret])
  if (view.error) return <ErrorMessage error={view.error} />
  if (!view.data) return <LoadingState label={t('invitation.title')} />
  const v = view.data
  return (
    <div className={styles.form} data-testid="invitation">
      <Text weight="semibold">
        {v.invitedBy
          ? t('invitation.intro', { inviter: v.invitedBy, tenant: v.tenantName })
          : t('invitation.introNoInviter', { tenant: v.tenantName })}
      </Text>
      <Text>{t('invitation.account', { name: v.displayName, email: v.email })}</Text>
      <Text className={styles.muted}>{t('invitation.expires', { date: format.dateTime(v.expiresAt) })}</Text>
      {v.signIn === 'sso' ? (
        <>
          <Text>{t('invitation.sso')}</Text>
          <Link href={signIn.ssoHref(v.email)} data-testid="invitation-sso">
            {t('invitation.ssoButton')}
          </Link>
        </>
      ) : (
        <PasswordForm secret={secret} view={v} signIn={signIn} />
      )}
    </div>
  )
}

function PasswordForm({
  secret,
  view,
  signIn,
}: {
  secret: string
  view: InvitationView
  signIn: InvitationSignIn
}) {
  const t = useDirectoryT()
  const styles = useDirectoryStyles()
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ReturnType<typeof asApiError> | null>(null)
  const [accepted, setAccepted] = useState(false)
  const mismatch = confirm.length > 0 && confirm !== password

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (mismatch || !password) return
    setBusy(true)
    setError(null)
    try {
      if (!accepted) {
        await acceptInvitation(secret, password)
        setAccepted(true)
      }
      await signIn.withPassword(view.email, password)
    } catch (e) {
      setError(asApiError(e))
      setBusy(false)
    }
  }

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)}>
      <Text weight="semibold">{t('invitation.choosePassword')}</Text>
      {/* the address, for the browser's password manager */}
      <input type="email" name="username" autoComplete="username" value={view.email} readOnly hidden />
      <Field label={t('invitation.password')} hint={t('invitation.passwordHint')} required>
        <Input
          type="password"
          name="password"
          autoComplete="new-password"
          value={password}
          disabled={accepted}
          onChange={(_e, d) => setPassword(d.value)}
        />
      </Field>
      <Field
        label={t('invitation.confirm')}
        required
        validationState={mismatch ? 'error' : 'none'}
        validationMessage={mismatch ? t('invitation.mismatch') : undefined}
      >
        <Input
          type="password"
          name="confirm"
          autoComplete="new-password"
          value={confirm}
          disabled={accepted}
          onChange={(_e, d) => setConfirm(d.value)}
        />
      </Field>
      {accepted && (
        <MessageBar intent="success" data-testid="invitation-accepted">
          <MessageBarBody>{t('invitation.accepted')}</MessageBarBody>
        </MessageBar>
      )}
      {error && <ErrorMessage error={error} />}
      <Button
        appearance="primary"
        type="submit"
        disabled={busy || !password || mismatch || confirm !== password}
        data-testid="invitation-accept"
      >
        {busy ? t('invitation.accepting') : accepted ? t('invitation.signInNow') : t('invitation.accept')}
      </Button>
    </form>
  )
}
