import { Button, Field, Input, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ApiError } from '../../../shared/api/client.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { completePasswordReset, requestPasswordReset } from '../api.ts'
import { AuthCard, useAuthCardStyles } from './SignInPage.tsx'

/** "Forgot password": asks for the email and says a link is on its way (whether or not the account exists). */
export function ForgotPasswordPage() {
  const { t } = useTranslation()
  const styles = useAuthCardStyles()
  const [params] = useSearchParams()
  const [email, setEmail] = useState(params.get('email') ?? '')
  const [sent, setSent] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useDocumentTitle(t('signin.forgotTitle'))

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setError(null)
    try {
      await requestPasswordReset(email.trim())
      setSent(true)
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught))
    }
  }

  return (
    <AuthCard titleId="forgot-title">
      <form className={styles.form} onSubmit={(e) => void submit(e)}>
        <div>
          <Title2 as="h1" id="forgot-title">
            {t('signin.forgotTitle')}
          </Title2>
          <Text as="p" block className={styles.intro}>
            {t('signin.forgotIntro')}
          </Text>
        </div>
        {sent ? (
          <MessageBar intent="success" data-testid="reset-sent">
            <MessageBarBody>{t('signin.resetSent', { email: email.trim() })}</MessageBarBody>
          </MessageBar>
        ) : (
          <Field label={t('auth.email')} required>
            <Input
              name="email"
              type="email"
              value={email}
              onChange={(_e, d) => setEmail(d.value)}
              autoFocus
            />
          </Field>
        )}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.row}>
          <RouterLink to="/signin">{t('signin.backToSignIn')}</RouterLink>
          {!sent && (
            <Button type="submit" appearance="primary">
              {t('signin.sendLink')}
            </Button>
          )}
        </div>
      </form>
    </AuthCard>
  )
}

/** The page of the emailed link: the token is in the URL's fragment (never sent to a server in a Referer). */
export function ResetPasswordPage() {
  const { t } = useTranslation()
  const styles = useAuthCardStyles()
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? ''
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [done, setDone] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useDocumentTitle(t('signin.resetTitle'))

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setError(null)
    if (password !== repeat) {
      setError(t('signin.passwordsDiffer'))
      return
    }
    try {
      await completePasswordReset(token, password)
      setDone(true)
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught))
    }
  }

  return (
    <AuthCard titleId="reset-title">
      <form className={styles.form} onSubmit={(e) => void submit(e)}>
        <div>
          <Title2 as="h1" id="reset-title">
            {t('signin.resetTitle')}
          </Title2>
          <Text as="p" block className={styles.intro}>
            {t('signin.resetIntro')}
          </Text>
        </div>
        {done ? (
          <MessageBar intent="success" data-testid="reset-done">
            <MessageBarBody>{t('signin.resetDone')}</MessageBarBody>
          </MessageBar>
        ) : (
          <>
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
          </>
        )}
        {error && (
          <MessageBar intent="error" data-testid="reset-error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.row}>
          <RouterLink to="/signin">{t('signin.backToSignIn')}</RouterLink>
          {!done && (
            <Button type="submit" appearance="primary" data-testid="reset-submit">
              {t('signin.setPassword')}
            </Button>
          )}
        </div>
      </form>
    </AuthCard>
  )
}
