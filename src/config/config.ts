import { resolve } from 'node:path'
import Type, { type Static } from 'typebox'
import { Value } from 'typebox/value'

/**
 * Every setting Tramite reads, from environment variables. Each key has a one-line doc and a
 * default that gives a zero-setup start (`npm start` on an empty machine). `tramite config`
 * prints this table; README.md shows it too.
 */
export const ConfigSchema = Type.Object({
  PORT: Type.Integer({
    minimum: 0,
    maximum: 65535,
    default: 3000,
    description: 'HTTP port of the portal and APIs.',
  }),
  HOST: Type.String({
    minLength: 1,
    default: 'localhost',
    description: 'Interface to listen on; 0.0.0.0 (or ::) to accept connections from other machines.',
  }),
  PUBLIC_URL: Type.Optional(
    Type.String({
      pattern: '^https?://[^\\s/]+(/.*)?$',
      description: 'External base URL, used in links the APIs return (default: http://localhost:PORT).',
    }),
  ),
  AUTHORITY_URL: Type.Optional(
    Type.String({
      pattern: '^https?://[^\\s/?#]+/?$',
      description:
        'Public base URL of the OAuth 2.0 / OpenID Connect authority: tokens are issued by {AUTHORITY_URL}/{tenant id}/v2.0 (default: the origin of PUBLIC_URL; else https://localhost:HTTPS_PORT when HTTPS is served, else http://localhost:PORT). Every instance must share it.',
    }),
  ),
  TRAMITE_DATA_DIR: Type.String({
    minLength: 1,
    default: './data',
    description: 'Directory for the embedded database, TLS material and the local control socket.',
  }),
  DATABASE_URL: Type.Optional(
    Type.String({
      pattern: '^postgres(ql)?://',
      description:
        'PostgreSQL connection string; when unset, the embedded PGlite database in TRAMITE_DATA_DIR is used.',
    }),
  ),
  DATABASE_MIGRATION_URL: Type.Optional(
    Type.String({
      pattern: '^postgres(ql)?://',
      description:
        "PostgreSQL connection string of the tables' owner, used only to migrate (then closed); DATABASE_URL may then be a restricted role, granted at each start what it needs and no UPDATE, DELETE or TRUNCATE on the audit log (docs/security.md).",
    }),
  ),
  DATABASE_POOL_MAX: Type.Integer({
    minimum: 1,
    maximum: 200,
    default: 10,
    description: 'Largest number of PostgreSQL connections one instance opens.',
  }),
  PGLITE_SHARED_BUFFERS_MB: Type.Integer({
    minimum: 1,
    maximum: 4096,
    default: 16,
    description:
      "PostgreSQL shared_buffers of the embedded PGlite database, in MB: PGlite's memory grows to hold them and never shrinks, so a small cache keeps the idle process light; raise it for large local datasets.",
  }),
  HEAP_GROWING_PERCENT: Type.Integer({
    minimum: 0,
    maximum: 300,
    default: 30,
    description:
      "How far the server's JS heap may grow past what a full garbage collection kept before the next one, in percent (V8's --heap-growing-percent). V8 alone lets it grow up to 4× under load, so the resident set swung by 100–150 MB of garbage; 0 leaves V8's own rule.",
  }),
  TRAMITE_TLS: Type.Enum(['off', 'dev'], {
    default: 'off',
    description:
      'dev: serve HTTPS on HTTPS_PORT with a self-signed localhost certificate kept in TRAMITE_DATA_DIR/tls.',
  }),
  HTTPS_PORT: Type.Integer({
    minimum: 0,
    maximum: 65535,
    default: 3443,
    description: 'HTTPS port, used when TRAMITE_TLS=dev or TLS_CERT/TLS_KEY are set.',
  }),
  TLS_CERT: Type.Optional(
    Type.String({ minLength: 1, description: 'Path of a PEM certificate (chain) to serve HTTPS with.' }),
  ),
  TLS_KEY: Type.Optional(
    Type.String({ minLength: 1, description: 'Path of the PEM private key for TLS_CERT.' }),
  ),
  TRAMITE_DEMO: Type.Boolean({
    default: true,
    description: 'Create the demo world (DESIGN.md) when the database is empty at start.',
  }),
  TRAMITE_START_TIMING: Type.Boolean({
    default: false,
    description:
      'Write to stderr where the start went: the end of each phase (database, migrations, demo world, routes, listening) in ms since the process started.',
  }),
  TRAMITE_DEMO_PASSWORD: Type.Optional(
    Type.String({
      minLength: 8,
      description:
        'Password for every demo user (scripted demos, tests); when unset, random passwords are printed once.',
    }),
  ),
  TOKEN_LIFETIME_SECONDS: Type.Integer({
    minimum: 60,
    maximum: 86400,
    default: 3600,
    description: 'Lifetime of bearer tokens issued by the server.',
  }),
  REFRESH_TOKEN_LIFETIME_DAYS: Type.Integer({
    minimum: 1,
    maximum: 365,
    default: 90,
    description: 'Lifetime of the refresh tokens the authority issues to applications (offline_access).',
  }),
  SESSION_LIFETIME_HOURS: Type.Integer({
    minimum: 1,
    maximum: 720,
    default: 12,
    description: 'Lifetime of a browser sign-in session.',
  }),
  SIGNIN_RATE_LIMIT: Type.Integer({
    minimum: 1,
    maximum: 10000,
    default: 10,
    description:
      'Sign-in attempts allowed per minute per client address, and per account (its normalised email) from one address.',
  }),
  SIGNIN_ACCOUNT_RATE_LIMIT: Type.Integer({
    minimum: 1,
    maximum: 100000,
    default: 30,
    description:
      'Failed password sign-ins allowed per account (its normalised email) in 15 minutes, from all addresses together; then its password sign-in waits for the rest of the 15 minutes.',
  }),
  SECRETS_KEY: Type.Optional(
    Type.String({
      minLength: 32,
      description:
        "Key that seals secrets at rest (TOTP seeds, identity providers' client secrets; AES-256-GCM). When unset, a random key is kept in TRAMITE_DATA_DIR/secrets.key; instances sharing one PostgreSQL must all set the same value.",
    }),
  ),
  PASSWORD_RESET_MINUTES: Type.Integer({
    minimum: 5,
    maximum: 1440,
    default: 30,
    description: 'How long a "forgot password" link works (it works once).',
  }),
  WEBAUTHN_RP_ID: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        "The passkeys' relying-party id (a registrable domain of the portal; default: the host name of PUBLIC_URL). Passkeys registered under one id do not work under another.",
    }),
  ),
  BODY_LIMIT_BYTES: Type.Integer({
    minimum: 1024,
    maximum: 100 * 1024 * 1024,
    default: 1024 * 1024,
    description: 'Largest request body accepted.',
  }),
  ATTACHMENT_MAX_BYTES: Type.Integer({
    minimum: 1024,
    maximum: 100 * 1024 * 1024,
    default: 10 * 1024 * 1024,
    description: 'Largest file that can be attached to a service request.',
  }),
  MAX_IN_FLIGHT: Type.Integer({
    minimum: 0,
    maximum: 100000,
    default: 24,
    description:
      'Requests one instance serves at once; past it new requests get 503 with Retry-After at once instead of queueing (0: no limit; docs/scaling.md).',
  }),
  MAX_EVENT_LOOP_DELAY_MS: Type.Integer({
    minimum: 0,
    maximum: 60000,
    default: 1000,
    description:
      'Event-loop delay (ms) past which new requests get 503 with Retry-After until the instance catches up (0: off).',
  }),
  RETRY_AFTER_SECONDS: Type.Integer({
    minimum: 1,
    maximum: 3600,
    default: 2,
    description:
      'Retry-After of the 503 answered when the instance is over MAX_IN_FLIGHT or MAX_EVENT_LOOP_DELAY_MS.',
  }),
  AUTH_CACHE_SECONDS: Type.Integer({
    minimum: 0,
    maximum: 3600,
    default: 60,
    description:
      "How long a session or a delegated token's GDAP roles stay in memory between requests (0: every request reads them). Sign-out, revocation, a password change, a disabled user, a changed role, tenant or GDAP access clear them at once, on every instance.",
  }),
  TRUST_PROXY: Type.Boolean({
    default: false,
    description: 'Trust X-Forwarded-* headers (set when behind a reverse proxy).',
  }),
  SCHEDULER_INTERVAL_SECONDS: Type.Integer({
    minimum: 1,
    maximum: 3600,
    default: 5,
    description:
      'How often each instance runs scheduled work (GDAP activation and expiry, SLA breaches, email, webhooks).',
  }),
  WEBHOOK_MAX_ATTEMPTS: Type.Integer({
    minimum: 1,
    maximum: 100,
    default: 15,
    description:
      'Attempts at delivering a webhook event (backoff 30 s doubling, at most 6 h apart) before it is marked failed.',
  }),
  WEBHOOKS_ALLOW_HTTP: Type.Boolean({
    default: false,
    description: 'Accept plain http:// webhook URLs (local development and tests); by default https only.',
  }),
  WEBHOOKS_ALLOW_PRIVATE_NETWORK: Type.Boolean({
    default: false,
    description:
      'Let webhooks reach loopback, private and link-local addresses (receivers on your own network); by default only public addresses are called.',
  }),
  SMTP_URL: Type.Optional(
    Type.String({
      pattern: '^smtps?://[^\\s]+$',
      description:
        'SMTP server for email notifications (smtp://user:pass@host:587, smtps://… for implicit TLS); when unset, messages are written as .eml files to TRAMITE_DATA_DIR/mail.',
    }),
  ),
  SMTP_FROM: Type.String({
    minLength: 3,
    default: 'Tramite <no-reply@localhost>',
    description: 'Sender (From) of email notifications.',
  }),
  EMAIL_MAX_ATTEMPTS: Type.Integer({
    minimum: 1,
    maximum: 100,
    default: 12,
    description:
      'Delivery attempts of one email before it is given up as failed (retries back off up to 1 h).',
  }),
  AUDIT_CHECK_INTERVAL_SECONDS: Type.Integer({
    minimum: 1,
    maximum: 86400,
    default: 60,
    description:
      'How often one instance re-verifies the audit chain (a window of 50,000 events per check; a break raises a metric and notifies the auditors).',
  }),
  AUDIT_ANCHOR_URL: Type.Optional(
    Type.String({
      pattern: '^https?://[^\\s]+$',
      description:
        'URL the audit chain head is POSTed to, so it is anchored outside the database (docs/audit.md); when unset, heads are only printed by `tramite audit head`.',
    }),
  ),
  AUDIT_ANCHOR_SECRET: Type.Optional(
    Type.String({
      minLength: 16,
      description: 'Signs each exported head (X-Tramite-Signature, HMAC-SHA256, as webhooks are signed).',
    }),
  ),
  AUDIT_ANCHOR_INTERVAL_SECONDS: Type.Integer({
    minimum: 1,
    maximum: 86400,
    default: 300,
    description: 'Least time between two heads sent to AUDIT_ANCHOR_URL (a head is sent only when it moved).',
  }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    default: 'info',
    description: 'Log level of the JSON logs on stdout.',
  }),
  WEB_DIST_DIR: Type.String({
    minLength: 1,
    default: './web/dist',
    description: 'Directory of the built web portal served at /.',
  }),
})

