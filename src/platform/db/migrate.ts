import { sql } from 'kysely'
import { Migrator, type MigrationResultSet } from 'kysely/migration'
import type { Db } from './database.ts'
import { migrations } from './migrations/index.ts'

/**
 * Applies every pending migration. On PostgreSQL, Kysely's migrator holds a session advisory
 * lock for the whole run, so instances starting at once apply each migration exactly once.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  if (await allApplied(db)) return []
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    // Helpers number their migrations ahead of time (0007…0015) and land in any order: a database
    // that already ran 0014 must still run an 0007 that arrives later.
    allowUnorderedMigrations: true,
  })
  const result: MigrationResultSet = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    const reason = result.error instanceof Error ? result.error.message : String(result.error)
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`, { cause: result.error })
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/**
 * Whether every migration this build knows is already recorded: the common case at start, checked
 * with two small reads instead of the migrator's setup (its tables, its lock), which costs a few
 * hundred milliseconds on PGlite. Anything else goes through the migrator and its lock.
 */
async function allApplied(db: Db): Promise<boolean> {
  const { rows } = await sql<{
    present: boolean
  }>`select to_regclass('schema_migrations') is not null as present`.execute(db)
  if (!rows[0]?.present) return false
  const applied = await sql<{ name: string }>`select name from schema_migrations`.execute(db)
  const names = new Set(applied.rows.map((r) => r.name))
  // a recorded migration this build does not know goes to the migrator, which refuses it
  const known = Object.keys(migrations)
  return names.size === known.length && known.every((name) => names.has(name))
}
