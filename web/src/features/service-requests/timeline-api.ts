import type { Static } from 'typebox'
import type {
  LinkedRequestSchema,
  TimelineEntrySchema,
  TimelineSchema,
} from '../../../../src/service-requests/timeline.schema.ts'
import { apiRequest, apiRequestWithMeta } from '../../shared/api/client.ts'
import type { ServiceRequest, VersionedRequest } from './api.ts'

// The server's schemas are the contract: these types are derived from them, never retyped.
export type Timeline = Static<typeof TimelineSchema>
export type TimelineEntry = Static<typeof TimelineEntrySchema>
export type LinkedRequest = Static<typeof LinkedRequestSchema>

const requestPath = (id: string) => `/api/service-requests/${encodeURIComponent(id)}`

export function getTimeline(id: string, signal: AbortSignal): Promise<Timeline> {
  return apiRequest<Timeline>(`${requestPath(id)}/timeline`, { signal })
}

/** Close (reason optional) or reopen (reason required); If-Match with the version on screen. */
export async function moveWithReason(
  id: string,
  action: 'close' | 'reopen',
  reason: string,
  etag: string | null,
): Promise<VersionedRequest> {
  const trimmed = reason.trim()
  const { data, etag: next } = await apiRequestWithMeta<ServiceRequest>(`${requestPath(id)}/${action}`, {
    method: 'POST',
    body: trimmed ? { reason: trimmed } : {},
    headers: etag ? { 'If-Match': etag } : {},
  })
  return { request: data, etag: next }
}
