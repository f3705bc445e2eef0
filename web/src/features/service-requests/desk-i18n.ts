import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Catalog } from '../../shared/i18n/en.ts'

/** The desk's list actions, views and cards (i18next namespace "desk"); Italian typed against English. */
export const deskEn = {
  views: {
    label: 'Saved views',
    open: 'Open',
    mine: 'Assigned to me',
    unassigned: 'Unassigned',
    at_risk: 'At risk',
    breached: 'Breached',
    waiting: 'Waiting on the requester',
    sent_to_you: 'Sent to you by customers',
    team: 'Team {{team}}',
    scrollBack: 'Show earlier views',
    scrollOn: 'Show more views',
    save: 'Save view',
    saveTitle: 'Save these filters as a view',
    saveBody:
      'The view keeps the list’s current filters; it appears among the views, with its count, only for you.',
    saveName: 'Name',
    saveSubmit: 'Save',
    cancel: 'Cancel',
    delete: 'Delete view {{name}}',
    deleteTitle: 'Delete the view “{{name}}”?',
    deleteBody: 'The view is removed from your views; the requests it showed are not changed.',
    deleteConfirm: 'Delete',
  },
  column: { handledBy: 'Handled by' },
  filters: { toggle: 'Filters', toggleActive: 'Filters (on)' },
  handledBy: { label: 'Handled by', any: 'Anyone' },
  row: {
    open: 'Open request {{id}}: {{title}}',
    select: 'Select request {{id}}',
    selectAll: 'Select every request on this page',
    take: 'Take',
    takeLabel: 'Take request {{id}}: assign it to yourself',
    assign: 'Assign',
    assignLabel: 'Assign request {{id}} to…',
    unassign: 'Unassign',
    assigned: 'Request {{id}} assigned to {{name}}.',
    taken: 'You took request {{id}}.',
    unassigned: 'Request {{id}} is unassigned.',
  },
  bulk: {
    label: 'Bulk actions',
    selected_one: '{{count}} request selected',
    selected_other: '{{count}} requests selected',
    assign: 'Assign to…',
    take: 'Take them',
    close: 'Close',
    clear: 'Clear selection',
    closeTitle_one: 'Close {{count}} request?',
    closeTitle_other: 'Close {{count}} requests?',
    closeBody:
      'Each request is closed as if you closed it on its own page: its requester is told, and it can be reopened. Requests changed meanwhile are left as they are.',
    closeReason: 'Reason (optional): each request’s history shows it',
    confirmClose: 'Close them',
    cancel: 'Cancel',
    working: 'Working…',
    applied_one: '{{count}} request changed.',
    applied_other: '{{count}} requests changed.',
    refused_one: '{{count}} request was not changed:',
    refused_other: '{{count}} requests were not changed:',
    refusedItem: 'Request {{id}}: {{reason}}',
  },
  card: { label: 'Request {{id}}' },
}

export const deskIt: Catalog<typeof deskEn> = {
  views: {
    label: 'Viste salvate',
    open: 'Aperte',
    mine: 'Assegnate a me',
    unassigned: 'Non assegnate',
    at_risk: 'A rischio',
    breached: 'Scadute',
    waiting: 'In attesa del richiedente',
    sent_to_you: 'Inviate dai clienti',
    team: 'Team {{team}}',
    scrollBack: 'Mostra le viste precedenti',
    scrollOn: 'Mostra altre viste',
    save: 'Salva vista',
    saveTitle: 'Salva questi filtri come vista',
    saveBody:
      'La vista tiene i filtri attuali dell’elenco; compare tra le viste, con il suo conteggio, solo per te.',
    saveName: 'Nome',
    saveSubmit: 'Salva',
    cancel: 'Annulla',
    delete: 'Elimina la vista {{name}}',
    deleteTitle: 'Eliminare la vista «{{name}}»?',
    deleteBody: 'La vista viene tolta dalle tue viste; le richieste che mostrava non cambiano.',
    deleteConfirm: 'Elimina',
  },
  column: { handledBy: 'Gestita da' },
  filters: { toggle: 'Filtri', toggleActive: 'Filtri (attivi)' },
  handledBy: { label: 'Gestita da', any: 'Chiunque' },
  row: {
    open: 'Apri la richiesta {{id}}: {{title}}',
    select: 'Seleziona la richiesta {{id}}',
    selectAll: 'Seleziona tutte le richieste della pagina',
    take: 'Prendi in carico',
    takeLabel: 'Prendi in carico la richiesta {{id}}: assegnala a te',
    assign: 'Assegna',
    assignLabel: 'Assegna la richiesta {{id}} a…',
    unassign: 'Rimuovi assegnazione',
    assigned: 'Richiesta {{id}} assegnata a {{name}}.',
    taken: 'Hai preso in carico la richiesta {{id}}.',
    unassigned: 'La richiesta {{id}} non è più assegnata.',
  },
  bulk: {
    label: 'Azioni su più richieste',
    selected_one: '{{count}} richiesta selezionata',
    selected_other: '{{count}} richieste selezionate',
    assign: 'Assegna a…',
    take: 'Prendile in carico',
    close: 'Chiudi',
    clear: 'Annulla selezione',
    closeTitle_one: 'Chiudere {{count}} richiesta?',
    closeTitle_other: 'Chiudere {{count}} richieste?',
    closeBody:
      'Ogni richiesta viene chiusa come se la chiudessi dalla sua pagina: il richiedente viene avvisato e la richiesta può essere riaperta. Le richieste modificate nel frattempo restano come sono.',
    closeReason: 'Motivo (facoltativo): compare nella cronologia di ogni richiesta',
    confirmClose: 'Chiudile',
    cancel: 'Annulla',
    working: 'In corso…',
    applied_one: '{{count}} richiesta modificata.',
    applied_other: '{{count}} richieste modificate.',
    refused_one: '{{count}} richiesta non è stata modificata:',
    refused_other: '{{count}} richieste non sono state modificate:',
    refusedItem: 'Richiesta {{id}}: {{reason}}',
  },
  card: { label: 'Richiesta {{id}}' },
}

type PluralSuffix = 'one' | 'other'
type Plain<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? Plain<`${Prefix}${K}`> : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

export type DeskKey = Leaves<typeof deskEn>

/** `t` for the "desk" namespace, keys checked against the English catalog. */
export function useDeskT(): (key: DeskKey, options?: Record<string, unknown>) => string {
  const { t } = useTranslation()
  return useMemo(() => {
    const untyped = t as unknown as (key: string, options: Record<string, unknown>) => string
    return (key, options) => untyped(key, { ...options, ns: 'desk' })
  }, [t])
}
