import { apiRequest, apiRequestWithMeta } from '../../shared/api/client.ts'

export const WORKLOADS = ['azure', 'office365', 'dynamics', 'ems', 'marketplace'] as const
export type Workload = (typeof WORKLOADS)[number]
export const SEVERITIES = ['minimal', 'moderate', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]
export const STATUSES = ['open', 'attention_needed', 'closed'] as const
export type RequestStatus = (typeof STATUSES)[number]
export const PROBLEM_TYPES = ['technical', 'billing', 'subscription_management', 'quota'] as const
export type ProblemType = (typeof PROBLEM_TYPES)[number]
export type HandledBy = 'vendor' | 'partner'
export type RuleId = `R${number}`

export interface PolicyCheck {
  rule: RuleId
  check: string
  ok: boolean
  label: string
}

export interface IsvContacts {
  id: string
  name: string
  isvName: string
  supportUrl: string | null
  supportEmail: string | null
  supportPhone: string | null
}

export interface PartnerContact {
  tenantId: string
  name: string
  email: string | null
  phone: string | null
  relationship: 'reseller' | 'advisor' | 'indirect_provider'
}

export interface Alternative {
  rule: RuleId
  problemType?: ProblemType
  handledBy?: HandledBy
}

export interface Grant {
  relationshipId: string
  relationshipName: string
  assignmentId: string
  groupName: string
  roleId: string
  roleName: string
}

/** What GET /api/advice answers: may the user file this request, and how (R1–R14). */
export interface Advice {
  allowed: boolean
  rule: RuleId | null
  reason: string
  message: string
  remedy: string | null
  workload: Workload
  tenant: { tenantId: string; name: string; kind: 'customer' | 'own' }
  portal: 'azure' | 'm365' | null
  context: 'delegated' | 'provider' | 'own' | 'customer' | null
  supportPlan: string | null
  supportPlanKind: string | null
  entitlementId: string | null
  contact: 'partner' | 'customer' | null
  handledBy: HandledBy | null
  subscription: { id: string; name: string } | null
  grant: Grant | null
  firstResponseMinutes: Record<Severity, number> | null
  checks: PolicyCheck[]
  isv: IsvContacts | null
  partners: PartnerContact[]
  alternatives: Alternative[]
  incidents: { id: string; title: string; status: string; workload: Workload; startedAt: string }[]
}

/** A refusal, whether it came from the advice or as a 403 from a change. */
export interface Refusal {
  rule: RuleId | null
  reason: string
  message: string
  remedy: string | null
  checks: PolicyCheck[]
  isv: IsvContacts | null
  partners: PartnerContact[]
  alternatives: Alternative[]
  /** The customer the refusal is about (from the advice): its remedy's action acts for it. */
  customer?: { tenantId: string; name: string } | undefined
}

export type AdviceIncident = Advice['incidents'][number]

/** R4: follow an incident — its updates become notifications for the user. */
export function followIncident(id: string): Promise<void> {
  return apiRequest<void>(`/api/health/incidents/${encodeURIComponent(id)}/follow`, { method: 'POST' })
}

export interface AdviceQuery {
  customer?: string | undefined
  workload: Workload
  subscription?: string | undefined
  product?: string | undefined
  problemType?: ProblemType | undefined
  handledBy?: HandledBy | undefined
}

export function getAdvice(query: AdviceQuery, signal: AbortSignal): Promise<Advice> {
  return apiRequest<Advice>('/api/advice', { query: { ...query }, signal })
}

export interface SupportTopic {
  id: string
  name: string
  common: boolean
}

export function listSupportTopics(workload: Workload, signal: AbortSignal): Promise<SupportTopic[]> {
  return apiRequest<{ items: SupportTopic[] }>('/api/support-topics', { query: { workload }, signal }).then(
    (page) => page.items,
  )
}

export type Visibility = 'public' | 'internal'

export interface Note {
  id: string
  authorName: string
  authorTenantId: string
  text: string
  /** Internal notes reach only whoever works the request; the API never sends them to the requester. */
  visibility?: Visibility
  createdAt: string
}

export const SLA_STATES = ['running', 'at_risk', 'breached', 'met', 'stopped', 'none'] as const
export type SlaState = (typeof SLA_STATES)[number]

/** The first-response clock (R14) every request carries. */
export interface Sla {
  state: SlaState
  firstResponseDueAt: string | null
  firstResponseAt: string | null
  breachedAt: string | null
  /** While the clock runs (running, at risk): whole minutes left. */
  remainingMinutes: number | null
}

export interface Attachment {
  id: string
  fileName: string
  contentType: string
  sizeBytes: number
  sha256: string
  visibility: Visibility
  uploadedBy: { name: string; tenantId: string }
  createdAt: string
  /** Same-origin download URL (always served as a download). */
  url: string
}

