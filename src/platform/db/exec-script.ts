import { type Kysely, sql } from 'kysely'

/**
 * Runs a script of SQL statements one by one. PGlite's query path speaks the extended protocol,
 * which accepts one statement per call, so scripts are split on a semicolon that ends a line —
 * outside `$$`-quoted function bodies, whose own statements end lines with semicolons too.
 */
export async function execScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitScript(script)) {
    await sql.raw(statement).execute(db)
  }
}

export function splitScript(script: string): string[] {
  const statements: string[] = []
  let inBody = false
  let current = ''
  for (const line of script.split('\n')) {
    const code = line.replace(/--.*$/, '')
    inBody = (code.split('$$').length - 1) % 2 === 1 ? !inBody : inBody
    current += `${line}\n`
    if (!inBody && /;\s*$/.test(code)) {
      statements.push(current)
      current = ''
    }
  }
  statements.push(current)
  return statements
    .map((s) =>
      s
        .replace(/^\s*--[^\n]*$/gm, '')
        .trim()
        .replace(/;$/, ''),
    )
    .filter((s) => s.length > 0)
}
