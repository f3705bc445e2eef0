import Type from 'typebox'

/**
 * The contract of the portal's directory API (/api/directory, /api/invitations). The portal's
 * types are derived from these schemas (web/src/features/directory/api.ts: `Static<typeof …>`),
 * so a change here that the portal does not follow fails its type check. Pure TypeBox: the
 * portal's build may read this file.
 */
const N = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()])
const Ref = Type.Object({ id: Type.String(), displayName: Type.String() })

export const DirectoryMeSchema = Type.Object({
  directoryAdmin: Type.Boolean(),
  vendorAdmin: Type.Boolean(),
  tenantKind: Type.String(),
})

export const DirectoryUserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  givenName: N(Type.String()),
  surname: N(Type.String()),
  jobTitle: N(Type.String()),
  phone: N(Type.String()),
  locale: N(Type.String()),
  accountEnabled: Type.Boolean(),
  hasPassword: Type.Boolean(),
  invitationPending: Type.Boolean(),
  roles: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
})

export const DirectoryGroupSchema = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  description: N(Type.String()),
  mailNickname: N(Type.String()),
  partnerRole: N(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
})

export const GroupListItemSchema = Type.Intersect([
  DirectoryGroupSchema,
  Type.Object({ directMembers: Type.Integer(), transitiveUsers: Type.Integer() }),
])

export const MemberSchema = Type.Object({
  kind: Type.Union([Type.Literal('user'), Type.Literal('group')]),
  id: Type.String(),
  displayName: Type.String(),
  email: N(Type.String()),
  accountEnabled: N(Type.Boolean()),
  /** Through which direct member group (null: a direct member). */
  via: N(Ref),
})

export const MembershipSchema = Type.Object({ group: DirectoryGroupSchema, via: N(Ref) })

export const CustomerAccessSchema = Type.Object({
  customerTenantId: Type.String(),
  customerName: Type.String(),
  gdap: Type.Array(
    Type.Object({
      relationshipId: Type.String(),
      relationshipName: Type.String(),
      status: Type.String(),
      endAt: N(Type.String({ format: 'date-time' })),
      groupId: Type.String(),
      groupName: Type.String(),
      roles: Type.Array(Type.String()),
    }),
  ),
  azure: Type.Array(
    Type.Object({
      subscriptionId: Type.String(),
      subscriptionName: Type.String(),
      role: Type.String(),
      groupName: N(Type.String()),
    }),
  ),
})

export const UserDetailSchema = Type.Object({
  user: DirectoryUserSchema,
  memberOf: Type.Array(MembershipSchema),
  access: Type.Array(CustomerAccessSchema),
})

export const GroupDetailSchema = Type.Object({
  group: DirectoryGroupSchema,
  members: Type.Array(MemberSchema),
  transitiveMembers: Type.Array(MemberSchema),
  memberOf: Type.Array(MembershipSchema),
  access: Type.Array(CustomerAccessSchema),
})

export const CreatedUserSchema = Type.Object({ user: DirectoryUserSchema, invitationUrl: N(Type.String()) })

export const ReinvitationSchema = Type.Object({
  invitationUrl: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
})

export const CsvReportSchema = Type.Object({
  mode: Type.String(),
  rows: Type.Integer(),
  valid: Type.Integer(),
  applied: Type.Integer(),
  problems: Type.Array(
    Type.Object({
      row: Type.Integer(),
      column: N(Type.String()),
      code: Type.String(),
      message: Type.String(),
    }),
  ),
})

export const EntitlementSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['partner_agreement', 'premier', 'azure_support_plan']),
  reference: Type.String(),
  description: Type.String(),
  validUntil: N(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
})

/** What the invitation page shows before the person chooses a password. */
export const InvitationViewSchema = Type.Object({
  email: Type.String(),
  displayName: Type.String(),
  tenantName: Type.String(),
  /** Who sent it (null: the operator at the CLI, or a since deleted person). */
  invitedBy: N(Type.String()),
  /** 'sso': the address's domain signs in at its organization's identity provider. */
  signIn: Type.Union([Type.Literal('password'), Type.Literal('sso')]),
  expiresAt: Type.String({ format: 'date-time' }),
})
