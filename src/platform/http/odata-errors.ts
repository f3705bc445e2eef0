import { AppError } from '../errors.ts'
import type { Locale } from '../i18n/i18n.ts'

/**
 * Why a query option was refused, in Graph's two codes: `BadRequest` when the option is not valid
 * OData (bad syntax, an unknown property, a value of the wrong type), `Request_UnsupportedQuery`
 * when it is valid OData this resource does not serve (a property that cannot be filtered or
 * sorted, an operator, a function, an option). Either way the answer is 400: never ignored.
 */
export type ODataErrorCode = 'BadRequest' | 'Request_UnsupportedQuery'

const en = {
  syntax: "Invalid {option} clause: {detail} (at position {position} of '{text}').",
  unknown_property: "Could not find a property named '{property}' on type '{type}'.",
  not_filterable: "Filtering on property '{property}' is not supported.",
  operator_unsupported: "The operator '{operator}' is not supported on property '{property}'.",
  function_unsupported: "The function '{name}' is not supported in $filter.",
  unknown_function: "Unknown function '{name}' in $filter.",
  lambda_unsupported: "Lambda operators (any, all) are not supported in $filter on '{type}'.",
  literal_left: "Comparisons must have a property on the left and a literal on the right ('{text}').",
  type_mismatch: "The value {value} is not a valid {expected} for property '{property}'.",
  enum_value: "'{value}' is not a valid value of property '{property}' (one of: {values}).",
  not_sortable: "Sorting by property '{property}' is not supported.",
  not_selectable: "Property '{property}' cannot be selected.",
  nested_select: "Selecting a nested property ('{property}') is not supported.",
  bad_direction: "Invalid $orderby direction '{direction}': use asc or desc.",
  option_repeated: "Query option '{option}' was specified more than once; it may appear at most once.",
  option_unsupported: "The query option '{option}' is not supported on this resource.",
  option_unknown: "The query parameter '{option}' is not supported.",
  bad_top: "Invalid page size specified: '{value}'. Must be between 1 and {max} inclusive.",
  bad_skip: "Invalid $skip value '{value}': a non-negative integer is required.",
  bad_count: "Invalid $count value '{value}': use true or false.",
  bad_skiptoken: 'The $skiptoken is not one this server issued for this query.',
  bad_expand: "'{value}' cannot be expanded here (allowed: {allowed}).",
  too_complex: 'The $filter is too complex (more than {max} conditions).',
} as const

type ODataProblem = keyof typeof en

const it: Record<ODataProblem, string> = {
  syntax: "Clausola {option} non valida: {detail} (alla posizione {position} di '{text}').",
  unknown_property: "Il tipo '{type}' non ha una proprietà di nome '{property}'.",
  not_filterable: "Il filtro sulla proprietà '{property}' non è supportato.",
  operator_unsupported: "L'operatore '{operator}' non è supportato sulla proprietà '{property}'.",
  function_unsupported: "La funzione '{name}' non è supportata in $filter.",
  unknown_function: "Funzione '{name}' sconosciuta in $filter.",
  lambda_unsupported: "Gli operatori lambda (any, all) non sono supportati in $filter su '{type}'.",
  literal_left: "I confronti vogliono una proprietà a sinistra e un valore letterale a destra ('{text}').",
  type_mismatch: "Il valore {value} non è un {expected} valido per la proprietà '{property}'.",
  enum_value: "'{value}' non è un valore ammesso per la proprietà '{property}' (uno tra: {values}).",
  not_sortable: "L'ordinamento per la proprietà '{property}' non è supportato.",
  not_selectable: "La proprietà '{property}' non si può selezionare.",
  nested_select: "La selezione di una proprietà annidata ('{property}') non è supportata.",
  bad_direction: "Direzione di $orderby '{direction}' non valida: usa asc o desc.",
  option_repeated: "L'opzione '{option}' è indicata più di una volta; può comparire al massimo una volta.",
  option_unsupported: "L'opzione di query '{option}' non è supportata su questa risorsa.",
  option_unknown: "Il parametro di query '{option}' non è supportato.",
  bad_top: "Dimensione di pagina non valida: '{value}'. Deve essere tra 1 e {max} inclusi.",
  bad_skip: "Valore di $skip '{value}' non valido: serve un intero non negativo.",
  bad_count: "Valore di $count '{value}' non valido: usa true o false.",
  bad_skiptoken: 'Il $skiptoken non è stato emesso da questo server per questa query.',
  bad_expand: "'{value}' non si può espandere qui (ammessi: {allowed}).",
  too_complex: 'Il $filter è troppo complesso (più di {max} condizioni).',
}

const CODE: Record<ODataProblem, ODataErrorCode> = {
  syntax: 'BadRequest',
  unknown_property: 'BadRequest',
  not_filterable: 'Request_UnsupportedQuery',
  operator_unsupported: 'Request_UnsupportedQuery',
  function_unsupported: 'Request_UnsupportedQuery',
  unknown_function: 'BadRequest',
  lambda_unsupported: 'Request_UnsupportedQuery',
  literal_left: 'Request_UnsupportedQuery',
  type_mismatch: 'BadRequest',
  enum_value: 'BadRequest',
  not_sortable: 'Request_UnsupportedQuery',
  not_selectable: 'Request_UnsupportedQuery',
  nested_select: 'Request_UnsupportedQuery',
  bad_direction: 'BadRequest',
  option_repeated: 'BadRequest',
  option_unsupported: 'Request_UnsupportedQuery',
  option_unknown: 'BadRequest',
  bad_top: 'BadRequest',
  bad_skip: 'BadRequest',
  bad_count: 'BadRequest',
  bad_skiptoken: 'BadRequest',
  bad_expand: 'BadRequest',
  too_complex: 'Request_UnsupportedQuery',
}

/** A refused query option; the Graph surface presents it as `{"error": {"code", "message", "innerError"}}`. */
export class ODataError extends AppError {
  constructor(
    readonly problem: ODataProblem,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(400, CODE[problem], 'error.validation', { detail: problem })
    this.name = 'ODataError'
  }

  override localize(locale: Locale) {
    const template: string = (locale === 'it' ? it : en)[this.problem]
    return {
      message: template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        this.detail[name] === undefined ? whole : String(this.detail[name]),
      ),
    }
  }
}
