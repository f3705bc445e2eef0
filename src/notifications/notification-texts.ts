import type { Locale } from '../platform/i18n/i18n.ts'

/** A notice in words, per language: `{name}` is one of the notice's params. */
const TEXTS: Record<Locale, Record<string, string>> = {
  en: {
    'gdap.expires_in_30':
      'The GDAP relationship “{relationship}” between {partner} and {customer} ends in 30 days, on {date}.',
    'gdap.expires_in_7':
      'The GDAP relationship “{relationship}” between {partner} and {customer} ends in 7 days, on {date}.',
    'gdap.expires_in_1':
      'The GDAP relationship “{relationship}” between {partner} and {customer} ends tomorrow, {date}.',
    'gdap.expired':
      'The GDAP relationship “{relationship}” between {partner} and {customer} expired on {date}: its roles no longer apply.',
    'health.incident_updated': 'Incident {incident} “{title}” was updated: {status}.',
    'health.incident_affects_customers':
      'Incident {incident} “{title}” affects {count} of your customers: {customers}.',
    'audit.chain_broken':
      'The audit chain is broken at event {event} ({problem}): the audit log was altered outside Tramite. Run `tramite audit verify` for the details.',
    'service_request.information_requested': '{by} asks you for information on request {request} “{title}”.',
    'service_request.answered': '{by} answered on request {request} “{title}”.',
    'service_request.customer_request': '{customer} sent you request {request} “{title}” ({severity}).',
    'service_request.closed': '{by} closed request {request} “{title}”.',
    'service_request.reopened': '{by} reopened request {request} “{title}”.',
    'service_request.sla_breached': 'Request {request} “{title}” missed its first-response target.',
    'service_request.assigned': '{by} assigned request {request} “{title}” to you.',
  },
  it: {
    'gdap.expires_in_30':
      'La relazione GDAP “{relationship}” tra {partner} e {customer} termina tra 30 giorni, il {date}.',
    'gdap.expires_in_7':
      'La relazione GDAP “{relationship}” tra {partner} e {customer} termina tra 7 giorni, il {date}.',
    'gdap.expires_in_1':
      'La relazione GDAP “{relationship}” tra {partner} e {customer} termina domani, il {date}.',
    'gdap.expired':
      'La relazione GDAP “{relationship}” tra {partner} e {customer} è scaduta il {date}: i suoi ruoli non valgono più.',
    'health.incident_updated': "L'evento imprevisto {incident} “{title}” è stato aggiornato: {status}.",
    'health.incident_affects_customers':
      "L'evento imprevisto {incident} “{title}” riguarda {count} dei tuoi clienti: {customers}.",
    'audit.chain_broken':
      'La catena di audit è interrotta all’evento {event} ({problem}): il registro di audit è stato alterato fuori da Tramite. Esegui `tramite audit verify` per i dettagli.',
    'service_request.information_requested':
      '{by} ti chiede informazioni sulla richiesta {request} “{title}”.',
    'service_request.answered': '{by} ha risposto sulla richiesta {request} “{title}”.',
    'service_request.customer_request':
      '{customer} ti ha inviato la richiesta {request} “{title}” ({severity}).',
    'service_request.closed': '{by} ha chiuso la richiesta {request} “{title}”.',
    'service_request.reopened': '{by} ha riaperto la richiesta {request} “{title}”.',
    'service_request.sla_breached':
      'La richiesta {request} “{title}” ha superato il tempo previsto per la prima risposta.',
    'service_request.assigned': '{by} ti ha assegnato la richiesta {request} “{title}”.',
  },
}

const SEVERITY_WORDS: Record<Locale, Record<string, string>> = {
  en: { critical: 'critical', moderate: 'moderate', minimal: 'minimal' },
  it: { critical: 'critica', moderate: 'moderata', minimal: 'minima' },
}

export function notificationText(
  n: { kind: string; params: Record<string, string> },
  locale: Locale,
): string {
  const template = TEXTS[locale][n.kind] ?? n.kind
  return (
    template
      .replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = n.params[name]
        if (value === undefined) return whole
        return name === 'severity' ? (SEVERITY_WORDS[locale][value] ?? value) : value
      })
      // a name ending in a full stop ("Rossi Costruzioni S.p.A.") ends the sentence: no second one
      .replace(/\.\.(?=\s|$)/g, '.')
  )
}
