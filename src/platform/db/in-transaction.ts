import type { Db } from './database.ts'

/** Runs `work` in the caller's transaction when there is one (an all-or-nothing batch), else in a new one. */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}
