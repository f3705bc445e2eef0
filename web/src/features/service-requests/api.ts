import { api, callWithMeta, type BodyOf, type QueryOf, type ResponseOf } from '../../shared/api/typed.ts'
import type { CustomerDetails, CustomerListItem } from '../customers/api.ts'

// The server's OpenAPI document is the contract: the request's types come from the generated
// openapi.gen.ts (npm run api:types), never retyped.
export type ServiceRequest = ResponseOf<'/api/service-requests/{id}', 'get'>
export type Note = NonNullable<ServiceRequest['notes']>[number]
export type Attachment = NonNullable<ServiceRequest['attachments']>[number]
export type Visibility = Note['visibility']
/** The first-response clock (R14) every request carries. */
export type Sla = ServiceRequest['sla']
/**
 * Whom a request waits on, as the server sees it for the signed-in reader: `you` only for whoever
 * must act (the requester or the contact while information is asked; the side that works it
 * while open); `requester` with the filing party's name; else the vendor or partner working it.
 */
export type WaitingOn = NonNullable<ServiceRequest['waitingOn']>
/** The Azure service and problem classification chosen in the Azure portal (or over ARM). */
export type AzureClassification = NonNullable<ServiceRequest['azure']>
export type SupportTopic = ResponseOf<'/api/support-topics', 'get'>['items'][number]
export type NewRequest = BodyOf<'/api/service-requests', 'post'>
export type RequestPage = ResponseOf<'/api/service-requests', 'get'>
export type AzureServiceOption = ResponseOf<'/api/azure-services', 'get'>['items'][number]
export type NoteInput = BodyOf<'/api/service-requests/{id}/notes', 'post'>
export type RequestUpdate = BodyOf<'/api/service-requests/{id}', 'patch'>
export type Engineer = ResponseOf<'/api/desk/engineers', 'get'>['items'][number]
export type PartnerChoice = ResponseOf<'/api/desk/partners', 'get'>['items'][number]
/** The partner's customers, as the wizard and the list filter need them. */
export type CustomerChoice = Pick<CustomerListItem, 'tenantId' | 'displayName' | 'defaultDomain'>
export type CustomerSubscription = CustomerDetails['subscriptions'][number]

export const WORKLOADS = ['azure', 'office365', 'dynamics', 'ems', 'marketplace'] as const
export type Workload = (typeof WORKLOADS)[number]
export const SEVERITIES = ['minimal', 'moderate', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]
export const STATUSES = ['open', 'attention_needed', 'closed'] as const
export type RequestStatus = (typeof STATUSES)[number]
export const PROBLEM_TYPES = ['technical', 'billing', 'subscription_management', 'quota'] as const
export type ProblemType = (typeof PROBLEM_TYPES)[number]
export type HandledBy = 'vendor' | 'partner'

/** What GET /api/advice answers: may the user file this request, and how (R1–R14). */
export type Advice = ResponseOf<'/api/advice', 'get'>
export type RuleId = NonNullable<Advice['rule']>
export type PolicyCheck = Advice['checks'][number]
export type IsvContacts = NonNullable<Advice['isv']>
export type PartnerContact = Advice['partners'][number]
export type Alternative = Advice['alternatives'][number]
export type Grant = NonNullable<Advice['grant']>

/** A refusal, whether it came from the advice or as a 403 from a change. */
export type Refusal = Pick<
  Advice,
  'rule' | 'reason' | 'message' | 'remedy' | 'checks' | 'isv' | 'partners' | 'alternatives'
> & {
  /** The customer the refusal is about (from the advice): its remedy's action acts for it. */
  customer?: { tenantId: string; name: string } | undefined
}

export type AdviceIncident = Advice['incidents'][number]

/** R4: follow an incident — its updates become notifications for the user. */
export async function followIncident(id: string): Promise<void> {
  await api.post('/api/health/incidents/{id}/follow', { path: { id } })
}

/** What the advice is asked about: the workload, and the customer, subscription, product… */
export type AdviceQuery = QueryOf<'/api/advice', 'get'>

export function getAdvice(query: AdviceQuery, signal: AbortSignal): Promise<Advice> {
  return api.get('/api/advice', { query: { ...query }, signal })
}

export function listSupportTopics(workload: Workload, signal: AbortSignal): Promise<SupportTopic[]> {
  return api.get('/api/support-topics', { query: { workload }, signal }).then((page) => page.items)
}

