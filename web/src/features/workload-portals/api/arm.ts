import type { RequestOptions } from '../../../shared/api/client.ts'
import {
  fillPath,
  type BodyOf,
  type HttpMethod,
  type JsonBody,
  type Operation,
  type PathParams,
  type PathsWith,
  type QueryParams,
  type ResponseOf,
} from '../../../shared/api/typed.ts'
import type { ProblemType, Refusal, RuleId } from '../../service-requests/api.ts'
import { bearerRequest, PortalApiError, sameOriginPath } from './http.ts'

/**
 * Azure Resource Manager's Microsoft.Support provider (api-version 2020-04-01), called with a bearer
 * token for the tenant the portal acts in: the customer's (delegated) or the user's own. Paths,
 * queries, bodies and answers are typed from the generated contract (openapi.gen.ts), as the
 * server's ARM routes declare them (src/azure/arm.schema.ts).
 */
export const API_VERSION = '2020-04-01'
const version = { 'api-version': API_VERSION } as const

/** The levels a ticket can have (highestcriticalimpact is for Premier and Unified plans: refused). */
export type ArmSeverity = SupportTicket['properties']['severity']
export const SEVERITIES = ['minimal', 'moderate', 'critical'] as const satisfies readonly ArmSeverity[]

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

const PROVIDER = '/providers/Microsoft.Support'
const SUB = '/subscriptions/{subscriptionId}/providers/Microsoft.Support'
const TICKETS = `${SUB}/supportTickets` as const
const TICKET = `${TICKETS}/{supportTicketName}` as const
const COMMUNICATIONS = `${TICKET}/communications` as const
const COMMUNICATION = `${COMMUNICATIONS}/{communicationName}` as const
const SERVICES = `${PROVIDER}/services` as const
const CLASSIFICATIONS = `${SERVICES}/{serviceName}/problemClassifications` as const

export type AzureService = ResponseOf<`${typeof SERVICES}/{serviceName}`, 'get'>
export type ProblemClassification = ResponseOf<`${typeof CLASSIFICATIONS}/{problemClassificationName}`, 'get'>
export type SupportTicket = ResponseOf<typeof TICKET, 'get'>
export type Communication = ResponseOf<typeof COMMUNICATION, 'get'>
type OperationStatus = ResponseOf<`${typeof SUB}/operationsStatus/{operationId}`, 'get'>

/** ARM's error body, as every Microsoft.Support route declares it. */
export type ArmErrorBody = Operation<
  typeof TICKET,
  'get'
>['responses']['default']['content']['application/json']
type ArmAdditionalInfo = NonNullable<ArmErrorBody['error']['additionalInfo']>[number]

/** An object type without its index signature (an ARM object a client may extend). */
type Known<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] }

type NewTicketProperties = BodyOf<typeof TICKET, 'put'>['properties']
/** The contact on a new ticket (the form's fields). */
export type ContactDetails = Known<NewTicketProperties['contactDetails']>

/** What an ARM call takes: the contract's path parameters (if any), query and body. */
type ArmInit<O> = ([PathParams<O>] extends [never] ? { path?: undefined } : { path: PathParams<O> }) & {
  /** The api-version the portal speaks when left out. */
  query?: QueryParams<O>
  body?: JsonBody<O>
  signal?: AbortSignal | undefined
}

/** A call of one of the contract's Microsoft.Support routes with the bearer token. */
function armCall<M extends HttpMethod, P extends PathsWith<M>>(
  token: string,
  method: M,
  path: P,
  init: ArmInit<Operation<P, M>>,
) {
  const {
    path: params,
    query,
    body,
    signal,
  } = init as {
    path?: Record<string, unknown>
    query?: RequestOptions['query']
    body?: unknown
    signal?: AbortSignal
  }
  return bearerRequest<ResponseOf<P, M>>(token, fillPath(path, params), {
    method: method.toUpperCase() as RequestOptions['method'],
    query: query ?? version,
    ...(body === undefined ? {} : { body }),
    ...(signal ? { signal } : {}),
  })
}

/** A page of an ARM list: `nextLink` while more follow. */
type ArmPage<T> = { value: T[]; nextLink?: string }

/** Every page of a list: the first from the contract's route, the rest from each nextLink. */
async function allPages<T>(token: string, first: ArmPage<T>, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [...first.value]
  let next = first.nextLink ? sameOriginPath(first.nextLink) : null
  for (let page = 1; next && page < 50; page++) {
    // nextLink carries its own query
    const { data }: { data: ArmPage<T> } = await bearerRequest<ArmPage<T>>(token, next, { signal })
    items.push(...data.value)
    next = data.nextLink ? sameOriginPath(data.nextLink) : null
  }
  return items
}

