import { setFlagsFromString } from 'node:v8'

/** The factor this process set, 0 while it has set none. */
let applied = 0

/**
 * Bounds how far V8 lets the JS heap grow between full garbage collections (HEAP_GROWING_PERCENT).
 *
 * Under a steady load the server keeps ~60 MB of live objects, but objects of requests queued
 * behind PGlite's single connection likely live long enough to be promoted to the old generation,
 * and V8 (on a machine with a few GB free) lets that generation grow to up to 4× what the last full
 * collection kept before collecting again: the resident set swung by 100–150 MB of garbage
 * (docs/benchmarks.md, "Memory under load"). V8 reads the factor at each full collection, so it
 * can be set once the process runs; 0 leaves V8's own, dynamic factor.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) {
    applied = Math.round(percent)
    setFlagsFromString(`--heap-growing-percent=${applied}`)
  }
}

/**
 * Runs `fn` with V8's flags as a process starts them. V8 stamps a code cache with a hash of the
 * flags changed from their defaults and refuses it under any other: a cache written after
 * limitHeapGrowth was refused by every next start, which then compiled the whole bundle and wrote
 * the cache again (scripts/server-run.mjs). The factor is V8's default (0) for the call only.
 */
export function withStartFlags<T>(fn: () => T): T {
  if (!applied) return fn()
  setFlagsFromString('--heap-growing-percent=0')
  try {
    return fn()
  } finally {
    setFlagsFromString(`--heap-growing-percent=${applied}`)
  }
}
