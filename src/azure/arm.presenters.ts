import { AppError } from '../platform/errors.ts'
import type { NormalizedError } from '../platform/http/http-errors.ts'
import type { Locale } from '../platform/i18n/i18n.ts'
import { FIRST_RESPONSE_MINUTES } from '../policy/support-policy.ts'
import type { NoteRecord, ServiceRequestRecord } from '../service-requests/service-requests.data.ts'
import type { ClassificationRecord, ServiceRecord } from './azure-catalog.data.ts'
import { hasTicketConsents, type ArmApiVersion } from './arm-versions.ts'
import type {
  ArmClassification,
  ArmCommunication,
  ArmErrorBody,
  ArmOperation,
  ArmService,
  ArmTicket,
} from './arm.schema.ts'

/**
 * Microsoft.Support's resource shapes (2020-04-01 and 2024-04-01) and ARM's error body, each typed
 * by its response schema (arm.schema.ts) so the compiler finds a field the schema does not name.
 */

export const ticketPath = (subscriptionId: string, name: string) =>
  `/subscriptions/${subscriptionId}/providers/Microsoft.Support/supportTickets/${name}`
const servicePath = (id: string) => `/providers/Microsoft.Support/services/${id}`

export const tenantTicketPath = (name: string) => `/providers/Microsoft.Support/supportTickets/${name}`

/** What a ticket carries beyond the service request's own columns (`arm_details`). */
export interface ArmTicketDetails {
  /** the ticket was created at tenant scope (`/providers/Microsoft.Support/supportTickets`) */
  scope?: 'tenant'
  advancedDiagnosticConsent?: 'Yes' | 'No'
  /** the plan id the client asked for; the plan that applies is the policy's */
  supportPlanId?: string
  problemScopingQuestions?: string
  secondaryConsent?: { userConsent?: 'Yes' | 'No'; type?: string }[]
  fileWorkspaceName?: string
  quotaTicketDetails?: Record<string, unknown>
}

export const armDetailsOf = (r: ServiceRequestRecord) => (r.armDetails ?? {}) as ArmTicketDetails

/** The ticket's ARM id: where it was created (tenant scope, or its subscription). */
export const ticketIdOf = (r: ServiceRequestRecord) => {
  const name = r.armName ?? r.id
  return armDetailsOf(r).scope === 'tenant' || !r.subscriptionId
    ? tenantTicketPath(name)
    : ticketPath(r.subscriptionId, name)
}

export function presentService(s: ServiceRecord, locale: Locale): ArmService {
  return {
    id: servicePath(s.id),
    name: s.id,
    type: 'Microsoft.Support/services',
    properties: {
      displayName: locale === 'it' ? s.displayNameIt : s.displayNameEn,
      resourceTypes: s.resourceTypes,
    },
  }
}

export function presentClassification(c: ClassificationRecord, locale: Locale): ArmClassification {
  return {
    id: `${servicePath(c.serviceId)}/problemClassifications/${c.id}`,
    name: c.id,
    type: 'Microsoft.Support/problemClassifications',
    properties: { displayName: locale === 'it' ? c.displayNameIt : c.displayNameEn },
  }
}

const PLAN_TYPES: Record<string, string> = {
  csp: 'Cloud Solution Provider',
  azure_support_plan: 'Azure support plan',
  premier: 'Premier',
  partner_agreement: 'Partner program agreement',
  customer: 'Customer support plan',
  partner: 'Partner support',
}

const ALPHA3: Record<string, string> = { IT: 'ita', US: 'usa', GB: 'gbr', DE: 'deu', FR: 'fra', ES: 'esp' }

