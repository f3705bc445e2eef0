import { useCallback, useEffect, useState, type DependencyList } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from './client.ts'

export interface ApiResource<T> {
  data: T | undefined
  error: ApiError | null
  loading: boolean
  reload: () => void
}

/**
 * Loads something from the API whenever `deps` change, cancelling the previous request.
 * The last data stays on screen while the next load runs (no flicker while typing a search).
 * It reloads on a language switch too, so server messages follow the UI language.
 */
export function useApiResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): ApiResource<T> {
  const { i18n } = useTranslation()
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<Omit<ApiResource<T>, 'reload'>>({
    data: undefined,
    error: null,
    loading: true,
  })

  useEffect(() => {
    const controller = new AbortController()
    setState((previous) => ({ ...previous, loading: true }))
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: null, loading: false })
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(0, 'client_error', error instanceof Error ? error.message : String(error))
        setState({ data: undefined, error: apiError, loading: false })
      },
    )
    return () => controller.abort()
    // `load` is a new function on every render; the caller's deps say when it really changes.
  }, [...deps, i18n.language, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, reload }
}
