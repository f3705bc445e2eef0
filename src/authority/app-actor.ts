import type { Actor } from '../identity/actor.ts'
import { actorFor } from '../identity/actor.ts'
import type { VerifiedToken } from '../identity/tokens.ts'
import type { UserRecord } from '../identity/users.data.ts'
import type { AppContext } from '../platform/context.ts'
import { invalidToken } from '../platform/errors.ts'
import { type ApplicationRecord, findAppByClientId } from './applications.data.ts'
import { findResource } from './catalog.ts'
import { permissionsInForce } from './consent.ts'

/**
 * The actor of a token issued to an application. The token's scopes or roles count only while
 * still granted: removing a permission or revoking consent takes effect on the next call, and a
 * deleted application's tokens stop working at once.
 */
async function applicationOf(ctx: AppContext, claims: VerifiedToken): Promise<ApplicationRecord> {
  const app = claims.azp ? await findAppByClientId(ctx.db, claims.azp) : null
  // a suspended tenant's applications stop with its people
  if (!app || app.tenantStatus !== 'active') throw invalidToken()
  return app
}

function held(token: string[] | undefined, inForce: string[]): string[] {
  const now = new Set(inForce.map((p) => p.toLowerCase()))
  return (token ?? []).filter((p) => now.has(p.toLowerCase()))
}

/** An application acting on its own (client credentials): only in its own tenant. */
export async function appOnlyActor(ctx: AppContext, claims: VerifiedToken): Promise<Actor> {
  const app = await applicationOf(ctx, claims)
  if (claims.oid !== app.id || claims.tid !== app.tenantId || claims.home_tid !== app.tenantId)
    throw invalidToken()
  const resource = findResource(claims.aud)
  const inForce = resource ? await permissionsInForce(ctx.db, app.id, resource.key, 'application', null) : []
  const principal: UserRecord = {
    id: app.id,
    tenantId: app.tenantId,
    tenantKind: app.tenantKind,
    tenantStatus: app.tenantStatus,
    // an application acting on its own has no sign-in, so no MFA policy to meet (own tenant only)
    tenantRequiresMfa: false,
    tenantName: app.tenantName,
    tenantLocale: app.tenantLocale,
    partnerType: app.partnerType,
    email: '',
    displayName: app.displayName,
    givenName: null,
    surname: null,
    phone: null,
    locale: null,
    disabled: false,
    passwordHash: null,
    roles: [],
  }
  return {
    ...actorFor(principal, 'bearer', app.tenantId, {
      applicationId: app.id,
      permissions: held(claims.roles, inForce),
      audience: claims.aud,
    }),
    principal: 'application',
  }
}

/** An application acting for a person: the person's actor, narrowed to the scopes still granted. */
export async function delegatedAppActor(
  ctx: AppContext,
  claims: VerifiedToken,
  user: UserRecord,
): Promise<Actor> {
  const app = await applicationOf(ctx, claims)
  // apps are single-tenant: the people of the app's own tenant use it
  if (user.tenantId !== app.tenantId) throw invalidToken()
  const resource = findResource(claims.aud)
  const inForce = resource ? await permissionsInForce(ctx.db, app.id, resource.key, 'delegated', user.id) : []
  return actorFor(user, 'bearer', claims.tid, {
    applicationId: app.id,
    authMethods: claims.amr ?? [],
    permissions: held(claims.scp, inForce),
    audience: claims.aud,
  })
}
