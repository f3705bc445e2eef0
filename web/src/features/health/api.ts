import { api, callWithMeta, type BodyOf, type QueryOf, type ResponseOf } from '../../shared/api/typed.ts'
import type { ApiResponse } from '../../shared/api/client.ts'

// The server's OpenAPI document is the contract: these types come from the generated
// openapi.gen.ts (npm run api:types), never retyped.
export type IncidentDetail = ResponseOf<'/api/health/incidents/{id}', 'get'>
export type Incident = ResponseOf<'/api/health/incidents', 'get'>['items'][number]
export type IncidentService = Incident['services'][number]
export type IncidentPost = IncidentDetail['posts'][number]
export type HealthService = ResponseOf<'/api/health/services', 'get'>['items'][number]
export type HealthStatus = Incident['status']
export type Classification = Incident['classification']
export type Workload = HealthService['workload']
export type PostType = IncidentPost['postType']

/** Graph's serviceHealthStatus values (the reserved ones too: the API may send them). */
export const STATUSES = [
  'serviceOperational',
  'investigating',
  'restoringService',
  'verifyingService',
  'serviceRestored',
  'postIncidentReviewPublished',
  'serviceDegradation',
  'serviceInterruption',
  'extendedRecovery',
  'falsePositive',
  'investigationSuspended',
  'resolved',
  'mitigatedExternal',
  'mitigated',
  'resolvedExternal',
  'confirmed',
  'reported',
] as const satisfies readonly HealthStatus[]

/** The statuses an engineer sets on an incident, in the order an incident usually goes through them. */
export const INCIDENT_STATUSES = [
  'investigating',
  'serviceDegradation',
  'serviceInterruption',
  'restoringService',
  'extendedRecovery',
  'verifyingService',
  'serviceRestored',
  'postIncidentReviewPublished',
  'investigationSuspended',
  'falsePositive',
] as const satisfies readonly HealthStatus[]

export const CLASSIFICATIONS = ['incident', 'advisory'] as const satisfies readonly Classification[]

/** The workloads the health pages offer as filters and groups. */
export const WORKLOADS = ['office365', 'azure', 'dynamics', 'ems'] as const satisfies readonly Workload[]

export const POST_TYPES = ['regular', 'quick', 'strategic'] as const satisfies readonly PostType[]

export const isStatus = (value: unknown): value is HealthStatus => STATUSES.includes(value as HealthStatus)
export const isWorkload = (value: unknown): value is Workload =>
  (WORKLOADS as readonly unknown[]).includes(value)
export const isClassification = (value: unknown): value is Classification =>
  CLASSIFICATIONS.includes(value as Classification)

export function listServices(signal: AbortSignal): Promise<HealthService[]> {
  return api.get('/api/health/services', { signal }).then((r) => r.items)
}

// ── Which customers are affected now (partners) ─────────────────────────────────────────

/** Which affected customers to show (the view's query, without its format). */
export type AffectedFilter = Omit<QueryOf<'/api/health/affected', 'get'>, 'format'>

export type AffectedOverview = ResponseOf<'/api/health/affected', 'get'>
export type AffectedRow = AffectedOverview['items'][number]

const affectedQuery = (filter: AffectedFilter) => ({
  service: filter.service,
  workload: filter.workload,
  classification: filter.classification,
})

export function getAffected(filter: AffectedFilter, signal: AbortSignal): Promise<AffectedOverview> {
  return api.get('/api/health/affected', { query: affectedQuery(filter), signal })
}

/** The same view as CSV: a plain link downloads it with the session cookie. */
export function affectedCsvHref(filter: AffectedFilter): string {
  const params = new URLSearchParams({ format: 'csv' })
  for (const [key, value] of Object.entries(affectedQuery(filter))) if (value) params.set(key, value)
  return `/api/health/affected?${params.toString()}`
}

// ── A tenant's health ───────────────────────────────────────────────────────────────────

export type TenantHealth = ResponseOf<'/api/health/tenants/{tenantId}', 'get'>
export type ServiceHealth = TenantHealth['services'][number]
export type TenantHistory = ResponseOf<'/api/health/tenants/{tenantId}/history', 'get'>
export type HistoryItem = TenantHistory['items'][number]

