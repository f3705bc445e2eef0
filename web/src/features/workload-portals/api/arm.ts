import type { ProblemType, Refusal, RuleId } from '../../service-requests/api.ts'
import { bearerRequest, PortalApiError, sameOriginPath } from './http.ts'

/**
 * Azure Resource Manager's Microsoft.Support provider (api-version 2020-04-01), called with a bearer
 * token for the tenant the portal acts in: the customer's (delegated) or the user's own.
 */
export const API_VERSION = '2020-04-01'
const version = { 'api-version': API_VERSION }

export const SEVERITIES = ['minimal', 'moderate', 'critical'] as const
export type ArmSeverity = (typeof SEVERITIES)[number]

/**
 * The services that are issue types of their own (Billing, Subscription management, Service and
 * subscription limits); every other service is a technical one. Their ids are the catalog's
 * name-derived GUIDs, the same on every installation.
 */
export const ISSUE_TYPE_SERVICES: Record<Exclude<ProblemType, 'technical'>, string> = {
  billing: '458baf01-e2ac-5e68-bc9d-a75c6730f32e',
  subscription_management: '0a7e77fd-e49c-51a4-a531-704d7d99094d',
  quota: '3e8d07ed-00e1-5487-9dc9-657ec8c0456c',
}

export function issueTypeOfService(serviceName: string): ProblemType {
  const name = serviceName.toLowerCase()
  const found = (Object.entries(ISSUE_TYPE_SERVICES) as [ProblemType, string][]).find(([, id]) => id === name)
  return found ? found[0] : 'technical'
}

interface ArmList<T> {
  value: T[]
  nextLink?: string
}

export interface AzureService {
  id: string
  name: string
  properties: { displayName: string }
}

export interface ProblemClassification {
  id: string
  name: string
  properties: { displayName: string }
}

export interface ContactDetails {
  firstName: string
  lastName: string
  preferredContactMethod: 'email' | 'phone'
  primaryEmailAddress: string
  phoneNumber?: string
  preferredTimeZone: string
  country: string
  preferredSupportLanguage: string
}

export interface SupportTicket {
  id: string
  name: string
  properties: {
    supportTicketId: string
    title: string
    description: string
    severity: ArmSeverity | 'highestcriticalimpact'
    status: string
    createdDate: string
    modifiedDate?: string
    serviceId: string | null
    serviceDisplayName: string
    problemClassificationId: string | null
    problemClassificationDisplayName?: string
    supportPlanType?: string
    serviceLevelAgreement?: { startTime: string; expirationTime: string; slaMinutes: number }
    contactDetails?: ContactDetails
  }
}

export interface Communication {
  id: string
  name: string
  properties: {
    subject: string
    body: string
    sender: string
    createdDate: string
    communicationDirection: 'inbound' | 'outbound' | string
    communicationType?: string
  }
}

const ticketsPath = (subscriptionId: string) =>
  `/subscriptions/${encodeURIComponent(subscriptionId)}/providers/Microsoft.Support/supportTickets`
const ticketPath = (subscriptionId: string, name: string) =>
  `${ticketsPath(subscriptionId)}/${encodeURIComponent(name)}`

/** Every page of a list (ARM pages with nextLink). */
async function allPages<T>(token: string, path: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = []
  let next: string | null = path
  let query: Record<string, string> | undefined = version
  for (let page = 0; next && page < 50; page++) {
    const { data }: { data: ArmList<T> } = await bearerRequest<ArmList<T>>(token, next, { query, signal })
    items.push(...data.value)
    next = data.nextLink ? sameOriginPath(data.nextLink) : null
    query = undefined // nextLink carries its own query
  }
  return items
}

export function listServices(token: string, signal?: AbortSignal): Promise<AzureService[]> {
  return allPages<AzureService>(token, '/providers/Microsoft.Support/services', signal)
}

export function listClassifications(
  token: string,
  serviceName: string,
  signal?: AbortSignal,
): Promise<ProblemClassification[]> {
  return allPages<ProblemClassification>(
    token,
    `/providers/Microsoft.Support/services/${encodeURIComponent(serviceName)}/problemClassifications`,
    signal,
  )
}

const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms))

