import { AppError } from '../platform/errors.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import type { MessageKey } from '../platform/i18n/messages.ts'

/** Why a sign-in, second-factor, reset or single sign-on step was refused, in English and Italian; keys are the machine codes. */
const en = {
  mfa_required:
    'Your organization requires multi-factor authentication to act in a customer’s tenant. Add an authenticator app or a passkey under Security, then sign out and sign in again with it.',
  mfa_pending_missing:
    'This sign-in has expired or was already completed. Enter your email and password again.',
  mfa_code_invalid:
    'The code is not correct, or it was already used. Enter the current code of your authenticator app, or one of your recovery codes.',
  mfa_too_many: 'Too many wrong codes. Sign in again from the start.',
  passkey_failed: 'The passkey could not be verified. Try again, or use your authenticator app.',
  step_up_required:
    'For this change, confirm it is you: sign out, then sign in again with your second factor.',
  factor_not_found: 'There is no such second factor on your account.',
  totp_not_enrolled: 'Start setting up the authenticator app again: this set-up is not pending any more.',
  reset_link_invalid:
    'This link does not work any more: a reset link works once, for {minutes} minutes. Ask for a new one.',
  password_too_weak: 'Choose a password of at least 12 characters that is not your email address.',
  use_sso: 'Your organization signs you in through its own identity provider: continue with single sign-on.',
  sso_refused:
    'Your organization’s identity provider did not sign you in ({detail}). Try again, or ask your administrator.',
  sso_token_invalid:
    'Your organization’s identity provider answered with a sign-in Tramite cannot trust ({detail}). Nothing was signed in; ask your administrator to check the single sign-on settings.',
  sso_state_invalid:
    'This single sign-on answer does not belong to a sign-in started here, or it was already used. Start signing in again.',
  sso_email_unverified:
    'Your identity provider did not confirm your email address, so it cannot be matched to an account.',
  sso_no_account:
    'There is no account for {email} in {tenant}, and accounts are not created on first sign-in there. Ask your administrator to invite you.',
  sso_other_tenant: 'The account {email} belongs to another organization, not to {tenant}.',
  sso_discovery_failed:
    'The identity provider at {issuer} could not be reached or did not describe itself (OpenID Connect discovery): {detail}',
  sso_domain_taken: 'The domain {domain} is already connected to another organization’s identity provider.',
  sso_domain_invalid: '{domain} is not a domain name.',
  sso_secret_required: 'Enter the client secret the identity provider issued to Tramite.',
  sso_not_configured: 'Your organization has no identity provider connected.',
  security_admin_required:
    'Only your organization’s global administrators and admin agents change its security settings, in its own context.',
  unknown_group: 'There is no security group {group} in your organization.',
  not_found: 'The requested resource does not exist.',
} as const

export type SignInProblem = keyof typeof en

const it: Record<SignInProblem, string> = {
  mfa_required:
    'La tua organizzazione richiede l’autenticazione a più fattori per operare nel tenant di un cliente. Aggiungi un’app di autenticazione o una passkey in Sicurezza, poi esci e accedi di nuovo usandola.',
  mfa_pending_missing:
    'Questo accesso è scaduto o è già stato completato. Inserisci di nuovo email e password.',
  mfa_code_invalid:
    'Il codice non è corretto, oppure è già stato usato. Inserisci il codice attuale della tua app di autenticazione, o uno dei codici di recupero.',
  mfa_too_many: 'Troppi codici sbagliati. Accedi di nuovo dall’inizio.',
  passkey_failed: 'Non è stato possibile verificare la passkey. Riprova, oppure usa l’app di autenticazione.',
  step_up_required:
    'Per questa modifica conferma che sei tu: esci, poi accedi di nuovo con il secondo fattore.',
  factor_not_found: 'Il tuo account non ha questo secondo fattore.',
  totp_not_enrolled: 'Ricomincia la configurazione dell’app di autenticazione: questa non è più in sospeso.',
  reset_link_invalid:
    'Questo link non funziona più: un link di reimpostazione vale una sola volta, per {minutes} minuti. Richiedine uno nuovo.',
  password_too_weak: 'Scegli una password di almeno 12 caratteri diversa dal tuo indirizzo email.',
  use_sso:
    'La tua organizzazione ti fa accedere tramite il proprio provider di identità: continua con l’accesso Single Sign-On.',
  sso_refused:
    'Il provider di identità della tua organizzazione non ti ha fatto accedere ({detail}). Riprova, o rivolgiti al tuo amministratore.',
  sso_token_invalid:
    'Il provider di identità della tua organizzazione ha risposto con un accesso di cui Tramite non può fidarsi ({detail}). Non è stato effettuato alcun accesso; chiedi al tuo amministratore di controllare le impostazioni Single Sign-On.',
  sso_state_invalid:
    'Questa risposta Single Sign-On non appartiene a un accesso avviato qui, oppure è già stata usata. Ricomincia l’accesso.',
  sso_email_unverified:
    'Il tuo provider di identità non ha confermato il tuo indirizzo email, quindi non è possibile associarlo a un account.',
  sso_no_account:
    'Non esiste un account per {email} in {tenant}, e lì gli account non vengono creati al primo accesso. Chiedi al tuo amministratore di invitarti.',
  sso_other_tenant: 'L’account {email} appartiene a un’altra organizzazione, non a {tenant}.',
  sso_discovery_failed:
    'Il provider di identità {issuer} non è raggiungibile o non si è descritto (discovery OpenID Connect): {detail}',
  sso_domain_taken: 'Il dominio {domain} è già collegato al provider di identità di un’altra organizzazione.',
  sso_domain_invalid: '{domain} non è un nome di dominio.',
  sso_secret_required: 'Inserisci il client secret che il provider di identità ha rilasciato a Tramite.',
  sso_not_configured: 'La tua organizzazione non ha collegato alcun provider di identità.',
  security_admin_required:
    'Solo gli amministratori globali e gli agenti amministratori della tua organizzazione ne modificano le impostazioni di sicurezza, nel suo contesto.',
  unknown_group: 'Nella tua organizzazione non esiste il gruppo di sicurezza {group}.',
  not_found: 'La risorsa richiesta non esiste.',
}

const FALLBACK_KEY: Record<number, MessageKey> = {
  400: 'error.validation',
  401: 'error.unauthenticated',
  404: 'error.not_found',
}

/** A refused sign-in or security call: a stable code, its message from this component's own catalog. */
export class SignInError extends AppError {
  constructor(
    status: number,
    readonly problem: SignInProblem,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(status, problem, FALLBACK_KEY[status] ?? 'error.forbidden', detail)
  }

  override localize(locale: Locale) {
    return { message: signInMessage(locale, this.problem, this.detail) }
  }
}

export function signInMessage(
  locale: Locale,
  problem: SignInProblem,
  detail: Record<string, string | number> = {},
): string {
  const template: string = (locale === 'it' ? it : en)[problem]
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    detail[name] === undefined ? whole : String(detail[name]),
  )
}
