import { AppError } from '../platform/errors.ts'
import type { Locale } from '../platform/i18n/i18n.ts'

/** Why saving a view was refused, in English and Italian; keys are the problem codes. */
const en = {
  view_name_invalid: 'A view’s name has 1 to 60 characters.',
  view_name_taken: 'You already have a view called “{name}”.',
  too_many_views: 'You can keep at most {limit} views of your own: delete one to save another.',
  view_query_invalid: 'The view’s filters are not ones the list accepts: {detail}.',
  view_query_empty: 'The view keeps no filter of the list: choose some filters before saving it.',
} as const

export type SavedViewProblem = keyof typeof en

const it: Record<SavedViewProblem, string> = {
  view_name_invalid: 'Il nome di una vista ha da 1 a 60 caratteri.',
  view_name_taken: 'Hai già una vista chiamata «{name}».',
  too_many_views: 'Puoi tenere al massimo {limit} viste tue: eliminane una per salvarne un’altra.',
  view_query_invalid: 'I filtri della vista non sono tra quelli che l’elenco accetta: {detail}.',
  view_query_empty: 'La vista non tiene alcun filtro dell’elenco: scegli dei filtri prima di salvarla.',
}

export class SavedViewError extends AppError {
  constructor(
    status: number,
    readonly problem: SavedViewProblem,
    readonly detail: Record<string, string> = {},
  ) {
    super(status, problem, 'error.validation')
  }

  override localize(locale: Locale) {
    const template = (locale === 'it' ? it : en)[this.problem]
    return { message: template.replace(/\{(\w+)\}/g, (whole, name: string) => this.detail[name] ?? whole) }
  }
}
