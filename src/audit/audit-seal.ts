import type { AppContext } from '../platform/context.ts'
import { chainHash, contentHash, GENESIS_HASH } from './audit-canonical.ts'
import {
  canonicalEvents,
  chainHead,
  insertSeals,
  lockChainState,
  maxEventId,
  openTransactions,
  type SealRow,
  stillOpen,
  updateChainState,
} from './audit-chain.data.ts'

/** Events one sealing transaction hashes; a run goes on batch after batch up to MAX_BATCHES. */
export const SEAL_BATCH = 1000
const MAX_BATCHES = 50

export interface SealReport {
  sealed: number
  /** Why the run stopped short of sealing everything it saw (nothing to say when it did). */
  waiting?: 'another_instance' | 'open_transactions' | 'tail_missing' | 'unknown_seals'
  head: { eventId: number; chainHash: string } | null
}

/**
 * Seals committed audit events in id order, off the request path (docs/audit.md, "Sealing").
 *
 * Concurrent transactions commit out of id order: event 101 may be visible while 100, drawn
 * earlier by a transaction still open, is not. Sealing 101 then would leave 100 outside the chain
 * for ever. So the sealer only seals up to a horizon it knows to be final: it notes the highest
 * visible id and the transactions open at that moment, and seals up to that id once every one of
 * them has ended (any id below the horizon was drawn by a transaction that had ended or was among
 * them). When nothing else is open — always on PGlite — the horizon is final at once.
 *
 * Every instance runs it; the state row, locked with SKIP LOCKED, lets one seal at a time while the
 * others skip their turn. A run that finds the last seal elsewhere than where it left it stops:
 * fewer seals means the chain lost its tail, more means seals it never made were appended; going
 * on from there would hide either (the scheduled check reports them).
 */
export async function sealAuditEvents(ctx: AppContext): Promise<SealReport> {
  let sealed = 0
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const step = await ctx.db.transaction().execute(async (trx) => {
      const state = await lockChainState(trx)
      if (!state) return { sealed: 0, waiting: 'another_instance' as const, more: false }
      const head = await chainHead(trx)
      const headId = head?.eventId ?? 0
      if (headId < state.sealedThrough) return { sealed: 0, waiting: 'tail_missing' as const, more: false }
      if (headId > state.sealedThrough) return { sealed: 0, waiting: 'unknown_seals' as const, more: false }

      let through: number
      if (state.horizonEventId !== null && state.horizonEventId > headId) {
        if ((await stillOpen(trx, state.horizonWaits)) > 0)
          return { sealed: 0, waiting: 'open_transactions' as const, more: false }
        through = state.horizonEventId
      } else {
        const max = await maxEventId(trx)
        if (max === null || max <= headId) return { sealed: 0, more: false }
        const open = ctx.dbKind === 'pglite' ? [] : await openTransactions(trx)
        if (open.length > 0) {
          await updateChainState(trx, {
            horizon_event_id: max,
            horizon_waits: open,
            horizon_at: ctx.now(),
          })
          return { sealed: 0, waiting: 'open_transactions' as const, more: false }
        }
        through = max
      }

      const events = await canonicalEvents(trx, { afterId: headId, throughId: through, limit: SEAL_BATCH })
      const seals: SealRow[] = []
      let previous = { eventId: head?.eventId ?? null, chainHash: head?.chainHash ?? GENESIS_HASH }
      for (const event of events) {
        const content = contentHash(event)
        const seal = {
          eventId: event.id,
          prevEventId: previous.eventId,
          contentHash: content,
          chainHash: chainHash(previous.chainHash, event.id, content),
        }
        seals.push(seal)
        previous = { eventId: seal.eventId, chainHash: seal.chainHash }
      }
      await insertSeals(trx, seals)
      const last = seals.at(-1)?.eventId ?? headId
      const done = events.length < SEAL_BATCH
      await updateChainState(trx, {
        sealed_through: Math.max(state.sealedThrough, last),
        ...(done ? { horizon_event_id: null, horizon_waits: [], horizon_at: null } : {}),
      })
      return { sealed: seals.length, more: !done }
    })
    sealed += step.sealed
    if (!step.more) {
      const head = await chainHead(ctx.db)
      return { sealed, head, ...('waiting' in step && step.waiting ? { waiting: step.waiting } : {}) }
    }
  }
  return { sealed, head: await chainHead(ctx.db) }
}
