import type { RequestStatus, Severity } from '../platform/db/schema.ts'

/** What an email tells its reader happened to their request. */
export type EmailKind =
  | 'created'
  | 'note'
  | 'information_requested'
  | 'closed'
  | 'reopened'
  | 'open_again'
  | 'severity_changed'
  | 'attachment'

export type EmailLocale = 'it' | 'en'

export interface EmailContent {
  subject: string
  text: string
  html: string
}

export interface RequestEmailInput {
  kind: EmailKind
  locale: EmailLocale
  request: {
    id: string
    title: string
    tenantName: string
    status: RequestStatus
    severity: Severity
  }
  /** Who made the change: a name, and their organization when known. */
  actor: { name: string; organization: string | null }
  /** The link to the request in the portal. */
  link: string
  note?: string | undefined
  attachment?: { fileName: string; sizeBytes: number } | undefined
  previousSeverity?: Severity | undefined
}

/** The request's language decides; anything but Italian is English. */
export function emailLocaleOf(locale: string | null | undefined): EmailLocale {
  return locale?.toLowerCase().startsWith('it') ? 'it' : 'en'
}

interface Words {
  subject: Record<EmailKind, string>
  /** The opening sentence, `{who}` being the actor. */
  lead: Record<EmailKind, string>
  /** What the reader may do next, when there is something to do. */
  next: Partial<Record<EmailKind, string>>
  status: Record<RequestStatus, string>
  severity: Record<Severity, string>
  labels: { request: string; customer: string; status: string; severity: string; open: string }
  footer: string
}

const WORDS: Record<EmailLocale, Words> = {
  en: {
    subject: {
      created: 'Request received',
      note: 'New note',
      information_requested: 'Information requested',
      closed: 'Request closed',
      reopened: 'Request reopened',
      open_again: 'Request back in progress',
      severity_changed: 'Severity changed',
      attachment: 'New attachment',
    },
    lead: {
      created: '{who} opened this service request and named you as a contact.',
      note: '{who} added a note:',
      information_requested: '{who} needs more information to go on with this request.',
      closed: '{who} closed the request.',
      reopened: '{who} reopened the request.',
      open_again: '{who} put the request back in progress: no answer from you is awaited any more.',
      severity_changed: '{who} changed the severity from {from} to {to}.',
      attachment: '{who} attached {file} ({size}).',
    },
    next: {
      information_requested:
        'Please answer by adding a note to the request: until you do, the request waits for you.',
      closed: 'If the problem comes back, you can reopen the request in the portal.',
    },
    status: {
      open: 'Open',
      attention_needed: 'Attention needed (waiting for your answer)',
      closed: 'Closed',
    },
    severity: { minimal: 'Minimal', moderate: 'Moderate', critical: 'Critical' },
    labels: {
      request: 'Request',
      customer: 'Customer',
      status: 'Status',
      severity: 'Severity',
      open: 'Open the request',
    },
    footer:
      'You receive this email because your address is among the contacts of service request {id} ({customer}). Replies to this email are not read: to answer, add a note to the request in Tramite.',
  },
  it: {
    subject: {
      created: 'Richiesta ricevuta',
      note: 'Nuova nota',
      information_requested: 'Richiesta di informazioni',
      closed: 'Richiesta chiusa',
      reopened: 'Richiesta riaperta',
      open_again: 'Richiesta di nuovo in lavorazione',
      severity_changed: 'Gravità modificata',
      attachment: 'Nuovo allegato',
    },
    lead: {
      created: '{who} ha aperto questa richiesta di servizio e ti ha indicato come referente.',
      note: '{who} ha aggiunto una nota:',
      information_requested: '{who} ha bisogno di altre informazioni per proseguire con la richiesta.',
      closed: '{who} ha chiuso la richiesta.',
      reopened: '{who} ha riaperto la richiesta.',
      open_again: '{who} ha rimesso in lavorazione la richiesta: non si attende più una tua risposta.',
      severity_changed: '{who} ha cambiato la gravità da {from} a {to}.',
      attachment: '{who} ha allegato il file {file} ({size}).',
    },
    next: {
      information_requested:
        'Rispondi aggiungendo una nota alla richiesta: finché non lo fai, la richiesta resta in attesa.',
      closed: 'Se il problema si ripresenta, puoi riaprire la richiesta dal portale.',
    },
    status: {
      open: 'Aperta',
      attention_needed: 'Richiede attenzione (attende una tua risposta)',
      closed: 'Chiusa',
    },
    severity: { minimal: 'Minima', moderate: 'Moderata', critical: 'Critica' },
    labels: {
      request: 'Richiesta',
      customer: 'Cliente',
      status: 'Stato',
      severity: 'Gravità',
      open: 'Apri la richiesta',
    },
    footer:
      'Ricevi questa email perché il tuo indirizzo è tra i contatti della richiesta di servizio {id} ({customer}). Le risposte a questa email non vengono lette: per rispondere, aggiungi una nota alla richiesta su Tramite.',
  },
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}

