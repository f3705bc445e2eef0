import type { AzureRoleName } from '../platform/db/schema.ts'

/**
 * The Azure built-in roles the support policy knows (R6), with Azure's own role definition ids and
 * permissions, so role assignments made with the official SDK read as they do on Azure.
 */
export interface RoleDefinition {
  id: string
  roleName: AzureRoleName
  description: string
  actions: string[]
  notActions: string[]
}

export const ROLE_DEFINITIONS: readonly RoleDefinition[] = [
  {
    id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
    roleName: 'Owner',
    description:
      'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.',
    actions: ['*'],
    notActions: [],
  },
  {
    id: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
    roleName: 'Contributor',
    description:
      'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.',
    actions: ['*'],
    notActions: [
      'Microsoft.Authorization/*/Delete',
      'Microsoft.Authorization/*/Write',
      'Microsoft.Authorization/elevateAccess/Action',
      'Microsoft.Blueprint/blueprintAssignments/write',
      'Microsoft.Blueprint/blueprintAssignments/delete',
      'Microsoft.Compute/galleries/share/action',
    ],
  },
  {
    id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
    roleName: 'Reader',
    description: 'View all resources, but does not allow you to make any changes.',
    actions: ['*/read'],
    notActions: [],
  },
  {
    id: 'cfd33db0-3dd1-45e3-aa9d-cdbdf3b6f24e',
    roleName: 'Support Request Contributor',
    description: 'Lets you create and manage Support requests',
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      'Microsoft.Support/*',
    ],
    notActions: [],
  },
]

export const definitionById = (id: string) => ROLE_DEFINITIONS.find((d) => d.id === id.toLowerCase())
export const definitionByName = (name: AzureRoleName) => ROLE_DEFINITIONS.find((d) => d.roleName === name)!

/** The role definition GUID of `/subscriptions/{s}/providers/Microsoft.Authorization/roleDefinitions/{guid}` (or the tenant-level form). */
export function definitionIdOf(resourceId: string): string | null {
  const match =
    /^(?:\/subscriptions\/[^/]+)?\/providers\/Microsoft\.Authorization\/roleDefinitions\/([0-9a-f-]{36})$/i.exec(
      resourceId.trim(),
    )
  return match ? match[1]!.toLowerCase() : null
}

export function presentRoleDefinition(d: RoleDefinition, subscriptionId: string) {
  return {
    id: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${d.id}`,
    name: d.id,
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: {
      roleName: d.roleName,
      type: 'BuiltInRole',
      description: d.description,
      assignableScopes: ['/'],
      permissions: [{ actions: d.actions, notActions: d.notActions, dataActions: [], notDataActions: [] }],
      createdOn: '2015-02-02T21:55:09.8806423Z',
      updatedOn: '2024-01-01T00:00:00.0000000Z',
      createdBy: null,
      updatedBy: null,
    },
  }
}
