import type { Db } from '../platform/db/database.ts'
import type { PartnerType, PermissionKind, TenantKind, TenantStatus } from '../platform/db/schema.ts'
import { isUuid } from '../platform/ids.ts'

/**
 * App registrations and what hangs off them: secrets (only their hashes), certificates, the API
 * permissions asked for and their consent. Everything an administrator reads goes through
 * `appsOf(db, tenantId)`, so another tenant's application answers 404.
 */

export interface ApplicationRecord {
  id: string
  clientId: string
  tenantId: string
  tenantKind: TenantKind
  tenantStatus: TenantStatus
  tenantName: string
  tenantLocale: string
  tenantDomain: string
  partnerType: PartnerType | null
  displayName: string
  publicClient: boolean
  redirectUris: string[]
  createdAt: Date
}

function baseQuery(db: Db) {
  return db
    .selectFrom('app_registrations as a')
    .innerJoin('tenants as t', 't.id', 'a.tenant_id')
    .leftJoin('partners as p', 'p.tenant_id', 'a.tenant_id')
    .select([
      'a.id',
      'a.client_id as clientId',
      'a.tenant_id as tenantId',
      't.kind as tenantKind',
      't.status as tenantStatus',
      't.display_name as tenantName',
      't.locale as tenantLocale',
      't.default_domain as tenantDomain',
      'p.partner_type as partnerType',
      'a.display_name as displayName',
      'a.public_client as publicClient',
      'a.redirect_uris as redirectUris',
      'a.created_at as createdAt',
    ])
}

/** The one scope for an administrator's reads: the applications registered in `tenantId`. */
export const appsOf = (db: Db, tenantId: string) => baseQuery(db).where('a.tenant_id', '=', tenantId)

export async function listApps(db: Db, tenantId: string): Promise<ApplicationRecord[]> {
  return appsOf(db, tenantId).orderBy('a.created_at', 'desc').orderBy('a.id').execute()
}

export async function findApp(db: Db, tenantId: string, id: string): Promise<ApplicationRecord | null> {
  if (!isUuid(id)) return null
  return (await appsOf(db, tenantId).where('a.id', '=', id).executeTakeFirst()) ?? null
}

/** An application by the client id a client sends (any tenant: the token endpoint checks the tenant). */
export async function findAppByClientId(db: Db, clientId: string): Promise<ApplicationRecord | null> {
  if (!isUuid(clientId)) return null
  return (await baseQuery(db).where('a.client_id', '=', clientId.toLowerCase()).executeTakeFirst()) ?? null
}

export async function insertApp(
  db: Db,
  input: {
    id: string
    clientId: string
    tenantId: string
    displayName: string
    publicClient: boolean
    redirectUris: string[]
    createdByUserId: string | null
  },
): Promise<void> {
  await db
    .insertInto('app_registrations')
    .values({
      id: input.id,
      client_id: input.clientId,
      tenant_id: input.tenantId,
      display_name: input.displayName,
      public_client: input.publicClient,
      redirect_uris: JSON.stringify(input.redirectUris),
      created_by_user_id: input.createdByUserId,
    })
    .execute()
}

export async function updateApp(
  db: Db,
  id: string,
  changes: { displayName?: string; publicClient?: boolean; redirectUris?: string[] },
): Promise<void> {
  await db
    .updateTable('app_registrations')
    .set({
      ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
      ...(changes.publicClient === undefined ? {} : { public_client: changes.publicClient }),
      ...(changes.redirectUris === undefined ? {} : { redirect_uris: JSON.stringify(changes.redirectUris) }),
    })
    .where('id', '=', id)
    .execute()
}

export async function deleteApp(db: Db, id: string): Promise<void> {
  await db.deleteFrom('app_registrations').where('id', '=', id).execute()
}

export interface SecretRecord {
  id: string
  description: string
  hint: string
  expiresAt: Date
  createdAt: Date
}

