import type { Config } from '../config/config.ts'
import type { AuthCache } from '../identity/auth-cache.ts'
import type { TokenService } from '../identity/tokens.ts'
import type { Db } from './db/database.ts'
import type { EventBus } from './events.ts'
import type { Registry } from 'prom-client'

/** What business functions need from the platform; built once at start, passed down explicitly. */
export interface AppContext {
  config: Config
  db: Db
  dbKind: 'pglite' | 'postgres'
  tokens: TokenService
  /** Events every instance hears (live updates). */
  events: EventBus
  /** This instance's Prometheus metrics (served at /metrics). */
  metrics: Registry
  /** Authenticated sessions kept between requests, dropped on any change (identity/auth-cache.ts). */
  authCache: AuthCache
  /** The current time; tests move it to check time-dependent rules. */
  now(): Date
}
