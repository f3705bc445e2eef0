import { type Kysely, sql } from 'kysely'

/**
 * Runs a script of SQL statements one by one. PGlite's query path speaks the extended protocol,
 * which accepts one statement per call, so scripts are split on a semicolon that ends a line.
 * Statements must therefore not end a line with a semicolon inside a body (no function bodies here).
 */
export async function execScript(db: Kysely<unknown>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*(?:--[^\n]*)?\n/)
    .map((s) => s.replace(/^\s*--[^\n]*$/gm, '').trim())
    .filter((s) => s.length > 0)
  for (const statement of statements) {
    await sql.raw(statement.replace(/;$/, '')).execute(db)
  }
}
