export type Dialect = 'pglite' | 'postgres'

/**
 * The databases this run tests on. `DB=pglite,postgres` picks explicitly; otherwise PostgreSQL
 * when DATABASE_URL is set (the README's "same suite on PostgreSQL"), else the embedded PGlite.
 * Data and component tests loop over this list with describe.each.
 */
export function dialects(): Dialect[] {
  const explicit = process.env.DB?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (explicit?.length) {
    for (const d of explicit)
      if (d !== 'pglite' && d !== 'postgres') throw new Error(`DB=${d}: use pglite or postgres`)
    return explicit as Dialect[]
  }
  return process.env.DATABASE_URL ? ['postgres'] : ['pglite']
}

export function postgresUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/test'
}

/** The same server URL with another database name. */
export function postgresUrlFor(database: string): string {
  const url = new URL(postgresUrl())
  url.pathname = `/${database}`
  return url.toString()
}
