import { apiRequest, apiRequestWithMeta, type ApiResponse } from '../../shared/api/client.ts'

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
] as const
export type HealthStatus = (typeof STATUSES)[number]

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

export const CLASSIFICATIONS = ['incident', 'advisory'] as const
export type Classification = (typeof CLASSIFICATIONS)[number]

export const WORKLOADS = ['office365', 'azure', 'dynamics', 'ems'] as const
export type Workload = (typeof WORKLOADS)[number]

export const POST_TYPES = ['regular', 'quick', 'strategic'] as const
export type PostType = (typeof POST_TYPES)[number]

export const isStatus = (value: unknown): value is HealthStatus => STATUSES.includes(value as HealthStatus)
export const isWorkload = (value: unknown): value is Workload => WORKLOADS.includes(value as Workload)
export const isClassification = (value: unknown): value is Classification =>
  CLASSIFICATIONS.includes(value as Classification)

export interface HealthService {
  id: string
  displayName: string
  workload: Workload
}

export interface IncidentService {
  id: string
  displayName: string
  workload: Workload
  primary: boolean
}

export interface Incident {
  id: string
  title: string
  classification: Classification
  origin: 'microsoft' | 'thirdParty' | 'customer'
  status: HealthStatus
  isResolved: boolean
  feature: string | null
  featureGroup: string | null
  impactDescription: string
  highImpact: boolean
  allTenants: boolean
  startAt: string
  endAt: string | null
  lastModifiedAt: string
  version: number
  services: IncidentService[]
}

export interface IncidentPost {
  id: number
  postType: PostType
  status: string
  content: string
  createdAt: string
}

export interface IncidentDetail extends Incident {
  posts: IncidentPost[]
  following: boolean
  /** Every tenant, or the affected tenants the viewer may see. */
  affectedTenants: 'all' | { tenantId: string; name: string }[]
}

export function listServices(signal: AbortSignal): Promise<HealthService[]> {
  return apiRequest<{ items: HealthService[] }>('/api/health/services', { signal }).then((r) => r.items)
}

// ── Which customers are affected now (partners) ─────────────────────────────────────────

export interface AffectedFilter {
  workload?: Workload | undefined
  service?: string | undefined
  classification?: Classification | undefined
}

export interface AffectedRow {
  /** null: the incident affects every tenant (one row, `customers` counted). */
  tenantId: string | null
  tenantName: string | null
  customers: number
  incidentId: string
  title: string
  status: HealthStatus
  classification: Classification
  serviceId: string
  serviceName: string
  workload: Workload
  startAt: string
  lastModifiedAt: string
}

export interface AffectedOverview {
  items: AffectedRow[]
  everyone: AffectedRow[]
  customers: number
  perService: { serviceId: string; serviceName: string; customers: number }[]
}

const affectedQuery = (filter: AffectedFilter) => ({
  service: filter.service,
  workload: filter.workload,
  classification: filter.classification,
})

export function getAffected(filter: AffectedFilter, signal: AbortSignal): Promise<AffectedOverview> {
  return apiRequest<AffectedOverview>('/api/health/affected', { query: affectedQuery(filter), signal })
}

/** The same view as CSV: a plain link downloads it with the session cookie. */
export function affectedCsvHref(filter: AffectedFilter): string {
  const params = new URLSearchParams({ format: 'csv' })
  for (const [key, value] of Object.entries(affectedQuery(filter))) if (value) params.set(key, value)
  return `/api/health/affected?${params.toString()}`
}

// ── A tenant's health ───────────────────────────────────────────────────────────────────

export interface ServiceHealth {
  id: string
  service: string
  workload: Workload
  status: HealthStatus
  issues: Incident[]
}

export interface TenantHealth {
  tenantId: string
  services: ServiceHealth[]
}

export interface HistoryItem {
  day: string
  serviceId: string
  serviceName: string
  incidents: number
}

export interface TenantHistory {
  days: number
  items: HistoryItem[]
}

const tenantPath = (tenantId: string) => `/api/health/tenants/${encodeURIComponent(tenantId)}`

export function getTenantHealth(tenantId: string, signal: AbortSignal): Promise<TenantHealth> {
  return apiRequest<TenantHealth>(tenantPath(tenantId), { signal })
}

export function getTenantHistory(
  tenantId: string,
  days: number,
  signal: AbortSignal,
): Promise<TenantHistory> {
  return apiRequest<TenantHistory>(`${tenantPath(tenantId)}/history`, { query: { days }, signal })
}

// ── Incidents ───────────────────────────────────────────────────────────────────────────

const incidentPath = (id: string) => `/api/health/incidents/${encodeURIComponent(id)}`

export function getIncident(id: string, signal: AbortSignal): Promise<ApiResponse<IncidentDetail>> {
  return apiRequestWithMeta<IncidentDetail>(incidentPath(id), { signal })
}

export function setFollowing(id: string, follow: boolean): Promise<void> {
  return apiRequest<void>(`${incidentPath(id)}/follow`, { method: follow ? 'POST' : 'DELETE' })
}

export interface IncidentFilter {
  active?: boolean | undefined
  workload?: Workload | undefined
  service?: string | undefined
  classification?: Classification | undefined
  days?: number | undefined
}

export function listIncidents(filter: IncidentFilter, signal: AbortSignal): Promise<Incident[]> {
  return apiRequest<{ items: Incident[] }>('/api/health/incidents', {
    query: {
      active: filter.active ? 'true' : undefined,
      workload: filter.workload,
      service: filter.service,
      classification: filter.classification,
      days: filter.days,
    },
    signal,
  }).then((r) => r.items)
}

/** Every tenant, or the named ones (the API takes exactly one of the two). */
export type AffectedTenants = { allTenants: true } | { tenantIds: string[] }

export type NewIncident = {
  title: string
  classification: Classification
  status: HealthStatus
  impactDescription: string
  /** The first is the primary service. */
  serviceIds: string[]
  feature?: string
  featureGroup?: string
  highImpact?: boolean
  message: string
} & AffectedTenants

export function publishIncident(input: NewIncident): Promise<Incident> {
  return apiRequest<Incident>('/api/health/incidents', { method: 'POST', body: input })
}

export type IncidentChange = {
  status?: HealthStatus
  message?: string
  postType?: PostType
  title?: string
  impactDescription?: string
  highImpact?: boolean
} & (AffectedTenants | { allTenants?: never; tenantIds?: never })

/** Changes an incident the caller last read as `etag` (412 when someone changed it meanwhile). */
export function updateIncident(id: string, etag: string, change: IncidentChange): Promise<Incident> {
  return apiRequest<Incident>(incidentPath(id), {
    method: 'PATCH',
    headers: { 'If-Match': etag },
    body: change,
  })
}

export interface DirectoryTenant {
  tenantId: string
  name: string
  domain: string
}

export function searchTenantDirectory(q: string, signal: AbortSignal): Promise<DirectoryTenant[]> {
  return apiRequest<{ items: DirectoryTenant[] }>('/api/health/tenant-directory', {
    query: { q: q.trim() || undefined },
    signal,
  }).then((r) => r.items)
}

// ── Live updates ────────────────────────────────────────────────────────────────────────

/**
 * A live event: an incident published or updated, or withdrawn from tenants the viewer reads (an
 * update took them away; only its id is sent).
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
      const details = await apiRequest<{ customer: { displayName: string } }>(
        `/api/customers/${encodeURIComponent(tenantId)}`,
        { signal },
      )
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
