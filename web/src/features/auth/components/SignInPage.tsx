import {
  Button,
  Card,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import { startAuthentication } from '@simplewebauthn/browser'
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useSearchParams } from 'react-router'
import { ApiError } from '../../../shared/api/client.ts'
import { useDocumentTitle } from '../../../shared/hooks/use-document-title.ts'
import { LanguageSwitcher } from '../../../shared/ui/LanguageSwitcher.tsx'
import { LoadingState } from '../../../shared/ui/LoadingState.tsx'
import { ProductMark } from '../../../shared/ui/ProductMark.tsx'
import { RouterLink } from '../../../shared/ui/RouterLink.tsx'
import { discoverSignIn, passkeySignInOptions, type SecondFactorMethod, ssoStartUrl } from '../api.ts'
import { safeReturnPath, safeReturnTo, useSession } from '../session.tsx'

export const useAuthCardStyles = makeStyles({
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
  row: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  submit: { alignSelf: 'flex-end', minWidth: '120px' },
})

/** The card every signed-out page shows (sign-in, forgot password, reset password). */
export function AuthCard({ titleId, children }: { titleId: string; children: ReactNode }) {
  const { t } = useTranslation()
  const styles = useAuthCardStyles()
  return (
    <div className={styles.page}>
      <div className={styles.topRow}>
        <LanguageSwitcher />
      </div>
      <main className={styles.center}>
        <Card className={styles.card} aria-labelledby={titleId}>
          <div className={styles.brand}>
            <ProductMark size={28} />
            <span className={styles.brandName}>{t('app.name')}</span>
          </div>
          {children}
        </Card>
      </main>
    </div>
  )
}

type Step = 'email' | 'password' | 'mfa'

/**
 * Sign-in in steps: the email first (a federated domain goes to its identity provider), then the
 * password, then — when the account has one — the second factor. Afterwards back to `returnTo`
 * (a server route such as the authorize endpoint: a full page load) or `next` (a portal page).
 */
