import Type from 'typebox'
import { DateTime, Nullable } from '../platform/http/contract.ts'

/**
 * The contract of one's own second factors and sessions (/api/me/…) and the tenant's security
 * settings (/api/security/…), as security.http.ts answers them. Fastify sends only what these
 * schemas name, and the OpenAPI document (from which the portal's types come) says exactly this.
 * Pure TypeBox.
 */

export const FactorSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['totp', 'passkey']),
  label: Type.String(),
  createdAt: DateTime,
  lastUsedAt: Nullable(DateTime),
})

export const MfaStatusSchema = Type.Object({
  factors: Type.Array(FactorSchema),
  recoveryCodesLeft: Type.Integer(),
  tenantRequiresMfa: Type.Boolean(),
  /** The current session signed in with a second factor (changing factors needs it). */
  sessionDidMfa: Type.Boolean(),
})

/** An authenticator app being added: its seed, otpauth:// URI and QR code, shown once. */
export const TotpEnrolmentSchema = Type.Object({
  factorId: Type.String(),
  secret: Type.String(),
  uri: Type.String(),
  qrSvg: Type.String(),
})

/** New recovery codes are shown once; null when the account already had a second factor. */
export const RecoveryCodesSchema = Type.Object({ recoveryCodes: Nullable(Type.Array(Type.String())) })

export const NewRecoveryCodesSchema = Type.Object({ recoveryCodes: Type.Array(Type.String()) })

export const PasskeyAddedSchema = Type.Object({
  factorId: Type.String(),
  recoveryCodes: Nullable(Type.Array(Type.String())),
})

/**
 * WebAuthn's PublicKeyCredentialCreationOptionsJSON, passed to the browser's WebAuthn client as it
 * is (its members are WebAuthn's, not ours: the schema names the main ones and lets the rest pass).
 */
export const PasskeyCreationOptionsSchema = Type.Object(
  {
    challenge: Type.String(),
    rp: Type.Object(
      { name: Type.String(), id: Type.Optional(Type.String()) },
      { additionalProperties: true },
    ),
    user: Type.Object(
      { id: Type.String(), name: Type.String(), displayName: Type.String() },
      { additionalProperties: true },
    ),
    pubKeyCredParams: Type.Array(
      Type.Object({ alg: Type.Integer(), type: Type.String() }, { additionalProperties: true }),
    ),
  },
  { additionalProperties: true },
)

export const SessionListSchema = Type.Object({
  value: Type.Array(
    Type.Object({
      id: Type.String(),
      createdAt: DateTime,
      lastSeenAt: DateTime,
      expiresAt: DateTime,
      userAgent: Nullable(Type.String()),
      ipAddress: Nullable(Type.String()),
      /** How the session signed in (pwd, otp, hwk, fed…). */
      amr: Type.Array(Type.String()),
      /** The session this request came with. */
      current: Type.Boolean(),
    }),
  ),
})

export const RevokedSessionsSchema = Type.Object({ revoked: Type.Integer() })

export const SecuritySettingsSchema = Type.Object({
  requireMfa: Type.Boolean(),
  jitUsers: Type.Boolean(),
  /** What to register at the identity provider. */
  redirectUri: Type.String(),
  postLogoutRedirectUri: Type.String(),
  identityProvider: Nullable(
    Type.Object({
      issuer: Type.String(),
      clientId: Type.String(),
      domains: Type.Array(Type.String()),
      groupsClaim: Nullable(Type.String()),
      groupMappings: Type.Array(
        Type.Object({ claimValue: Type.String(), groupId: Type.String(), groupName: Type.String() }),
      ),
    }),
  ),
  /** The tenant's security groups, for the group mappings. */
  groups: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
})
