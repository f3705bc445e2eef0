import Type from 'typebox'

/** The contract of GET /api/service-requests/views (the portal's types derive from it). Pure TypeBox. */
export const DeskViewSchema = Type.Object({
  id: Type.Enum(['open', 'mine', 'unassigned', 'at_risk', 'breached', 'waiting', 'sent_to_you', 'team']),
  /** The list's query string that shows the view (status, assignee, handledBy, sla, sort). */
  query: Type.Record(Type.String(), Type.String()),
  total: Type.Integer(),
  totalCapped: Type.Boolean(),
})

export const DeskViewsSchema = Type.Object({
  items: Type.Array(DeskViewSchema),
  /** Who may work the caller's requests, by name: the list's "handled by" filter offers these. */
  handlers: Type.Object({
    vendor: Type.String(),
    partner: Type.Union([Type.Object({ tenantId: Type.String(), name: Type.String() }), Type.Null()]),
  }),
})