export async function listServices(token: string, signal?: AbortSignal): Promise<AzureService[]> {
  const { data } = await armCall(token, 'get', SERVICES, { signal })
  return allPages(token, data, signal)
}

export async function listClassifications(
  token: string,
  serviceName: string,
  signal?: AbortSignal,
): Promise<ProblemClassification[]> {
  const { data } = await armCall(token, 'get', CLASSIFICATIONS, { path: { serviceName }, signal })
  return allPages(token, data, signal)
}

const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms))

/** Follows a long-running operation (202 + Azure-AsyncOperation) until it succeeds. */
async function untilDone(token: string, headers: Headers): Promise<void> {
  const status = headers.get('azure-asyncoperation')
  if (!status) return
  const path = sameOriginPath(status)
  let delay = Math.min(2, Number(headers.get('retry-after') ?? 1) || 1) * 1000
  for (let attempt = 0; attempt < 30; attempt++) {
    const { data, headers: next } = await bearerRequest<OperationStatus>(token, path)
    if (data.status === 'Succeeded') return
    if (data.status === 'Failed') {
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

/** What the new-request form files (a 2020-04-01 ticket: no consents). */
export type NewTicket = Pick<
  NewTicketProperties,
  'serviceId' | 'problemClassificationId' | 'title' | 'description'
> & { severity: ArmSeverity; contactDetails: ContactDetails }

/** A ticket name like the portal's: unique enough, and valid for ARM. */
export const newTicketName = () => `tramite-${Date.now()}`

export async function createTicket(
  token: string,
  subscriptionId: string,
  name: string,
  ticket: NewTicket,
): Promise<void> {
  const { headers } = await armCall(token, 'put', TICKET, {
    path: { subscriptionId, supportTicketName: name },
    body: { properties: ticket },
  })
  await untilDone(token, headers)
}

export async function listTickets(
  token: string,
  subscriptionId: string,
  signal?: AbortSignal,
): Promise<SupportTicket[]> {
  const { data } = await armCall(token, 'get', TICKETS, { path: { subscriptionId }, signal })
  return allPages(token, data, signal)
}

export async function getTicket(
  token: string,
  subscriptionId: string,
  name: string,
  signal?: AbortSignal,
): Promise<SupportTicket> {
  return (await armCall(token, 'get', TICKET, { path: { subscriptionId, supportTicketName: name }, signal }))
    .data
}

/** Severity (the SLA restarts for the new level) or status (closed / open). */
export type TicketChange = Pick<BodyOf<typeof TICKET, 'patch'>, 'status'> & { severity?: ArmSeverity }

export async function updateTicket(
  token: string,
  subscriptionId: string,
  name: string,
  change: TicketChange,
): Promise<SupportTicket> {
  return (
    await armCall(token, 'patch', TICKET, { path: { subscriptionId, supportTicketName: name }, body: change })
  ).data
}

export async function listCommunications(
  token: string,
  subscriptionId: string,
  name: string,
  signal?: AbortSignal,
): Promise<Communication[]> {
  const { data } = await armCall(token, 'get', COMMUNICATIONS, {
    path: { subscriptionId, supportTicketName: name },
    signal,
  })
  return allPages(token, data, signal)
}

/** A message on a ticket: its subject and text. */
export type NewCommunication = Pick<BodyOf<typeof COMMUNICATION, 'put'>['properties'], 'subject' | 'body'>

export async function addCommunication(
  token: string,
  subscriptionId: string,
  ticketName: string,
  message: NewCommunication,
): Promise<void> {
  const { headers } = await armCall(token, 'put', COMMUNICATION, {
    path: { subscriptionId, supportTicketName: ticketName, communicationName: `msg-${Date.now()}` },
    body: { properties: message },
  })
  await untilDone(token, headers)
}

/**
 * ARM's `403 SupportPolicyRefused` as the refusal box shows it: the rule (`details[0].code`), its
 * message, and the reason and remedy from `additionalInfo`.
 */
export function refusalFromArmError(error: unknown): Refusal | null {
  if (!(error instanceof PortalApiError) || error.code !== 'SupportPolicyRefused') return null
  const policy = (error.additionalInfo ?? []).find(
    (entry): entry is ArmAdditionalInfo => (entry as ArmAdditionalInfo | null)?.type === 'SupportPolicy',
  )?.info
  const detail = Array.isArray(error.details)
    ? (error.details[0] as NonNullable<ArmErrorBody['error']['details']>[number] | undefined)
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
