import Type from 'typebox'

/** At most this many requests in one bulk change (the portal's page holds 50). */
export const BULK_MAX_ITEMS = 100

/** The contract of POST /api/service-requests/bulk (the portal's types derive from it). Pure TypeBox. */
export const BulkChangeBodySchema = Type.Object(
  {
    action: Type.Enum(['assign', 'close']),
    /** For `assign`: a colleague's user id (the caller's own to take them), or null to unassign. */
    assignedTo: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    /** For `close`: why (optional), on each request's timeline and in the audit, as a single close. */
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    /** Each request with the version the caller read (its ETag's number): a stale one is refused, not overwritten. */
    items: Type.Array(
      Type.Object(
        { id: Type.String({ minLength: 1, maxLength: 40 }), version: Type.Integer({ minimum: 0 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: BULK_MAX_ITEMS },
    ),
  },
  { additionalProperties: false },
)

export const BulkItemResultSchema = Type.Object({
  id: Type.String(),
  ok: Type.Boolean(),
  /** Applied: the request's new version, status and assignee. */
  version: Type.Optional(Type.Integer()),
  status: Type.Optional(Type.Enum(['open', 'attention_needed', 'closed'])),
  assignedTo: Type.Optional(
    Type.Union([
      Type.Object({ userId: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }),
      Type.Null(),
    ]),
  ),
  /** Refused: what a single change would have answered (HTTP status, machine code, localized message). */
  error: Type.Optional(
    Type.Object({
      status: Type.Integer(),
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  ),
})

export const BulkChangeResultSchema = Type.Object({
  action: Type.Enum(['assign', 'close']),
  applied: Type.Integer(),
  refused: Type.Integer(),
  /** One per item, in the order asked. */
  results: Type.Array(BulkItemResultSchema),
})
