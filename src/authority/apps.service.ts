import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/audit.data.ts'
import { type Actor, actingUserId, auditActor } from '../identity/actor.ts'
import type { AppContext } from '../platform/context.ts'
import type { PermissionKind } from '../platform/db/schema.ts'
import { AppError, forbidden, notFound, validationFailed } from '../platform/errors.ts'
import * as data from './applications.data.ts'
import { PERMISSIONS, findPermission, findResource, type CatalogPermission } from './catalog.ts'
import { describeCertificate } from './client-auth.ts'
import { hashSecret, newSecret } from './grants.data.ts'

/**
 * App registrations, as a tenant's administrator manages them (portal API and CLI): create,
 * redirect URIs, secrets (shown once, kept hashed), certificates, API permissions and consent.
 * Every change is audited in its transaction.
 */

export const isTenantAdmin = (actor: Actor): boolean =>
  actor.principal === 'user' &&
  !actor.delegated &&
  actor.applicationId === null &&
  (actor.roles.includes('admin_agent') || actor.roles.includes('global_admin'))

function requireAdmin(actor: Actor): string {
  if (!isTenantAdmin(actor)) throw forbidden()
  return actor.homeTenantId
}

export interface PermissionRef {
  resource: string
  permission: string
  kind: PermissionKind
}

/** `graph/ServiceHealth.Read.All (application)`, `arm/user_impersonation`, `partnercenter/user_impersonation (delegated)`. */
export function parsePermission(text: string): PermissionRef {
  const match = /^\s*([^/\s]+)\/([^\s(]+)\s*(?:\((delegated|application)\))?\s*$/.exec(text)
  const resource = match ? findResource(match[1]!) : undefined
  const kind = (match?.[3] as PermissionKind | undefined) ?? 'delegated'
  const found = resource && match ? findPermission(resource.key, match[2]!, kind) : undefined
  if (!found) {
    throw validationFailed(
      `unknown permission '${text}'; known: ${PERMISSIONS.map((p) => `${p.resource}/${p.name} (${p.kind})`).join(', ')}`,
    )
  }
  return { resource: found.resource, permission: found.name, kind: found.kind }
}

const SECRET_DAYS_DEFAULT = 180
const SECRET_DAYS_MAX = 730

function checkRedirectUris(uris: string[], publicClient: boolean): string[] {
  const out: string[] = []
  for (const uri of uris) {
    let url: URL
    try {
      url = new URL(uri)
    } catch {
      throw validationFailed(`redirect URI '${uri}' is not an absolute URL`)
    }
    const loopback = url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname)
    if (
      url.protocol !== 'https:' &&
      !loopback &&
      !(publicClient && /^[a-z][a-z0-9+.-]*:$/.test(url.protocol) && url.protocol !== 'http:')
    ) {
      throw validationFailed(`redirect URI '${uri}' must use https (http only for localhost)`)
    }
    if (url.hash) throw validationFailed(`redirect URI '${uri}' must not have a fragment`)
    out.push(uri)
  }
  return [...new Set(out)]
}

export interface AppView extends data.ApplicationRecord {
  secrets: data.SecretRecord[]
  certificates: Omit<data.CertificateRecord, 'certificatePem'>[]
  permissions: data.PermissionRecord[]
  userConsents: data.UserConsentRecord[]
}

export async function listApplications(ctx: AppContext, actor: Actor): Promise<data.ApplicationRecord[]> {
  return data.listApps(ctx.db, requireAdmin(actor))
}

export async function getApplication(ctx: AppContext, actor: Actor, id: string): Promise<AppView> {
  const app = await data.findApp(ctx.db, requireAdmin(actor), id)
  if (!app) throw notFound()
  const [secrets, certificates, permissions, userConsents] = await Promise.all([
    data.listSecrets(ctx.db, app.id),
    data.listCertificates(ctx.db, app.id),
    data.listPermissions(ctx.db, app.id),
    data.listUserConsents(ctx.db, app.id),
  ])
  return {
    ...app,
    secrets,
    certificates: certificates.map(({ certificatePem: _pem, ...rest }) => rest),
    permissions,
    userConsents,
  }
}

export interface CreateInput {
  displayName: string
  publicClient: boolean
  redirectUris: string[]
  permissions: string[]
  /** Consent to every permission at once (the CLI on the server's machine, or an admin saying so). */
  consent: boolean
  /** Create a first client secret (confidential clients). */
  secret: boolean
}

