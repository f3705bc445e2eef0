import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Counter, Gauge, type Registry } from 'prom-client'
import { t } from '../i18n/i18n.ts'

/**
 * Back-pressure: past a configured number of requests in flight, or while the event loop lags
 * behind by more than a configured delay, a new request is answered at once with 503 and
 * `Retry-After` instead of joining a queue that only grows (clients would time out after waiting
 * anyway). Requests already accepted keep their place and finish; the probes (/healthz, /readyz,
 * /metrics) and long-lived event streams are never refused nor counted, so an orchestrator sees an
 * instance that is busy, not dead.
 */
export interface BackPressureOptions {
  /** Requests served at once by this instance; 0 turns the limit off. */
  maxInFlight: number
  /** Event-loop delay (ms, the worst of the last sample window) past which requests are refused; 0: off. */
  maxEventLoopDelayMs: number
  /** Seconds a refused client is told to wait (Retry-After). */
  retryAfterSeconds: number
  /** How often the event-loop delay is sampled (ms). */
  sampleIntervalMs?: number
}

const EXEMPT = new Set(['/healthz', '/readyz', '/metrics'])

const exempt = (request: FastifyRequest): boolean =>
  EXEMPT.has(request.url.split('?')[0] ?? '') ||
  (request.headers.accept?.includes('text/event-stream') ?? false)

export interface BackPressure {
  /** Requests in flight now (those counted against the limit). */
  inFlight(): number
  /** The event-loop delay of the last sample window, in ms. */
  eventLoopDelayMs(): number
  stop(): void
}

export function registerBackPressure(
  app: FastifyInstance,
  registry: Registry,
  options: BackPressureOptions,
): BackPressure {
  let inFlight = 0
  let loopDelayMs = 0
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  const sampler = setInterval(() => {
    // the worst delay seen in the window, less the sampling resolution itself
    loopDelayMs = Math.max(0, histogram.max / 1e6 - 10)
    histogram.reset()
  }, options.sampleIntervalMs ?? 500)
  sampler.unref()

  const refused = new Counter({
    name: 'tramite_http_refused_total',
    help: 'Requests answered 503 at once because the instance was over its back-pressure limits.',
    labelNames: ['reason'] as const,
    registers: [registry],
  })
  new Gauge({
    name: 'tramite_http_in_flight',
    help: 'Requests in flight (those counted against MAX_IN_FLIGHT).',
    registers: [registry],
    collect() {
      this.set(inFlight)
    },
  })
  new Gauge({
    name: 'tramite_event_loop_delay_seconds',
    help: 'Worst event-loop delay of the last sample window (compared with MAX_EVENT_LOOP_DELAY_MS).',
    registers: [registry],
    collect() {
      this.set(loopDelayMs / 1000)
    },
  })

  // starting up (compiling schemas, opening the database) is not lag to hold against the first requests
  app.addHook('onReady', async () => {
    histogram.reset()
    loopDelayMs = 0
  })

  const counted = new WeakSet<FastifyRequest>()
  const release = (request: FastifyRequest) => {
    if (counted.delete(request)) inFlight--
  }

  app.addHook('onRequest', async (request, reply) => {
    if (exempt(request)) return
    const reason =
      options.maxInFlight > 0 && inFlight >= options.maxInFlight
        ? 'in_flight'
        : options.maxEventLoopDelayMs > 0 && loopDelayMs > options.maxEventLoopDelayMs
          ? 'event_loop_delay'
          : null
    if (reason) {
      refused.inc({ reason })
      return reply
        .status(503)
        .header('retry-after', String(options.retryAfterSeconds))
        .send({
          error: {
            code: 'server_busy',
            message: t(request.locale, 'error.server_busy', { seconds: options.retryAfterSeconds }),
            requestId: request.id,
          },
        })
    }
    inFlight++
    counted.add(request)
    // a client that goes away early still frees its place
    reply.raw.once('close', () => release(request))
    // Let the event loop read what else has arrived before this request goes on. On the embedded
    // database a request's queries run without ever yielding to I/O, so without this hop requests
    // would be read one at a time and wait unseen in the socket buffers instead of being counted.
    await new Promise<void>((resolve) => setImmediate(resolve))
  })
  app.addHook('onResponse', async (request) => release(request))

  return {
    inFlight: () => inFlight,
    eventLoopDelayMs: () => loopDelayMs,
    stop() {
      clearInterval(sampler)
      histogram.disable()
    },
  }
}
