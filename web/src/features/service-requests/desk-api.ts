import { api, type BodyOf, type ResponseOf } from '../../shared/api/typed.ts'

// The server's OpenAPI document is the contract: these types come from the generated
// openapi.gen.ts (npm run api:types), never retyped.
export type DeskViews = ResponseOf<'/api/service-requests/views', 'get'>
export type DeskView = DeskViews['items'][number]
export type BulkChange = BodyOf<'/api/service-requests/bulk', 'post'>
export type BulkResult = ResponseOf<'/api/service-requests/bulk', 'post'>
export type Assignee = ResponseOf<'/api/desk/assignees', 'get'>['items'][number]

export function getDeskViews(signal: AbortSignal): Promise<DeskViews> {
  return api.get('/api/service-requests/views', { signal })
}

/** Whom the viewer may assign requests to: the vendor's engineers, or the partner's agents. */
export function listAssignees(signal: AbortSignal): Promise<Assignee[]> {
  return api.get('/api/desk/assignees', { signal }).then((r) => r.items)
}

/** One change to several requests: each applied or refused on its own, every outcome answered. */
export function applyBulk(change: BulkChange): Promise<BulkResult> {
  return api.post('/api/service-requests/bulk', { body: change })
}

export type OwnDeskView = ResponseOf<'/api/service-requests/views', 'post'>

/** Saves the list's filters (its query string; the server keeps only the filter keys) as a view of one's own. */
export function saveDeskView(name: string, query: string): Promise<OwnDeskView> {
  return api.post('/api/service-requests/views', { body: { name, query } })
}

export function deleteDeskView(id: string): Promise<void> {
  return api.delete('/api/service-requests/views/{id}', { path: { id } })
}
