import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LightMyRequestResponse } from 'fastify'
import { buildApp, createContext } from '../../src/app.ts'
import { loadConfig, type Config } from '../../src/config/config.ts'
import { tenantIdOf } from '../../src/demo/world.ts'
import { issueToken } from '../../src/identity/identity.service.ts'
import { type JobReport, runGdapJobs } from '../../src/gdap/gdap.jobs.ts'
import { scheduledTasks } from '../../src/jobs.ts'
import type { AppContext } from '../../src/platform/context.ts'
import type { App } from '../../src/platform/http/server.ts'
import { TEST_PASSWORD } from './constants.ts'
import { openTestDatabase, type TestDatabase } from './database.ts'
import type { Dialect } from './dialects.ts'

export { tenantIdOf }

export interface Response {
  status: number
  headers: LightMyRequestResponse['headers']
  body: string
  json<T = any>(): T
}

export interface RequestOptions {
  headers?: Record<string, string>
  body?: unknown
  /** Sent as-is (for malformed-input tests). */
  rawBody?: string | Buffer
  token?: string
  session?: BrowserSession
}

export interface BrowserSession {
  cookie: string
  csrfToken: string
}

export interface TestApp {
  app: App
  ctx: AppContext
  db: TestDatabase
  config: Config
  /** Moves the application's clock (ctx.now) by this many milliseconds. */
  clock: { offsetMs: number }
  request(method: string, url: string, options?: RequestOptions): Promise<Response>
  /** A bearer token for a demo user, in their own tenant or a customer's (by domain or id). */
  tokenFor(email: string, tenant?: string): Promise<string>
  signIn(email: string): Promise<BrowserSession>
  /** Runs the scheduled work once (GDAP activation, expiry, notices…), as the scheduler would. */
  runJobs(): Promise<JobReport>
  /** Runs one scheduled task once ('sla', 'email', 'webhooks', …), as the scheduler would. */
  runTask(name: string): Promise<unknown>
  /** Listens on a free port of 127.0.0.1 (for browsers and SDKs), or on `port`; answers the base URL. */
  listen(port?: number): Promise<string>
  close(): Promise<void>
}

/** The whole application, in-process, on a fresh copy of the demo-world database. */
export async function startTestApp(dialect: Dialect, env: Record<string, string> = {}): Promise<TestApp> {
  const db = await openTestDatabase(dialect)
  const dataDir = mkdtempSync(join(tmpdir(), 'tramite-test-'))
  const config = loadConfig({
    TRAMITE_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    TRAMITE_DEMO_PASSWORD: TEST_PASSWORD,
    SIGNIN_RATE_LIMIT: '1000',
    // the suite runs many apps in parallel on two cores: an in-process app under test must not
    // shed load because a neighbour file stalled the event loop (back-pressure has its own tests)
    MAX_EVENT_LOOP_DELAY_MS: '0',
    MAX_IN_FLIGHT: '0',
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    // a separately built portal (parallel work on the web sources builds to its own directory)
    ...(process.env.WEB_DIST_DIR ? { WEB_DIST_DIR: process.env.WEB_DIST_DIR } : {}),
    ...env,
  })
  const clock = { offsetMs: 0 }
  const ctx = createContext(config, db, () => new Date(Date.now() + clock.offsetMs))
  const app = await buildApp(ctx)
  const tasks = scheduledTasks(ctx)
  // job runs a test started and did not await (an interval driving an SDK's polling) finish before
  // the database closes, so none of them fails on a destroyed driver after its test has passed
  const inFlight = new Set<Promise<unknown>>()
  const track = <T>(run: Promise<T>): Promise<T> => {
    inFlight.add(run)
    void run.then(
      () => inFlight.delete(run),
      () => inFlight.delete(run),
    )
    return run
  }

  async function request(method: string, url: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    if (options.session) {
      headers.cookie = options.session.cookie
      headers['x-csrf-token'] ??= options.session.csrfToken
    }
    let payload: string | Buffer | undefined
    if (options.rawBody !== undefined) payload = options.rawBody
    else if (options.body !== undefined) {
      payload = JSON.stringify(options.body)
      headers['content-type'] ??= 'application/json'
    }
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload }),
    })
    return { status: res.statusCode, headers: res.headers, body: res.body, json: () => JSON.parse(res.body) }
  }

  return {
    app,
    ctx,
    db,
    config,
    clock,
    request,
    async tokenFor(email, tenant) {
      const tenantId = tenant && !/^[0-9a-f-]{36}$/.test(tenant) ? tenantIdOf(tenant) : tenant
      return (await issueToken(ctx, email, tenantId)).token
    },
    async signIn(email) {
      const res = await request('POST', '/api/session', { body: { email, password: TEST_PASSWORD } })
      if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${res.body}`)
      const setCookie = String(res.headers['set-cookie'])
      return { cookie: setCookie.split(';')[0]!, csrfToken: res.json().csrfToken }
    },
    runJobs: () => track(runGdapJobs(ctx)),
    runTask(name) {
      const task = tasks.find((t) => t.name === name)
      if (!task) throw new Error(`no scheduled task named ${name}`)
      return track(task.run())
    },
    async listen(port = 0) {
      await app.listen({ port, host: '127.0.0.1' })
      const address = app.server.address() as { port: number }
      return `http://127.0.0.1:${address.port}`
    },
    async close() {
      await Promise.allSettled([...inFlight])
      for (const task of tasks) await task.close?.()
      await app.close()
      await ctx.events.close()
      await ctx.authCache.close()
      await db.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
