import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf, SESSION_COOKIE } from '../platform/http/authentication.ts'
import { NoContent } from '../platform/http/contract.ts'
import type { App } from '../platform/http/server.ts'
import {
  confirmTotp,
  deleteFactor,
  mfaStatus,
  passkeyRegistrationOptions,
  registerPasskey,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from './mfa.service.ts'
import {
  removeIdentityProvider,
  revokeUserSessions,
  saveIdentityProvider,
  securitySettings,
  updateSecuritySettings,
} from './security.service.ts'
import {
  MfaStatusSchema,
  NewRecoveryCodesSchema,
  PasskeyAddedSchema,
  PasskeyCreationOptionsSchema,
  RecoveryCodesSchema,
  RevokedSessionsSchema,
  SecuritySettingsSchema,
  SessionListSchema,
  TotpEnrolmentSchema,
} from './security.schema.ts'
import { listSessions, revokeSession } from './sessions.data.ts'
import { SignInError } from './signin.messages.ts'
import type { RegistrationResponseJSON } from '@simplewebauthn/server'

const Uuid = Type.String({ format: 'uuid' })
const Label = Type.String({ minLength: 1, maxLength: 80 })

/** One's own second factors and sessions (/api/me/…), and the tenant's security settings (/api/security/…). */
export function registerSecurityRoutes(app: App, ctx: AppContext): void {
  const sessionIdOf = (request: { cookies: Record<string, string | undefined> }): string => {
    const id = request.cookies[SESSION_COOKIE]
    if (!id) throw new SignInError(403, 'step_up_required')
    return id
  }

  app.get(
    '/api/me/mfa',
    {
      schema: {
        tags: ['security'],
        summary: 'My second factors, recovery codes left, and my tenant’s MFA policy',
        response: { 200: MfaStatusSchema },
      },
    },
    async (request) => mfaStatus(ctx, actorOf(request)),
  )

  app.post(
    '/api/me/mfa/totp',
    {
      schema: {
        tags: ['security'],
        summary: 'Starts adding an authenticator app: its secret, otpauth:// URI and QR code (SVG)',
        body: Type.Object({ label: Label }, { additionalProperties: false }),
        response: { 200: TotpEnrolmentSchema },
      },
    },
    async (request) => startTotpEnrolment(ctx, actorOf(request), (request.body as { label: string }).label),
  )

  app.post(
    '/api/me/mfa/totp/:factorId/confirm',
    {
      schema: {
        tags: ['security'],
        summary:
          'Confirms the authenticator app with its current code; a first factor comes with recovery codes',
        params: Type.Object({ factorId: Uuid }),
        body: Type.Object(
          { code: Type.String({ minLength: 1, maxLength: 20 }) },
          { additionalProperties: false },
        ),
        response: { 200: RecoveryCodesSchema },
      },
    },
    async (request) => {
      const { factorId } = request.params as { factorId: string }
      return confirmTotp(ctx, actorOf(request), factorId, (request.body as { code: string }).code)
    },
  )

  app.post(
    '/api/me/mfa/passkeys/options',
    {
      schema: {
        tags: ['security'],
        summary: 'WebAuthn options to create a passkey',
        response: { 200: PasskeyCreationOptionsSchema },
      },
    },
    async (request) => passkeyRegistrationOptions(ctx, actorOf(request), sessionIdOf(request)),
  )

  app.post(
    '/api/me/mfa/passkeys',
    {
      schema: {
        tags: ['security'],
        summary: 'Adds the passkey the browser created',
        body: Type.Object(
          { label: Label, response: Type.Object({}, { additionalProperties: true }) },
          { additionalProperties: false },
        ),
        response: { 200: PasskeyAddedSchema },
      },
    },
    async (request) => {
      const body = request.body as { label: string; response: RegistrationResponseJSON }
      return registerPasskey(ctx, actorOf(request), sessionIdOf(request), body.label, body.response)
    },
  )

  app.delete(
    '/api/me/mfa/factors/:factorId',
    {
      schema: {
        tags: ['security'],
        summary: 'Removes one of my second factors (needs a session that did MFA)',
        params: Type.Object({ factorId: Type.String({ maxLength: 100 }) }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deleteFactor(ctx, actorOf(request), (request.params as { factorId: string }).factorId)
      return reply.status(204).send()
    },
  )

  app.post(
    '/api/me/mfa/recovery-codes',
    {
      schema: {
        tags: ['security'],
        summary: 'Replaces my recovery codes with 10 new ones (shown once; needs a session that did MFA)',
        response: { 200: NewRecoveryCodesSchema },
      },
    },
    async (request) => ({ recoveryCodes: await regenerateRecoveryCodes(ctx, actorOf(request)) }),
  )

  app.get(
    '/api/me/sessions',
    {
      schema: {
        tags: ['security'],
        summary: 'My signed-in sessions (browser, address, how, when)',
        response: { 200: SessionListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const sessions = await listSessions(ctx.db, actor.userId, request.cookies[SESSION_COOKIE])
      return {
        value: sessions.map((s) => ({
          ...s,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
        })),
      }
    },
  )

  app.delete(
    '/api/me/sessions/:sessionId',
    {
      schema: {
        tags: ['security'],
        summary: 'Ends one of my sessions',
        params: Type.Object({ sessionId: Type.String({ maxLength: 100 }) }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const ok = await revokeSession(
        ctx.db,
        actor.userId,
        (request.params as { sessionId: string }).sessionId,
      )
      if (!ok) throw new SignInError(404, 'not_found')
      return reply.status(204).send()
    },
  )

  app.delete(
    '/api/security/users/:userId/sessions',
    {
      schema: {
        tags: ['security'],
        summary: 'An administrator ends every session of a user of their organization',
        params: Type.Object({ userId: Type.String({ maxLength: 100 }) }),
        response: { 200: RevokedSessionsSchema },
      },
    },
    async (request) => ({
      revoked: await revokeUserSessions(ctx, actorOf(request), (request.params as { userId: string }).userId),
    }),
  )

  app.get(
    '/api/security/settings',
    {
      schema: {
        tags: ['security'],
        summary: 'My organization’s security settings (administrators)',
        response: { 200: SecuritySettingsSchema },
      },
    },
    async (request) => securitySettings(ctx, actorOf(request)),
  )

  app.patch(
    '/api/security/settings',
    {
      schema: {
        tags: ['security'],
        summary: 'Changes "require MFA" and "create users on first sign-in"',
        body: Type.Object(
          { requireMfa: Type.Optional(Type.Boolean()), jitUsers: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: SecuritySettingsSchema },
      },
    },
    async (request) =>
      updateSecuritySettings(
        ctx,
        actorOf(request),
        request.body as { requireMfa?: boolean; jitUsers?: boolean },
      ),
  )

  app.put(
    '/api/security/identity-provider',
    {
      schema: {
        tags: ['security'],
        summary: 'Connects my organization’s OpenID Connect identity provider (checked by discovery first)',
        body: Type.Object(
          {
            issuer: Type.String({ minLength: 8, maxLength: 500 }),
            clientId: Type.String({ minLength: 1, maxLength: 300 }),
            clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
            domains: Type.Array(Type.String({ minLength: 1, maxLength: 253 }), { minItems: 1, maxItems: 50 }),
            groupsClaim: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
            groupMappings: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    claimValue: Type.String({ minLength: 1, maxLength: 300 }),
                    groupId: Type.String({ maxLength: 100 }),
                  },
                  { additionalProperties: false },
                ),
                { maxItems: 200 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: SecuritySettingsSchema },
      },
    },
    async (request) => saveIdentityProvider(ctx, actorOf(request), request.body as never),
  )

  app.delete(
    '/api/security/identity-provider',
    {
      schema: {
        tags: ['security'],
        summary: 'Disconnects my organization’s identity provider',
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await removeIdentityProvider(ctx, actorOf(request))
      return reply.status(204).send()
    },
  )
}
