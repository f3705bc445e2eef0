import { Command, Option } from 'commander'
import { ConfigError, describeConfig, loadConfig, type Config } from '../config/config.ts'
import { DataDirInUseError, sendControlCommand } from '../platform/control-socket.ts'
import { limitHeapGrowth, withStartFlags } from '../platform/heap-growth.ts'
import { enableStartTiming } from '../platform/start-timing.ts'
import { negotiateLocale } from '../platform/i18n/i18n.ts'
import { VERSION } from '../app.ts'
import { controlCommands, describeSeed, openRuntime, startServer } from '../runtime.ts'

/**
 * `tramite`: serve, token, migrate, demo reset, setup, partner, audit verify/head, config. Commands that touch the database work
 * while a server runs: on PGlite (one process per data directory) they ask the running server
 * over the data directory's control socket; otherwise they open the database themselves.
 */

const out = (line: string): void => void process.stdout.write(`${line}\n`)
const err = (line: string): void => void process.stderr.write(`${line}\n`)
const cliLocale = negotiateLocale(
  (process.env.LC_ALL || process.env.LANG || '').replace('_', '-').split('.')[0],
)

function config(): Config {
  try {
    return loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message)
      process.exit(2)
    }
    throw error
  }
}

/** Runs a database command in the process that owns the data, or here when none does. */
async function runCommand(command: string, args: Record<string, unknown>): Promise<unknown> {
  const cfg = config()
  if (cfg.database.kind === 'pglite') {
    const remote = await sendControlCommand(cfg.dataDir, command, args)
    if (remote) {
      if (remote.ok) return remote.result
      throw Object.assign(new Error(remote.error.message), { code: remote.error.code })
    }
  }
  const runtime = await openRuntime(cfg)
  // stdout carries only the command's answer (a token, JSON); the one-time passwords go to stderr
  for (const line of describeSeed(runtime.seed, cfg)) err(line)
  try {
    return await controlCommands(runtime.ctx)(command, args)
  } finally {
    await runtime.close()
  }
}

async function serve(): Promise<void> {
  const cfg = config()
  if (cfg.TRAMITE_START_TIMING) enableStartTiming(err)
  // Signals are handled from the first moment: one that arrives while the server is still starting
  // (or has just printed its address) stops it cleanly once it is up, instead of killing it midway.
  let server: Awaited<ReturnType<typeof startServer>> | null = null
  let pending: string | null = null
  let stopping = false
  const shutDown = (running: NonNullable<typeof server>, signal: string): void => {
    running.app.log.info({ signal }, 'shutting down')
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        err(`Shutdown failed: ${(error as Error).message}`)
        process.exit(1)
      },
    )
  }
  const stop = (signal: string): void => {
    if (stopping) {
      err('Forced exit.')
      process.exit(1)
    }
    stopping = true
    if (server) shutDown(server, signal)
    else pending = signal
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  server = await startServer(cfg, out)
  // Only once it listens: the heap grows all through a start, and at a growing factor of 1.3 V8
  // ran a full collection every 30 % of it (a fifth of a start's time went to the collector).
  limitHeapGrowth(cfg.HEAP_GROWING_PERCENT)
  if (pending) shutDown(server, pending)
}

const program = new Command()
  .name('tramite')
  .description('Partner-channel support on behalf of customers, under GDAP.')
  .version(VERSION)

program.command('serve', { isDefault: true }).description('Start the server (portal and APIs)').action(serve)

program
  .command('token')
  .description('Print a bearer token for a user (only the token, on stdout)')
  .requiredOption('--user <email>', 'the user to issue the token for')
  .option(
    '--tenant <tenantId>',
    "a customer's tenant id: a delegated token (needs an active GDAP role there)",
  )
  .addOption(new Option('--audience <aud>', 'token audience').default('urn:tramite:api'))
  .action(async (options: { user: string; tenant?: string; audience: string }) => {
    const result = (await runCommand('token', { ...options, locale: cliLocale })) as { token: string }
    out(result.token)
  })

