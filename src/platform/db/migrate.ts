import { Migrator, type MigrationResultSet } from 'kysely/migration'
import type { Db } from './database.ts'
import { migrations } from './migrations/index.ts'

/**
 * Applies every pending migration. On PostgreSQL, Kysely's migrator holds a session advisory
 * lock for the whole run, so instances starting at once apply each migration exactly once.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
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