export function listSecrets(db: Db, appId: string): Promise<SecretRecord[]> {
  return db
    .selectFrom('app_client_secrets')
    .select(['id', 'description', 'hint', 'expires_at as expiresAt', 'created_at as createdAt'])
    .where('application_id', '=', appId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export async function insertSecret(
  db: Db,
  input: { id: string; appId: string; description: string; hint: string; hash: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('app_client_secrets')
    .values({
      id: input.id,
      application_id: input.appId,
      description: input.description,
      hint: input.hint,
      secret_hash: input.hash,
      expires_at: input.expiresAt,
    })
    .execute()
}

/** The secret of `appId` whose hash this is, if any (expired ones too: the caller says which). */
export async function findSecretByHash(
  db: Db,
  appId: string,
  hash: string,
): Promise<{ id: string; expiresAt: Date } | null> {
  return (
    (await db
      .selectFrom('app_client_secrets')
      .select(['id', 'expires_at as expiresAt'])
      .where('application_id', '=', appId)
      .where('secret_hash', '=', hash)
      .executeTakeFirst()) ?? null
  )
}

export async function deleteSecret(db: Db, appId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false
  const result = await db
    .deleteFrom('app_client_secrets')
    .where('application_id', '=', appId)
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export interface CertificateRecord {
  id: string
  description: string
  thumbprintSha1: string
  thumbprintSha256: string
  subject: string
  certificatePem: string
  notBefore: Date
  expiresAt: Date
  createdAt: Date
}

const certificateColumns = [
  'id',
  'description',
  'thumbprint_sha1 as thumbprintSha1',
  'thumbprint_sha256 as thumbprintSha256',
  'subject',
  'certificate_pem as certificatePem',
  'not_before as notBefore',
  'expires_at as expiresAt',
  'created_at as createdAt',
] as const

export function listCertificates(db: Db, appId: string): Promise<CertificateRecord[]> {
  return db
    .selectFrom('app_certificates')
    .select(certificateColumns)
    .where('application_id', '=', appId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** The certificate an assertion names by its x5t (SHA-1) or x5t#S256 thumbprint. */
export async function findCertificate(
  db: Db,
  appId: string,
  thumbprint: { sha1?: string; sha256?: string },
): Promise<CertificateRecord | null> {
  let query = db.selectFrom('app_certificates').select(certificateColumns).where('application_id', '=', appId)
  if (thumbprint.sha256) query = query.where('thumbprint_sha256', '=', thumbprint.sha256)
  else if (thumbprint.sha1) query = query.where('thumbprint_sha1', '=', thumbprint.sha1)
  else return null
  return (await query.executeTakeFirst()) ?? null
}

export async function insertCertificate(
  db: Db,
  appId: string,
  cert: Omit<CertificateRecord, 'createdAt'>,
): Promise<void> {
  await db
    .insertInto('app_certificates')
    .values({
      id: cert.id,
      application_id: appId,
      description: cert.description,
      thumbprint_sha1: cert.thumbprintSha1,
      thumbprint_sha256: cert.thumbprintSha256,
      subject: cert.subject,
      certificate_pem: cert.certificatePem,
      not_before: cert.notBefore,
      expires_at: cert.expiresAt,
    })
    .execute()
}

export async function deleteCertificate(db: Db, appId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false
  const result = await db
    .deleteFrom('app_certificates')
    .where('application_id', '=', appId)
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export interface PermissionRecord {
  resource: string
  permission: string
  kind: PermissionKind
  consentedAt: Date | null
  consentedBy: string | null
}

export function listPermissions(db: Db, appId: string): Promise<PermissionRecord[]> {
  return db
    .selectFrom('app_permissions as p')
    .leftJoin('users as u', 'u.id', 'p.consented_by_user_id')
    .select([
      'p.resource',
      'p.permission',
      'p.kind',
      'p.consented_at as consentedAt',
      'u.email as consentedBy',
    ])
    .where('p.application_id', '=', appId)
    .orderBy('p.resource')
    .orderBy('p.kind')
    .orderBy('p.permission')
    .execute()
}

type PermissionKey = { resource: string; permission: string; kind: PermissionKind }

/** Replaces the permissions asked for; those kept keep their consent, those removed lose it. */
export async function setPermissions(db: Db, appId: string, wanted: PermissionKey[]): Promise<void> {
  const current = await listPermissions(db, appId)
  const key = (p: PermissionKey) => `${p.resource}|${p.permission}|${p.kind}`
  const wantedKeys = new Set(wanted.map(key))
  const currentKeys = new Set(current.map(key))
  for (const p of current.filter((c) => !wantedKeys.has(key(c)))) {
    await db
      .deleteFrom('app_permissions')
      .where('application_id', '=', appId)
      .where('resource', '=', p.resource)
      .where('permission', '=', p.permission)
      .where('kind', '=', p.kind)
      .execute()
    if (p.kind === 'delegated') {
      await db
        .deleteFrom('app_user_consents')
        .where('application_id', '=', appId)
        .where('resource', '=', p.resource)
        .where('permission', '=', p.permission)
        .execute()
    }
  }
  const added = wanted.filter((w) => !currentKeys.has(key(w)))
  if (added.length > 0) {
    await db
      .insertInto('app_permissions')
      .values(added.map((p) => ({ application_id: appId, ...p })))
      .execute()
  }
}

/** The administrator's consent to every permission asked for (or only `only`), tenant-wide. */
export async function grantAdminConsent(
  db: Db,
  appId: string,
  userId: string | null,
  at: Date,
  only?: PermissionKey,
): Promise<number> {
  let query = db
    .updateTable('app_permissions')
    .set({ consented_at: at, consented_by_user_id: userId })
    .where('application_id', '=', appId)
    .where('consented_at', 'is', null)
  if (only) {
    query = query
      .where('resource', '=', only.resource)
      .where('permission', '=', only.permission)
      .where('kind', '=', only.kind)
  }
  return Number((await query.executeTakeFirst()).numUpdatedRows)
}

export async function revokeAdminConsent(db: Db, appId: string, only?: PermissionKey): Promise<number> {
  let query = db
    .updateTable('app_permissions')
    .set({ consented_at: null, consented_by_user_id: null })
    .where('application_id', '=', appId)
    .where('consented_at', 'is not', null)
  if (only) {
    query = query
      .where('resource', '=', only.resource)
      .where('permission', '=', only.permission)
      .where('kind', '=', only.kind)
  }
  return Number((await query.executeTakeFirst()).numUpdatedRows)
}

export interface UserConsentRecord {
  userId: string
  email: string
  resource: string
  permission: string
  grantedAt: Date
}

export function listUserConsents(db: Db, appId: string): Promise<UserConsentRecord[]> {
  return db
    .selectFrom('app_user_consents as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.user_id as userId', 'u.email', 'c.resource', 'c.permission', 'c.granted_at as grantedAt'])
    .where('c.application_id', '=', appId)
    .orderBy('u.email')
    .orderBy('c.resource')
    .orderBy('c.permission')
    .execute()
}

export async function grantUserConsent(
  db: Db,
  appId: string,
  userId: string,
  grants: { resource: string; permission: string }[],
): Promise<void> {
  if (grants.length === 0) return
  await db
    .insertInto('app_user_consents')
    .values(grants.map((g) => ({ application_id: appId, user_id: userId, ...g })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function revokeUserConsents(db: Db, appId: string, userId?: string): Promise<number> {
  let query = db.deleteFrom('app_user_consents').where('application_id', '=', appId)
  if (userId) query = query.where('user_id', '=', userId)
  return Number((await query.executeTakeFirst()).numDeletedRows)
}

export interface GrantState {
  permission: string
  /** The administrator consented tenant-wide. */
  adminConsented: boolean
  /** This person consented for themselves (delegated only). */
  userConsented: boolean
}

/** The permissions of `kind` the app asks for on `resource`, with the consent each has now. */
export async function grantStates(
  db: Db,
  appId: string,
  resource: string,
  kind: PermissionKind,
  userId: string | null,
): Promise<GrantState[]> {
  const rows = await db
    .selectFrom('app_permissions as p')
    .select(['p.permission', 'p.consented_at'])
    .where('p.application_id', '=', appId)
    .where('p.resource', '=', resource)
    .where('p.kind', '=', kind)
    .execute()
  const mine =
    userId && kind === 'delegated'
      ? new Set(
          (
            await db
              .selectFrom('app_user_consents')
              .select('permission')
              .where('application_id', '=', appId)
              .where('user_id', '=', userId)
              .where('resource', '=', resource)
              .execute()
          ).map((r) => r.permission),
        )
      : new Set<string>()
  return rows.map((r) => ({
    permission: r.permission,
    adminConsented: r.consented_at !== null,
    userConsented: mine.has(r.permission),
  }))
}
