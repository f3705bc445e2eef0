import { api, type ResponseOf } from '../../../shared/api/typed.ts'
import type {
  NewRequest,
  RequestPage as ServerRequestPage,
  ServiceRequest,
  Severity,
  SupportTopic,
  Workload,
} from '../../service-requests/api.ts'
import type { PortalContext } from '../hooks/use-portal-context.ts'
import { portalRequest, type PortalAuth } from './http.ts'

/** The workloads of the Microsoft 365 admin center (R9); Azure has its own portal. */
export const M365_WORKLOADS = ['office365', 'ems', 'dynamics'] as const
export type M365Workload = (typeof M365_WORKLOADS)[number]
export const isM365Workload = (value: string | null): value is M365Workload =>
  M365_WORKLOADS.includes(value as M365Workload)

export interface AzureSubscription {
  id: string
  name: string
}

/**
 * The Azure subscriptions of the context's tenant: the customer's (read with the session from the
 * partner's customer page data) or the user's own.
 */
export async function azureSubscriptions(
  context: Pick<PortalContext, 'kind' | 'tenantId'>,
  signal?: AbortSignal,
): Promise<AzureSubscription[]> {
  const rows =
    context.kind === 'delegated'
      ? (await api.get('/api/customers/{tenantId}', { path: { tenantId: context.tenantId }, signal }))
          .subscriptions
      : (await api.get('/api/subscriptions', { signal })).items
  return rows
    .filter((s) => s.workloadId === 'azure' && s.status === 'active')
    .map((s) => ({ id: s.id, name: s.friendlyName }))
}

export function listTopics(
  auth: PortalAuth,
  workload: Workload,
  signal?: AbortSignal,
): Promise<SupportTopic[]> {
  // the same routes as the session's calls, so the same generated types (openapi.gen.ts)
  return portalRequest<ResponseOf<'/api/support-topics', 'get'>>(auth, '/api/support-topics', {
    query: { workload },
    signal,
  }).then((page) => page.items)
}

/**
 * Files a request in the context's tenant. With a delegated token the token's tenant is the
 * customer (no customerTenantId); with the session, the user's own organization.
 */
export function fileRequest(
  auth: PortalAuth,
  body: Omit<NewRequest, 'customerTenantId'>,
): Promise<ServiceRequest> {
  return portalRequest<ResponseOf<'/api/service-requests', 'post'>>(auth, '/api/service-requests', {
    method: 'POST',
    body,
  })
}

/** The admin center's workloads' pages merged: their requests and the sum of their totals. */
export type RequestPage = Pick<ServerRequestPage, 'total' | 'items'>

/**
 * The context's requests of the admin center's workloads, newest first. A delegated token lists
 * that customer's requests the partner may see; the session, those about the user's own tenant.
 */
export async function listPortalRequests(
  context: Pick<PortalContext, 'kind' | 'tenantId' | 'auth'>,
  filter: { workload?: M365Workload | undefined; severity?: Severity | undefined },
  signal?: AbortSignal,
): Promise<RequestPage> {
  const workloads = filter.workload ? [filter.workload] : [...M365_WORKLOADS]
  const pages = await Promise.all(
    workloads.map((workload) =>
      portalRequest<ServerRequestPage>(context.auth, '/api/service-requests', {
        query: {
          workload,
          severity: filter.severity,
          customer: context.kind === 'own' ? context.tenantId : undefined,
          limit: 200,
        },
        signal,
      }),
    ),
  )
  const items = pages.flatMap((page) => page.items).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  return { total: pages.reduce((sum, page) => sum + page.total, 0), items }
}
