import type { FastifyInstance } from 'fastify'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

/** One registry per application context: process and runtime defaults, then what components add. */
export function createMetricsRegistry(): Registry {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'tramite_' })
  return registry
}

/** A counter of the registry, made on first use (components ask for theirs by name). */
export function counterOf<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[] = [],
): Counter<L> {
  const existing = registry.getSingleMetric(name)
  if (existing) return existing as Counter<L>
  return new Counter({ name, help, labelNames, registers: [registry] })
}

/** A gauge whose value is read when Prometheus scrapes (a database count, a queue length). */
export function gaugeOf<L extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly L[],
  collect: (gauge: Gauge<L>) => Promise<void>,
): Gauge<L> {
  const existing = registry.getSingleMetric(name)
  if (existing) return existing as Gauge<L>
  return new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      // a failed read (database restarting…) keeps the last values rather than failing the scrape
      await collect(this).catch(() => undefined)
    },
  })
}

/**
 * Prometheus metrics of this instance at /metrics: the registry's metrics, and HTTP request
 * counts and latencies by method, route pattern (never the raw URL) and status.
 */
export function registerMetrics(app: FastifyInstance, registry: Registry): Registry {
  const labelNames = ['method', 'route', 'status'] as const
  const requests = new Counter({
    name: 'tramite_http_requests_total',
    help: 'HTTP requests served.',
    labelNames,
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'tramite_http_request_duration_seconds',
    help: 'HTTP request latency.',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })
  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.is404 ? 'not_found' : (request.routeOptions.url ?? 'unknown'),
      status: String(reply.statusCode),
    }
    requests.inc(labels)
    duration.observe(labels, reply.elapsedTime / 1000)
  })
  app.get('/metrics', { schema: { hide: true }, config: { auth: 'none' } }, async (_request, reply) => {
    reply.type(registry.contentType)
    return registry.metrics()
  })
  return registry
}

/**
 * What the process's memory is made of, beside the defaults' resident set and JS heap: the
 * buffers outside the heap (`process.memoryUsage().arrayBuffers`) and, on PGlite, the size of the
 * engine's WebAssembly memory (it only grows: PostgreSQL's buffers, caches and sort memory).
 * A memory investigation reads them side by side (docs/benchmarks.md, "Memory under load").
 */
export function registerMemoryGauges(registry: Registry, wasmMemoryBytes?: () => number): void {
  gaugeOf(
    registry,
    'tramite_nodejs_array_buffers_bytes',
    'Memory of ArrayBuffers and Buffers outside the JS heap (part of external memory).',
    [],
    async (gauge) => gauge.set(process.memoryUsage().arrayBuffers),
  )
  if (wasmMemoryBytes) {
    gaugeOf(
      registry,
      'tramite_pglite_wasm_memory_bytes',
      "Size of the embedded PGlite engine's WebAssembly memory (grows, never shrinks).",
      [],
      async (gauge) => gauge.set(wasmMemoryBytes()),
    )
  }
}
