import { AppError } from '../platform/errors.ts'
import type { Locale } from '../platform/i18n/i18n.ts'

/**
 * An error of the authority's endpoints, in the Microsoft identity platform's shape: an OAuth 2.0
 * `error`, an `AADSTS` code that says which check failed, and a description (English or Italian).
 * The HTTP layer adds `error_codes`, `timestamp`, `trace_id` and `correlation_id`.
 */
export class OAuthError extends AppError {
  constructor(
    readonly error: string,
    readonly aadsts: number,
    private readonly text: { en: string; it: string },
    status = 400,
  ) {
    super(status, error, 'error.validation', { detail: text.en })
  }

  description(locale: Locale): string {
    return `AADSTS${this.aadsts}: ${this.text[locale]}`
  }

  override localize(locale: Locale) {
    return { message: this.description(locale) }
  }
}

const e = (error: string, aadsts: number, en: string, it: string, status = 400) =>
  new OAuthError(error, aadsts, { en, it }, status)

export const oauthErrors = {
  unsupportedGrant: (grant: string) =>
    e(
      'unsupported_grant_type',
      70003,
      `The grant type '${grant}' is not supported. Use client_credentials, authorization_code, refresh_token or urn:ietf:params:oauth:grant-type:device_code.`,
      `Il tipo di concessione '${grant}' non è supportato. Usa client_credentials, authorization_code, refresh_token o urn:ietf:params:oauth:grant-type:device_code.`,
    ),
  missingParameter: (name: string) =>
    e(
      'invalid_request',
      900144,
      `The request body must contain the following parameter: '${name}'.`,
      `Il corpo della richiesta deve contenere il parametro '${name}'.`,
    ),
  badParameter: (name: string, why: string, perche: string) =>
    e('invalid_request', 90014, `The parameter '${name}' ${why}.`, `Il parametro '${name}' ${perche}.`),
  tenantNotFound: (tenant: string) =>
    e(
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Use a tenant id, a tenant's domain, 'organizations' or 'common'.`,
      `Tenant '${tenant}' non trovato. Usa l'id di un tenant, il suo dominio, 'organizations' o 'common'.`,
    ),
  tenantSuspended: (tenant: string) =>
    e(
      'invalid_grant',
      7000112,
      `The tenant ${tenant} is suspended: its people and applications cannot sign in.`,
      `Il tenant ${tenant} è sospeso: le sue persone e applicazioni non possono accedere.`,
    ),
  tenantRequiredForApp: () =>
    e(
      'invalid_request',
      90009,
      "An application acting on its own must ask at its tenant's endpoint (/{tenant id}/oauth2/v2.0/token), not at 'common' or 'organizations'.",
      "Un'applicazione che agisce da sola deve chiedere all'endpoint del suo tenant (/{id tenant}/oauth2/v2.0/token), non a 'common' o 'organizations'.",
    ),
  unknownClient: (clientId: string, tenant?: string) =>
    e(
      'unauthorized_client',
      700016,
      tenant
        ? `Application with identifier '${clientId}' was not found in the directory '${tenant}'. Applications act only in the tenant they are registered in.`
        : `Application with identifier '${clientId}' was not found.`,
      tenant
        ? `L'applicazione con identificatore '${clientId}' non è stata trovata nella directory '${tenant}'. Le applicazioni agiscono solo nel tenant in cui sono registrate.`
        : `L'applicazione con identificatore '${clientId}' non è stata trovata.`,
    ),
  invalidClientSecret: (clientId: string) =>
    e(
      'invalid_client',
      7000215,
      `Invalid client secret provided for application '${clientId}'. Use the secret's value, not its id.`,
      `Segreto client non valido per l'applicazione '${clientId}'. Usa il valore del segreto, non il suo id.`,
      401,
    ),
  expiredClientSecret: (clientId: string) =>
    e(
      'invalid_client',
      7000222,
      `The client secret of application '${clientId}' has expired. Create a new secret for the app.`,
      `Il segreto client dell'applicazione '${clientId}' è scaduto. Crea un nuovo segreto per l'app.`,
      401,
    ),
  missingClientAuth: (clientId: string) =>
    e(
      'invalid_client',
      7000218,
      `The request body must contain 'client_assertion' or 'client_secret': application '${clientId}' is a confidential client.`,
      `Il corpo della richiesta deve contenere 'client_assertion' o 'client_secret': l'applicazione '${clientId}' è un client riservato.`,
      401,
    ),
  publicClientCannotUseCredentials: (clientId: string) =>
    e(
      'unauthorized_client',
      700025,
      `Application '${clientId}' is a public client: it has no credentials and cannot use client_credentials.`,
      `L'applicazione '${clientId}' è un client pubblico: non ha credenziali e non può usare client_credentials.`,
    ),
  invalidAssertion: (why: string, perche: string) =>
    e(
      'invalid_client',
      700027,
      `Client assertion failed signature validation or is malformed: ${why}.`,
      `L'asserzione del client non ha superato la verifica della firma o non è valida: ${perche}.`,
      401,
    ),
  unknownCertificate: (clientId: string) =>
    e(
      'invalid_client',
      700027,
      `The certificate named by the assertion's x5t header is not registered for application '${clientId}'.`,
      `Il certificato indicato dall'intestazione x5t dell'asserzione non è registrato per l'applicazione '${clientId}'.`,
      401,
    ),
  invalidScope: (scope: string, why: string, perche: string) =>
    e(
      'invalid_scope',
      70011,
      `The provided value for the input parameter 'scope' ('${scope}') is not valid. ${why}`,
      `Il valore del parametro 'scope' ('${scope}') non è valido. ${perche}`,
    ),
  consentRequired: (app: string, what: string) =>
    e(
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application '${app}' for ${what}. An administrator of the application's tenant grants consent on the app registrations page.`,
      `L'utente o l'amministratore non ha dato il consenso all'applicazione '${app}' per ${what}. Un amministratore del tenant dell'applicazione concede il consenso nella pagina delle registrazioni app.`,
    ),
  invalidCode: () =>
    e(
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired, was already used or was not issued to this client. Send a new interactive authorization request.',
      'Il codice di autorizzazione o il token di aggiornamento è scaduto, è già stato usato o non è stato emesso per questo client. Invia una nuova richiesta di autorizzazione interattiva.',
    ),
  redirectMismatch: () =>
    e(
      'invalid_grant',
      70009,
      "The 'redirect_uri' does not match the one the authorization code was issued for.",
      "Il 'redirect_uri' non corrisponde a quello per cui è stato emesso il codice di autorizzazione.",
    ),
  pkceFailed: () =>
    e(
      'invalid_grant',
      501481,
      'The code_verifier does not match the code_challenge supplied in the authorization request (PKCE).',
      'Il code_verifier non corrisponde al code_challenge fornito nella richiesta di autorizzazione (PKCE).',
    ),
  pkceMissing: () =>
    e(
      'invalid_request',
      9002325,
      'Proof Key for Code Exchange is required for public clients: send code_challenge with code_challenge_method=S256.',
      'Per i client pubblici serve la Proof Key for Code Exchange: invia code_challenge con code_challenge_method=S256.',
    ),
  userGone: () =>
    e(
      'invalid_grant',
      50057,
      'The user account is disabled or no longer exists.',
      "L'account utente è disabilitato o non esiste più.",
    ),
  noDelegatedAccess: (reasonEn: string, reasonIt: string) => e('invalid_grant', 50020, reasonEn, reasonIt),
  authorizationPending: () =>
    e(
      'authorization_pending',
      70016,
      'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
      "Errore del flusso OAuth 2.0 con codice dispositivo. L'autorizzazione è in attesa. Continua a interrogare.",
    ),
  slowDown: () =>
    e(
      'slow_down',
      70016,
      'Polling too fast: wait the interval the device code response named between requests.',
      "Interrogazioni troppo frequenti: attendi tra le richieste l'intervallo indicato nella risposta del codice dispositivo.",
    ),
  deviceDeclined: () =>
    e(
      'authorization_declined',
      70000,
      'The user declined the device code sign-in.',
      "L'utente ha rifiutato l'accesso con codice dispositivo.",
    ),
  deviceExpired: () =>
    e(
      'expired_token',
      70020,
      'The device code has expired or was already redeemed. Start the device code flow again.',
      'Il codice dispositivo è scaduto o è già stato usato. Ricomincia il flusso con codice dispositivo.',
    ),
  unsupportedContentType: () =>
    e(
      'invalid_request',
      900144,
      'The token endpoint takes application/x-www-form-urlencoded bodies.',
      "L'endpoint dei token accetta corpi application/x-www-form-urlencoded.",
    ),
}
