import { api, callWithMeta, type ResponseOf } from '../../shared/api/typed.ts'
import { ifMatch, type VersionedRequest } from './api.ts'

// The server's OpenAPI document is the contract: these types come from the generated
// openapi.gen.ts (npm run api:types), never retyped.
export type Timeline = ResponseOf<'/api/service-requests/{id}/timeline', 'get'>
export type TimelineEntry = Timeline['entries'][number]
export type LinkedRequest = Timeline['links']['escalations'][number]

export function getTimeline(id: string, signal: AbortSignal): Promise<Timeline> {
  return api.get('/api/service-requests/{id}/timeline', { path: { id }, signal })
}

/** Close (reason optional) or reopen (reason required); If-Match with the version on screen. */
export async function moveWithReason(
  id: string,
  action: 'close' | 'reopen',
  reason: string,
  etag: string | null,
): Promise<VersionedRequest> {
  const trimmed = reason.trim()
  const { data, etag: next } =
    action === 'close'
      ? await callWithMeta('post', '/api/service-requests/{id}/close', {
          path: { id },
          body: trimmed ? { reason: trimmed } : {},
          headers: ifMatch(etag),
        })
      : await callWithMeta('post', '/api/service-requests/{id}/reopen', {
          path: { id },
          body: { reason: trimmed },
          headers: ifMatch(etag),
        })
  return { request: data, etag: next }
}
