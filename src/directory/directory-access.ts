import type { Kysely } from 'kysely'
import type { Actor } from '../identity/actor.ts'
import { findVendorName } from '../identity/vendor.data.ts'
import type { Database } from '../platform/db/schema.ts'
import { DirectoryError } from './directory.messages.ts'

/**
 * Who may change what in the directory. Reads: anyone of the tenant. Changes: the tenant's global
 * administrators and, in a partner tenant, its admin agents (Partner Center lets admin agents run
 * the partner's people work; making someone an admin agent is adding them to AdminAgents). An
 * application acting on its own has passed authority/app-access.ts (User/Group permissions).
 * Always in the caller's own tenant: a delegated (customer-context) token is refused.
 */
export function directoryTenantOf(actor: Actor): string {
  if (actor.delegated) throw new DirectoryError(403, 'own_tenant_required', { tenant: actor.contextTenantId })
  return actor.homeTenantId
}

export function isDirectoryAdmin(actor: Actor): boolean {
  if (actor.principal === 'application') return true
  return (
    actor.roles.includes('global_admin') ||
    (actor.homeTenantKind === 'partner' && actor.roles.includes('admin_agent'))
  )
}

/** The tenant whose directory the actor changes (their own), when they may change it. */
export function adminTenantOf(actor: Actor): string {
  const tenantId = directoryTenantOf(actor)
  if (!isDirectoryAdmin(actor)) throw new DirectoryError(403, 'directory_admin_required')
  return tenantId
}

export function isVendorAdmin(actor: Actor): boolean {
  return (
    actor.homeTenantKind === 'vendor' &&
    !actor.delegated &&
    (actor.principal === 'application' || actor.roles.includes('global_admin'))
  )
}

export async function requireVendorAdmin(db: Kysely<Database>, actor: Actor): Promise<void> {
  // the refusal names the vendor ("Contoso Cloud"), read only when refusing
  if (!isVendorAdmin(actor))
    throw new DirectoryError(403, 'vendor_admin_required', {
      vendor: (await findVendorName(db)) ?? 'Tramite',
    })
}