export function SignInPage() {
  const { t, i18n } = useTranslation()
  const styles = useAuthCardStyles()
  const session = useSession()
  const [params] = useSearchParams()
  // returnTo: a server page (the authority's /authorize) to go back to with a full page load
  const returnTo = safeReturnTo(params.get('returnTo'))
  const returnPath = safeReturnPath(params.get('next'))
  // prompt=login: sign in again even with a session (the authority asked for fresh credentials)
  const forceSignIn = params.get('prompt') === 'login'
  const [signedInHere, setSignedInHere] = useState(false)
  const [step, setStep] = useState<Step>('email')
  const [email, setEmail] = useState(params.get('login_hint') ?? '')
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [methods, setMethods] = useState<SecondFactorMethod[]>([])
  const [useRecovery, setUseRecovery] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const ssoError = params.get('error')
  useDocumentTitle(t('auth.signIn'))

  // A server message is in the language it was asked in; drop it rather than mix languages.
  useEffect(() => setError(null), [i18n.language])

  const leave = Boolean(session.user) && (!forceSignIn || signedInHere)
  useEffect(() => {
    if (leave && returnTo) window.location.replace(returnTo)
  }, [leave, returnTo])

  if (session.status === 'loading') return <LoadingState label={t('auth.checkingSession')} />
  if (leave && returnTo) return <LoadingState label={t('signin.returning')} />
  if (session.user && !returnTo) return <Navigate to={returnPath} replace />

  async function run(action: () => Promise<void>) {
    setSubmitting(true)
    setError(null)
    try {
      await action()
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught))
    } finally {
      setSubmitting(false)
    }
  }

  const submitEmail = () =>
    run(async () => {
      const method = await discoverSignIn(email.trim())
      if (method === 'sso') {
        // the organization's provider signs the person in, then sends them back here
        window.location.assign(
          ssoStartUrl(email.trim(), returnTo ?? (params.get('next') ? returnPath : null)),
        )
        return new Promise<void>(() => undefined)
      }
      setStep('password')
    })

  const submitPassword = () =>
    run(async () => {
      const answer = await session.signIn(email.trim(), password)
      setSignedInHere(true)
      if (answer.secondFactor) {
        setMethods(answer.secondFactor.methods)
        // without an authenticator app, the field takes a recovery code (beside a passkey's button)
        setUseRecovery(!answer.secondFactor.methods.includes('totp'))
        setStep('mfa')
      }
    })

  const submitCode = () =>
    run(() => session.secondFactor(useRecovery ? { recoveryCode: code.trim() } : { code: code.trim() }))

  const usePasskey = () =>
    run(async () => {
      const optionsJSON = (await passkeySignInOptions()) as Parameters<
        typeof startAuthentication
      >[0]['optionsJSON']
      const { response, clientExtensionResults, ...passkey } = await startAuthentication({ optionsJSON })
      // plain JSON objects, as the contract's body type has them (the library's are interfaces)
      await session.secondFactor({
        passkey: {
          ...passkey,
          response: { ...response },
          clientExtensionResults: { ...clientExtensionResults },
        },
      })
    })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    void (step === 'email' ? submitEmail() : step === 'password' ? submitPassword() : submitCode())
  }

  const busy = submitting ? <Spinner size="tiny" /> : undefined
  return (
    <AuthCard titleId="signin-title">
      <form className={styles.form} onSubmit={submit} aria-labelledby="signin-title">
        <div>
          <Title2 as="h1" id="signin-title">
            {step === 'mfa' ? t('signin.mfaTitle') : t('auth.signInTitle')}
          </Title2>
          <Text as="p" block className={styles.intro}>
            {step === 'mfa'
              ? useRecovery
                ? t('signin.recoveryIntro')
                : t('signin.mfaIntro')
              : t('auth.signInIntro')}
          </Text>
        </div>
        {session.status === 'ready' && session.providerLogoutUrl && (
          <MessageBar intent="info" data-testid="provider-logout">
            <MessageBarBody>
              {t('signin.signedOutHere')}{' '}
              <Link href={session.providerLogoutUrl}>{t('signin.providerSignOut')}</Link>
            </MessageBarBody>
          </MessageBar>
        )}
        {ssoError && step === 'email' && !error && (
          <MessageBar intent="error" data-testid="sso-error">
            <MessageBarBody>
              {t(`signin.errors.${ssoError}`, {
                defaultValue: t('signin.errors.generic'),
                email: params.get('email') ?? '',
                tenant: params.get('tenant') ?? '',
                issuer: params.get('issuer') ?? '',
              })}
              {params.get('detail') ? ` (${params.get('detail')})` : ''}
            </MessageBarBody>
          </MessageBar>
        )}
        {step !== 'mfa' && (
          <Field label={t('auth.email')} required>
            <Input
              name="email"
              type="email"
              autoComplete="username"
              value={email}
              readOnly={step !== 'email'}
              onChange={(_event, data) => setEmail(data.value)}
              autoFocus={step === 'email'}
            />
          </Field>
        )}
        {step === 'password' && (
          <>
            <Field label={t('auth.password')} required>
              <Input
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(_event, data) => setPassword(data.value)}
                autoFocus
              />
            </Field>
            <div className={styles.row}>
              <Link as="button" type="button" onClick={() => setStep('email')} data-testid="change-email">
                {t('signin.otherEmail')}
              </Link>
              <RouterLink
                to={`/forgot-password?email=${encodeURIComponent(email.trim())}`}
                data-testid="forgot-password"
              >
                {t('signin.forgotPassword')}
              </RouterLink>
            </div>
          </>
        )}
        {step === 'mfa' && (
          <>
            <Field label={useRecovery ? t('signin.recoveryCode') : t('signin.code')} required>
              <Input
                name={useRecovery ? 'recoveryCode' : 'code'}
                autoComplete="one-time-code"
                inputMode={useRecovery ? 'text' : 'numeric'}
                value={code}
                onChange={(_event, data) => setCode(data.value)}
                autoFocus
              />
            </Field>
            <div className={styles.row}>
              {methods.includes('recovery_code') && methods.includes('totp') && (
                <Link
                  as="button"
                  type="button"
                  onClick={() => setUseRecovery(!useRecovery)}
                  data-testid="toggle-recovery"
                >
                  {useRecovery ? t('signin.useCode') : t('signin.useRecovery')}
                </Link>
              )}
              {methods.includes('passkey') && (
                <Button
                  type="button"
                  onClick={() => void usePasskey()}
                  disabled={submitting}
                  data-testid="use-passkey"
                >
                  {t('signin.usePasskey')}
                </Button>
              )}
            </div>
          </>
        )}
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
          icon={busy}
          data-testid="signin-submit"
        >
          {step === 'email'
            ? t('signin.next')
            : submitting
              ? t('auth.signingIn')
              : step === 'mfa'
                ? t('signin.verify')
                : t('auth.signIn')}
        </Button>
      </form>
    </AuthCard>
  )
}
