import type { Kysely } from 'kysely'
import type { Database } from '../platform/db/schema.ts'
import { type CanonicalEventRow, chainHash, contentHash, GENESIS_HASH } from './audit-canonical.ts'
import {
  canonicalEvents,
  readChainState,
  sealBefore,
  sealsAfter,
  type ChainHead,
  type SealRow,
} from './audit-chain.data.ts'

/**
 * Verification of the audit chain (docs/audit.md, "Verifying"): walks events and seals together
 * in id order, recomputes every hash, and names each broken link — which event, and what is wrong.
 */

export type BreakKind =
  /** The event's row no longer matches the content sealed for it. */
  | 'content_changed'
  /** The event's row holds the content sealed for another event. */
  | 'reordered'
  /** The event was sealed, and its row is gone. */
  | 'missing_event'
  /** The event sits inside the sealed part of the chain without a seal, or its seal was slipped in between two others. */
  | 'inserted_event'
  /** The seal's link does not recompute: the seal itself was altered. */
  | 'seal_altered'
  /** The chain once reached further than it does now: its last events (and their seals) are gone. */
  | 'truncated'
  /** The chain's hash at an anchored event differs from the anchored one: history before it was rewritten. */
  | 'anchor_mismatch'

export interface ChainBreak {
  kind: BreakKind
  eventId: number
  /** For reordered: the event whose sealed content this row holds. For truncated: the last event the chain reached. */
  otherEventId?: number
  expected?: string
  found?: string
}

export interface Anchor extends ChainHead {
  source: string
}

export interface VerifyReport {
  status: 'intact' | 'broken'
  /** Sealed events whose content and link were checked. */
  checkedEvents: number
  /** The first and last event checked (null when the chain is empty). */
  fromEventId: number | null
  throughEventId: number | null
  head: ChainHead | null
  /** Events written after the head, waiting for the sealer (normal for a few seconds). */
  pendingEvents: number
  firstBreak: ChainBreak | null
  /** Every break found, in event order (at most MAX_BREAKS). */
  breaks: ChainBreak[]
  anchors: { checked: number; matched: number }
  /** True when the walk stopped at `limit` before the head. */
  partial: boolean
}

const PAGE = 2000
const MAX_BREAKS = 100

export interface VerifyOptions {
  /** Start after this event, trusting its seal as the link (the scheduled check's rolling window). */
  afterEventId?: number
  /** Stop after this many events. */
  limit?: number
  /** Heads anchored outside the database (`--anchor id:hash`), checked with those recorded inside. */
  anchors?: Anchor[]
}

