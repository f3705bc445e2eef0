import https from 'node:https'
import { appCreateCommand } from './authority/apps.cli.ts'
import type { AddressInfo } from 'node:net'
import { buildApp, createContext } from './app.ts'
import type { Config } from './config/config.ts'
import { resetDemoWorld, seedDemoWorld, type SeedResult } from './demo/seed.ts'
import { demoCredentials } from './demo/demo-credentials.ts'
import { ensureCatalog, WORKLOADS } from './catalog/catalog.ts'
import { actorFor } from './identity/actor.ts'
import { issueToken } from './identity/identity.service.ts'
import { findUserByEmail } from './identity/users.data.ts'
import type { ProblemType, WorkloadId } from './platform/db/schema.ts'
import { isUuid } from './platform/ids.ts'
import { adviseActor } from './policy/advice.service.ts'
import type { AppContext } from './platform/context.ts'
import { acquireControlSocket, type ControlSocket } from './platform/control-socket.ts'
import { type DatabaseHandle, openDatabase } from './platform/db/database.ts'
import { templateFor } from './platform/db/pglite-template.ts'
import { describeRole, migrateDatabase, roleFacts } from './platform/db/db-roles.ts'
import { AppError } from './platform/errors.ts'
import { t } from './platform/i18n/i18n.ts'
import type { App } from './platform/http/server.ts'
import { loadTls } from './platform/tls.ts'
import { startScheduler } from './platform/scheduler.ts'
import { startPhase } from './platform/start-timing.ts'
import { restoreWasmTieringBudget } from './platform/wasm-tiering.ts'
import { scheduledTasks } from './jobs.ts'
import { runGdapJobs } from './gdap/gdap.jobs.ts'
import { auditHeadCommand, auditVerifyCommand } from './audit/audit.cli.ts'
import {
  partnerCreateCommand,
  partnerShowCommand,
  partnerStatusCommand,
  setupCommand,
} from './directory/directory.cli.ts'

/**
 * Everything a process that owns the database needs: the lock on the data directory (PGlite),
 * the open database with migrations applied and the catalog current. Used by the server and by
 * CLI commands that run while no server does.
 */
export interface Runtime {
  config: Config
  database: DatabaseHandle
  ctx: AppContext
  control: ControlSocket | null
  /** The demo world, when this start created it (its passwords are shown once). */
  seed: SeedResult
  close(): Promise<void>
}

/** Made at install beside dist/tramite.js (this file's URL works from src/ and from dist/). */
const TEMPLATE = {
  dump: new URL('../dist/pglite-template.tar', import.meta.url),
  manifest: new URL('../dist/pglite-template.json', import.meta.url),
}

/** `serving`: a server's start (an existing PGlite directory opens with WebAssembly tier-up deferred). */
export async function openRuntime(config: Config, { serving = false } = {}): Promise<Runtime> {
  const control = config.database.kind === 'pglite' ? await acquireControlSocket(config.dataDir) : null
  startPhase('data directory locked')
  let database: DatabaseHandle | null = null
  try {
    const template =
      config.database.kind === 'pglite' ? templateFor(config.database.dir, TEMPLATE) : undefined
    // a new directory gets the demo world: its passwords are hashed (other threads) while PGlite opens
    const credentials =
      template && config.TRAMITE_DEMO ? demoCredentials(config.TRAMITE_DEMO_PASSWORD) : undefined
    database = await openDatabase(config.database, {
      poolMax: config.DATABASE_POOL_MAX,
      pgliteSharedBuffersMb: config.PGLITE_SHARED_BUFFERS_MB,
      pgliteTemplateFile: template,
      deferWasmTierUp: serving,
    })
    startPhase('database open')
    await migrateDatabase(database.db, config.DATABASE_MIGRATION_URL)
    startPhase('migrations')
    await ensureCatalog(database.db)
    startPhase('catalog')
    const seed = config.TRAMITE_DEMO
      ? await seedDemoWorld(database.db, { password: config.TRAMITE_DEMO_PASSWORD, config, credentials })
      : { created: false, credentials: [] }
    startPhase(seed.created ? 'demo world written' : 'demo world checked')
    const ctx = createContext(config, database)
    const db = database
    return {
      config,
      database: db,
      ctx,
      control,
      seed,
      async close() {
        await ctx.events.close()
        await ctx.authCache.close()
        await db.close()
        await control?.close()
      },
    }
  } catch (error) {
    await database?.close().catch(() => undefined)
    await control?.close()
    throw error
  }
}