export const SLA_STATES = ['running', 'at_risk', 'breached', 'met', 'stopped', 'none'] as const
export type SlaState = (typeof SLA_STATES)[number]

/** A request with the ETag to send back as If-Match on the next change. */
export interface VersionedRequest {
  request: ServiceRequest
  etag: string | null
}

export function createRequest(body: NewRequest): Promise<ServiceRequest> {
  return api.post('/api/service-requests', { body })
}

export const REQUESTS_PAGE_SIZE = 50

export const SORTS = ['created', 'modified', 'due', 'relevance'] as const
export type RequestSort = (typeof SORTS)[number]

/**
 * The list's filters, sort and page, as the list page keeps them in its URL: the list route's
 * own query (`assignee`: `me`, `none` or a colleague's id; `q`: words, a quoted phrase, `or`,
 * `-word`, or a request number); the page size is the portal's.
 */
export type RequestFilters = Pick<
  QueryOf<'/api/service-requests', 'get'>,
  | 'customer'
  | 'status'
  | 'severity'
  | 'workload'
  | 'azureService'
  | 'partner'
  | 'sla'
  | 'assignee'
  | 'handledBy'
  | 'q'
  | 'sort'
> & { offset: number }

export function listRequests(filters: RequestFilters, signal: AbortSignal): Promise<RequestPage> {
  return api.get('/api/service-requests', { query: { ...filters, limit: REQUESTS_PAGE_SIZE }, signal })
}

/** The Azure services tickets are filed under (the queue's filter), names in the page's language. */
export async function listAzureServices(signal: AbortSignal): Promise<AzureServiceOption[]> {
  return (await api.get('/api/azure-services', { signal })).items
}

export async function getRequest(id: string, signal: AbortSignal): Promise<VersionedRequest> {
  const { data, etag } = await callWithMeta('get', '/api/service-requests/{id}', { path: { id }, signal })
  return { request: data, etag }
}

export const ifMatch = (etag: string | null): Record<string, string> => (etag ? { 'If-Match': etag } : {})

/** A note with a visibility, or one that asks the requester for information. */
export async function postNote(id: string, note: NoteInput, etag: string | null): Promise<VersionedRequest> {
  const { data, etag: next } = await callWithMeta('post', '/api/service-requests/{id}/notes', {
    path: { id },
    body: note,
    headers: ifMatch(etag),
  })
  return { request: data, etag: next }
}

/** PATCH: the server requires If-Match, so a change made meanwhile by someone else answers 412. */
export async function updateRequest(
  id: string,
  update: RequestUpdate,
  etag: string | null,
): Promise<VersionedRequest> {
  const { data, etag: next } = await callWithMeta('patch', '/api/service-requests/{id}', {
    path: { id },
    body: update,
    headers: ifMatch(etag),
  })
  return { request: data, etag: next }
}

/** The vendor's engineers requests can be assigned to (vendor engineers only). */
export function listEngineers(signal: AbortSignal): Promise<Engineer[]> {
  return api.get('/api/desk/engineers', { signal }).then((r) => r.items)
}

/** Customer tenants for the vendor's queue filter (the health feature's directory, engineers only). */
export function listCustomerDirectory(signal: AbortSignal): Promise<CustomerChoice[]> {
  return api
    .get('/api/health/tenant-directory', { signal })
    .then((r) => r.items.map((c) => ({ tenantId: c.tenantId, displayName: c.name, defaultDomain: c.domain })))
}

/** The partners the vendor's queue can be filtered by (vendor engineers only). */
export function listPartnerChoices(signal: AbortSignal): Promise<PartnerChoice[]> {
  return api.get('/api/desk/partners', { signal }).then((r) => r.items)
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
  const response = await callWithMeta('post', '/api/service-requests/{id}/attachments', {
    path: { id },
    form: body,
    headers: ifMatch(etag),
    query: visibility === 'internal' ? { visibility: 'internal' } : {},
  })
  return { request: response.data, etag: response.etag }
}

export function listCustomerChoices(
  q: string,
  signal: AbortSignal,
): Promise<{ total: number; items: CustomerChoice[] }> {
  return api.get('/api/customers', { query: { q, limit: 200 }, signal })
}

export function getCustomerSubscriptions(
  tenantId: string,
  signal: AbortSignal,
): Promise<{ customer: CustomerChoice; subscriptions: CustomerSubscription[] }> {
  return api.get('/api/customers/{tenantId}', { path: { tenantId }, signal })
}
