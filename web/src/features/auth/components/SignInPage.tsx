import {
  Button,
  Card,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useSearchParams } from 'react-router'
import { ApiError } from '../../../shared/api/client.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { LanguageSwitcher } from '../../../shared/ui/LanguageSwitcher.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { ProductMark } from '../../../shared/ui/ProductMark.tsx'
import { safeReturnPath, safeReturnTo, useSession } from '../session.tsx'

const useStyles = makeStyles({
  page: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  topRow: { display: 'flex', justifyContent: 'flex-end', padding: tokens.spacingHorizontalM },
  center: {
    flexGrow: 1,
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'center',
    paddingTop: '10vh',
  },
  card: { width: '400px', maxWidth: 'calc(100vw - 32px)', padding: tokens.spacingHorizontalXXL },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  brandName: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { color: tokens.colorNeutralForeground2 },
  submit: { alignSelf: 'flex-end', minWidth: '120px' },
})

/** Email and password sign-in; afterwards back to the page that was asked for. */
export function SignInPage() {
  const { t, i18n } = useTranslation()
  const styles = useStyles()
  const session = useSession()
  const [params] = useSearchParams()
  const returnPath = safeReturnPath(params.get('next'))
  // returnTo: a server page (the authority's /authorize) to go back to with a full page load
  const returnTo = safeReturnTo(params.get('returnTo'))
  // prompt=login: sign in again even with a session (the authority asked for fresh credentials)
  const forceSignIn = params.get('prompt') === 'login'
  const [email, setEmail] = useState(params.get('login_hint') ?? '')
  const [signedInHere, setSignedInHere] = useState(false)
  const [password, setPassword] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useDocumentTitle(t('auth.signIn'))

  // A server message is in the language it was asked in; drop it rather than mix languages.
  useEffect(() => setError(null), [i18n.language])

  if (session.status === 'loading') return <LoadingState label={t('auth.checkingSession')} />
  if (session.user && returnTo && (!forceSignIn || signedInHere)) {
    window.location.replace(returnTo)
    return <LoadingState label={t('auth.signingIn')} />
  }
  if (session.user && !returnTo) return <Navigate to={returnPath} replace />

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSubmitting(true)
    setError(null)
    try {
      // The session now has a user, so this page re-renders as a redirect to returnPath.
      await session.signIn(email.trim(), password)
      setSignedInHere(true)
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught))
      setSubmitting(false)
    }
  }

  return (
    <div className={styles.page}>
      <div className={styles.topRow}>
        <LanguageSwitcher />
      </div>
      <main className={styles.center}>
        <Card className={styles.card}>
          <form
            className={styles.form}
            onSubmit={(event) => void submit(event)}
            aria-labelledby="signin-title"
          >
            <div className={styles.brand}>
              <ProductMark size={28} />
              <span className={styles.brandName}>{t('app.name')}</span>
            </div>
            <div>
              <Title2 as="h1" id="signin-title">
                {t('auth.signInTitle')}
              </Title2>
              <Text as="p" block className={styles.intro}>
                {t('auth.signInIntro')}
              </Text>
            </div>
            <Field label={t('auth.email')} required>
              <Input
                name="email"
                type="email"
                autoComplete="username"
                value={email}
                onChange={(_event, data) => setEmail(data.value)}
                autoFocus={!email}
              />
            </Field>
            <Field label={t('auth.password')} required>
              <Input
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(_event, data) => setPassword(data.value)}
              />
            </Field>
            {error && (
              <MessageBar intent="error" data-testid="signin-error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            <Button
              className={styles.submit}
              type="submit"
              appearance="primary"
              disabled={submitting}
              icon={submitting ? <Spinner size="tiny" /> : undefined}
            >
              {submitting ? t('auth.signingIn') : t('auth.signIn')}
            </Button>
          </form>
        </Card>
      </main>
    </div>
  )
}