export function describeSeed(seed: SeedResult, config: Config): string[] {
  if (!seed.created) return []
  const lines = [`Demo world created. Sign in at ${config.publicUrl} as:`]
  const width = Math.max(...seed.credentials.map((c) => c.email.length))
  for (const c of seed.credentials) {
    lines.push(
      `  ${c.email.padEnd(width)}  ${config.TRAMITE_DEMO_PASSWORD ? '(TRAMITE_DEMO_PASSWORD)' : c.password}`,
    )
  }
  if (!config.TRAMITE_DEMO_PASSWORD) lines.push('These passwords are shown only now.')
  return lines
}

/** Commands the CLI sends over the control socket while this process owns the data directory. */
export function controlCommands(ctx: AppContext) {
  return async (command: string, args: Record<string, unknown>): Promise<unknown> => {
    switch (command) {
      case 'ping':
        return { pid: process.pid }
      case 'token':
        return tokenCommand(ctx, args)
      case 'jobs':
        return runGdapJobs(ctx)
      case 'migrate':
        return { applied: await migrateDatabase(ctx.db, ctx.config.DATABASE_MIGRATION_URL) }
      case 'advise':
        return adviseCommand(ctx, args)
      case 'app-create':
        return appCreateCommand(ctx, args)
      case 'audit-verify':
        return auditVerifyCommand(ctx, args)
      case 'audit-head':
        return auditHeadCommand(ctx, args)
      case 'setup':
        return setupCommand(ctx, args)
      case 'partner-create':
        return partnerCreateCommand(ctx, args)
      case 'partner-status':
        return partnerStatusCommand(ctx, args)
      case 'partner-show':
        return partnerShowCommand(ctx, args)
      case 'demo-reset': {
        const seed = await resetDemoWorld(ctx.db, {
          password: stringArg(args.password) ?? ctx.config.TRAMITE_DEMO_PASSWORD,
          config: ctx.config,
        })
        return { lines: describeSeed(seed, ctx.config) }
      }
      default:
        throw Object.assign(new Error(`unknown command ${command}`), { code: 'unknown_command' })
    }
  }
}

const stringArg = (value: unknown): string | undefined =>
  typeof value === 'string' && value ? value : undefined

/**
 * `tramite advise`: the advice JSON for a user, about a customer given by name or tenant id
 * (or their own subscriptions), exactly as GET /api/advice answers it.
 */
export async function adviseCommand(ctx: AppContext, args: Record<string, unknown>): Promise<unknown> {
  const locale = args.locale === 'it' ? 'it' : 'en'
  try {
    const user = await findUserByEmail(ctx.db, String(args.user ?? ''))
    if (!user || user.disabled)
      throw new AppError(404, 'unknown_user', 'error.unknown_user', { user: String(args.user) })
    const customer = args.own ? undefined : await tenantByNameOrId(ctx, stringArg(args.customer))
    const workload = String(args.workload ?? '')
    if (!WORKLOADS.some((w) => w.id === workload)) {
      throw Object.assign(new Error(`--workload must be one of ${WORKLOADS.map((w) => w.id).join(', ')}`), {
        code: 'bad_workload',
      })
    }
    return await adviseActor(
      ctx,
      actorFor(user, 'bearer'),
      {
        customer,
        workload: workload as WorkloadId,
        subscriptionId: stringArg(args.subscription),
        product: stringArg(args.product),
        problemType: stringArg(args.problemType) as ProblemType | undefined,
      },
      locale,
    )
  } catch (error) {
    if (error instanceof AppError) {
      const localized = error.localize?.(locale)
      throw Object.assign(new Error(localized?.message ?? t(locale, error.messageKey, error.params)), {
        code: error.code,
      })
    }
    throw error
  }
}

