import { useCallback, useState } from 'react'
import { asApiError } from './as-api-error.ts'
import type { ApiError } from './client.ts'

/**
 * One API action of a form or dialog: `run(work)` clears the last error, is busy while `work`
 * runs, and keeps what it throws as an ApiError for the form to show (it never rethrows).
 * A form that leaves the page on success passes `staysBusyOnSuccess`, so it cannot be sent
 * again while the next page loads.
 */
export function useApiAction({ staysBusyOnSuccess = false }: { staysBusyOnSuccess?: boolean } = {}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      setBusy(true)
      setError(null)
      try {
        await work()
        if (!staysBusyOnSuccess) setBusy(false)
      } catch (caught) {
        setError(asApiError(caught))
        setBusy(false)
      }
    },
    [staysBusyOnSuccess],
  )
  return { busy, error, setError, run }
}
