import Type, { type Static } from 'typebox'
import { DateTime, Nullable } from '../platform/http/contract.ts'

/**
 * Microsoft.Support's response shapes as this server sends them (arm.presenters.ts, typed against
 * these), for the OpenAPI document and the portal's generated types. One schema serves both
 * api-versions: it is the superset, and the fields only 2024-04-01 sends are optional and say so
 * in their description. On the ARM surface these schemas document and never filter: the scope's
 * serializer is plain JSON.stringify (arm-surface.ts), so the official SDKs get the presenters'
 * bytes, field order included. Pure TypeBox.
 */

/** Objects a client may extend (what it sent is kept and echoed, as ARM does). */
const open = { additionalProperties: true }
const only2024 = (description: string) => ({ description: `api-version 2024-04-01 only: ${description}` })

const YesNo = Type.Enum(['Yes', 'No'])

export const ArmContactSchema = Type.Object(
  {
    firstName: Type.String(),
    lastName: Type.String(),
    preferredContactMethod: Type.Enum(['email', 'phone']),
    primaryEmailAddress: Type.String(),
    additionalEmailAddresses: Type.Optional(Type.Array(Type.String())),
    phoneNumber: Type.Optional(Type.String()),
    /** A Windows time zone name ("W. Europe Standard Time"), or UTC. */
    preferredTimeZone: Type.String(),
    /** ISO 3166-1 alpha-3, lower case. */
    country: Type.String(),
    /** A language tag, "it-IT", "en-US". */
    preferredSupportLanguage: Type.String(),
  },
  open,
)

const QuotaTicketDetails = Type.Object(
  {
    quotaChangeRequestSubType: Type.Optional(Type.String()),
    quotaChangeRequestVersion: Type.Optional(Type.String()),
    quotaChangeRequests: Type.Optional(
      Type.Array(
        Type.Object({ region: Type.Optional(Type.String()), payload: Type.Optional(Type.String()) }),
      ),
    ),
  },
  { ...open, description: 'As the client sent it at creation' },
)

export const ArmTicketSchema = Type.Object({
  /** `/subscriptions/{id}/providers/Microsoft.Support/supportTickets/{name}`, or the tenant-scoped path. */
  id: Type.String(),
  name: Type.String(),
  type: Type.Literal('Microsoft.Support/supportTickets'),
  properties: Type.Object({
    /** The service request's own id (SR-…). */
    supportTicketId: Type.String(),
    description: Type.String(),
    problemClassificationId: Nullable(Type.String()),
    problemClassificationDisplayName: Type.String(),
    /** highestcriticalimpact is refused at creation (Premier and Unified plans only), so never sent. */
    severity: Type.Enum(['minimal', 'moderate', 'critical']),
    enrollmentId: Type.String(),
    require24X7Response: Type.Boolean(),
    contactDetails: ArmContactSchema,
    /** The first-response clock, while the policy set one. */
    serviceLevelAgreement: Type.Optional(
      Type.Object({ startTime: DateTime, expirationTime: DateTime, slaMinutes: Type.Integer() }),
    ),
    supportEngineer: Type.Object({ emailAddress: Nullable(Type.String()) }),
    supportPlanType: Type.String(),
    advancedDiagnosticConsent: Type.Optional(
      Type.Enum(['Yes', 'No'], only2024('No when the ticket was filed without the question')),
    ),
    supportPlanDisplayName: Type.Optional(Type.String(only2024('the plan that applies'))),
    supportPlanId: Type.Optional(Type.String(only2024('the entitlement the ticket is filed under'))),
    problemScopingQuestions: Type.Optional(Type.String(only2024('when the client sent them'))),
    secondaryConsent: Type.Optional(
      Type.Array(
        Type.Object({ userConsent: Type.Optional(YesNo), type: Type.Optional(Type.String()) }),
        only2024('when the client sent it'),
      ),
    ),
    fileWorkspaceName: Type.Optional(Type.String(only2024('when the client sent one'))),
    isTemporaryTicket: Type.Optional(Type.Literal('No', only2024('always No'))),
    title: Type.String(),
    problemStartTime: Type.Optional(DateTime),
    serviceId: Nullable(Type.String()),
    serviceDisplayName: Type.String(),
    status: Type.Enum(['Open', 'Closed']),
    createdDate: DateTime,
    modifiedDate: DateTime,
    technicalTicketDetails: Type.Optional(Type.Object({ resourceId: Type.String() })),
    quotaTicketDetails: Type.Optional(QuotaTicketDetails),
  }),
})
export type ArmTicket = Static<typeof ArmTicketSchema>

