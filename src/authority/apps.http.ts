import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import { actorOf } from '../platform/http/authentication.ts'
import { NoContent } from '../platform/http/contract.ts'
import type { App } from '../platform/http/server.ts'
import type { ApplicationRecord } from './applications.data.ts'
import {
  AddedCertificateSchema,
  AppDetailSchema,
  AppListSchema,
  CreatedAppSchema,
  CreatedSecretSchema,
  DeviceCodeViewSchema,
  PermissionCatalogSchema,
} from './apps.schema.ts'
import * as apps from './apps.service.ts'
import { answerDevice, describeDeviceCode } from './device-login.service.ts'

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) })
const tags = ['applications']

const summary = (a: ApplicationRecord) => ({
  id: a.id,
  clientId: a.clientId,
  tenantId: a.tenantId,
  displayName: a.displayName,
  publicClient: a.publicClient,
  redirectUris: a.redirectUris,
  createdAt: a.createdAt.toISOString(),
})

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** The portal API behind the app registrations page, and the device login page's two calls. */
export function registerApplicationRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/applications/catalog',
    {
      schema: {
        tags,
        summary: 'The API permissions an application can ask for',
        response: { 200: PermissionCatalogSchema },
      },
    },
    async (request) => ({
      items: apps.permissionCatalog().map((p) => ({
        resource: p.resource,
        name: p.name,
        kind: p.kind,
        adminConsentRequired: p.adminConsentRequired,
        description: p.description[request.locale],
        label: `${p.resource}/${p.name} (${p.kind})`,
      })),
    }),
  )

  app.get(
    '/api/applications',
    {
      schema: {
        tags,
        summary: "Your tenant's app registrations (administrators)",
        response: { 200: AppListSchema },
      },
    },
    async (request) => ({ items: (await apps.listApplications(ctx, actorOf(request))).map(summary) }),
  )

  app.post(
    '/api/applications',
    {
      schema: {
        tags,
        summary: 'Registers an application; a confidential client gets its first secret (shown once)',
        body: Type.Object(
          {
            displayName: Type.String({ minLength: 1, maxLength: 120 }),
            publicClient: Type.Boolean({ default: false }),
            redirectUris: Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 50, default: [] }),
            permissions: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50, default: [] }),
            consent: Type.Boolean({ default: false }),
          },
          { additionalProperties: false },
        ),
        response: { 201: CreatedAppSchema },
      },
    },
    async (request, reply) => {
      const b = request.body
      const created = await apps.createApplication(ctx, actorOf(request), {
        displayName: b.displayName,
        publicClient: b.publicClient,
        redirectUris: b.redirectUris,
        permissions: b.permissions,
        consent: b.consent,
        secret: true,
      })
      return reply.status(201).send(created)
    },
  )

  app.get(
    '/api/applications/:id',
    { schema: { tags, summary: 'One app registration', params: Id, response: { 200: AppDetailSchema } } },
    async (request) => {
      const a = await apps.getApplication(ctx, actorOf(request), request.params.id)
      return {
        ...summary(a),
        secrets: a.secrets.map((s) => ({
          ...s,
          expiresAt: s.expiresAt.toISOString(),
          createdAt: s.createdAt.toISOString(),
        })),
        certificates: a.certificates.map((c) => ({
          ...c,
          notBefore: c.notBefore.toISOString(),
          expiresAt: c.expiresAt.toISOString(),
          createdAt: c.createdAt.toISOString(),
        })),
        permissions: a.permissions.map((p) => ({ ...p, consentedAt: iso(p.consentedAt) })),
        userConsents: a.userConsents.map((c) => ({
          email: c.email,
          resource: c.resource,
          permission: c.permission,
          grantedAt: c.grantedAt.toISOString(),
        })),
      }
    },
  )

  app.patch(
    '/api/applications/:id',
    {
      schema: {
        tags,
        summary: 'Renames an application or replaces its redirect URIs',
        params: Id,
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            redirectUris: Type.Optional(Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await apps.updateApplication(ctx, actorOf(request), request.params.id, request.body)
      return reply.status(204).send()
    },
  )

  app.delete(
    '/api/applications/:id',
    {
      schema: {
        tags,
        summary: 'Deletes an application: its tokens stop working at once',
        params: Id,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await apps.deleteApplication(ctx, actorOf(request), request.params.id)
      return reply.status(204).send()
    },
  )

  app.post(
    '/api/applications/:id/secrets',
    {
      schema: {
        tags,
        summary: 'Adds a client secret (its value is shown only in this answer)',
        params: Id,
        body: Type.Object(
          {
            description: Type.String({ maxLength: 120, default: '' }),
            days: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: CreatedSecretSchema },
      },
    },
    async (request, reply) => {
      const b = request.body
      const created = await apps.addSecret(ctx, actorOf(request), request.params.id, {
        description: b.description,
        ...(b.days !== undefined ? { days: b.days } : {}),
      })
      return reply.status(201).send(created)
    },
  )

  app.delete(
    '/api/applications/:id/secrets/:secretId',
    {
      schema: {
        tags,
        summary: 'Removes a client secret',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          secretId: Type.String({ format: 'uuid' }),
        }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await apps.removeSecret(ctx, actorOf(request), request.params.id, request.params.secretId)
      return reply.status(204).send()
    },
  )

  app.post(
    '/api/applications/:id/certificates',
    {
      schema: {
        tags,
        summary: 'Adds a certificate (PEM, public part only) for client assertions',
        params: Id,
        body: Type.Object(
          {
            description: Type.String({ maxLength: 120, default: '' }),
            certificatePem: Type.String({ minLength: 20, maxLength: 20000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: AddedCertificateSchema },
      },
    },
    async (request, reply) => {
      const created = await apps.addCertificate(ctx, actorOf(request), request.params.id, request.body)
      return reply.status(201).send(created)
    },
  )

  app.delete(
    '/api/applications/:id/certificates/:certificateId',
    {
      schema: {
        tags,
        summary: 'Removes a certificate',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          certificateId: Type.String({ format: 'uuid' }),
        }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await apps.removeCertificate(ctx, actorOf(request), request.params.id, request.params.certificateId)
      return reply.status(204).send()
    },
  )

  app.put(
    '/api/applications/:id/permissions',
    {
      schema: {
        tags,
        summary: 'Replaces the API permissions asked for (kept ones keep their consent)',
        params: Id,
        body: Type.Object(
          { permissions: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 }) },
          { additionalProperties: false },
        ),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await apps.setApplicationPermissions(ctx, actorOf(request), request.params.id, request.body.permissions)
      return reply.status(204).send()
    },
  )

  app.put(
    '/api/applications/:id/consent',
    {
      schema: {
        tags,
        summary: "Grants (true) or revokes (false) the administrator's consent, tenant-wide",
        params: Id,
        body: Type.Object({ granted: Type.Boolean() }, { additionalProperties: false }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await apps.setAdminConsent(ctx, actorOf(request), request.params.id, request.body.granted)
      return reply.status(204).send()
    },
  )

  const UserCode = Type.Object({ userCode: Type.String({ minLength: 4, maxLength: 20 }) })

  app.get(
    '/api/device-codes/:userCode',
    {
      schema: {
        tags: ['authority'],
        summary: 'What a device code asks for (the device login page)',
        params: UserCode,
        response: { 200: DeviceCodeViewSchema },
      },
    },
    async (request) => describeDeviceCode(ctx, actorOf(request), request.params.userCode),
  )

  app.post(
    '/api/device-codes/:userCode',
    {
      schema: {
        tags: ['authority'],
        summary: 'Approves or declines a device code as the signed-in person',
        params: UserCode,
        body: Type.Object({ decision: Type.Enum(['approve', 'decline']) }, { additionalProperties: false }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await answerDevice(ctx, actorOf(request), request.params.userCode, request.body.decision)
      return reply.status(204).send()
    },
  )
}