program
  .command('advise')
  .description('May this user open this support request, and how? (the advice JSON, rules R1–R14)')
  .requiredOption('--user <email>', 'the user asking')
  .option('--customer <nameOrId>', "the customer's company name, domain or tenant id")
  .option('--own', "the user's own subscriptions (the default when --customer is not given)")
  .requiredOption('--workload <workload>', 'azure, office365, dynamics, ems or marketplace')
  .option('--subscription <id>', 'a subscription id')
  .option('--product <name>', 'a marketplace product name or id')
  .option('--problem-type <type>', 'technical, billing, subscription_management or quota')
  .action(async (options: Record<string, unknown>) => {
    const result = await runCommand('advise', { ...options, locale: cliLocale })
    out(JSON.stringify(result, null, 2))
  })

const collect = (value: string, previous: string[] = []): string[] => [...previous, value]

program
  .command('app')
  .description('App registrations (docs/identity.md)')
  .command('create')
  .description(
    'Register an application in a tenant; its permissions are consented at once (the server machine is the operator)',
  )
  .requiredOption('--tenant <tenant>', "the tenant's id or domain")
  .requiredOption('--name <name>', 'the display name')
  .option('--redirect-uri <uri>', 'a redirect URI (repeatable; http://localhost takes any port)', collect)
  .option('--public', 'a public client (no secret: desktop tools, scripts, device code)')
  .option(
    '--permission <name>',
    'an API permission, e.g. "graph/DelegatedAdminRelationship.Read.All (application)" or arm/user_impersonation (repeatable)',
    collect,
  )
  .option('--json', 'print {"clientId","clientSecret","tenantId"} as JSON')
  .action(
    async (options: {
      tenant: string
      name: string
      redirectUri?: string[]
      public?: boolean
      permission?: string[]
      json?: boolean
    }) => {
      const result = (await runCommand('app-create', {
        tenant: options.tenant,
        name: options.name,
        redirectUri: options.redirectUri ?? [],
        public: options.public === true,
        permission: options.permission ?? [],
        locale: cliLocale,
      })) as { clientId: string; clientSecret: string | null; tenantId: string }
      if (options.json) out(JSON.stringify(result))
      else {
        out(`clientId     ${result.clientId}`)
        out(`tenantId     ${result.tenantId}`)
        out(`clientSecret ${result.clientSecret ?? '(none: public client)'}`)
        if (result.clientSecret) err('The secret is shown only now: keep it somewhere safe.')
      }
    },
  )

program
  .command('migrate')
  .description('Apply pending database migrations')
  .action(async () => {
    const result = (await runCommand('migrate', {})) as { applied: string[] }
    out(result.applied.length ? `Applied: ${result.applied.join(', ')}` : 'The database is up to date.')
  })

program
  .command('demo')
  .description('The demo world')
  .command('reset')
  .description('Delete every tenant and create the demo world again (prints the new passwords)')
  .option(
    '--password <password>',
    'one password for every demo user (default: TRAMITE_DEMO_PASSWORD, else random)',
  )
  .action(async (options: { password?: string }) => {
    const result = (await runCommand('demo-reset', options)) as { lines: string[] }
    for (const line of result.lines) out(line)
  })

program
  .command('setup')
  .description(
    'Start for real: create the vendor tenant and its first administrator (once; refused if a vendor exists)',
  )
  .requiredOption('--vendor <name>', "the vendor's name (the company that runs the channel)")
  .requiredOption('--domain <domain>', "the vendor tenant's default domain")
  .requiredOption('--admin <email>', 'the first administrator (global administrator and support engineer)')
  .option('--admin-name <name>', "the administrator's display name")
  .option(
    '--password <password>',
    'their password now (at least 12 characters); else a single-use link is printed',
  )
  .option('--tenant-locale <locale>', "the vendor tenant's locale", 'en-US')
  .option('--country <code>', "the vendor tenant's country (ISO 3166, default from the locale)")
  .action(async (options: Record<string, unknown>) => {
    const result = (await runCommand('setup', { ...options, locale: cliLocale })) as { lines: string[] }
    for (const line of result.lines) out(line)
  })

const partner = program.command('partner').description("The vendor's partners (docs/directory.md)")

