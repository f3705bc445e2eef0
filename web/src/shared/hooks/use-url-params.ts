import { useSearchParams, type SetURLSearchParams } from 'react-router'

type Update = (current: URLSearchParams) => URLSearchParams
type NavigateOptions = Parameters<SetURLSearchParams>[1]

/**
 * The URL's query, and a way to change part of it. react-router hands its functional update the
 * query of the last render, so two quick changes (one filter cleared, another chosen before the page
 * renders again) would lose the first. Here each change starts from the address bar itself, which
 * the router updates before it renders.
 */
export function useUrlParams(): [URLSearchParams, (update: Update, options?: NavigateOptions) => void] {
  const [params, setParams] = useSearchParams()
  const change = (update: Update, options?: NavigateOptions) =>
    setParams(update(new URLSearchParams(window.location.search)), options)
  return [params, change]
}