/**
 * Whom a request waits on, as the server sees it for the signed-in reader: `you` only for whoever
 * must act (the requester or the contact while information is asked; the side that works it
 * while open); `requester` with the filing party's name; else the vendor or partner working it.
 */
export interface WaitingOn {
  party: 'you' | 'requester' | 'vendor' | 'partner'
  name: string
}

/** The Azure service and problem classification chosen in the Azure portal (or over ARM). */
export interface AzureClassification {
  service: { id: string; name: string }
  problemClassification: { id: string; name: string } | null
}

export interface ServiceRequest {
  id: string
  tenant: { tenantId: string; name: string }
  partner: { tenantId: string; name: string } | null
  handledBy: HandledBy
  /** Who works it, by name (the vendor, or the partner a trial customer contacted). */
  handler?: { kind: HandledBy; tenantId: string | null; name: string }
  /** The organization that filed it. */
  requester?: { tenantId: string; name: string }
  /** null when closed. */
  waitingOn?: WaitingOn | null
  workload: Workload
  subscription: { id: string; name: string } | null
  problemType: ProblemType
  supportTopic: { id: string; name: string } | null
  azure?: AzureClassification | null
  title: string
  description: string
  severity: Severity
  status: RequestStatus
  contact: {
    userId: string
    name: string
    email: string
    phone: string | null
    tenantId: string
    preferredLanguage: 'it' | 'en'
  }
  createdBy: { userId: string; name: string; tenantId: string }
  delegation: {
    partnerTenantId: string
    partnerName: string
    relationshipId: string | null
    relationshipName: string | null
    roleName: string | null
    groupName: string | null
  } | null
  rule: string
  supportPlan: string
  entitlementId: string | null
  locale: string
  country: string
  createdAt: string
  modifiedAt: string
  closedAt: string | null
  firstResponseDueAt: string | null
  version: number
  /** R4: the service incident the request was filed against ("File anyway, linked to it"). */
  linkedIncident: { id: string; title: string | null; status: string | null } | null
  /** The vendor's engineer working the request, if any. */
  assignedTo?: { userId: string; name: string | null } | null
  /** The partner's own ticket number in its PSA tool. */
  externalReference?: string | null
  sla?: Sla
  notes?: Note[]
  attachments?: Attachment[]
}

/** A request with the ETag to send back as If-Match on the next change. */
export interface VersionedRequest {
  request: ServiceRequest
  etag: string | null
}

export interface NewRequest {
  customerTenantId?: string
  workload: Workload
  subscriptionId?: string
  productId?: string
  problemType?: ProblemType
  supportTopicId?: string
  title: string
  description: string
  severity: Severity
  handledBy?: HandledBy
  entitlementId?: string
  contact?: { phone?: string; preferredLanguage?: 'it' | 'en' }
  /** R4: one of the active incidents the advice listed ("File anyway, linked to it"). */
  linkedIncidentId?: string
  /** "Escalate to the vendor": the customer's request (handled by the partner) this one escalates. */
  escalationOf?: string
}

export async function createRequest(body: NewRequest): Promise<ServiceRequest> {
  return apiRequest<ServiceRequest>('/api/service-requests', { method: 'POST', body })
}

export const REQUESTS_PAGE_SIZE = 50

export const SORTS = ['created', 'modified', 'due', 'relevance'] as const
export type RequestSort = (typeof SORTS)[number]

export interface RequestFilters {
  customer?: string | undefined
  status?: RequestStatus | undefined
  severity?: Severity | undefined
  workload?: Workload | undefined
  /** Azure tickets filed under this Azure service (its id). */
  azureService?: string | undefined
  /** The vendor's queue: the partner that filed or handles the request. */
  partner?: string | undefined
  sla?: SlaState | undefined
  /** `me`, `none` or a colleague's user id (the vendor's queue, partner staff's list). */
  assignee?: string | undefined
  /** Who works the requests: the vendor, or the partner (requests its customers sent it). */
  handledBy?: HandledBy | undefined
  /** Words, a quoted phrase, `or`, `-word`, or a request number. */
  q?: string | undefined
  sort?: RequestSort | undefined
  offset: number
}

export function listRequests(
  filters: RequestFilters,
  signal: AbortSignal,
): Promise<{ total: number; items: ServiceRequest[] }> {
  return apiRequest('/api/service-requests', {
    query: { ...filters, limit: REQUESTS_PAGE_SIZE },
    signal,
  })
}

export interface AzureServiceOption {
  id: string
  name: string
  problemClassifications: { id: string; name: string }[]
}

/** The Azure services tickets are filed under (the queue's filter), names in the page's language. */
export async function listAzureServices(signal: AbortSignal): Promise<AzureServiceOption[]> {
  return (await apiRequest<{ items: AzureServiceOption[] }>('/api/azure-services', { signal })).items
}

const requestPath = (id: string) => `/api/service-requests/${encodeURIComponent(id)}`