export function presentTicket(r: ServiceRequestRecord, locale: Locale, version: ArmApiVersion): ArmTicket {
  const name = r.armName ?? r.id
  const [firstName = r.contact.name, ...rest] = r.contact.name.split(' ')
  const contact = r.armContact ?? {
    firstName,
    lastName: rest.join(' ') || firstName,
    preferredContactMethod: 'email',
    primaryEmailAddress: r.contact.email,
    ...(r.contact.phone ? { phoneNumber: r.contact.phone } : {}),
    preferredTimeZone: 'UTC',
    country: ALPHA3[r.country] ?? r.country.toLowerCase(),
    preferredSupportLanguage: r.contact.preferredLanguage === 'it' ? 'it-IT' : 'en-US',
  }
  const slaStart = r.slaStartedAt ?? r.createdAt
  const details = armDetailsOf(r)
  const plan = PLAN_TYPES[r.supportPlan] ?? r.supportPlan
  return {
    id: ticketIdOf(r),
    name,
    type: 'Microsoft.Support/supportTickets',
    properties: {
      supportTicketId: r.id,
      description: r.description,
      problemClassificationId: r.classificationId
        ? `${servicePath(r.azureServiceId!)}/problemClassifications/${r.classificationId}`
        : null,
      problemClassificationDisplayName:
        (locale === 'it' ? r.classificationNameIt : r.classificationNameEn) ?? r.title,
      severity: r.severity,
      enrollmentId: '',
      require24X7Response: false,
      contactDetails: contact,
      ...(r.firstResponseDueAt
        ? {
            serviceLevelAgreement: {
              startTime: slaStart.toISOString(),
              expirationTime: r.firstResponseDueAt.toISOString(),
              slaMinutes: FIRST_RESPONSE_MINUTES[r.severity],
            },
          }
        : {}),
      supportEngineer: { emailAddress: null },
      supportPlanType: plan,
      ...(hasTicketConsents(version)
        ? {
            // a ticket filed without the question (an older api-version, the portal) has no consent
            advancedDiagnosticConsent: details.advancedDiagnosticConsent ?? 'No',
            supportPlanDisplayName: plan,
            supportPlanId: r.entitlementId ?? r.supportPlan,
            ...(details.problemScopingQuestions === undefined
              ? {}
              : { problemScopingQuestions: details.problemScopingQuestions }),
            ...(details.secondaryConsent ? { secondaryConsent: details.secondaryConsent } : {}),
            ...(details.fileWorkspaceName ? { fileWorkspaceName: details.fileWorkspaceName } : {}),
            isTemporaryTicket: 'No',
          }
        : {}),
      title: r.title,
      ...(r.problemStartAt ? { problemStartTime: r.problemStartAt.toISOString() } : {}),
      serviceId: r.azureServiceId ? servicePath(r.azureServiceId) : null,
      serviceDisplayName: (locale === 'it' ? r.azureServiceNameIt : r.azureServiceNameEn) ?? 'Azure',
      status: r.status === 'closed' ? 'Closed' : 'Open',
      createdDate: r.createdAt.toISOString(),
      modifiedDate: r.modifiedAt.toISOString(),
      ...(r.technicalResourceId ? { technicalTicketDetails: { resourceId: r.technicalResourceId } } : {}),
      ...(details.quotaTicketDetails ? { quotaTicketDetails: details.quotaTicketDetails } : {}),
    },
  }
}

export function presentCommunication(r: ServiceRequestRecord, n: NoteRecord): ArmCommunication {
  const name = n.armName ?? String(n.id)
  return {
    id: `${ticketIdOf(r)}/communications/${name}`,
    name,
    type: 'Microsoft.Support/communications',
    properties: {
      communicationType: 'web',
      communicationDirection: n.direction,
      sender: n.sender ?? n.authorName,
      subject: n.subject ?? n.text.slice(0, 80),
      body: n.text,
      createdDate: n.createdAt.toISOString(),
    },
  }
}

export const ARM_OPERATIONS: ArmOperation[] = (
  [
    [
      'supportTickets/read',
      'Support Ticket',
      'Read support ticket',
      'Gets the details of a support ticket or lists them.',
    ],
    [
      'supportTickets/write',
      'Support Ticket',
      'Create or update support ticket',
      'Creates a support ticket or changes its severity, status or contact.',
    ],
    ['services/read', 'Service', 'Read services', 'Lists the Azure services a ticket can be about.'],
    [
      'problemClassifications/read',
      'Problem Classification',
      'Read problem classifications',
      'Lists the problem classifications of a service.',
    ],
    [
      'checkNameAvailability/action',
      'Name availability',
      'Check name availability',
      'Checks whether a ticket or communication name is free.',
    ],
    [
      'operationsStatus/read',
      'Operation status',
      'Read operation status',
      'Gets the status of a long-running operation.',
    ],
    [
      'operationResults/read',
      'Operation result',
      'Read operation result',
      'Gets the result of a long-running operation.',
    ],
  ] satisfies [string, string, string, string][]
).map(([op, resource, operation, description]) => ({
  name: `Microsoft.Support/${op}`,
  display: { provider: 'Microsoft Support', resource, operation, description },
}))

