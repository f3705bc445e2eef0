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
import vm from 'node:vm'

/**
 * Runs the CommonJS bundle `file` as Node would (same wrapper and require), offering V8 the cache
 * at `${file}.v8cache`. With `writeCache`, a cache that was missing or refused is written once the
 * promise the bundle exports as `ready` resolves (the command has done its work: a server listens).
 */
export function runBundle(file, { writeCache }) {
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
  if (writeCache && (!cachedData || script.cachedDataRejected)) {
    Promise.resolve(module.exports.ready).then(
      () => saveCache(cacheFile, key, script, module.exports.codeCacheFlags),
      () => undefined,
    )
  }
  return module.exports
}

/**
 * `withFlags` (the bundle's `codeCacheFlags`) makes the cache under the V8 flags a start has when
 * it reads it: the server changes one once it runs (HEAP_GROWING_PERCENT), and V8 refuses a cache
 * made under other flags.
 */
function saveCache(cacheFile, key, script, withFlags = (fn) => fn()) {
  const partial = `${cacheFile}.${process.pid}`
  try {
    writeFileSync(partial, Buffer.concat([key, withFlags(() => script.createCachedData())]))
    renameSync(partial, cacheFile)
  } catch {
    // a read-only installation: every start compiles, as without a cache
    rmSync(partial, { force: true })
  }
}