export async function verifyChain(db: Kysely<Database>, options: VerifyOptions = {}): Promise<VerifyReport> {
  const recorded = await db
    .selectFrom('audit_anchors')
    .select(['event_id as eventId', 'chain_hash as chainHash', 'target as source'])
    .execute()
  const anchors = [...(options.anchors ?? []), ...recorded]
  const anchorIds = new Set(anchors.map((a) => a.eventId))
  const sealedAt = new Map<number, string>()
  const breaks: ChainBreak[] = []
  const found = (b: ChainBreak) => {
    if (breaks.length < MAX_BREAKS) breaks.push(b)
  }

  const start = options.afterEventId ?? 0
  let previous: { eventId: number | null; chainHash: string } = { eventId: null, chainHash: GENESIS_HASH }
  if (start > 0) {
    const before = await sealBefore(db, start + 1)
    if (before) previous = { eventId: before.eventId, chainHash: before.chainHash }
  }
  let cursor = start
  let checked = 0
  let fromEventId: number | null = null
  let lastId: number | null = null
  let head: ChainHead | null = previous.eventId === null ? null : (previous as ChainHead)
  let partial = false
  const limit = options.limit ?? Number.POSITIVE_INFINITY
  /** Rows without a seal seen since the last seal. */
  const unsealed: number[] = []

  for (;;) {
    const [seals, events] = await Promise.all([
      sealsAfter(db, cursor, PAGE),
      canonicalEvents(db, { afterId: cursor, limit: PAGE }),
    ])
    if (seals.length === 0 && events.length === 0) break
    const end = Math.min(
      seals.length === PAGE ? seals.at(-1)!.eventId : Number.POSITIVE_INFINITY,
      events.length === PAGE ? events.at(-1)!.id : Number.POSITIVE_INFINITY,
    )
    const sealById = new Map(seals.map((s) => [s.eventId, s]))
    const sealByContent = new Map(seals.map((s) => [s.contentHash, s.eventId]))
    const eventById = new Map(events.map((e) => [e.id, e]))
    const ids = [...new Set([...seals.map((s) => s.eventId), ...events.map((e) => e.id)])]
      .filter((id) => id <= end)
      .sort((a, b) => a - b)

    for (const id of ids) {
      const seal = sealById.get(id)
      const event = eventById.get(id)
      if (!seal) {
        // an unsealed row after every seal is waiting for the sealer; decided once the walk ends
        if (event) unsealed.push(id)
        continue
      }
      // a row without a seal followed by a sealed one: it was slipped into the sealed part
      for (const inserted of unsealed.splice(0)) found({ kind: 'inserted_event', eventId: inserted })
      checkLink(seal, previous, found)
      if (!event) found({ kind: 'missing_event', eventId: id })
      else checkContent(event, seal, sealByContent, found)
      if (anchorIds.has(id)) sealedAt.set(id, seal.chainHash)
      previous = { eventId: seal.eventId, chainHash: seal.chainHash }
      head = { eventId: seal.eventId, chainHash: seal.chainHash }
      fromEventId ??= id
      lastId = id
      checked++
      if (checked >= limit) {
        partial = true
        break
      }
    }
    if (partial || end === Number.POSITIVE_INFINITY) break
    cursor = end
  }

  // events that no seal follows: waiting for the sealer, or — below what the chain once reached — a break
  const state = await readChainState(db)
  const pendingEvents = partial ? 0 : unsealed.filter((id) => id > state.sealedThrough).length
  if (!partial) {
    for (const id of unsealed) if (id <= state.sealedThrough) found({ kind: 'inserted_event', eventId: id })
    const reached = head?.eventId ?? 0
    if (state.sealedThrough > reached)
      found({ kind: 'truncated', eventId: reached + 1, otherEventId: state.sealedThrough })
    // seals past the sealer's own mark were not made by it
    const [foreign] = await sealsAfter(db, state.sealedThrough, 1)
    if (foreign) found({ kind: 'inserted_event', eventId: foreign.eventId })
  }

  let matched = 0
  let anchorsChecked = 0
  for (const anchor of anchors) {
    if (anchor.eventId <= start || (partial && anchor.eventId > (lastId ?? 0))) continue
    anchorsChecked++
    const sealed = sealedAt.get(anchor.eventId)
    if (sealed === anchor.chainHash) matched++
    else if (sealed === undefined && anchor.eventId > (head?.eventId ?? 0))
      found({ kind: 'truncated', eventId: (head?.eventId ?? 0) + 1, otherEventId: anchor.eventId })
    else
      found({
        kind: 'anchor_mismatch',
        eventId: anchor.eventId,
        expected: anchor.chainHash,
        ...(sealed ? { found: sealed } : {}),
      })
  }

  breaks.sort((a, b) => a.eventId - b.eventId)
  const unique = breaks.filter(
    (b, i) => i === 0 || b.kind !== breaks[i - 1]!.kind || b.eventId !== breaks[i - 1]!.eventId,
  )
  return {
    status: unique.length ? 'broken' : 'intact',
    checkedEvents: checked,
    fromEventId,
    throughEventId: lastId,
    head,
    pendingEvents,
    firstBreak: unique[0] ?? null,
    breaks: unique,
    anchors: { checked: anchorsChecked, matched },
    partial,
  }
}

/** A seal must link to the seal before it, and its chain hash must recompute. */
function checkLink(
  seal: SealRow,
  previous: { eventId: number | null; chainHash: string },
  found: (b: ChainBreak) => void,
): void {
  if (seal.prevEventId !== previous.eventId) {
    if (seal.prevEventId !== null && (previous.eventId === null || seal.prevEventId > previous.eventId)) {
      // the seal was made after an event that is no longer in the chain: row and seal were removed
      found({ kind: 'missing_event', eventId: seal.prevEventId })
    } else {
      // the previous seal is one the chain never went through: it was slipped in
      found({ kind: 'inserted_event', eventId: previous.eventId ?? seal.eventId })
    }
    return
  }
  const expected = chainHash(previous.chainHash, seal.eventId, seal.contentHash)
  if (expected !== seal.chainHash)
    found({ kind: 'seal_altered', eventId: seal.eventId, expected, found: seal.chainHash })
}

function checkContent(
  event: CanonicalEventRow,
  seal: SealRow,
  sealByContent: Map<string, number>,
  found: (b: ChainBreak) => void,
): void {
  const actual = contentHash(event)
  if (actual === seal.contentHash) return
  const elsewhere = sealByContent.get(actual)
  if (elsewhere !== undefined && elsewhere !== event.id)
    found({ kind: 'reordered', eventId: event.id, otherEventId: elsewhere })
  else found({ kind: 'content_changed', eventId: event.id, expected: seal.contentHash, found: actual })
}
