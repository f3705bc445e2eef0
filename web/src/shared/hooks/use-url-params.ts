import { useEffect } from 'react'
import { useSearchParams, type SetURLSearchParams } from 'react-router'

type Update = (current: URLSearchParams) => URLSearchParams
type NavigateOptions = Parameters<SetURLSearchParams>[1]

/** The last change asked for, and the address it was made from, until the router has moved on. */
let pending: { from: string; to: string } | null = null

/** The query the next change starts from: the one last asked for, else the address bar's. */
function currentQuery(): URLSearchParams {
  const shown = window.location.search
  if (pending && pending.from !== shown) pending = null
  return new URLSearchParams(pending ? pending.to : shown)
}

/**
 * The URL's query, and a way to change part of it. react-router hands its functional update the
 * query of the last render, so two quick changes (one filter cleared, another chosen before the page
 * renders again) would lose the first. Here each change starts from the last change asked for, or
 * the address bar once the router has written it.
 */
export function useUrlParams(): [URLSearchParams, (update: Update, options?: NavigateOptions) => void] {
  const [params, setParams] = useSearchParams()
  const shown = params.toString()
  useEffect(() => {
    // the router has rendered the change: from here on the address bar is the truth (back, links)
    if (pending?.to === shown) pending = null
  }, [shown])
  const change = (update: Update, options?: NavigateOptions) => {
    const from = window.location.search
    const next = update(currentQuery())
    pending = { from, to: next.toString() }
    setParams(next, options)
  }
  return [params, change]
}