export interface CreatedApp {
  id: string
  clientId: string
  tenantId: string
  clientSecret: string | null
  secretExpiresAt: string | null
}

export async function createApplication(
  ctx: AppContext,
  actor: Actor,
  input: CreateInput,
): Promise<CreatedApp> {
  const tenantId = requireAdmin(actor)
  return createApplicationIn(ctx, tenantId, actor, input)
}

/** Also used by the CLI on the server's machine, acting as the operator (actor null). */
export async function createApplicationIn(
  ctx: AppContext,
  tenantId: string,
  actor: Actor | null,
  input: CreateInput,
): Promise<CreatedApp> {
  const name = input.displayName.trim()
  if (name.length < 1 || name.length > 120) throw validationFailed('the name must have 1 to 120 characters')
  const redirectUris = checkRedirectUris(input.redirectUris, input.publicClient)
  const permissions = input.permissions.map(parsePermission)
  if (input.publicClient && permissions.some((p) => p.kind === 'application')) {
    throw validationFailed('a public client cannot have application permissions (it has no credentials)')
  }
  const id = randomUUID()
  const clientId = randomUUID()
  const secret = !input.publicClient && input.secret ? newSecret(30) : null
  const expiresAt = new Date(ctx.now().getTime() + SECRET_DAYS_DEFAULT * 86400_000)
  await ctx.db.transaction().execute(async (trx) => {
    await data.insertApp(trx, {
      id,
      clientId,
      tenantId,
      displayName: name,
      publicClient: input.publicClient,
      redirectUris,
      createdByUserId: actor ? actingUserId(actor) : null,
    })
    if (secret) {
      await data.insertSecret(trx, {
        id: randomUUID(),
        appId: id,
        description: 'Created with the app',
        hint: secret.slice(0, 3),
        hash: hashSecret(secret),
        expiresAt,
      })
    }
    await data.setPermissions(trx, id, permissions)
    if (input.consent && permissions.length > 0) {
      await data.grantAdminConsent(trx, id, actor ? actingUserId(actor) : null, ctx.now())
    }
    await recordAudit(trx, {
      ...auditActor(actor),
      applicationId: id,
      tenantId,
      action: 'authority.app.create',
      targetType: 'application',
      targetId: id,
      result: 'done',
      details: {
        displayName: name,
        clientId,
        publicClient: input.publicClient,
        redirectUris,
        permissions: permissions.map((p) => `${p.resource}/${p.permission} (${p.kind})`),
        consented: input.consent,
        ...(actor ? {} : { via: 'cli' }),
      },
    })
  })
  return {
    id,
    clientId,
    tenantId,
    clientSecret: secret,
    secretExpiresAt: secret ? expiresAt.toISOString() : null,
  }
}

async function audited(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: string,
  details: Record<string, unknown>,
  change: (trx: AppContext['db'], app: data.ApplicationRecord) => Promise<void>,
): Promise<void> {
  const app = await data.findApp(ctx.db, requireAdmin(actor), id)
  if (!app) throw notFound()
  await ctx.db.transaction().execute(async (trx) => {
    await change(trx, app)
    await recordAudit(trx, {
      ...auditActor(actor),
      applicationId: app.id,
      tenantId: app.tenantId,
      action,
      targetType: 'application',
      targetId: app.id,
      result: 'done',
      details,
    })
  })
}

export async function updateApplication(
  ctx: AppContext,
  actor: Actor,
  id: string,
  changes: { displayName?: string; redirectUris?: string[] },
): Promise<void> {
  const app = await data.findApp(ctx.db, requireAdmin(actor), id)
  if (!app) throw notFound()
  const redirectUris = changes.redirectUris
    ? checkRedirectUris(changes.redirectUris, app.publicClient)
    : undefined
  const displayName = changes.displayName?.trim()
  if (displayName !== undefined && (displayName.length < 1 || displayName.length > 120))
    throw validationFailed('the name must have 1 to 120 characters')
  await audited(ctx, actor, id, 'authority.app.update', { displayName, redirectUris }, (trx) =>
    data.updateApp(trx, id, {
      ...(displayName !== undefined ? { displayName } : {}),
      ...(redirectUris ? { redirectUris } : {}),
    }),
  )
}

export async function deleteApplication(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await audited(ctx, actor, id, 'authority.app.delete', {}, (trx) => data.deleteApp(trx, id))
}

