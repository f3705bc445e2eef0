/**
 * `BENCH_ONLY=scale npm run bench`: issue 12's targets, each a ratio measured in one run.
 * BENCH_SCALE_PARTS picks parts (growth, instances, …); DATABASE_URL runs the PostgreSQL side.
 */
import { filingBench } from './filing.ts'
import { growthBench, ROUTES } from './growth.ts'
import { instancesBench } from './instances.ts'
import { overloadBench } from './overload.ts'
import { memoryBench } from './memory.ts'
import { portalBench } from './portal.ts'
import { startBench } from './start.ts'
import { streamsBench } from './streams.ts'

const log = (line: string) => console.log(line)

export async function scaleBench(): Promise<void> {
  const parts = process.env.BENCH_SCALE_PARTS?.split(',') ?? ['growth']
  const serverUrl = process.env.DATABASE_URL
  const engine = serverUrl ? 'postgres' : 'pglite'
  const seconds = Number(process.env.BENCH_SCALE_SECONDS ?? 3)
  const rounds = Number(process.env.BENCH_SCALE_ROUNDS ?? 3)
  if (parts.includes('growth')) {
    const volumes = (
      process.env.BENCH_SCALE_VOLUMES ?? (engine === 'postgres' ? '100000,1000000' : '10000,100000')
    )
      .split(',')
      .map(Number)
    console.log(
      `\nGrowth on ${engine === 'postgres' ? 'PostgreSQL' : 'PGlite'} (cost = /healthz req/s ÷ route req/s, 10 connections, ${seconds} s, median of ${rounds} rounds)`,
    )
    // BENCH_SCALE_ROUTES: only the routes whose names contain one of these (comma-separated)
    const only = process.env.BENCH_SCALE_ROUTES?.split(',').filter(Boolean)
    const routes = only ? ROUTES.filter((r) => only.some((o) => r.name.includes(o))) : undefined
    await growthBench({ engine, serverUrl, volumes, seconds, rounds, log, routes })
  }
  if (parts.includes('instances')) {
    if (!serverUrl) throw new Error('BENCH_SCALE_PARTS=instances runs on PostgreSQL: set DATABASE_URL')
    const requests = Number(process.env.BENCH_SCALE_INSTANCES_REQUESTS ?? 100_000)
    const connections = Number(process.env.BENCH_SCALE_CONNECTIONS ?? 20)
    console.log(
      `\nTwo instances on one PostgreSQL against one (mixed reads, ${connections} connections, ${seconds} s, median of ${rounds} rounds)`,
    )
    await instancesBench(log, { serverUrl, requests, seconds, rounds, connections })
  }
  if (parts.includes('filing')) {
    console.log(
      `\nFiling on ${engine === 'postgres' ? 'PostgreSQL, against a plain Fastify + pg route making the same writes' : 'PGlite, against /healthz'} (10 connections, ${seconds} s, ${rounds} rounds)`,
    )
    await filingBench(log, { serverUrl, seconds, rounds })
  }
  if (parts.includes('overload')) {
    console.log(`\nBack-pressure on ${engine === 'postgres' ? 'PostgreSQL' : 'PGlite'} (default limits)`)
    await overloadBench(log, Number(process.env.BENCH_SCALE_SECONDS ?? 5))
  }
  if (parts.includes('streams')) {
    console.log(`\nLive health streams on ${engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}`)
    await streamsBench(log)
  }
  if (parts.includes('start')) {
    console.log('\nStart (PGlite unless DATABASE_URL; median of 3)')
    await startBench(log)
  }
  if (parts.includes('memory')) {
    console.log('\nMemory (PGlite)')
    await memoryBench(log)
  }
  if (parts.includes('portal')) {
    console.log('\nPortal: JavaScript of the first page (Chromium, cold cache)')
    await portalBench(log)
  }
}