export function getTenantHealth(tenantId: string, signal: AbortSignal): Promise<TenantHealth> {
  return api.get('/api/health/tenants/{tenantId}', { path: { tenantId }, signal })
}

export function getTenantHistory(
  tenantId: string,
  days: number,
  signal: AbortSignal,
): Promise<TenantHistory> {
  return api.get('/api/health/tenants/{tenantId}/history', { path: { tenantId }, query: { days }, signal })
}

// ── Incidents ───────────────────────────────────────────────────────────────────────────

export function getIncident(id: string, signal: AbortSignal): Promise<ApiResponse<IncidentDetail>> {
  return callWithMeta('get', '/api/health/incidents/{id}', { path: { id }, signal })
}

export function setFollowing(id: string, follow: boolean): Promise<void> {
  return follow
    ? api.post('/api/health/incidents/{id}/follow', { path: { id } })
    : api.delete('/api/health/incidents/{id}/follow', { path: { id } })
}

/** Which incidents to list: the list's query (the incident pages do not filter by `tenant`). */
export type IncidentFilter = Omit<QueryOf<'/api/health/incidents', 'get'>, 'tenant'>

export function listIncidents(filter: IncidentFilter, signal: AbortSignal): Promise<Incident[]> {
  const query: QueryOf<'/api/health/incidents', 'get'> = {
    ...(filter.active ? { active: true } : {}),
    workload: filter.workload,
    service: filter.service,
    classification: filter.classification,
    days: filter.days,
  }
  return api.get('/api/health/incidents', { query, signal }).then((r) => r.items)
}

export type NewIncident = BodyOf<'/api/health/incidents', 'post'>

export function publishIncident(input: NewIncident): Promise<IncidentWithPosts> {
  return api.post('/api/health/incidents', { body: input })
}

export type IncidentWithPosts = ResponseOf<'/api/health/incidents', 'post'>
export type IncidentChange = BodyOf<'/api/health/incidents/{id}', 'patch'>

/** Changes an incident the caller last read as `etag` (412 when someone changed it meanwhile). */
export function updateIncident(id: string, etag: string, change: IncidentChange): Promise<IncidentWithPosts> {
  return api.patch('/api/health/incidents/{id}', {
    path: { id },
    headers: { 'If-Match': etag },
    body: change,
  })
}

export type DirectoryTenant = ResponseOf<'/api/health/tenant-directory', 'get'>['items'][number]

export function searchTenantDirectory(q: string, signal: AbortSignal): Promise<DirectoryTenant[]> {
  return api
    .get('/api/health/tenant-directory', { query: { q: q.trim() || undefined }, signal })
    .then((r) => r.items)
}

// ── Live updates ────────────────────────────────────────────────────────────────────────

/**
 * A live event (server-sent, not in the OpenAPI document): an incident published or updated, or
 * withdrawn from tenants the viewer reads (an update took them away; only its id is sent).
 */
export type IncidentEvent =
  | { kind: 'published' | 'updated'; incident: Incident; tenants: string[] | 'all' }
  | { kind: 'withdrawn'; incident: { id: string }; tenants: string[] | 'all' }

/** The live stream's URL: every tenant the viewer may read, or only one. */
export const streamUrl = (tenantId?: string): string =>
  tenantId ? `/api/health/stream?tenant=${encodeURIComponent(tenantId)}` : '/api/health/stream'

// ── Names ───────────────────────────────────────────────────────────────────────────────

/**
 * A tenant's display name for a page title, by what the viewer may read: a partner reads its
 * customer, an engineer the tenant directory. Null when neither says (the page shows the id).
 */
export async function getTenantName(
  viewerKind: 'partner' | 'customer' | 'vendor',
  tenantId: string,
  signal: AbortSignal,
): Promise<string | null> {
  try {
    if (viewerKind === 'partner') {
      const details = await api.get('/api/customers/{tenantId}', { path: { tenantId }, signal })
      return details.customer.displayName
    }
    if (viewerKind === 'vendor') {
      const directory = await searchTenantDirectory('', signal)
      return directory.find((d) => d.tenantId === tenantId)?.name ?? null
    }
  } catch {
    // a missing name is not worth an error: the page says whose health it shows by id
  }
  return null
}
