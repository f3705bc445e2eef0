import { createHash, randomUUID } from 'node:crypto'
import type { Db } from '../platform/db/database.ts'

/** Tenants' OpenID Connect identity providers, their domains and group mappings, and sign-ins under way. */

export interface ProviderRecord {
  id: string
  tenantId: string
  tenantName: string
  issuer: string
  clientId: string
  clientSecretSealed: string
  groupsClaim: string | null
  jitUsers: boolean
  updatedAt: Date
  domains: string[]
  groupMaps: { claimValue: string; groupId: string; groupName: string }[]
}

function providerQuery(db: Db) {
  return db
    .selectFrom('identity_providers as p')
    .innerJoin('tenants as t', 't.id', 'p.tenant_id')
    .select([
      'p.id',
      'p.tenant_id as tenantId',
      't.display_name as tenantName',
      'p.issuer',
      'p.client_id as clientId',
      'p.client_secret_sealed as clientSecretSealed',
      'p.groups_claim as groupsClaim',
      't.jit_users as jitUsers',
      'p.updated_at as updatedAt',
    ])
}

async function complete(
  db: Db,
  row: Omit<ProviderRecord, 'domains' | 'groupMaps'> | undefined,
): Promise<ProviderRecord | null> {
  if (!row) return null
  const domains = await db
    .selectFrom('identity_provider_domains')
    .select('domain')
    .where('provider_id', '=', row.id)
    .orderBy('domain')
    .execute()
  const groupMaps = await db
    .selectFrom('identity_provider_group_maps as m')
    .innerJoin('security_groups as g', 'g.id', 'm.group_id')
    .select(['m.claim_value as claimValue', 'm.group_id as groupId', 'g.display_name as groupName'])
    .where('m.provider_id', '=', row.id)
    .orderBy('m.claim_value')
    .orderBy('g.display_name')
    .execute()
  return { ...row, domains: domains.map((d) => d.domain), groupMaps }
}

export const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1)

/** The provider that owns the domain of a (normalised) email, if any. */
export async function providerForEmail(db: Db, email: string): Promise<ProviderRecord | null> {
  if (!email.includes('@')) return null
  const row = await providerQuery(db)
    .innerJoin('identity_provider_domains as d', 'd.provider_id', 'p.id')
    .where('d.domain', '=', domainOf(email))
    .executeTakeFirst()
  return complete(db, row)
}

export async function providerById(db: Db, id: string): Promise<ProviderRecord | null> {
  return complete(db, await providerQuery(db).where('p.id', '=', id).executeTakeFirst())
}

export async function providerOfTenant(db: Db, tenantId: string): Promise<ProviderRecord | null> {
  return complete(db, await providerQuery(db).where('p.tenant_id', '=', tenantId).executeTakeFirst())
}

/** Domains among `domains` that another tenant's provider already owns. */
export async function domainsTakenElsewhere(db: Db, tenantId: string, domains: string[]): Promise<string[]> {
  if (domains.length === 0) return []
  const rows = await db
    .selectFrom('identity_provider_domains as d')
    .innerJoin('identity_providers as p', 'p.id', 'd.provider_id')
    .select('d.domain')
    .where('d.domain', 'in', domains)
    .where('p.tenant_id', '<>', tenantId)
    .execute()
  return rows.map((r) => r.domain)
}

export interface ProviderInput {
  issuer: string
  clientId: string
  /** Already sealed; null keeps the stored one. */
  clientSecretSealed: string | null
  groupsClaim: string | null
  domains: string[]
  groupMaps: { claimValue: string; groupId: string }[]
}

/** Creates or replaces a tenant's provider (one per tenant), its domains and group mappings. */
export async function saveProvider(
  db: Db,
  tenantId: string,
  input: ProviderInput,
  now: Date,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('identity_providers')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst()
    const id = existing?.id ?? randomUUID()
    if (existing) {
      await trx
        .updateTable('identity_providers')
        .set({
          issuer: input.issuer,
          client_id: input.clientId,
          groups_claim: input.groupsClaim,
          updated_at: now,
          ...(input.clientSecretSealed ? { client_secret_sealed: input.clientSecretSealed } : {}),
        })
        .where('id', '=', id)
        .execute()
    } else {
      await trx
        .insertInto('identity_providers')
        .values({
          id,
          tenant_id: tenantId,
          issuer: input.issuer,
          client_id: input.clientId,
          client_secret_sealed: input.clientSecretSealed!,
          groups_claim: input.groupsClaim,
          updated_at: now,
        })
        .execute()
    }
    await trx.deleteFrom('identity_provider_domains').where('provider_id', '=', id).execute()
    if (input.domains.length > 0)
      await trx
        .insertInto('identity_provider_domains')
        .values(input.domains.map((domain) => ({ domain, provider_id: id })))
        .execute()
    await trx.deleteFrom('identity_provider_group_maps').where('provider_id', '=', id).execute()
    if (input.groupMaps.length > 0)
      await trx
        .insertInto('identity_provider_group_maps')
        .values(
          input.groupMaps.map((m) => ({ provider_id: id, claim_value: m.claimValue, group_id: m.groupId })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute()
    return id
  })
}

export async function deleteProvider(db: Db, tenantId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('identity_providers')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

const hashState = (state: string): string => createHash('sha256').update(state).digest('base64url')

export async function saveSsoRequest(
  db: Db,
  request: {
    state: string
    providerId: string
    codeVerifier: string
    nonce: string
    loginHint: string | null
    returnTo: string | null
    expiresAt: Date
  },
): Promise<void> {
  await db.deleteFrom('sso_requests').where('expires_at', '<', new Date()).execute()
  await db
    .insertInto('sso_requests')
    .values({
      state_hash: hashState(request.state),
      provider_id: request.providerId,
      code_verifier: request.codeVerifier,
      nonce: request.nonce,
      login_hint: request.loginHint,
      return_to: request.returnTo,
      expires_at: request.expiresAt,
    })
    .execute()
}

/** Takes a sign-in under way by its state, once: a second answer with the same state finds nothing. */
export async function takeSsoRequest(db: Db, state: string, now: Date) {
  const row = await db
    .deleteFrom('sso_requests')
    .where('state_hash', '=', hashState(state))
    .returning(['provider_id', 'code_verifier', 'nonce', 'return_to', 'expires_at'])
    .executeTakeFirst()
  if (!row || row.expires_at <= now) return null
  return {
    providerId: row.provider_id,
    codeVerifier: row.code_verifier,
    nonce: row.nonce,
    returnTo: row.return_to,
  }
}
