import type { Kysely } from 'kysely'
import type { Database } from '../platform/db/schema.ts'
import { chainHash, contentHash, GENESIS_HASH } from './audit-canonical.ts'
import { canonicalEventsById, readChainState, sealsById } from './audit-chain.data.ts'

/**
 * What the audit list says about each row it serves, so an altered row is never presented as
 * genuine (docs/audit.md, "Reading"):
 * - `verified`: the row matches its seal, and the seal links to the one before it;
 * - `pending`: written in the last seconds, not sealed yet;
 * - `altered`: the row no longer matches the content sealed for it;
 * - `unsealed`: the row sits inside the sealed part of the chain without a seal (slipped in);
 * - `broken_link`: the row's seal does not link to the seal before it (seals were edited, removed or added).
 * Each row is checked against its own seal and its neighbour's; the whole chain (a rewrite of
 * every seal, a lost tail) is the scheduled check's and `audit verify`'s job.
 */
export type Integrity = 'verified' | 'pending' | 'altered' | 'unsealed' | 'broken_link'

export async function integrityOf(db: Kysely<Database>, ids: number[]): Promise<Map<number, Integrity>> {
  const marks = new Map<number, Integrity>()
  if (ids.length === 0) return marks
  const [rows, seals, state] = await Promise.all([
    canonicalEventsById(db, ids),
    sealsById(db, ids),
    readChainState(db),
  ])
  const sealOf = new Map(seals.map((s) => [s.eventId, s]))
  const missingPrevious = seals
    .map((s) => s.prevEventId)
    .filter((id): id is number => id !== null && !sealOf.has(id))
  for (const s of await sealsById(db, [...new Set(missingPrevious)])) sealOf.set(s.eventId, s)

  for (const row of rows) {
    const seal = sealOf.get(row.id)
    if (!seal) {
      marks.set(row.id, row.id > state.sealedThrough ? 'pending' : 'unsealed')
      continue
    }
    const content = contentHash(row)
    if (content !== seal.contentHash) {
      marks.set(row.id, 'altered')
      continue
    }
    const previous = seal.prevEventId === null ? GENESIS_HASH : sealOf.get(seal.prevEventId)?.chainHash
    const linked = previous !== undefined && chainHash(previous, row.id, content) === seal.chainHash
    marks.set(row.id, linked ? 'verified' : 'broken_link')
  }
  return marks
}
