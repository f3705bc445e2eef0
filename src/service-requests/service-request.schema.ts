import Type, { type Static } from 'typebox'
import { SLA_STATES } from './sla.ts'

/**
 * The contract of a service request as the portal API presents it (presentRequest in
 * service-requests.http.ts, which is typed against it). The response schemas of the
 * /api/service-requests routes use it, so the OpenAPI document — and the portal's generated types
 * (npm run api:types) — say exactly what the presenter sends. Fastify drops a property a response
 * schema does not name: a new field goes here first.
 */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()])
const DateTime = Type.String({ format: 'date-time' })
const Party = Type.Object({ tenantId: Type.String(), name: Type.String() })

export const WorkloadIdSchema = Type.Enum(['azure', 'office365', 'dynamics', 'ems', 'marketplace'])
export const RequestSeveritySchema = Type.Enum(['minimal', 'moderate', 'critical'])
export const RequestStatusSchema = Type.Enum(['open', 'attention_needed', 'closed'])
export const RequestProblemTypeSchema = Type.Enum([
  'technical',
  'billing',
  'subscription_management',
  'quota',
])
export const RequestHandledBySchema = Type.Enum(['vendor', 'partner'])
export const NoteVisibilitySchema = Type.Enum(['public', 'internal'])

/** The first-response clock (R14). */
export const SlaViewSchema = Type.Object({
  state: Type.Enum([...SLA_STATES]),
  firstResponseDueAt: Nullable(DateTime),
  firstResponseAt: Nullable(DateTime),
  breachedAt: Nullable(DateTime),
  /** While the clock runs (running, at risk): whole minutes left. */
  remainingMinutes: Nullable(Type.Integer()),
})

export const NoteViewSchema = Type.Object({
  id: Type.Integer(),
  authorName: Type.String(),
  authorTenantId: Type.String(),
  text: Type.String(),
  /** Internal notes reach only whoever works the request; never sent to the requester. */
  visibility: NoteVisibilitySchema,
  createdAt: DateTime,
})

export const AttachmentViewSchema = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  visibility: NoteVisibilitySchema,
  uploadedBy: Type.Object({ name: Type.String(), tenantId: Type.String() }),
  createdAt: DateTime,
  /** Same-origin download URL (always served as a download). */
  url: Type.String(),
})

/** Whom the request waits on, for the reader (waiting-on.ts); null when closed. */
export const WaitingOnSchema = Type.Object({
  party: Type.Enum(['you', 'requester', 'vendor', 'partner']),
  name: Type.String(),
})

/** The Azure service and problem classification chosen in the Azure portal or over ARM. */
export const AzureClassificationSchema = Type.Object({
  service: Type.Object({ id: Type.String(), name: Type.String() }),
  problemClassification: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
})

export const ServiceRequestSchema = Type.Object({
  id: Type.String(),
  tenant: Party,
  partner: Nullable(Type.Object({ tenantId: Type.String(), name: Nullable(Type.String()) })),
  handledBy: RequestHandledBySchema,
  /** Who works it, by name: the vendor, or the partner a trial customer contacted (R10). */
  handler: Type.Object({
    kind: RequestHandledBySchema,
    tenantId: Nullable(Type.String()),
    name: Type.String(),
  }),
  /** The organization that filed it: the party a request for information waits on. */
  requester: Party,
  waitingOn: Nullable(WaitingOnSchema),
  workload: WorkloadIdSchema,
  subscription: Nullable(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  problemType: RequestProblemTypeSchema,
  supportTopic: Nullable(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  azure: Nullable(AzureClassificationSchema),
  title: Type.String(),
  description: Type.String(),
  severity: RequestSeveritySchema,
  status: RequestStatusSchema,
  contact: Type.Object({
    userId: Nullable(Type.String()),
    name: Type.String(),
    email: Type.String(),
    phone: Nullable(Type.String()),
    tenantId: Type.String(),
    preferredLanguage: Type.String(),
  }),
  createdBy: Type.Object({
    userId: Nullable(Type.String()),
    name: Nullable(Type.String()),
    tenantId: Type.String(),
  }),
  /** How a partner acted for the customer (GDAP), when it did. */
  delegation: Nullable(
    Type.Object({
      partnerTenantId: Type.String(),
      partnerName: Type.String(),
      relationshipId: Nullable(Type.String()),
      relationshipName: Nullable(Type.String()),
      roleName: Nullable(Type.String()),
      groupName: Nullable(Type.String()),
    }),
  ),
  /** The rule (R1–R14) that allowed filing it. */
  rule: Type.String(),
  supportPlan: Type.String(),
  entitlementId: Nullable(Type.String()),
  /** Azure tickets filed with Microsoft.Support 2024-04-01: may the engineer collect advanced diagnostics? */
  advancedDiagnosticConsent: Nullable(Type.Enum(['Yes', 'No'])),
  locale: Type.String(),
  country: Type.String(),
  createdAt: DateTime,
  modifiedAt: DateTime,
  closedAt: Nullable(DateTime),
  firstResponseDueAt: Nullable(DateTime),
  version: Type.Integer(),
  /** R4: the service incident the request was filed against. */
  linkedIncident: Nullable(
    Type.Object({ id: Type.String(), title: Nullable(Type.String()), status: Nullable(Type.String()) }),
  ),
  /** The engineer (or partner agent) working it. */
  assignedTo: Nullable(Type.Object({ userId: Type.String(), name: Nullable(Type.String()) })),
  /** The partner's own ticket number in its PSA tool. */
  externalReference: Nullable(Type.String()),
  sla: SlaViewSchema,
  /** One request's answers only (GET one, and after a change): its notes and files. */
  notes: Type.Optional(Type.Array(NoteViewSchema)),
  attachments: Type.Optional(Type.Array(AttachmentViewSchema)),
})

export const ServiceRequestPageSchema = Type.Object({
  total: Type.Integer(),
  /** `total` stopped counting at 10,000. */
  totalCapped: Type.Boolean(),
  /** The next page (same filters and sort), or null on the last one. */
  nextCursor: Nullable(Type.String()),
  items: Type.Array(ServiceRequestSchema),
})

export const AzureServiceListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      problemClassifications: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
    }),
  ),
})

export const SupportTopicListSchema = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), common: Type.Boolean() })),
})

export const EngineerListSchema = Type.Object({
  items: Type.Array(Type.Object({ userId: Type.String(), name: Type.String(), email: Type.String() })),
})

export const PartnerDirectorySchema = Type.Object({
  items: Type.Array(
    Type.Object({ tenantId: Type.String(), name: Type.String(), partnerType: Type.String() }),
  ),
})

export type ServiceRequestView = Static<typeof ServiceRequestSchema>
export type AttachmentView = Static<typeof AttachmentViewSchema>