/** Follows a long-running operation (202 + Azure-AsyncOperation) until it succeeds. */
async function untilDone(token: string, headers: Headers): Promise<void> {
  const status = headers.get('azure-asyncoperation')
  if (!status) return
  const path = sameOriginPath(status)
  let delay = Math.min(2, Number(headers.get('retry-after') ?? 1) || 1) * 1000
  for (let attempt = 0; attempt < 30; attempt++) {
    const { data, headers: next } = await bearerRequest<{
      status: string
      error?: { code?: string; message?: string }
    }>(token, path)
    if (data.status === 'Succeeded') return
    if (data.status === 'Failed' || data.status === 'Canceled') {
      throw new PortalApiError(
        500,
        data.error?.code ?? 'OperationFailed',
        data.error?.message ?? data.status,
        null,
        null,
        null,
      )
    }
    await sleep(delay)
    delay = Math.min(2, Number(next.get('retry-after') ?? 1) || 1) * 1000
  }
}

export interface NewTicket {
  serviceId: string
  problemClassificationId: string
  title: string
  description: string
  severity: ArmSeverity
  contactDetails: ContactDetails
}

/** A ticket name like the portal's: unique enough, and valid for ARM. */
export const newTicketName = () => `tramite-${Date.now()}`

export async function createTicket(
  token: string,
  subscriptionId: string,
  name: string,
  ticket: NewTicket,
): Promise<void> {
  const { headers } = await bearerRequest<void>(token, ticketPath(subscriptionId, name), {
    method: 'PUT',
    query: version,
    body: { properties: ticket },
  })
  await untilDone(token, headers)
}

export function listTickets(
  token: string,
  subscriptionId: string,
  signal?: AbortSignal,
): Promise<SupportTicket[]> {
  return allPages<SupportTicket>(token, ticketsPath(subscriptionId), signal)
}

export async function getTicket(
  token: string,
  subscriptionId: string,
  name: string,
  signal?: AbortSignal,
): Promise<SupportTicket> {
  return (
    await bearerRequest<SupportTicket>(token, ticketPath(subscriptionId, name), { query: version, signal })
  ).data
}

/** Severity (the SLA restarts for the new level) or status (closed / open). */
export async function updateTicket(
  token: string,
  subscriptionId: string,
  name: string,
  change: { severity?: ArmSeverity; status?: 'open' | 'closed' },
): Promise<SupportTicket> {
  return (
    await bearerRequest<SupportTicket>(token, ticketPath(subscriptionId, name), {
      method: 'PATCH',
      query: version,
      body: change,
    })
  ).data
}

export function listCommunications(
  token: string,
  subscriptionId: string,
  name: string,
  signal?: AbortSignal,
): Promise<Communication[]> {
  return allPages<Communication>(token, `${ticketPath(subscriptionId, name)}/communications`, signal)
}

export async function addCommunication(
  token: string,
  subscriptionId: string,
  ticketName: string,
  message: { subject: string; body: string },
): Promise<void> {
  const { headers } = await bearerRequest<void>(
    token,
    `${ticketPath(subscriptionId, ticketName)}/communications/${encodeURIComponent(`msg-${Date.now()}`)}`,
    { method: 'PUT', query: version, body: { properties: message } },
  )
  await untilDone(token, headers)
}

interface SupportPolicyInfo {
  type?: string
  info?: { rule?: string; reason?: string; remedy?: string | null }
}

/**
 * ARM's `403 SupportPolicyRefused` as the refusal box shows it: the rule (`details[0].code`), its
 * message, and the reason and remedy from `additionalInfo`.
 */
export function refusalFromArmError(error: unknown): Refusal | null {
  if (!(error instanceof PortalApiError) || error.code !== 'SupportPolicyRefused') return null
  const policy = (error.additionalInfo ?? []).find(
    (entry): entry is SupportPolicyInfo => (entry as SupportPolicyInfo)?.type === 'SupportPolicy',
  )?.info
  const detail = Array.isArray(error.details)
    ? (error.details[0] as { code?: string; message?: string } | undefined)
    : undefined
  const rule = (policy?.rule ?? detail?.code ?? null) as RuleId | null
  const remedy = policy?.remedy ?? null
  const full = detail?.message ?? error.message
  const message = remedy && full.endsWith(remedy) ? full.slice(0, -remedy.length).trim() : full
  return {
    rule,
    reason: policy?.reason ?? '',
    message,
    remedy,
    checks: [],
    isv: null,
    partners: [],
    alternatives: [],
  }
}
