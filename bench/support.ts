/** What every part of `npm run bench` shares: a server in its own process, sign-in, load. */
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'
import pg from 'pg'
import { withDefaultUser } from '../src/platform/db/database.ts'

export const PASSWORD = 'bench-password-1'

export interface BenchServer {
  url: string
  child: ChildProcess
  /** Milliseconds from spawn to the "API reference" line (the server is listening). */
  startMs: number
  stop(): Promise<void>
}

/**
 * Starts `tramite serve` (bin/tramite.js, or `bin`: another checkout's, to compare) on a free
 * port and resolves once it listens.
 */
export function startServer(
  env: Record<string, string>,
  args: string[] = [],
  bin = 'bin/tramite.js',
): Promise<BenchServer> {
  const started = performance.now()
  const child = spawn(process.execPath, [...args, bin, 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      TRAMITE_DEMO_PASSWORD: PASSWORD,
      SIGNIN_RATE_LIMIT: '10000',
      // costs are measured without shedding; the overload bench sets its own limits
      MAX_IN_FLIGHT: '0',
      MAX_EVENT_LOOP_DELAY_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    let url = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const m = /^Tramite (http:\/\/\S+)/.exec(line)
        if (m) url = m[1]!.replace('localhost', '127.0.0.1')
        if (line.startsWith('API reference') && url)
          resolve({
            url,
            child,
            startMs: performance.now() - started,
            async stop() {
              if (child.exitCode === null) child.kill('SIGTERM')
              await exited
            },
          })
      }
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
}

export interface Session {
  cookie: string
  csrfToken: string
  /** Headers for a GET; add `x-csrf-token` and a content type for writes. */
  headers: Record<string, string>
}

export async function signIn(url: string, email: string): Promise<Session> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  if (!response.ok) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`)
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!
  const { csrfToken } = (await response.json()) as { csrfToken: string }
  return { cookie, csrfToken, headers: { cookie } }
}

export interface LoadResult {
  name: string
  rps: number
  p50: number
  p99: number
  max: number
  errors: number
  non2xx: number
  statusCodes: Record<string, number>
}

/** Runs autocannon and keeps what the reports need. */
export async function load(name: string, options: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({ connections: 10, duration: 5, ...options })
  const codes = result.statusCodeStats as unknown as Record<string, { count: number }> | undefined
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(codes ?? {}).map(([code, s]) => [code, s.count])),
  }
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!
}

/** An admin connection to the PostgreSQL server of DATABASE_URL (its own database). */
export async function adminQuery(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: withDefaultUser(url) })
  await client.connect()
  try {
    return await client.query(text)
  } finally {
    await client.end()
  }
}

/** DATABASE_URL with another database name. */
export function databaseUrl(url: string, name: string): string {
  const target = new URL(url)
  target.pathname = `/${name}`
  return target.toString()
}

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** The CPU time a process has used (utime + stime from /proc, USER_HZ = 100), in ms; 0 once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return 0
  }
}
