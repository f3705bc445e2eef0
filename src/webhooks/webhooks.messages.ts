import { CatalogError } from '../platform/errors.ts'
import type { MessageKey } from '../platform/i18n/messages.ts'

/** Why a webhook call was refused, in English and Italian; keys are the machine codes. */
const en = {
  own_context_required: 'Webhooks are managed in your own tenant’s context, not in a customer’s.',
  webhooks_partner_only: 'Only partner organizations subscribe to webhooks.',
  webhook_admin_required: 'Only your organization’s admin agents manage webhooks.',
  invalid_url: 'The URL must be an absolute http(s) URL of at most 2000 characters: {detail}.',
  url_credentials: 'The URL must not carry a user name or password; authenticate with the signature.',
  insecure_url: 'The URL must use https.',
  private_address:
    'The URL points to {host}, which is not a public internet address; webhooks only call public addresses.',
  unknown_event_type: 'Unknown event types: {types}. Use {known} or "*".',
  duplicate_event_type: 'Each event type may appear only once.',
  too_many_subscriptions: 'Your organization already has {max} webhook subscriptions.',
  subscription_inactive: 'The subscription is inactive: activate it first.',
  delivery_in_progress: 'This delivery is being sent right now; try again in a moment.',
  not_found: 'The requested resource does not exist.',
} as const

export type WebhookProblem = keyof typeof en

const it: Record<WebhookProblem, string> = {
  own_context_required: 'I webhook si gestiscono nel contesto del tuo tenant, non in quello di un cliente.',
  webhooks_partner_only: 'Solo le organizzazioni partner possono sottoscrivere webhook.',
  webhook_admin_required: 'Solo gli agenti amministratori della tua organizzazione gestiscono i webhook.',
  invalid_url: "L'URL deve essere un URL http(s) assoluto di al massimo 2000 caratteri: {detail}.",
  url_credentials: "L'URL non deve contenere nome utente o password; l'autenticazione è la firma.",
  insecure_url: "L'URL deve usare https.",
  private_address:
    "L'URL punta a {host}, che non è un indirizzo pubblico di Internet; i webhook chiamano solo indirizzi pubblici.",
  unknown_event_type: 'Tipi di evento sconosciuti: {types}. Usa {known} oppure "*".',
  duplicate_event_type: 'Ogni tipo di evento può comparire una sola volta.',
  too_many_subscriptions: 'La tua organizzazione ha già {max} sottoscrizioni webhook.',
  subscription_inactive: 'La sottoscrizione non è attiva: attivala prima.',
  delivery_in_progress: 'Questa consegna è in corso di invio; riprova tra poco.',
  not_found: 'La risorsa richiesta non esiste.',
}

const FALLBACK_KEY: Record<number, MessageKey> = { 400: 'error.validation', 404: 'error.not_found' }

/** A refused webhook call: a stable code, its message from this component's own catalog. */
export class WebhookError extends CatalogError<WebhookProblem> {
  constructor(
    status: number,
    problem: WebhookProblem,
    detail: Record<string, string> = {},
    details?: unknown,
  ) {
    super(status, problem, { it, en }, FALLBACK_KEY[status] ?? 'error.forbidden', detail, details)
  }
}
