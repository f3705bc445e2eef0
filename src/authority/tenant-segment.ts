import type { AppContext } from '../platform/context.ts'
import type { TenantKind, TenantStatus } from '../platform/db/schema.ts'
import { isUuid } from '../platform/ids.ts'
import { oauthErrors } from './oauth-errors.ts'

export interface TenantInfo {
  id: string
  name: string
  kind: TenantKind
  status: TenantStatus
}

/** The `{tenant}` of an authority URL: a tenant (by id or domain), or `organizations` / `common`. */
export type TenantSegment = { kind: 'tenant'; tenant: TenantInfo } | { kind: 'organizations' | 'common' }

export async function findTenant(ctx: AppContext, idOrDomain: string): Promise<TenantInfo | null> {
  const query = ctx.db.selectFrom('tenants').select(['id', 'display_name as name', 'kind', 'status'])
  const row = isUuid(idOrDomain)
    ? await query.where('id', '=', idOrDomain.toLowerCase()).executeTakeFirst()
    : await query.where('default_domain', '=', idOrDomain.toLowerCase()).executeTakeFirst()
  return row ?? null
}

export async function resolveTenantSegment(ctx: AppContext, segment: string): Promise<TenantSegment> {
  const lower = segment.toLowerCase()
  if (lower === 'organizations' || lower === 'common') return { kind: lower }
  if (segment.length > 256) throw oauthErrors.tenantNotFound(segment.slice(0, 64))
  const tenant = await findTenant(ctx, segment)
  if (!tenant) throw oauthErrors.tenantNotFound(segment)
  return { kind: 'tenant', tenant }
}