export async function getRequest(id: string, signal: AbortSignal): Promise<VersionedRequest> {
  const { data, etag } = await apiRequestWithMeta<ServiceRequest>(requestPath(id), { signal })
  return { request: data, etag }
}

const ifMatch = (etag: string | null): Record<string, string> => (etag ? { 'If-Match': etag } : {})

export async function addNote(id: string, text: string, etag: string | null): Promise<VersionedRequest> {
  const { data, etag: next } = await apiRequestWithMeta<ServiceRequest>(`${requestPath(id)}/notes`, {
    method: 'POST',
    body: { text },
    headers: ifMatch(etag),
  })
  return { request: data, etag: next }
}

export interface NoteInput {
  text: string
  visibility?: Visibility
  /** The responder asks the requester for information: the request waits on them. */
  requestInformation?: boolean
}

/** A note with a visibility, or one that asks the requester for information. */
export async function postNote(id: string, note: NoteInput, etag: string | null): Promise<VersionedRequest> {
  const { data, etag: next } = await apiRequestWithMeta<ServiceRequest>(`${requestPath(id)}/notes`, {
    method: 'POST',
    body: note,
    headers: ifMatch(etag),
  })
  return { request: data, etag: next }
}

export interface RequestUpdate {
  status?: RequestStatus
  severity?: Severity
  /** An engineer's user id, or null to unassign. */
  assignedTo?: string | null
  externalReference?: string | null
}

/** PATCH: the server requires If-Match, so a change made meanwhile by someone else answers 412. */
export async function updateRequest(
  id: string,
  update: RequestUpdate,
  etag: string | null,
): Promise<VersionedRequest> {
  const { data, etag: next } = await apiRequestWithMeta<ServiceRequest>(requestPath(id), {
    method: 'PATCH',
    body: update,
    headers: ifMatch(etag),
  })
  return { request: data, etag: next }
}

export async function changeStatus(
  id: string,
  action: 'close' | 'reopen',
  etag: string | null,
): Promise<VersionedRequest> {
  const { data, etag: next } = await apiRequestWithMeta<ServiceRequest>(`${requestPath(id)}/${action}`, {
    method: 'POST',
    headers: ifMatch(etag),
  })
  return { request: data, etag: next }
}

export interface Engineer {
  userId: string
  name: string
  email: string
}

/** The vendor's engineers requests can be assigned to (vendor engineers only). */
export function listEngineers(signal: AbortSignal): Promise<Engineer[]> {
  return apiRequest<{ items: Engineer[] }>('/api/desk/engineers', { signal }).then((r) => r.items)
}

/** Customer tenants for the vendor's queue filter (the health feature's directory, engineers only). */
export function listCustomerDirectory(signal: AbortSignal): Promise<CustomerChoice[]> {
  return apiRequest<{ items: { tenantId: string; name: string; domain: string }[] }>(
    '/api/health/tenant-directory',
    { signal },
  ).then((r) => r.items.map((c) => ({ tenantId: c.tenantId, displayName: c.name, defaultDomain: c.domain })))
}

export interface PartnerChoice {
  tenantId: string
  name: string
}

/** The partners the vendor's queue can be filtered by (vendor engineers only). */
export function listPartnerChoices(signal: AbortSignal): Promise<PartnerChoice[]> {
  return apiRequest<{ items: PartnerChoice[] }>('/api/desk/partners', { signal }).then((r) => r.items)
}

/** Uploads one file (multipart, field `file`); internal files are the responder's. */
export async function uploadAttachment(
  id: string,
  file: File,
  visibility: Visibility,
  etag: string | null,
): Promise<VersionedRequest> {
  const body = new FormData()
  body.append('file', file, file.name)
  const response = await apiRequestWithMeta<ServiceRequest>(`${requestPath(id)}/attachments`, {
    method: 'POST',
    body,
    headers: ifMatch(etag),
    query: { visibility: visibility === 'internal' ? 'internal' : undefined },
  })
  return { request: response.data, etag: response.etag }
}

/** The partner's customers, as the wizard and the list filter need them. */
export interface CustomerChoice {
  tenantId: string
  displayName: string
  defaultDomain: string
}

export function listCustomerChoices(
  q: string,
  signal: AbortSignal,
): Promise<{ total: number; items: CustomerChoice[] }> {
  return apiRequest('/api/customers', { query: { q, limit: 200 }, signal })
}

export interface CustomerSubscription {
  id: string
  workloadId: Workload
  friendlyName: string
  offerName: string
  status: 'active' | 'suspended' | 'deleted'
  marketplaceProduct: { id: string; name: string; isvName: string } | null
}

export function getCustomerSubscriptions(
  tenantId: string,
  signal: AbortSignal,
): Promise<{ customer: CustomerChoice; subscriptions: CustomerSubscription[] }> {
  return apiRequest(`/api/customers/${encodeURIComponent(tenantId)}`, { signal })
}
