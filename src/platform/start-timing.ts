/**
 * Where a start goes (TRAMITE_START_TIMING=true): each phase's end, in ms since the process
 * started, written to stderr. Off by default; a mark then costs one comparison.
 */
let write: ((line: string) => void) | null = null
let last = 0

export function enableStartTiming(print: (line: string) => void): void {
  write = print
  last = performance.now()
  print(`start: ${last.toFixed(0)} ms  code loaded, configuration read`)
}

/** Marks the end of a start phase. */
export function startPhase(name: string): void {
  if (!write) return
  const now = performance.now()
  write(`start: ${now.toFixed(0)} ms  ${name} (+${(now - last).toFixed(0)} ms)`)
  last = now
}
