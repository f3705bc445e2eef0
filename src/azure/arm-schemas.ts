import Type from 'typebox'

/** Request schemas every Microsoft.Support route shares. */

export const ApiVersion = Type.Object(
  { 'api-version': Type.String({ maxLength: 20 }) },
  { additionalProperties: true },
)
export const Name = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' })
export const SubscriptionId = Type.Optional(Type.String({ maxLength: 64 }))
export const TicketParams = Type.Object({
  subscriptionId: SubscriptionId,
  supportTicketName: Type.String({ maxLength: 128 }),
})
export const NameCheck = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    type: Type.Enum(['Microsoft.Support/supportTickets', 'Microsoft.Support/communications']),
  },
  { additionalProperties: true },
)
export const open = { additionalProperties: true }
export const tags = ['Azure Microsoft.Support (ARM)']
