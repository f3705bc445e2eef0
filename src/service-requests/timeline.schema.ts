import Type from 'typebox'

/**
 * The contract of GET /api/service-requests/{id}/timeline: a request's life as one reader may see
 * it. The portal's types are `Static<typeof …>` of these schemas
 * (web/src/features/service-requests/timeline-api.ts). Pure TypeBox: the portal's build reads it.
 */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()])

export const TIMELINE_KINDS = [
  'created',
  'note',
  'status',
  'severity',
  'assignment',
  'external_reference',
  'attachment',
  'sla_breached',
  'escalated',
  'incident_resolved',
] as const

export const LinkedRequestSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  status: Type.Enum(['open', 'attention_needed', 'closed']),
  handledBy: Type.Enum(['vendor', 'partner']),
})

export const TimelineEntrySchema = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  kind: Type.Enum([...TIMELINE_KINDS]),
  /** internal: only whoever works the request reads it (internal notes, assignment). */
  visibility: Type.Enum(['public', 'internal']),
  /** Who did it; null for what the system did (a missed target, a resolved incident). */
  actor: Nullable(
    Type.Object({
      name: Type.String(),
      tenantId: Nullable(Type.String()),
      side: Type.Enum(['vendor', 'partner', 'customer', 'system']),
    }),
  ),
  /** A note's text. */
  text: Type.Optional(Type.String()),
  /** status, severity, assignment (names), external reference: before and after. */
  from: Type.Optional(Nullable(Type.String())),
  to: Type.Optional(Nullable(Type.String())),
  /** Why it was closed or reopened. */
  reason: Type.Optional(Nullable(Type.String())),
  /** escalated: the request filed with the vendor. */
  request: Type.Optional(LinkedRequestSchema),
  /** created (filed linked to it), incident_resolved. */
  incident: Type.Optional(Type.Object({ id: Type.String(), title: Type.String(), status: Type.String() })),
  fileName: Type.Optional(Type.String()),
})

export const TimelineSchema = Type.Object({
  requestId: Type.String(),
  /** Oldest first. */
  entries: Type.Array(TimelineEntrySchema),
  links: Type.Object({
    /** The customer's request (handled by the partner) this one escalates to the vendor. */
    escalationOf: Nullable(LinkedRequestSchema),
    /** The requests the partner filed with the vendor for this one. */
    escalations: Type.Array(LinkedRequestSchema),
  }),
  /**
   * The request's ticket in its workload portal (Azure support, Microsoft 365 admin center), in
   * the reader's context for the customer (`?tenant=`) when the reader acts for it; null for the
   * vendor's engineers, who work requests here.
   */
  portal: Nullable(Type.Object({ kind: Type.Enum(['azure', 'm365']), path: Type.String() })),
})

export const CloseBodySchema = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
)

export const ReopenBodySchema = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' }) },
  { additionalProperties: false },
)
