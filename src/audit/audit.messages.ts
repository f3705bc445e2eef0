import { CatalogError } from '../platform/errors.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import type { MessageKey } from '../platform/i18n/messages.ts'

/** Why an audit call was refused, in English and Italian; keys are the machine codes. */
const en = {
  own_context_required: 'The audit log is read in your own tenant’s context, not in a customer’s.',
  auditor_required:
    'Only {vendor}’s auditors read every tenant’s audit trail and verify the audit chain. Support engineers see the audit of the requests they work.',
  request_not_worked:
    'You see the audit of the requests you work: those assigned to you or that you changed (a note, a status, an assignment…). Request {request} is neither; ask an auditor.',
  audit_admin_required:
    'Only your organization’s admin agents, helpdesk agents and global administrators read its audit log.',
  not_found: 'The requested resource does not exist.',
} as const

export type AuditProblem = keyof typeof en

const it: Record<AuditProblem, string> = {
  own_context_required:
    'Il registro di audit si legge nel contesto del tuo tenant, non in quello di un cliente.',
  auditor_required:
    'Solo i revisori di {vendor} leggono il registro di audit di ogni tenant e ne verificano la catena. I tecnici di supporto vedono l’audit delle richieste che seguono.',
  request_not_worked:
    'Vedi l’audit delle richieste che segui: quelle assegnate a te o che hai modificato (una nota, uno stato, un’assegnazione…). La richiesta {request} non è tra queste; rivolgiti a un revisore.',
  audit_admin_required:
    'Solo gli agenti amministratori, gli agenti helpdesk e gli amministratori globali della tua organizzazione leggono il suo registro di audit.',
  not_found: 'La risorsa richiesta non esiste.',
}

const FALLBACK_KEY: Record<number, MessageKey> = { 400: 'error.validation', 404: 'error.not_found' }

/** A refused audit call: a stable code, its message from this component's own catalog. */
export class AuditError extends CatalogError<AuditProblem> {
  constructor(status: number, problem: AuditProblem, detail: Record<string, string> = {}) {
    super(status, problem, { it, en }, FALLBACK_KEY[status] ?? 'error.forbidden', detail)
  }
}

type BreakLike = { kind: string; eventId: number; otherEventId?: number }

const breakText: Record<Locale, Record<string, string>> = {
  en: {
    content_changed: 'event {event}: content changed — the row no longer matches the content sealed for it',
    reordered: 'event {event}: reordered — the row holds the content sealed for event {other}',
    missing_event: 'event {event}: missing — it was sealed into the chain and its row is gone',
    inserted_event: 'event {event}: inserted — it sits in the sealed chain without a seal the sealer made',
    seal_altered: 'event {event}: seal altered — its link to the previous event does not recompute',
    truncated:
      'events {event}–{other}: missing — the chain once reached event {other} and now ends before {event}',
    anchor_mismatch:
      'event {event}: the chain differs from the head anchored outside — history up to it was rewritten',
  },
  it: {
    content_changed:
      'evento {event}: contenuto modificato — la riga non corrisponde più al contenuto sigillato',
    reordered: 'evento {event}: riordinato — la riga contiene il contenuto sigillato per l’evento {other}',
    missing_event: 'evento {event}: mancante — era sigillato nella catena e la sua riga non c’è più',
    inserted_event:
      'evento {event}: inserito — è nella parte sigillata della catena senza un sigillo del sigillatore',
    seal_altered: 'evento {event}: sigillo alterato — il legame con l’evento precedente non torna',
    truncated:
      'eventi {event}–{other}: mancanti — la catena arrivava all’evento {other} e ora finisce prima di {event}',
    anchor_mismatch:
      'evento {event}: la catena differisce dalla testa ancorata all’esterno — la storia fino a lì è stata riscritta',
  },
}

/** A break in words, for the CLI and notifications. */
export function describeBreak(found: BreakLike, locale: Locale): string {
  return (breakText[locale][found.kind] ?? found.kind)
    .replaceAll('{event}', String(found.eventId))
    .replaceAll('{other}', String(found.otherEventId ?? ''))
}
