import type { Db } from '../platform/db/database.ts'
import type { PermissionKind } from '../platform/db/schema.ts'
import { grantStates, type GrantState } from './applications.data.ts'
import { findPermission } from './catalog.ts'

/**
 * Whether a permission is in force: an application permission needs the administrator's consent;
 * a delegated one the administrator's, or — when the catalog lets people consent for themselves —
 * the person's own.
 */
export function inForce(resource: string, kind: PermissionKind, state: GrantState): boolean {
  if (state.adminConsented) return true
  if (kind === 'application') return false
  const catalog = findPermission(resource, state.permission, 'delegated')
  return state.userConsented && catalog !== undefined && !catalog.adminConsentRequired
}

/** The permissions of `kind` on `resource` that the app holds now (for `userId`, when delegated). */
export async function permissionsInForce(
  db: Db,
  appId: string,
  resource: string,
  kind: PermissionKind,
  userId: string | null,
): Promise<string[]> {
  const states = await grantStates(db, appId, resource, kind, userId)
  return states.filter((s) => inForce(resource, kind, s)).map((s) => s.permission)
}
