// Preloaded into the server by the memory bench (`node --expose-gc --import …/memory-probe.mjs`),
// never by Tramite itself. SIGUSR2 forces a full garbage collection, so the next sample shows what
// is retained rather than garbage not yet collected; SIGPWR writes a heap snapshot into
// MEMORY_PROBE_DIR. Each answers on stdout once done, for the bench to wait on.
import { writeHeapSnapshot } from 'node:v8'
import { join } from 'node:path'

let snapshots = 0
process.on('SIGUSR2', () => {
  globalThis.gc?.()
  process.stdout.write(`memory-probe gc ${globalThis.gc ? 'done' : 'unavailable'}\n`)
})
process.on('SIGPWR', () => {
  const file = writeHeapSnapshot(
    join(process.env.MEMORY_PROBE_DIR ?? '.', `heap-${++snapshots}.heapsnapshot`),
  )
  process.stdout.write(`memory-probe snapshot ${file}\n`)
})