export type RawConfig = Static<typeof ConfigSchema>

export interface Config extends RawConfig {
  /** TRAMITE_DATA_DIR made absolute. */
  dataDir: string
  database: { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string }
  publicUrl: string
  /** The authority's base URL (no trailing slash): issuers are `${authorityUrl}/${tenantId}/v2.0`. */
  authorityUrl: string
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

const keys = Object.keys(ConfigSchema.properties) as (keyof RawConfig)[]

/** Reads the configuration from `env`; throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const input: Record<string, unknown> = {}
  for (const key of keys) {
    const value = env[key]
    if (value !== undefined && value !== '') input[key] = value
  }
  const withDefaults = Value.Default(ConfigSchema, input) as Record<string, unknown>
  const converted = Value.Convert(ConfigSchema, withDefaults) as RawConfig

  const problems: string[] = []
  const seen = new Set<string>()
  for (const error of Value.Errors(ConfigSchema, converted)) {
    const key = error.instancePath.replace(/^\//, '')
    if (seen.has(key)) continue
    seen.add(key)
    const schema = (ConfigSchema.properties as Record<string, { enum?: unknown[]; description?: string }>)[
      key
    ]
    const allowed = schema?.enum ? ` (allowed: ${schema.enum.join(', ')})` : ''
    problems.push(`${key}=${JSON.stringify(input[key])}: ${error.message}${allowed}`)
  }
  if ((converted.TLS_CERT === undefined) !== (converted.TLS_KEY === undefined)) {
    problems.push('TLS_CERT and TLS_KEY must be set together')
  }
  if (converted.DATABASE_MIGRATION_URL !== undefined && converted.DATABASE_URL === undefined) {
    problems.push('DATABASE_MIGRATION_URL needs DATABASE_URL (PGlite has no roles to separate)')
  }
  if (problems.length > 0) throw new ConfigError(problems)

  const dataDir = resolve(cwd, converted.TRAMITE_DATA_DIR)
  const servesHttps = converted.TRAMITE_TLS === 'dev' || converted.TLS_CERT !== undefined
  const publicUrl = (converted.PUBLIC_URL ?? `http://localhost:${converted.PORT}`).replace(/\/$/, '')
  return {
    ...converted,
    dataDir,
    WEB_DIST_DIR: resolve(cwd, converted.WEB_DIST_DIR),
    database: converted.DATABASE_URL
      ? { kind: 'postgres', url: converted.DATABASE_URL }
      : { kind: 'pglite', dir: resolve(dataDir, 'pglite') },
    publicUrl,
    authorityUrl: (
      converted.AUTHORITY_URL ??
      (converted.PUBLIC_URL && new URL(converted.PUBLIC_URL).origin) ??
      (servesHttps ? `https://localhost:${converted.HTTPS_PORT}` : publicUrl)
    ).replace(/\/$/, ''),
  }
}

/** The documentation table of every key, for `tramite config` and the README. */
export function describeConfig(): { key: string; default: string; doc: string }[] {
  return keys.map((key) => {
    const schema = ConfigSchema.properties[key] as { default?: unknown; description?: string }
    return {
      key,
      default: schema.default === undefined ? '(unset)' : String(schema.default),
      doc: schema.description ?? '',
    }
  })
}