const PARTNER_TYPE_CHOICES = ['direct', 'indirect_provider', 'indirect_reseller', 'advisor']
partner
  .command('create')
  .description('Create a partner organization and invite its first administrator by email')
  .requiredOption('--name <name>', "the partner's company name")
  .addOption(
    new Option('--type <type>', 'the partner type').choices(PARTNER_TYPE_CHOICES).makeOptionMandatory(),
  )
  .option('--provider <tenantId...>', "an indirect reseller's indirect provider(s)")
  .requiredOption('--domain <domain>', "the partner tenant's default domain")
  .requiredOption('--admin <email>', 'the first administrator (admin agent and global administrator)')
  .option('--admin-name <name>', "the administrator's display name")
  .option('--mpn-id <id>', 'the partner id (MPN); generated when not given')
  .option('--tenant-locale <locale>', "the partner tenant's locale", 'en-US')
  .option('--country <code>', 'ISO 3166 country (default from the locale)')
  .option('--support-email <email>', 'the support contact put on tickets (R7)')
  .option('--support-phone <phone>', 'the support phone put on tickets (R7)')
  .option('--support-website <url>', 'the support website')
  .option('--json', 'print {"tenantId", "adminInvitationUrl"} as JSON')
  .action(async (options: Record<string, unknown>) => {
    const result = (await runCommand('partner-create', { ...options, locale: cliLocale })) as {
      tenantId: string
      adminInvitationUrl: string
    }
    if (options.json) out(JSON.stringify(result))
    else {
      out(`Partner created: tenant ${result.tenantId}`)
      out(`First administrator's invitation (single-use, 7 days; also emailed): ${result.adminInvitationUrl}`)
    }
  })

for (const [name, status, description] of [
  ['suspend', 'suspended', 'Suspend a partner: its users lose sign-in and every token; its history stays'],
  ['reactivate', 'active', 'Reactivate a suspended partner'],
] as const) {
  partner
    .command(name)
    .description(description)
    .requiredOption('--tenant <tenantId>', "the partner's tenant id")
    .action(async (options: { tenant: string }) => {
      const result = (await runCommand('partner-status', { ...options, status, locale: cliLocale })) as {
        name: string
        status: string
      }
      out(`${result.name}: ${result.status}`)
    })
}

partner
  .command('show')
  .description('Print a partner as JSON')
  .requiredOption('--tenant <tenantId>', "the partner's tenant id")
  .action(async (options: { tenant: string }) => {
    out(JSON.stringify(await runCommand('partner-show', { ...options, locale: cliLocale }), null, 2))
  })

const audit = program.command('audit').description('The tamper-evident audit log (docs/audit.md)')

audit
  .command('verify')
  .description(
    'Verify the audit chain and name the first broken link (exit code 3 when broken); works while the server runs',
  )
  .option(
    '--anchor <eventId:chainHash...>',
    'a head anchored outside the database (as printed by `tramite audit head`); repeatable',
  )
  .option('--json', 'print the full report as JSON')
  .action(async (options: { anchor?: string[]; json?: boolean }) => {
    const result = (await runCommand('audit-verify', {
      anchor: options.anchor ?? [],
      locale: cliLocale,
    })) as {
      report: { status: string }
      lines: string[]
    }
    if (options.json) out(JSON.stringify(result.report, null, 2))
    else for (const line of result.lines) out(line)
    if (result.report.status !== 'intact') process.exitCode = 3
  })

audit
  .command('head')
  .description(
    'Print the chain head (JSON) to keep outside the database; --send also posts it to AUDIT_ANCHOR_URL',
  )
  .option('--send', 'send it to AUDIT_ANCHOR_URL now and record it as anchored')
  .action(async (options: { send?: boolean }) => {
    out(JSON.stringify(await runCommand('audit-head', { send: options.send === true }), null, 2))
  })

program
  .command('config')
  .description('List every configuration variable with its default')
  .action(() => {
    for (const row of describeConfig()) out(`${row.key.padEnd(24)} ${row.default.padEnd(12)} ${row.doc}`)
  })

/** How scripts/server-run.mjs writes the code cache: under the flags a start begins with. */
export const codeCacheFlags: <T>(fn: () => T) => T = withStartFlags

/** Settles once the command has done its work (for `serve`: the server listens). */
export const ready = program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof DataDirInUseError) err(error.message)
  else if (error instanceof ConfigError) err(error.message)
  else err(`tramite: ${(error as Error).message}`)
  process.exit(1)
})
