import { setFlagsFromString } from 'node:v8'

/**
 * PGlite's WebAssembly during a start on an existing data directory. V8 runs PostgreSQL's functions
 * in its baseline code and recompiles each one that has run past a budget with its optimizing
 * compiler (TurboFan) on background threads: opening the database and the start's first queries
 * made that ~1 s of CPU, as much as the main thread's whole start, on a 2-core machine
 * (docs/scaling.md, "Fast start"). Such a start opens PGlite with 100× the budget, and V8's own is
 * back once the server listens: what stays hot is optimized then. (A new directory keeps V8's
 * budget: its demo world is hundreds of statements that TurboFan's code runs faster.)
 *
 * V8 sets each function's first budget as the module is instantiated; later ones are read from the
 * flag. The flag is V8's own again before the code cache is made, as it was when the cache was read.
 */
/** V8's default --wasm-tiering-budget (Node 20: `node --v8-options`). */
export const WASM_TIERING_BUDGET = 1_800_000
export const START_WASM_TIERING_BUDGET = 100 * WASM_TIERING_BUDGET

let raised = false

export function raiseWasmTieringBudget(): void {
  setFlagsFromString(`--wasm-tiering-budget=${START_WASM_TIERING_BUDGET}`)
  raised = true
}

/** V8's own budget again (a no-op when this process did not raise it). */
export function restoreWasmTieringBudget(): void {
  if (!raised) return
  setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`)
  raised = false
}
