import { sql } from 'kysely'
import type { Db } from './database.ts'
import { openDatabase } from './database.ts'
import { migrateToLatest } from './migrate.ts'

/**
 * Running the server as a database role that cannot rewrite history (docs/security.md, "Database
 * roles"). The tables' owner can disable the audit log's triggers; so, with
 * DATABASE_MIGRATION_URL set, the owner's connection only migrates, and the server runs with
 * DATABASE_URL as another role. After each migration the owner grants that role what the server
 * needs — and no more: on the audit log's tables only SELECT and INSERT.
 */

/** The tables whose rows are history: the server appends, never changes or removes. */
export const APPEND_ONLY_TABLES = ['audit_events', 'audit_seals', 'audit_anchors'] as const
/** The migrator's own tables: the server only reads them (/readyz). */
const MIGRATION_TABLES = ['schema_migrations', 'schema_migrations_lock'] as const

export interface RoleFacts {
  role: string
  superuser: boolean
  /** The role owns the audit log's tables (so it could disable their triggers). */
  ownsAuditLog: boolean
  /** The role may change or empty the audit log's tables (UPDATE, DELETE or TRUNCATE). */
  mayRewriteAuditLog: boolean
}

export async function roleFacts(db: Db): Promise<RoleFacts> {
  const { rows } = await sql<{
    role: string
    superuser: boolean
    owns: boolean
    rewrites: boolean
  }>`select current_user as role,
       coalesce((select rolsuper from pg_roles where rolname = current_user), false) as superuser,
       coalesce((select pg_has_role(current_user, c.relowner, 'USAGE')
                   from pg_class c where c.oid = to_regclass('audit_events')), false) as owns,
       coalesce((select has_table_privilege(current_user, c.oid, 'UPDATE, DELETE, TRUNCATE')
                   from pg_class c where c.oid = to_regclass('audit_events')), false) as rewrites`.execute(db)
  const row = rows[0]!
  return {
    role: row.role,
    superuser: row.superuser,
    ownsAuditLog: row.owns,
    mayRewriteAuditLog: row.superuser || row.owns || row.rewrites,
  }
}

/** Grants `role` what the server needs on every table of the current schema, idempotently. */
export async function grantRuntimeRole(owner: Db, role: string): Promise<void> {
  const who = sql.id(role)
  const tables = (list: readonly string[]) => sql.join(list.map((t) => sql.id(t)))
  await owner.transaction().execute(async (trx) => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(trx)
    const schema = sql.id(rows[0]!.schema)
    await sql`grant usage on schema ${schema} to ${who}`.execute(trx)
    await sql`grant select, insert, update, delete on all tables in schema ${schema} to ${who}`.execute(trx)
    await sql`revoke truncate, references, trigger on all tables in schema ${schema} from ${who}`.execute(trx)
    await sql`grant usage, select on all sequences in schema ${schema} to ${who}`.execute(trx)
    await sql`revoke update, delete on ${tables(APPEND_ONLY_TABLES)} from ${who}`.execute(trx)
    await sql`revoke insert, update, delete on ${tables(MIGRATION_TABLES)} from ${who}`.execute(trx)
  })
}

/**
 * Brings the schema up to date: with the runtime's own connection, or — with
 * DATABASE_MIGRATION_URL — with the owner's, which then grants the runtime's role its rights.
 */
export async function migrateDatabase(runtime: Db, migrationUrl: string | undefined): Promise<string[]> {
  if (!migrationUrl) return migrateToLatest(runtime)
  const owner = await openDatabase({ kind: 'postgres', url: migrationUrl }, { poolMax: 1 })
  try {
    const applied = await migrateToLatest(owner.db)
    const [ownerFacts, runtimeFacts] = await Promise.all([roleFacts(owner.db), roleFacts(runtime)])
    if (ownerFacts.role !== runtimeFacts.role) await grantRuntimeRole(owner.db, runtimeFacts.role)
    return applied
  } finally {
    await owner.close()
  }
}

/** The line the server prints at start about its database role (PostgreSQL only). */
export function describeRole(facts: RoleFacts): string {
  return facts.mayRewriteAuditLog
    ? `Database role ${facts.role} can alter or disable the audit log's guards (${
        facts.superuser ? 'superuser' : facts.ownsAuditLog ? 'owner' : 'UPDATE/DELETE/TRUNCATE granted'
      }): run the server as a restricted role and migrate with DATABASE_MIGRATION_URL (docs/security.md)`
    : `Database role ${facts.role}: may not alter or disable the audit log`
}
