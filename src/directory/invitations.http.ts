import Type from 'typebox'
import type { AppContext } from '../platform/context.ts'
import type { App } from '../platform/http/server.ts'
import { InvitationViewSchema } from './directory.schema.ts'
import { acceptInvitation, PASSWORD_MAX, readInvitation } from './invitations.ts'

/**
 * The invitation acceptance page's API. The secret travels in the body (the link carries it after
 * `#`, so it reaches neither server logs nor Referer headers); no sign-in is needed — the secret is
 * the credential, single-use and expiring.
 */
export function registerInvitationRoutes(app: App, ctx: AppContext): void {
  const tags = ['directory']
  const Secret = Type.String({ minLength: 1, maxLength: 200 })

  app.post(
    '/api/invitations/lookup',
    {
      schema: {
        tags,
        summary: 'Who an invitation is for (before choosing a password)',
        body: Type.Object({ secret: Secret }),
        response: { 200: InvitationViewSchema },
      },
      config: { auth: 'none' },
    },
    async (request) => {
      const view = await readInvitation(ctx, request.body.secret)
      return { ...view, expiresAt: view.expiresAt.toISOString() }
    },
  )

  app.post(
    '/api/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation: choose the password (once)',
        body: Type.Object({ secret: Secret, password: Type.String({ maxLength: PASSWORD_MAX }) }),
        response: { 200: Type.Object({ email: Type.String() }) },
      },
      config: { auth: 'none' },
    },
    async (request) => acceptInvitation(ctx, request.body.secret, request.body.password),
  )
}
