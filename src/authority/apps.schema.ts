import Type from 'typebox'
import { DateTime, Nullable } from '../platform/http/contract.ts'

/**
 * The contract of the app registrations API (/api/applications) and the device login page's
 * calls (/api/device-codes): what each route answers (apps.http.ts). Fastify sends only what
 * these schemas name, and the OpenAPI document (from which the portal's types come) says exactly
 * this. Pure TypeBox.
 */

export const PermissionKindSchema = Type.Enum(['delegated', 'application'])

export const AppSummarySchema = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  tenantId: Type.String(),
  displayName: Type.String(),
  publicClient: Type.Boolean(),
  redirectUris: Type.Array(Type.String()),
  createdAt: DateTime,
})

export const AppListSchema = Type.Object({ items: Type.Array(AppSummarySchema) })

export const AppDetailSchema = Type.Object({
  ...AppSummarySchema.properties,
  /** The secrets' values are never shown again: a hint (first characters) tells them apart. */
  secrets: Type.Array(
    Type.Object({
      id: Type.String(),
      description: Type.String(),
      hint: Type.String(),
      expiresAt: DateTime,
      createdAt: DateTime,
    }),
  ),
  certificates: Type.Array(
    Type.Object({
      id: Type.String(),
      description: Type.String(),
      thumbprintSha1: Type.String(),
      thumbprintSha256: Type.String(),
      subject: Type.String(),
      notBefore: DateTime,
      expiresAt: DateTime,
      createdAt: DateTime,
    }),
  ),
  permissions: Type.Array(
    Type.Object({
      resource: Type.String(),
      permission: Type.String(),
      kind: PermissionKindSchema,
      consentedAt: Nullable(DateTime),
      consentedBy: Nullable(Type.String()),
    }),
  ),
  userConsents: Type.Array(
    Type.Object({
      email: Type.String(),
      resource: Type.String(),
      permission: Type.String(),
      grantedAt: DateTime,
    }),
  ),
})

export const PermissionCatalogSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      resource: Type.String(),
      name: Type.String(),
      kind: PermissionKindSchema,
      adminConsentRequired: Type.Boolean(),
      /** In the caller's language. */
      description: Type.String(),
      /** `resource/name (kind)`. */
      label: Type.String(),
    }),
  ),
})

/** A new registration; a confidential client's first secret is shown here only. */
export const CreatedAppSchema = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  tenantId: Type.String(),
  clientSecret: Nullable(Type.String()),
  secretExpiresAt: Nullable(DateTime),
})

/** A new client secret: its value is shown in this answer only. */
export const CreatedSecretSchema = Type.Object({
  id: Type.String(),
  secret: Type.String(),
  hint: Type.String(),
  expiresAt: DateTime,
})

export const AddedCertificateSchema = Type.Object({
  id: Type.String(),
  thumbprintSha1: Type.String(),
  thumbprintSha256: Type.String(),
  expiresAt: DateTime,
})

/** What a device code asks for, for the device login page. */
export const DeviceCodeViewSchema = Type.Object({
  userCode: Type.String(),
  application: Type.Object({
    clientId: Type.String(),
    displayName: Type.String(),
    tenantName: Type.String(),
  }),
  tenant: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  scope: Type.String(),
  expiresAt: DateTime,
})
