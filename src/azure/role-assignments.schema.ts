import Type from 'typebox'

/**
 * The contract of the portal's Azure role assignments (role-assignments.http.ts); the portal's
 * types derive from it (web/src/features/customer-admin/api.ts). Pure TypeBox.
 */

export const AZURE_ROLE_NAMES = ['Owner', 'Contributor', 'Reader', 'Support Request Contributor'] as const
export const PRINCIPAL_TYPES = ['User', 'Group', 'ForeignGroup'] as const

export const RoleAssignmentSchema = Type.Object({
  id: Type.String(),
  roleName: Type.Enum(AZURE_ROLE_NAMES),
  principalId: Type.String(),
  principalType: Type.Enum(PRINCIPAL_TYPES),
  principalName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
})

export const RoleAssignmentListSchema = Type.Object({ items: Type.Array(RoleAssignmentSchema) })

export const AssignablePrincipalSchema = Type.Object({
  id: Type.String(),
  type: Type.Enum(PRINCIPAL_TYPES),
  displayName: Type.String(),
  tenantName: Type.String(),
})

export const AssignablePrincipalListSchema = Type.Object({ items: Type.Array(AssignablePrincipalSchema) })

export const RoleAssignmentCreateSchema = Type.Object({
  principalId: Type.String({ format: 'uuid' }),
  roleName: Type.Enum(AZURE_ROLE_NAMES),
})
