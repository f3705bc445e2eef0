import { useEffect, useState } from 'react'
import {
  SEVERITIES,
  SLA_STATES,
  SORTS,
  STATUSES,
  WORKLOADS,
  type HandledBy,
  type RequestFilters,
  type RequestSort,
  type RequestStatus,
  type Severity,
  type SlaState,
  type Workload,
} from '../api.ts'
import type { RequestViewer } from '../viewer.ts'
import { useUrlParams } from '../../../shared/hooks/use-url-params.ts'

export type FilterKey =
  | 'customer'
  | 'partner'
  | 'status'
  | 'severity'
  | 'workload'
  | 'azureService'
  | 'sla'
  | 'assignee'
  | 'handledBy'
  | 'q'
  | 'sort'
  | 'offset'

export type SetFilter = (key: FilterKey, value: string, options?: { replace?: boolean }) => void

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined

const UUID = /^[0-9a-fA-F-]{36}$/
/** Typing waits this long before the list asks the server again. */
const SEARCH_DEBOUNCE_MS = 350

/** The list's filters as the URL says them, each kept only when valid and meaningful for the viewer. */
export function readRequestFilters(params: URLSearchParams, viewer: RequestViewer): RequestFilters {
  const isPartner = viewer.tenantKind === 'partner'
  const isVendor = viewer.tenantKind === 'vendor'
  const isDesk = isVendor || isPartner
  const q = (params.get('q') ?? '').trim() || undefined
  const assignee = params.get('assignee')
  const sort = oneOf<RequestSort>(SORTS, params.get('sort'))
  return {
    customer: ((isPartner || isVendor) && params.get('customer')) || undefined,
    partner: (isVendor && UUID.test(params.get('partner') ?? '') && params.get('partner')) || undefined,
    status: oneOf<RequestStatus>(STATUSES, params.get('status')),
    severity: oneOf<Severity>(SEVERITIES, params.get('severity')),
    workload: oneOf<Workload>(WORKLOADS, params.get('workload')),
    azureService: (UUID.test(params.get('azureService') ?? '') && params.get('azureService')) || undefined,
    sla: oneOf<SlaState>(SLA_STATES, params.get('sla')),
    handledBy: (isPartner && oneOf<HandledBy>(['vendor', 'partner'], params.get('handledBy'))) || undefined,
    assignee:
      isDesk && assignee && (assignee === 'me' || assignee === 'none' || UUID.test(assignee))
        ? assignee
        : undefined,
    q,
    // relevance ranks search hits; without words there is nothing to rank
    sort: sort === 'relevance' && !q ? undefined : sort,
    offset: Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0),
  }
}

/** Whether anything narrows the list (sorting and paging do not). */
export const isFiltered = (filters: RequestFilters): boolean =>
  Boolean(
    filters.customer ||
    filters.partner ||
    filters.status ||
    filters.severity ||
    filters.workload ||
    filters.azureService ||
    filters.sla ||
    filters.assignee ||
    filters.handledBy ||
    filters.q,
  )

/** The filters in the URL, and `setFilter`: a changed filter starts again from the first page. */
export function useRequestListParams(viewer: RequestViewer) {
  const [params, changeParams] = useUrlParams()
  const filters = readRequestFilters(params, viewer)
  const setFilter: SetFilter = (key, value, options = {}) => {
    changeParams(
      (previous) => {
        const next = new URLSearchParams(previous)
        if (value) next.set(key, value)
        else next.delete(key)
        if (key === 'q' && !value && next.get('sort') === 'relevance') next.delete('sort')
        if (key !== 'offset') next.delete('offset')
        return next
      },
      { replace: options.replace ?? false },
    )
  }
  return {
    params,
    filters,
    filtered: isFiltered(filters),
    setFilter,
    clear: () => changeParams(() => new URLSearchParams()),
  }
}

/**
 * The search box's text: it answers as you type, once typing pauses; the URL keeps the words
 * (`q`). When the URL's words change elsewhere (clear, back) the box shows them, but keeps a
 * space being typed.
 */
export function useSearchText(q: string | undefined, setFilter: SetFilter) {
  const [searchText, setSearchText] = useState(q ?? '')
  useEffect(() => setSearchText((typed) => (typed.trim() === (q ?? '') ? typed : (q ?? ''))), [q])
  useEffect(() => {
    const words = searchText.trim()
    if (words === (q ?? '')) return
    const timer = setTimeout(() => setFilter('q', words, { replace: true }), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
    // setFilter reads the current URL itself; only the typed text and the URL's words matter here
  }, [searchText, q])
  return [searchText, setSearchText] as const
}
