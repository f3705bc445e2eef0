import { useCallback, useState } from 'react'
import { ApiError } from '../../../shared/api/client.ts'
import { useApiResource } from '../../../shared/api/use-api-resource.ts'
import { type ServiceRequest, updateRequest } from '../api.ts'
import { listAssignees } from '../desk-api.ts'
import { useDeskT } from '../desk-i18n.ts'

export interface RowFeedback {
  intent: 'success' | 'error'
  text: string
}

/**
 * The desk's state on the list: whom the viewer may assign to, the selected requests (with the
 * version the list read, for the bulk change) and the outcome of the last row action.
 */
export function useDeskList(enabled: boolean, viewerId: string, reload: () => void) {
  const t = useDeskT()
  const assignees = useApiResource(
    (signal) => (enabled ? listAssignees(signal) : Promise.resolve([])),
    [enabled],
  )
  const [selected, setSelected] = useState<ReadonlyMap<string, number>>(new Map())
  const [busyId, setBusyId] = useState<string | null>(null)
  const [feedback, setFeedback] = useState<RowFeedback | null>(null)

  const select = useCallback(
    (items: ServiceRequest[]) => (ids: string[], on: boolean) =>
      setSelected((previous) => {
        const next = new Map(previous)
        for (const id of ids) {
          const version = items.find((r) => r.id === id)?.version
          if (on && version !== undefined) next.set(id, version)
          else next.delete(id)
        }
        return next
      }),
    [],
  )
  const clear = useCallback(() => setSelected(new Map()), [])

  /** Take (assign to the viewer) or assign one request: a PATCH with the version the list read. */
  const assign = async (r: ServiceRequest, assignedTo: string | null) => {
    setBusyId(r.id)
    setFeedback(null)
    try {
      await updateRequest(r.id, { assignedTo }, `"${r.id}-${r.version}"`)
      const name = (assignees.data ?? []).find((a) => a.userId === assignedTo)?.name ?? ''
      setFeedback({
        intent: 'success',
        text:
          assignedTo === null
            ? t('row.unassigned', { id: r.id })
            : assignedTo === viewerId
              ? t('row.taken', { id: r.id })
              : t('row.assigned', { id: r.id, name }),
      })
      reload()
    } catch (error) {
      setFeedback({ intent: 'error', text: error instanceof ApiError ? error.message : String(error) })
    } finally {
      setBusyId(null)
    }
  }

  return { assignees: assignees.data ?? [], selected, select, clear, busyId, feedback, assign }
}
