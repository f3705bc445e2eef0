import { Button, Field, Input, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components'
import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { completePasswordReset, requestPasswordReset } from '../api.ts'
import { AuthCard, useAuthCardStyles } from './SignInPage.tsx'

/**
 * The card both reset pages share: title and intro, the fields until `onSubmit` succeeds and then
 * `doneMessage` in their place, the error (the API's message, or what `onSubmit` threw), the way
 * back to sign-in and the submit button.
 */
function ResetCard({
  titleId,
  title,
  intro,
  doneMessage,
  doneTestId,
  errorTestId,
  submitLabel,
  submitTestId,
  onSubmit,
  children,
}: {
  titleId: string
  title: string
  intro: string
  doneMessage: string
  doneTestId: string
  errorTestId?: string
  submitLabel: string
  submitTestId?: string
  onSubmit: () => Promise<void>
  children: ReactNode
}) {
  const { t } = useTranslation()
  const styles = useAuthCardStyles()
  const [done, setDone] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useDocumentTitle(title)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setError(null)
    try {
      await onSubmit()
      setDone(true)
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    }
  }

  return (
    <AuthCard titleId={titleId}>
      <form className={styles.form} onSubmit={(e) => void submit(e)}>
        <div>
          <Title2 as="h1" id={titleId}>
            {title}
          </Title2>
          <Text as="p" block className={styles.intro}>
            {intro}
          </Text>
        </div>
        {done ? (
          <MessageBar intent="success" data-testid={doneTestId}>
            <MessageBarBody>{doneMessage}</MessageBarBody>
          </MessageBar>
        ) : (
          children
        )}
        {error && (
          <MessageBar intent="error" data-testid={errorTestId}>
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.row}>
          <RouterLink to="/signin">{t('signin.backToSignIn')}</RouterLink>
          {!done && (
            <Button type="submit" appearance="primary" data-testid={submitTestId}>
              {submitLabel}
            </Button>
          )}
        </div>
      </form>
    </AuthCard>
  )
}

/** "Forgot password": asks for the email and says a link is on its way (whether or not the account exists). */
export function ForgotPasswordPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const [email, setEmail] = useState(params.get('email') ?? '')
  return (
    <ResetCard
      titleId="forgot-title"
      title={t('signin.forgotTitle')}
      intro={t('signin.forgotIntro')}
      doneMessage={t('signin.resetSent', { email: email.trim() })}
      doneTestId="reset-sent"
      submitLabel={t('signin.sendLink')}
      onSubmit={() => requestPasswordReset(email.trim())}
    >
      <Field label={t('auth.email')} required>
        <Input name="email" type="email" value={email} onChange={(_e, d) => setEmail(d.value)} autoFocus />
      </Field>
    </ResetCard>
  )
}

/** The page of the emailed link: the token is in the URL's fragment (never sent to a server in a Referer). */
export function ResetPasswordPage() {
  const { t } = useTranslation()
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? ''
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  return (
    <ResetCard
      titleId="reset-title"
      title={t('signin.resetTitle')}
      intro={t('signin.resetIntro')}
      doneMessage={t('signin.resetDone')}
      doneTestId="reset-done"
      errorTestId="reset-error"
      submitLabel={t('signin.setPassword')}
      submitTestId="reset-submit"
      onSubmit={async () => {
        if (password !== repeat) throw new Error(t('signin.passwordsDiffer'))
        await completePasswordReset(token, password)
      }}
    >
      <Field label={t('signin.newPassword')} required>
        <Input
          name="new-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(_e, d) => setPassword(d.value)}
          autoFocus
        />
      </Field>
      <Field label={t('signin.repeatPassword')} required>
        <Input
          name="repeat-password"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(_e, d) => setRepeat(d.value)}
        />
      </Field>
    </ResetCard>
  )
}
