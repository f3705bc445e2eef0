import type { FastifyInstance } from 'fastify'
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client'

/**
 * Prometheus metrics of this instance at /metrics: process and runtime defaults, and HTTP
 * request counts and latencies by method, route pattern (never the raw URL) and status.
 */
export function registerMetrics(app: FastifyInstance): Registry {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'tramite_' })
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
