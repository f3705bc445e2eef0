// Runs the server's bundle, dist/tramite.cjs, with a V8 code cache beside it.
//
// Node 20 keeps no compiled code between runs (module.enableCompileCache came with Node 22), so a
// start compiled the bundle's top level and then, lazily, every function the start called. Here the
// bundle is compiled through vm.Script, which takes V8's cached data: the first `serve` that finds
// no usable cache writes one once it is up, holding the bytecode of everything compiled by then
// (the whole start), and later runs skip compiling it. V8 refuses a cache made by another V8 or with
// other flags (then it is written again); a cache made for another build is never offered, since
// its key names the bundle's size and time and this Node.
import { isAscii } from 'node:buffer'
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import vm from 'node:vm'

/**
 * PGlite's WebAssembly during a start: V8 runs PostgreSQL's functions in its baseline code and
 * recompiles each one that ran past a budget with its optimizing compiler (TurboFan) on other
 * threads. Opening the database and the first queries made that ~1 s of CPU per start, as much as
 * the main thread's whole start, on a 2-core machine (docs/benchmarks.md). A start runs with 100×
 * the budget; once the command is done (the server listens) V8's own budget is back, and what stays
 * hot is optimized then, a little later than before.
 */
export const START_WASM_TIERING_BUDGET = 180_000_000
/** V8's default --wasm-tiering-budget (Node 20: `node --v8-options`). */
export const WASM_TIERING_BUDGET = 1_800_000

/**
 * Runs the CommonJS bundle `file` as Node would (same wrapper and require), offering V8 the cache
 * at `${file}.v8cache`. With `writeCache`, a cache that was missing or refused is written once the
 * promise the bundle exports as `ready` resolves (the command has done its work: a server listens).
 */
export function runBundle(file, { writeCache }) {
  // before the bundle is compiled: a code cache is made and read under the same flags (saveCache)
  setFlagsFromString(`--wasm-tiering-budget=${START_WASM_TIERING_BUDGET}`)
  const cacheFile = `${file}.v8cache`
  // The build writes ASCII only (scripts/build-server.mjs): read as Latin-1, it is a one-byte string
  // made without decoding UTF-8 (the ~7 MB bundle read as UTF-8 with a few non-ASCII characters in
  // comments was a two-byte string of twice the size: 100–200 ms of a start on this machine)
  const bytes = readFileSync(file)
  const source = isAscii(bytes) ? bytes.latin1Slice() : bytes.toString('utf8')
  const built = statSync(file)
  const key = Buffer.from(`${process.version} ${process.arch} ${built.size} ${built.mtimeMs}\n`)
  let cachedData
  try {
    const cached = readFileSync(cacheFile)
    if (cached.subarray(0, key.length).equals(key)) cachedData = cached.subarray(key.length)
  } catch {
    // no cache yet
  }
  // (the bundle holds no import(): the build turns it into require(), scripts/server-build.mjs)
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  })
  const module = { exports: {}, filename: file, id: '.', loaded: false }
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(file), module, file, dirname(file))
  module.loaded = true
  const saving = writeCache && (!cachedData || script.cachedDataRejected)
  Promise.resolve(module.exports.ready).then(
    () => {
      setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`)
      if (saving) saveCache(cacheFile, key, script, module.exports.codeCacheFlags)
    },
    () => undefined,
  )
  return module.exports
}

/**
 * `withFlags` (the bundle's `codeCacheFlags`) makes the cache under the V8 flags a start has when
 * it reads it: the server changes one once it runs (HEAP_GROWING_PERCENT), the tiering budget is
 * V8's own again by then, and V8 refuses a cache made under other flags.
 */
function saveCache(cacheFile, key, script, withFlags = (fn) => fn()) {
  const partial = `${cacheFile}.${process.pid}`
  setFlagsFromString(`--wasm-tiering-budget=${START_WASM_TIERING_BUDGET}`)
  try {
    writeFileSync(partial, Buffer.concat([key, withFlags(() => script.createCachedData())]))
    renameSync(partial, cacheFile)
  } catch {
    // a read-only installation: every start compiles, as without a cache
    rmSync(partial, { force: true })
  } finally {
    setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`)
  }
}
