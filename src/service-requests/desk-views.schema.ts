import Type from 'typebox'

/** The contract of GET /api/service-requests/views (the portal's types derive from it). Pure TypeBox. */
export const DeskViewSchema = Type.Object({
  id: Type.Enum(['open', 'mine', 'unassigned', 'at_risk', 'breached', 'waiting', 'sent_to_you', 'team']),
  /** The list's query string that shows the view (status, assignee, handledBy, sla, sort). */
  query: Type.Record(Type.String(), Type.String()),
  total: Type.Integer(),
  totalCapped: Type.Boolean(),
})

/** A view the signed-in person saved: their name for it and the list's filters it keeps. */
export const OwnDeskViewSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  own: Type.Literal(true),
  name: Type.String(),
  /** The list's filters the view keeps (only the list's filter keys). */
  query: Type.Record(Type.String(), Type.String()),
  total: Type.Integer(),
  totalCapped: Type.Boolean(),
})

export const DeskViewsSchema = Type.Object({
  /** The fixed views of the caller's persona, then the caller's own (`own: true`), oldest first. */
  items: Type.Array(Type.Union([DeskViewSchema, OwnDeskViewSchema])),
  /** Who may work the caller's requests, by name: the list's "handled by" filter offers these. */
  handlers: Type.Object({
    vendor: Type.String(),
    partner: Type.Union([Type.Object({ tenantId: Type.String(), name: Type.String() }), Type.Null()]),
  }),
})

/** POST /api/service-requests/views: save the list's current filters under a name. */
export const SaveViewBodySchema = Type.Object(
  {
    name: Type.String({
      description: '1 to 60 characters (spaces around it are dropped); unique per person.',
    }),
    query: Type.String({
      maxLength: 2000,
      description:
        'The list’s query string (`status=open&severity=critical`); only its filter keys are kept (paging is dropped).',
    }),
  },
  { additionalProperties: false },
)

export const ViewIdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) })

/** The list's filters a saved view may keep, each with the values the list accepts. */
export const SavedViewFiltersSchema = Type.Object(
  {
    customer: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    partner: Type.Optional(Type.String({ format: 'uuid' })),
    status: Type.Optional(Type.Enum(['open', 'attention_needed', 'closed'])),
    severity: Type.Optional(Type.Enum(['minimal', 'moderate', 'critical'])),
    workload: Type.Optional(Type.Enum(['azure', 'office365', 'dynamics', 'ems', 'marketplace'])),
    azureService: Type.Optional(Type.String({ format: 'uuid' })),
    problemClassification: Type.Optional(Type.String({ format: 'uuid' })),
    sla: Type.Optional(Type.Enum(['none', 'running', 'at_risk', 'breached', 'met', 'stopped'])),
    handledBy: Type.Optional(Type.Enum(['vendor', 'partner'])),
    assignee: Type.Optional(Type.String({ pattern: '^(me|none|[0-9a-fA-F-]{36})$' })),
    awaitingReplyFrom: Type.Optional(Type.Literal('me')),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    sort: Type.Optional(Type.Enum(['created', 'modified', 'due', 'relevance'])),
  },
  { additionalProperties: false },
)
