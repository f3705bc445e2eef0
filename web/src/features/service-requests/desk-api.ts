import type { Static } from 'typebox'
import type {
  BulkChangeBodySchema,
  BulkChangeResultSchema,
} from '../../../../src/service-requests/desk-bulk.schema.ts'
import type { DeskViewsSchema } from '../../../../src/service-requests/desk-views.schema.ts'
import { apiRequest } from '../../shared/api/client.ts'

// The server's schemas are the contract: these types derive from them.
export type DeskViews = Static<typeof DeskViewsSchema>
export type DeskView = DeskViews['items'][number]
export type BulkChange = Static<typeof BulkChangeBodySchema>
export type BulkResult = Static<typeof BulkChangeResultSchema>

export interface Assignee {
  userId: string
  name: string
  email: string
}

export function getDeskViews(signal: AbortSignal): Promise<DeskViews> {
  return apiRequest<DeskViews>('/api/service-requests/views', { signal })
}

/** Whom the viewer may assign requests to: the vendor's engineers, or the partner's agents. */
export function listAssignees(signal: AbortSignal): Promise<Assignee[]> {
  return apiRequest<{ items: Assignee[] }>('/api/desk/assignees', { signal }).then((r) => r.items)
}

/** One change to several requests: each applied or refused on its own, every outcome answered. */
export function applyBulk(change: BulkChange): Promise<BulkResult> {
  return apiRequest<BulkResult>('/api/service-requests/bulk', { method: 'POST', body: change })
}
