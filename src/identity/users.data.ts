import type { Db } from '../platform/db/database.ts'
import { isUuid } from '../platform/ids.ts'
import type { PartnerType, TenantKind, TenantStatus, UserRole } from '../platform/db/schema.ts'
import { effectiveRolesSql } from '../directory/partner-roles.ts'
import { normaliseIdentity } from './signin-throttle.ts'

export interface UserRecord {
  id: string
  tenantId: string
  tenantKind: TenantKind
  tenantName: string
  tenantLocale: string
  /** A suspended tenant's users can neither sign in nor use tokens. */
  tenantStatus: TenantStatus
  /** The home tenant's "require MFA" policy: acting in a customer's tenant needs a session or token that did MFA. */
  tenantRequiresMfa: boolean
  partnerType: PartnerType | null
  email: string
  displayName: string
  givenName: string | null
  surname: string | null
  phone: string | null
  locale: string | null
  disabled: boolean
  passwordHash: string | null
  /** Own role rows plus the partner roles of the groups the user belongs to (directly or nested). */
  roles: UserRole[]
}

/** Users with their tenant, partner type and effective roles; other lookups join to it. */
export function userQuery(db: Db) {
  return db
    .selectFrom('users as u')
    .innerJoin('tenants as t', 't.id', 'u.tenant_id')
    .leftJoin('partners as p', 'p.tenant_id', 'u.tenant_id')
    .select([
      'u.id',
      'u.tenant_id as tenantId',
      't.kind as tenantKind',
      't.display_name as tenantName',
      't.locale as tenantLocale',
      't.status as tenantStatus',
      't.require_mfa as tenantRequiresMfa',
      'p.partner_type as partnerType',
      'u.email',
      'u.display_name as displayName',
      'u.given_name as givenName',
      'u.surname',
      'u.phone',
      'u.locale',
      'u.disabled',
      'u.password_hash as passwordHash',
      effectiveRolesSql('u.id', 'u.tenant_id').as('roles'),
    ])
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRecord | null> {
  return (await userQuery(db).where('u.email', '=', normaliseIdentity(email)).executeTakeFirst()) ?? null
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | null> {
  if (!isUuid(id)) return null
  return (await userQuery(db).where('u.id', '=', id).executeTakeFirst()) ?? null
}
