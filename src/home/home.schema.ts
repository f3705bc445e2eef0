import Type from 'typebox'

/**
 * The contract of GET /api/home. The portal's types are derived from these schemas
 * (web/src/features/home/api.ts: `Static<typeof HomeSchema>`), so a change here that the portal
 * does not follow fails its type check. Pure TypeBox: the portal's build may read this file.
 */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()])

export const RequestSummarySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  tenant: Type.Object({ tenantId: Type.String(), name: Type.String() }),
  partner: Nullable(Type.Object({ tenantId: Type.String(), name: Nullable(Type.String()) })),
  handledBy: Type.Enum(['vendor', 'partner']),
  /** Whom it waits on, as the reader sees it (service-requests/waiting-on.ts). */
  waitingOn: Nullable(
    Type.Object({ party: Type.Enum(['you', 'requester', 'vendor', 'partner']), name: Type.String() }),
  ),
  workload: Type.String(),
  severity: Type.Enum(['minimal', 'moderate', 'critical']),
  status: Type.Enum(['open', 'attention_needed', 'closed']),
  modifiedAt: Type.String({ format: 'date-time' }),
  assignedTo: Nullable(Type.Object({ userId: Type.String(), name: Nullable(Type.String()) })),
  sla: Type.Object({
    state: Type.Enum(['none', 'running', 'at_risk', 'breached', 'met', 'stopped']),
    firstResponseDueAt: Nullable(Type.String()),
    remainingMinutes: Nullable(Type.Integer()),
  }),
})

export const RequestSectionSchema = Type.Object({
  total: Type.Integer(),
  totalCapped: Type.Boolean(),
  items: Type.Array(RequestSummarySchema),
})

export const HomeIncidentSchema = Type.Object({
  incidentId: Type.String(),
  title: Type.String(),
  status: Type.String(),
  customers: Type.Array(Type.Object({ tenantId: Type.String(), name: Type.String() })),
})

export const HomeGdapSchema = Type.Object({
  relationshipId: Type.String(),
  displayName: Type.String(),
  customerTenantId: Nullable(Type.String()),
  customerName: Nullable(Type.String()),
  status: Type.Enum(['expiring', 'expired', 'terminated']),
  endAt: Nullable(Type.String()),
})

export const HomeSchema = Type.Union([
  Type.Object({
    persona: Type.Literal('partner'),
    waitingOnYou: RequestSectionSchema,
    sentToYou: RequestSectionSchema,
    atRisk: RequestSectionSchema,
    incidents: Type.Array(HomeIncidentSchema),
    gdap: Type.Array(HomeGdapSchema),
  }),
  Type.Object({
    persona: Type.Literal('customer'),
    waitingOnYou: RequestSectionSchema,
    open: RequestSectionSchema,
    incidents: Type.Array(HomeIncidentSchema),
  }),
  Type.Object({ persona: Type.Literal('vendor'), queue: RequestSectionSchema, atRisk: RequestSectionSchema }),
])
