import { EventEmitter } from 'node:events'
import pg from 'pg'
import { withDefaultUser } from './db/database.ts'

/**
 * Events every instance must hear (an incident published on one instance reaches the live streams
 * of all). On PostgreSQL they travel by NOTIFY on one channel and each instance LISTENs on a
 * connection of its own; the embedded database has one process, so an in-process emitter is it.
 */
export interface EventBus {
  publish(topic: string, payload: Record<string, unknown>): Promise<void>
  subscribe(topic: string, listener: (payload: Record<string, unknown>) => void): () => void
  /** Resolves once this instance receives events (on PostgreSQL: once it LISTENs). */
  ready(): Promise<void>
  close(): Promise<void>
}

const CHANNEL = 'tramite_events'

export function localEventBus(): EventBus {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
  return {
    async publish(topic, payload) {
      emitter.emit(topic, payload)
    },
    subscribe(topic, listener) {
      emitter.on(topic, listener)
      return () => emitter.off(topic, listener)
    },
    async ready() {},
    async close() {
      emitter.removeAllListeners()
    },
  }
}

export function postgresEventBus(url: string, onError: (error: unknown) => void = () => undefined): EventBus {
  const local = new EventEmitter()
  local.setMaxListeners(0)
  let listener: Promise<pg.Client> | null = null
  let closed = false

  const listen = (): Promise<pg.Client> => {
    listener ??= (async () => {
      const client = new pg.Client({
        connectionString: withDefaultUser(url),
        application_name: 'tramite-events',
      })
      client.on('notification', (message) => {
        try {
          const { topic, payload } = JSON.parse(message.payload ?? '{}') as {
            topic: string
            payload: Record<string, unknown>
          }
          local.emit(topic, payload)
        } catch (error) {
          onError(error)
        }
      })
      client.on('error', (error) => {
        onError(error)
        listener = null // the next subscriber reconnects
      })
      await client.connect()
      await client.query(`listen ${CHANNEL}`)
      return client
    })()
    return listener
  }

  const publisher = new pg.Pool({
    connectionString: withDefaultUser(url),
    max: 1,
    application_name: 'tramite-events',
  })
  publisher.on('error', onError)

  return {
    async publish(topic, payload) {
      await publisher.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify({ topic, payload })])
    },
    subscribe(topic, fn) {
      void listen().catch(onError)
      local.on(topic, fn)
      return () => local.off(topic, fn)
    },
    async ready() {
      await listen()
    },
    async close() {
      if (closed) return
      closed = true
      local.removeAllListeners()
      const client = await listener?.catch(() => null)
      await client?.end().catch(() => undefined)
      await publisher.end()
    },
  }
}
