import { readFileSync } from 'node:fs'
import type { Config } from './config/config.ts'
import { registerAuditRoutes } from './audit/audit.http.ts'
import { registerApplicationRoutes } from './authority/apps.http.ts'
import { registerAuthorityRoutes } from './authority/oidc.http.ts'
import { registerArmRoutes } from './azure/arm.http.ts'
import { registerRbacRoutes } from './azure/rbac.http.ts'
import { registerRoleAssignmentPortalRoutes } from './azure/role-assignments.http.ts'
import { registerCustomerAdminRoutes } from './customers/customer-admin.http.ts'
import { registerCustomerRoutes } from './customers/customers.http.ts'
import { directoryGraphRoutes } from './directory/directory.graph.ts'
import { registerDirectoryRoutes } from './directory/directory.http.ts'
import { registerInvitationRoutes } from './directory/invitations.http.ts'
import { registerPartnerAdminRoutes } from './directory/partners.http.ts'
import { registerGdapPortalRoutes } from './gdap/gdap.http.ts'
import { healthGraphRoutes } from './health/health.graph.ts'
import { registerHealthRoutes } from './health/health.http.ts'
import { gdapGraphRoutes } from './gdap/graph.http.ts'
import { registerGraphSurface } from './platform/http/graph-surface.ts'
import { registerNotificationRoutes } from './notifications/notifications.http.ts'
import { registerHomeRoutes } from './home/home.http.ts'
import { registerIdentityRoutes } from './identity/identity.http.ts'
import { registerSecurityRoutes } from './identity/security.http.ts'
import { registerSignInRoutes } from './identity/signin.http.ts'
import { TokenService } from './identity/tokens.ts'
import { registerPartnerCenterRoutes } from './partner-center/partner-center.http.ts'
import { registerAdviceRoutes } from './policy/advice.http.ts'
import { registerServiceRequestRoutes } from './service-requests/service-requests.http.ts'
import { registerTimelineRoutes } from './service-requests/timeline.http.ts'
import { registerDeskViewRoutes } from './service-requests/desk-views.http.ts'
import { registerDeskActionRoutes } from './service-requests/desk-actions.http.ts'
import { registerWebhookRoutes } from './webhooks/webhooks.http.ts'
import { noAuthCache, pgliteAuthCache, postgresAuthCache } from './identity/auth-cache.ts'
import type { AppContext } from './platform/context.ts'
import { localEventBus, postgresEventBus } from './platform/events.ts'
import { type DatabaseHandle, pgliteWasmMemoryBytes } from './platform/db/database.ts'
import { createServer, type App } from './platform/http/server.ts'
import { createMetricsRegistry, registerMemoryGauges } from './platform/http/metrics.ts'
import { registerWebPortal } from './platform/http/static-web.ts'
import { startPhase } from './platform/start-timing.ts'

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version

export function createContext(
  config: Config,
  database: DatabaseHandle,
  now: () => Date = () => new Date(),
): AppContext {
  const metrics = createMetricsRegistry()
  const pglite = database.pglite
  registerMemoryGauges(metrics, pglite ? () => pgliteWasmMemoryBytes(pglite) : undefined)
  return {
    config,
    db: database.db,
    dbKind: database.kind,
    tokens: new TokenService(database.db, {
      lifetimeSeconds: config.TOKEN_LIFETIME_SECONDS,
      authorityUrl: config.authorityUrl,
    }),
    events: config.database.kind === 'postgres' ? postgresEventBus(config.database.url) : localEventBus(),
    metrics,
    authCache:
      config.database.kind === 'postgres'
        ? postgresAuthCache(config.database.url, config.AUTH_CACHE_SECONDS)
        : database.pglite
          ? pgliteAuthCache(database.pglite, config.AUTH_CACHE_SECONDS)
          : noAuthCache(),
    now,
  }
}

/** The whole HTTP application: platform, then every component's routes. */
export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<App> {
  const app = await createServer(ctx, { logger: options.logger ?? false, version: VERSION })
  startPhase('server created')
  await registerIdentityRoutes(app, ctx)
  registerAuthorityRoutes(app, ctx)
  registerApplicationRoutes(app, ctx)
  await registerSignInRoutes(app, ctx)
  await registerSecurityRoutes(app, ctx)
  registerCustomerRoutes(app, ctx)
  registerCustomerAdminRoutes(app, ctx)
  registerAdviceRoutes(app, ctx)
  registerInvitationRoutes(app, ctx)
  registerDeskViewRoutes(app, ctx)
  registerDeskActionRoutes(app, ctx)
  registerDirectoryRoutes(app, ctx)
  registerPartnerAdminRoutes(app, ctx)
  registerServiceRequestRoutes(app, ctx)
  registerTimelineRoutes(app, ctx)
  registerWebhookRoutes(app, ctx)
  registerAuditRoutes(app, ctx)
  registerNotificationRoutes(app, ctx)
  registerHomeRoutes(app, ctx)
  await registerGraphSurface(app, ctx, gdapGraphRoutes, healthGraphRoutes, directoryGraphRoutes)
  registerGdapPortalRoutes(app, ctx)
  await registerArmRoutes(app, ctx)
  await registerRbacRoutes(app, ctx)
  registerRoleAssignmentPortalRoutes(app, ctx)
  registerHealthRoutes(app, ctx)
  await registerPartnerCenterRoutes(app, ctx)
  await registerWebPortal(app, ctx)
  startPhase('routes registered')
  await app.ready()
  return app
}