export async function addSecret(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { description: string; days?: number },
): Promise<{ id: string; secret: string; hint: string; expiresAt: string }> {
  const days = input.days ?? SECRET_DAYS_DEFAULT
  if (!Number.isInteger(days) || days < 1 || days > SECRET_DAYS_MAX)
    throw validationFailed(`a secret lives 1 to ${SECRET_DAYS_MAX} days`)
  const secret = newSecret(30)
  const secretId = randomUUID()
  const expiresAt = new Date(ctx.now().getTime() + days * 86400_000)
  await audited(ctx, actor, id, 'authority.app.secret.add', { secretId, expiresAt }, async (trx, app) => {
    if (app.publicClient)
      throw new AppError(409, 'public_client', 'error.validation', {
        detail: 'a public client has no secrets',
      })
    await data.insertSecret(trx, {
      id: secretId,
      appId: id,
      description: input.description.trim().slice(0, 120),
      hint: secret.slice(0, 3),
      hash: hashSecret(secret),
      expiresAt,
    })
  })
  return { id: secretId, secret, hint: secret.slice(0, 3), expiresAt: expiresAt.toISOString() }
}

export async function removeSecret(
  ctx: AppContext,
  actor: Actor,
  id: string,
  secretId: string,
): Promise<void> {
  await audited(ctx, actor, id, 'authority.app.secret.remove', { secretId }, async (trx) => {
    if (!(await data.deleteSecret(trx, id, secretId))) throw notFound()
  })
}

export async function addCertificate(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { description: string; certificatePem: string },
): Promise<{ id: string; thumbprintSha1: string; thumbprintSha256: string; expiresAt: string }> {
  if (/PRIVATE KEY/.test(input.certificatePem))
    throw validationFailed('upload the certificate only (its public part), never the private key')
  const cert = describeCertificate(input.certificatePem)
  if (!cert) throw validationFailed('not a PEM X.509 certificate')
  if (cert.expiresAt <= ctx.now()) throw validationFailed('the certificate has expired')
  const certId = randomUUID()
  await audited(
    ctx,
    actor,
    id,
    'authority.app.certificate.add',
    { certificateId: certId, thumbprintSha256: cert.thumbprintSha256 },
    async (trx, app) => {
      if (app.publicClient)
        throw new AppError(409, 'public_client', 'error.validation', {
          detail: 'a public client has no certificates',
        })
      const existing = await data.findCertificate(trx, id, { sha256: cert.thumbprintSha256 })
      if (existing)
        throw new AppError(409, 'duplicate_certificate', 'error.validation', {
          detail: 'this certificate is already registered',
        })
      await data.insertCertificate(trx, id, {
        id: certId,
        description: input.description.trim().slice(0, 120),
        ...cert,
      })
    },
  )
  return {
    id: certId,
    thumbprintSha1: cert.thumbprintSha1,
    thumbprintSha256: cert.thumbprintSha256,
    expiresAt: cert.expiresAt.toISOString(),
  }
}

export async function removeCertificate(
  ctx: AppContext,
  actor: Actor,
  id: string,
  certId: string,
): Promise<void> {
  await audited(
    ctx,
    actor,
    id,
    'authority.app.certificate.remove',
    { certificateId: certId },
    async (trx) => {
      if (!(await data.deleteCertificate(trx, id, certId))) throw notFound()
    },
  )
}

export async function setApplicationPermissions(
  ctx: AppContext,
  actor: Actor,
  id: string,
  permissions: string[],
): Promise<void> {
  const refs = permissions.map(parsePermission)
  await audited(ctx, actor, id, 'authority.app.permissions', { permissions }, async (trx, app) => {
    if (app.publicClient && refs.some((p) => p.kind === 'application'))
      throw validationFailed('a public client cannot have application permissions')
    await data.setPermissions(trx, id, refs)
  })
}

/** The administrator's consent, tenant-wide, to every permission asked for; or its revocation. */
export async function setAdminConsent(
  ctx: AppContext,
  actor: Actor,
  id: string,
  granted: boolean,
): Promise<void> {
  await audited(
    ctx,
    actor,
    id,
    granted ? 'authority.consent.grant' : 'authority.consent.revoke',
    {},
    async (trx) => {
      if (granted) await data.grantAdminConsent(trx, id, actingUserId(actor), ctx.now())
      else {
        await data.revokeAdminConsent(trx, id)
        await data.revokeUserConsents(trx, id)
      }
    },
  )
}

export const permissionCatalog = (): readonly CatalogPermission[] => PERMISSIONS