export const ArmCommunicationSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.Literal('Microsoft.Support/communications'),
  properties: Type.Object({
    /** Every communication here is a web one. */
    communicationType: Type.Literal('web'),
    communicationDirection: Type.Enum(['inbound', 'outbound']),
    sender: Type.String(),
    subject: Type.String(),
    body: Type.String(),
    createdDate: DateTime,
  }),
})
export type ArmCommunication = Static<typeof ArmCommunicationSchema>

export const ArmServiceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.Literal('Microsoft.Support/services'),
  properties: Type.Object({
    /** In the caller's language (Accept-Language). */
    displayName: Type.String(),
    resourceTypes: Type.Array(Type.String()),
  }),
})
export type ArmService = Static<typeof ArmServiceSchema>

export const ArmClassificationSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.Literal('Microsoft.Support/problemClassifications'),
  properties: Type.Object({ displayName: Type.String() }),
})
export type ArmClassification = Static<typeof ArmClassificationSchema>

/** A page of an ARM list: `nextLink` (absolute, with its own query) while more follow. */
export const armList = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ value: Type.Array(item), nextLink: Type.Optional(Type.String()) })

/** A list ARM answers whole (services, classifications, operations): no nextLink. */
export const armValues = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ value: Type.Array(item) })

export const ArmOperationSchema = Type.Object({
  name: Type.String(),
  display: Type.Object({
    provider: Type.String(),
    resource: Type.String(),
    operation: Type.String(),
    description: Type.String(),
  }),
})
export type ArmOperation = Static<typeof ArmOperationSchema>

export const ArmNameAvailabilitySchema = Type.Object({
  nameAvailable: Type.Boolean(),
  reason: Type.Optional(Type.Literal('AlreadyExists')),
  message: Type.Optional(Type.String()),
})

/** A long-running operation's status (Azure-AsyncOperation). */
export const ArmOperationStatusSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.Enum(['InProgress', 'Succeeded', 'Failed']),
  startTime: DateTime,
  endTime: Type.Optional(DateTime),
  error: Type.Optional(
    Type.Object({ code: Type.Optional(Type.String()), message: Type.Optional(Type.String()) }, open),
  ),
})

/** ARM's error body; a support-policy refusal names the rule in details and additionalInfo. */
export const ArmErrorSchema = Type.Object({
  error: Type.Object({
    /** ARM's code: InvalidParameter, ResourceNotFound, AuthorizationFailed, SupportPolicyRefused… */
    code: Type.String(),
    /** English, as ARM's are. */
    message: Type.String(),
    /** The field at fault (`properties.title`, `$filter`), when one is. */
    target: Type.Optional(Type.String()),
    details: Type.Optional(Type.Array(Type.Object({ code: Type.String(), message: Type.String() }))),
    additionalInfo: Type.Optional(
      Type.Array(
        Type.Object({
          type: Type.Literal('SupportPolicy'),
          info: Type.Object({ rule: Type.String(), reason: Type.String(), remedy: Nullable(Type.String()) }),
        }),
      ),
    ),
  }),
})
export type ArmErrorBody = Static<typeof ArmErrorSchema>

/**
 * A create answered as a long-running operation: 202, no body, with Azure-AsyncOperation and
 * Location pointing at the operation's status and result.
 */
export const ArmAccepted = Type.Unsafe<void>({
  type: 'null',
  description: 'Accepted: follow Azure-AsyncOperation (status) or Location (result)',
})

/** The responses of an ARM route: its success, and ARM's error body for every failure. */
export const armResponses = <R extends Record<number, unknown>>(success: R) => ({
  ...success,
  default: { ...ArmErrorSchema, description: "ARM's error body" },
})
