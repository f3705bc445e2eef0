import { CompiledQuery, type QueryResult } from 'kysely'
import type { Db } from './database.ts'

/**
 * Hot statements built and compiled once per shape instead of on every call: Kysely's building
 * and compiling of a large statement (a filing's write, the policy's facts) costs more of a call's
 * JavaScript than sending it, and the same text each time is what a prepared statement needs.
 *
 * The statement is built from *slots*, one per value, standing where the value would stand; the
 * compiled text keeps them as parameters, and each call sends its own values in their places.
 * `build` may branch only on what `shape` names (never on a value: it sees slots), and must
 * give the same statement for the same shape.
 */
export class Slot {
  constructor(readonly key: string) {}
}

/** A slot in place of each value of `values`: the object `build` writes its statement with. */
export type Slots<V> = { readonly [K in keyof V]: Slot }

interface Compiled {
  sql: string
  /** Per parameter: the key of the value it takes, or a constant the statement itself holds. */
  parameters: { key: string | null; constant: unknown }[]
}

export class CompiledOnce<V extends Record<string, unknown>, R> {
  private readonly shapes = new Map<string, Compiled>()

  constructor(private readonly build: (slots: Slots<V>, shape: string, db: Db) => CompiledQuery<R>) {}

  /** The statement of `shape` with `values` in its slots, compiled on the shape's first use. */
  query(db: Db, shape: string, values: V): CompiledQuery<R> {
    let compiled = this.shapes.get(shape)
    if (!compiled) {
      const slots = Object.fromEntries(Object.keys(values).map((key) => [key, new Slot(key)])) as Slots<V>
      const { sql, parameters } = this.build(slots, shape, db)
      compiled = {
        sql,
        parameters: parameters.map((p) =>
          p instanceof Slot ? { key: p.key, constant: undefined } : { key: null, constant: p },
        ),
      }
      this.shapes.set(shape, compiled)
    }
    const parameters = compiled.parameters.map((p) => {
      if (p.key === null) return p.constant
      if (!(p.key in values)) throw new Error(`no value for the slot ${p.key} of a statement compiled once`)
      return values[p.key]
    })
    return CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<R>
  }

  /** Runs the statement of `shape` with `values` on `db` (a transaction or not). */
  execute(db: Db, shape: string, values: V): Promise<QueryResult<R>> {
    return db.executeQuery(this.query(db, shape, values))
  }
}