const ARM_CODES: Record<string, string> = {
  not_found: 'ResourceNotFound',
  route_not_found: 'NotFound',
  unauthenticated: 'AuthenticationFailed',
  invalid_token: 'InvalidAuthenticationToken',
  forbidden: 'AuthorizationFailed',
  partner_only: 'AuthorizationFailed',
  csrf_failed: 'AuthorizationFailed',
  validation_failed: 'InvalidParameter',
  bad_json: 'InvalidRequestContent',
  body_too_large: 'RequestEntityTooLarge',
  unsupported_media_type: 'UnsupportedMediaType',
  policy_refused: 'SupportPolicyRefused',
  version_conflict: 'PreconditionFailed',
  request_closed: 'Conflict',
  already_in_status: 'Conflict',
  unknown_subscription: 'SubscriptionNotFound',
  invalid_contact: 'InvalidContactDetails',
  rate_limited: 'TooManyRequests',
  internal_error: 'InternalServerError',
}

interface ValidationIssue {
  instancePath: string
  keyword: string
  params?: { missingProperty?: string }
}

/**
 * The field an error is about, as ARM's `target` names it (`properties.title`, `$top`): from an
 * ARM problem that names one, or from the first schema violation. None for whole-request errors.
 */
function errorTarget(raw: unknown): string | undefined {
  if (raw instanceof AppError) return (raw as AppError & { armTarget?: string }).armTarget
  const validation = (raw as { validation?: ValidationIssue[] } | null)?.validation
  const issue = Array.isArray(validation) ? validation[0] : undefined
  if (!issue) return undefined
  const path = issue.instancePath.split('/').filter(Boolean)
  if (issue.keyword === 'required' && issue.params?.missingProperty) path.push(issue.params.missingProperty)
  return path.length > 0 ? path.join('.') : undefined
}

/**
 * ARM's error body: `{"error": {"code", "message", "target"?, "details"?, "additionalInfo"?}}`.
 * A support-policy refusal carries the rule as a detail code and the rule, reason and remedy as
 * additional info.
 */
export function armError(error: NormalizedError, raw: unknown): ArmErrorBody {
  const code = ARM_CODES[error.code] ?? (/^[A-Z]/.test(error.code) ? error.code : 'BadRequest')
  const policy =
    raw instanceof AppError && error.code === 'policy_refused'
      ? (error.details as { rule: string; reason: string; message: string; remedy: string | null })
      : null
  const target = errorTarget(raw)
  return {
    error: {
      code,
      message: error.message,
      ...(target === undefined ? {} : { target }),
      ...(policy
        ? {
            details: [{ code: policy.rule, message: policy.message }],
            additionalInfo: [
              {
                type: 'SupportPolicy',
                info: { rule: policy.rule, reason: policy.reason, remedy: policy.remedy },
              },
            ],
          }
        : {}),
    },
  }
}

/** The $filter forms the Microsoft.Support lists document: `field eq 'value'` / `createdDate ge|gt <date>`, joined by `and`. */
export function parseArmFilter(raw: string | undefined, allowed: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  if (!raw) return out
  const clause = /\s*([A-Za-z]+)\s+(eq|ge|gt)\s+('(?:[^']|'')*'|[^\s']+)\s*/y
  let at = 0
  for (;;) {
    clause.lastIndex = at
    const m = clause.exec(raw)
    const field = m?.[1]?.toLowerCase()
    if (!m || !field || !allowed.includes(field) || (field === 'createddate') !== (m[2] !== 'eq')) {
      throw armBadFilter(raw)
    }
    const value = m[3]!.startsWith("'") ? m[3]!.slice(1, -1).replace(/''/g, "'") : m[3]!
    if (field === 'createddate' && Number.isNaN(Date.parse(value))) throw armBadFilter(raw)
    // `gt` is `ge` one millisecond later: timestamps are kept to the millisecond
    out[field] = m[2] === 'gt' ? new Date(Date.parse(value) + 1).toISOString() : value
    at = clause.lastIndex
    if (at === raw.length) return out
    const and = /and\s+/iy
    and.lastIndex = at
    if (!and.exec(raw)) throw armBadFilter(raw)
    at = and.lastIndex
  }
}

const armBadFilter = (raw: string) =>
  Object.assign(
    new AppError(400, 'InvalidParameter', 'error.validation', { detail: `unsupported $filter: ${raw}` }),
    {
      localize: () => ({ message: `The $filter '${raw}' is not supported.` }),
      armTarget: '$filter',
    },
  )

export const skipToken = {
  encode: (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64url'),
  decode(token: string | undefined): number {
    if (!token) return 0
    try {
      const { o } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown }
      if (typeof o === 'number' && Number.isSafeInteger(o) && o >= 0) return o
    } catch {
      // fall through
    }
    throw Object.assign(new AppError(400, 'InvalidParameter', 'error.validation', { detail: '$skiptoken' }), {
      localize: () => ({ message: 'The $skiptoken is not one this server issued.' }),
      armTarget: '$skiptoken',
    })
  },
}
