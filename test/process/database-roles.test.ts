import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/config.ts'
import { describeRole, roleFacts } from '../../src/platform/db/db-roles.ts'
import { TEST_PASSWORD } from '../support/constants.ts'
import { openEmptyDatabase, openTestDatabase, type TestDatabase } from '../support/database.ts'
import { dialects } from '../support/dialects.ts'
import { admin } from '../support/postgres-admin.ts'
import { runCli, startServerProcess, type RunningProcess } from '../support/process.ts'

/** The error code PostgreSQL answers a statement the role may not run with. */
async function refusal(url: string, statement: string): Promise<string> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
    return 'allowed'
  } catch (error) {
    return `${(error as { code?: string }).code}: ${(error as Error).message}`
  } finally {
    await client.end()
  }
}

/**
 * On any database, a server connected as the owner (PGlite's one role, or a PostgreSQL superuser)
 * is told at start that it could rewrite the audit log, and how to run restricted instead.
 */
describe.each(dialects())('the database role the server runs as (%s)', (dialect) => {
  it('when the server connects as the owner, then its role facts say it may rewrite the audit log and the start line says what to do', async () => {
    const database = await openTestDatabase(dialect)
    try {
      const facts = await roleFacts(database.db)
      expect(facts).toMatchObject({ superuser: true, mayRewriteAuditLog: true })
      expect(describeRole(facts)).toMatch(
        /can alter or disable the audit log's guards \(superuser\).*DATABASE_MIGRATION_URL/,
      )
      expect(
        describeRole({ ...facts, superuser: false, ownsAuditLog: false, mayRewriteAuditLog: false }),
      ).toBe(`Database role ${facts.role}: may not alter or disable the audit log`)
    } finally {
      await database.close()
    }
  })
})

/**
 * docs/security.md, "Database roles": the server runs as a role that cannot alter or disable the
 * audit log, and the owner's connection (DATABASE_MIGRATION_URL) only migrates.
 */
describe.each(dialects().filter((d) => d === 'postgres'))(
  'the server as a restricted database role (%s)',
  { timeout: 180_000 },
  () => {
    const role = `tramite_app_${process.pid}_${Date.now()}`
    let database: TestDatabase
    let runtimeUrl: string
    let env: Record<string, string>
    let dataDir: string
    let server: RunningProcess | null = null

    beforeAll(async () => {
      database = await openEmptyDatabase('postgres')
      await admin((c) => c.query(`create role ${role} login`))
      const url = new URL(database.url!)
      url.username = role
      runtimeUrl = url.toString()
      dataDir = mkdtempSync(join(tmpdir(), 'tramite-roles-'))
      env = {
        TRAMITE_DATA_DIR: dataDir,
        DATABASE_URL: runtimeUrl,
        DATABASE_MIGRATION_URL: database.url!,
        TRAMITE_DEMO_PASSWORD: TEST_PASSWORD,
        SCHEDULER_INTERVAL_SECONDS: '1',
      }
      server = await startServerProcess(env)
    })
    afterAll(async () => {
      await server?.stop()
      await database?.close()
      await admin((c) => c.query(`drop role if exists ${role}`))
      rmSync(dataDir, { recursive: true, force: true })
    })

    it(
      'when DATABASE_MIGRATION_URL migrates as the owner, then the server runs as the restricted role, says so, and works (sign-in, an audited change, the chain sealed and intact)',
      { timeout: 90_000 },
      async () => {
        expect(server!.stdout).toContain(`Database role ${role}: may not alter or disable the audit log`)
        const signIn = await fetch(`${server!.httpUrl}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'anna@fabrikam.example', password: TEST_PASSWORD }),
        })
        expect(signIn.status).toBe(200)
        const { csrfToken } = (await signIn.json()) as { csrfToken: string }
        const changed = await fetch(`${server!.httpUrl}/api/security/settings`, {
          method: 'PATCH',
          headers: {
            'content-type': 'application/json',
            cookie: signIn.headers.get('set-cookie')!.split(';')[0]!,
            'x-csrf-token': csrfToken,
          },
          body: JSON.stringify({ requireMfa: true }),
        })
        expect(changed.status).toBe(200)
        // the server seals the chain off the request path, every SCHEDULER_INTERVAL_SECONDS and once the
        // transactions open at that moment end: on a busy machine the first seal may still be coming
        let report = { status: '', checkedEvents: 0 }
        await expect
          .poll(
            async () => {
              const verify = await runCli(['audit', 'verify', '--json'], env)
              expect(verify.code, verify.stderr).toBe(0)
              report = JSON.parse(verify.stdout) as typeof report
              return report.checkedEvents
            },
            { timeout: 30_000, interval: 1_000 },
          )
          .toBeGreaterThan(0)
        expect(report.status).toBe('intact')
        const client = new pg.Client({ connectionString: runtimeUrl })
        await client.connect()
        try {
          const { rows } = await client.query(
            "select count(*)::int as n from audit_events where action = 'security.settings_changed'",
          )
          expect(rows[0].n).toBe(1)
          expect(await roleFacts(database.db)).toMatchObject({ superuser: true, mayRewriteAuditLog: true })
        } finally {
          await client.end()
        }
      },
    )

    it.each([
      ['TRUNCATE the audit log', 'truncate audit_events, audit_seals'],
      ['disable its triggers', 'alter table audit_events disable trigger all'],
      ['silence the triggers with session_replication_role', 'set session_replication_role = replica'],
      ['UPDATE an audit event', "update audit_events set reason = 'rewritten'"],
      ['DELETE an audit event', 'delete from audit_events'],
      ['UPDATE a seal', "update audit_seals set chain_hash = repeat('0', 64)"],
      ['DELETE an anchored head', 'delete from audit_anchors'],
      ['drop the guard', 'drop table audit_events cascade'],
      ['record a migration', "insert into schema_migrations (name, timestamp) values ('9999_x', 'now')"],
    ])('when the server’s role tries to %s, then PostgreSQL refuses it', async (_what, statement) => {
      const answer = await refusal(runtimeUrl, statement)
      expect(answer).toMatch(/^42501: /)
    })

    it('when the server’s role is the owner, then the start line says it can alter the audit log and what to do', async () => {
      const facts = await roleFacts(database.db)
      expect(describeRole(facts)).toMatch(
        /can alter or disable the audit log's guards \(superuser\).*DATABASE_MIGRATION_URL/,
      )
      expect(() => loadConfig({ DATABASE_MIGRATION_URL: database.url! })).toThrow(
        /DATABASE_MIGRATION_URL needs DATABASE_URL/,
      )
    })
  },
)