/** A tenant by id, or by display name / domain (exact, then unique prefix, case-insensitive). */
async function tenantByNameOrId(ctx: AppContext, value: string | undefined): Promise<string | undefined> {
  if (!value) return undefined
  if (isUuid(value)) return value
  const rows = await ctx.db.selectFrom('tenants').select(['id', 'display_name', 'default_domain']).execute()
  const lower = value.toLowerCase()
  const exact = rows.filter((r) => r.display_name.toLowerCase() === lower || r.default_domain === lower)
  const prefix = rows.filter((r) => r.display_name.toLowerCase().startsWith(lower))
  const found = exact.length === 1 ? exact[0] : prefix.length === 1 ? prefix[0] : undefined
  if (!found) throw new AppError(404, 'unknown_tenant', 'error.unknown_tenant', { tenant: value })
  return found.id
}

export async function tokenCommand(
  ctx: AppContext,
  args: Record<string, unknown>,
): Promise<{ token: string }> {
  try {
    const issued = await issueToken(
      ctx,
      String(args.user ?? ''),
      stringArg(args.tenant),
      stringArg(args.audience),
    )
    return { token: issued.token }
  } catch (error) {
    if (error instanceof AppError) {
      const locale = args.locale === 'it' ? 'it' : 'en'
      throw Object.assign(new Error(t(locale, error.messageKey, error.params)), { code: error.code })
    }
    throw error
  }
}

export interface RunningServer {
  app: App
  runtime: Runtime
  httpUrl: string
  httpsUrl: string | null
  certPath: string | null
  close(): Promise<void>
}

/** Starts the server: runtime, demo world on an empty database, HTTP, and HTTPS when configured. */
export async function startServer(config: Config, print: (line: string) => void): Promise<RunningServer> {
  const runtime = await openRuntime(config, { serving: true })
  try {
    for (const line of describeSeed(runtime.seed, config)) print(line)
    const app = await buildApp(runtime.ctx, { logger: config.LOG_LEVEL !== 'silent' })
    startPhase('routes built')
    await app.listen({ port: config.PORT, host: config.HOST })
    startPhase('listening')
    restoreWasmTieringBudget()
    const port = (app.server.address() as AddressInfo).port
    const httpUrl = `http://localhost:${port}`

    const tls = await loadTls(config)
    let httpsServer: https.Server | null = null
    let httpsUrl: string | null = null
    if (tls) {
      httpsServer = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => app.routing(req, res))
      await new Promise<void>((resolve, reject) => {
        httpsServer!.once('error', reject)
        httpsServer!.listen(config.HTTPS_PORT, config.HOST, () => resolve())
      })
      httpsUrl = `https://localhost:${(httpsServer.address() as AddressInfo).port}`
    }
    runtime.control?.setHandler(controlCommands(runtime.ctx))
    const scheduler = startScheduler(
      scheduledTasks(runtime.ctx),
      config.SCHEDULER_INTERVAL_SECONDS * 1000,
      (task, error) => app.log.error({ err: error, task }, 'scheduled task failed'),
    )

    print(
      `Tramite ${httpUrl} (database: ${config.database.kind === 'pglite' ? config.database.dir : 'PostgreSQL'})`,
    )
    if (runtime.database.kind === 'postgres') print(describeRole(await roleFacts(runtime.ctx.db)))
    if (httpsUrl && tls) {
      print(`HTTPS ${httpsUrl} — certificate ${tls.certPath}`)
      if (!config.TLS_CERT) print(`  trust it in Node.js clients with NODE_EXTRA_CA_CERTS=${tls.certPath}`)
    }
    print(`API reference ${httpUrl}/docs · OpenAPI ${httpUrl}/openapi.json`)

    return {
      app,
      runtime,
      httpUrl,
      httpsUrl,
      certPath: tls?.certPath ?? null,
      async close() {
        await scheduler.stop()
        if (httpsServer) {
          const closed = new Promise<void>((resolve) => httpsServer!.close(() => resolve()))
          httpsServer.closeIdleConnections()
          await closed
        }
        await app.close()
        await runtime.close()
      },
    }
  } catch (error) {
    await runtime.close()
    throw error
  }
}