const same = (s: string) => s

/**
 * Fills `{name}` placeholders: `value` formats each value as it goes in (escaping, emphasis),
 * `literal` the template's own words (escaping, for HTML).
 */
function fill(
  template: string,
  values: Record<string, string>,
  value: (v: string) => string = same,
  literal: (s: string) => string = same,
): string {
  return template
    .split(/(\{\w+\})/)
    .map((part) => {
      const key = /^\{(\w+)\}$/.exec(part)?.[1]
      return key !== undefined && key in values ? value(values[key]!) : literal(part)
    })
    .join('')
}

/** A subject line keeps to one line whatever the title holds. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()

function formatSize(bytes: number, locale: EmailLocale): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)
  return `${number} ${units[unit]}`
}

/** The email one request event owes a contact: subject, plain text and HTML, in the request's language. */
export function renderRequestEmail(input: RequestEmailInput): EmailContent {
  const w = WORDS[input.locale]
  const { request } = input
  const who = input.actor.organization
    ? `${input.actor.name} (${input.actor.organization})`
    : input.actor.name
  const values: Record<string, string> = {
    who,
    from: w.severity[input.previousSeverity ?? request.severity],
    to: w.severity[request.severity],
    file: input.attachment?.fileName ?? '',
    size: input.attachment ? formatSize(input.attachment.sizeBytes, input.locale) : '',
    id: request.id,
    customer: request.tenantName,
  }
  const subject = oneLine(`[Tramite ${request.id}] ${request.title} — ${w.subject[input.kind]}`)
  const lead = w.lead[input.kind]
  const next = w.next[input.kind]
  const note = input.note?.trim() ? input.note.trim() : undefined
  const details: [string, string][] = [
    [w.labels.request, `${request.id} — ${oneLine(request.title)}`],
    [w.labels.customer, request.tenantName],
    [w.labels.status, w.status[request.status]],
    [w.labels.severity, w.severity[request.severity]],
  ]

  const text = [
    fill(lead, values),
    ...(note ? ['', ...note.split(/\r?\n/).map((line) => `> ${line}`)] : []),
    ...(next ? ['', next] : []),
    '',
    ...details.map(([label, value]) => `${label}: ${value}`),
    '',
    `${w.labels.open}: ${input.link}`,
    '',
    '-- ',
    fill(w.footer, values),
    '',
  ].join('\n')

  const e = escapeHtml
  const html = [
    '<!doctype html>',
    `<html lang="${input.locale}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family: Segoe UI, Helvetica, Arial, sans-serif; font-size: 14px; color: #242424; line-height: 1.5;">',
    `<p>${fill(lead, values, (v) => `<strong>${e(v)}</strong>`, e)}</p>`,
    ...(note
      ? [
          `<blockquote style="margin: 0 0 1em; padding: 0.5em 1em; border-left: 3px solid #0f6cbd; background: #f5f5f5; white-space: pre-wrap;">${e(note)}</blockquote>`,
        ]
      : []),
    ...(next ? [`<p>${e(next)}</p>`] : []),
    '<table style="border-collapse: collapse; margin: 1em 0;">',
    ...details.map(
      ([label, value]) =>
        `<tr><th style="text-align: left; padding: 2px 16px 2px 0; font-weight: 600;">${e(label)}</th><td style="padding: 2px 0;">${e(value)}</td></tr>`,
    ),
    '</table>',
    `<p><a href="${e(input.link)}" style="color: #0f6cbd;">${e(w.labels.open)}</a></p>`,
    `<p style="color: #616161; font-size: 12px; border-top: 1px solid #e0e0e0; padding-top: 8px;">${fill(w.footer, values, e, e)}</p>`,
    '</body></html>',
    '',
  ].join('\n')

  return { subject, text, html }
}

export interface SlaBreachEmailInput {
  locale: EmailLocale
  request: { id: string; title: string; tenantName: string; severity: Severity }
  /** Who filed it (the partner acting for the customer, or the customer). */
  requester: string
  /** The first-response target that passed (R14). */
  dueAt: Date
  /** The engineer reads it as the request's assignee, or as one of the desk (unassigned). */
  assigned: boolean
  link: string
}

const BREACH_WORDS: Record<
  EmailLocale,
  {
    subject: string
    lead: string
    due: string
    assigned: string
    unassigned: string
    requester: string
    footer: string
  }
> = {
  en: {
    subject: 'First-response target missed',
    lead: 'This request passed its first-response target (R14) without a response.',
    due: 'Target',
    assigned: 'It is assigned to you: answer the requester with a public note.',
    unassigned: 'Nobody is assigned to it yet: take it, or assign it, and answer the requester.',
    requester: 'Requester',
    footer:
      'You receive this email because you work the support desk that handles request {id}. The breach stays on the request; this email is sent once.',
  },
  it: {
    subject: 'Tempo di prima risposta superato',
    lead: 'Questa richiesta ha superato il tempo di prima risposta (R14) senza una risposta.',
    due: 'Scadenza',
    assigned: 'È assegnata a te: rispondi al richiedente con una nota pubblica.',
    unassigned: 'Non è ancora assegnata a nessuno: prendila o assegnala e rispondi al richiedente.',
    requester: 'Richiedente',
    footer:
      'Ricevi questa email perché lavori al supporto che gestisce la richiesta {id}. Il superamento resta registrato sulla richiesta; questa email viene inviata una sola volta.',
  },
}

/** The email a support engineer gets when a request misses its first-response target (R14), in their language. */
export function renderSlaBreachEmail(input: SlaBreachEmailInput): EmailContent {
  const w = WORDS[input.locale]
  const b = BREACH_WORDS[input.locale]
  const { request } = input
  const due = new Intl.DateTimeFormat(input.locale === 'it' ? 'it-IT' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(input.dueAt)
  const subject = oneLine(`[Tramite ${request.id}] ${request.title} — ${b.subject}`)
  const next = input.assigned ? b.assigned : b.unassigned
  const details: [string, string][] = [
    [w.labels.request, `${request.id} — ${oneLine(request.title)}`],
    [w.labels.customer, request.tenantName],
    [b.requester, input.requester],
    [w.labels.severity, w.severity[request.severity]],
    [b.due, `${due} UTC`],
  ]
  const footer = fill(b.footer, { id: request.id })
  const text = [
    b.lead,
    '',
    next,
    '',
    ...details.map(([label, value]) => `${label}: ${value}`),
    '',
    `${w.labels.open}: ${input.link}`,
    '',
    '-- ',
    footer,
    '',
  ].join('\n')
  const e = escapeHtml
  const html = [
    '<!doctype html>',
    `<html lang="${input.locale}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family: Segoe UI, Helvetica, Arial, sans-serif; font-size: 14px; color: #242424; line-height: 1.5;">',
    `<p><strong>${e(b.lead)}</strong></p>`,
    `<p>${e(next)}</p>`,
    '<table style="border-collapse: collapse; margin: 1em 0;">',
    ...details.map(
      ([label, value]) =>
        `<tr><th style="text-align: left; padding: 2px 16px 2px 0; font-weight: 600;">${e(label)}</th><td style="padding: 2px 0;">${e(value)}</td></tr>`,
    ),
    '</table>',
    `<p><a href="${e(input.link)}" style="color: #0f6cbd;">${e(w.labels.open)}</a></p>`,
    `<p style="color: #616161; font-size: 12px; border-top: 1px solid #e0e0e0; padding-top: 8px;">${e(footer)}</p>`,
    '</body></html>',
    '',
  ].join('\n')
  return { subject, text, html }
}
