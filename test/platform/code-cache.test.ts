import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { WASM_TIERING_BUDGET } from '../../src/platform/wasm-tiering.ts'

// The V8 code cache of dist/tramite.cjs (scripts/server-run.mjs): written once by a start, then
// used by the next ones. The server changes a V8 flag once it runs (limitHeapGrowth), and V8
// refuses a cache made under other flags than the reader's: every start compiled the bundle again.
const RUN = fileURLToPath(new URL('../../scripts/server-run.mjs', import.meta.url))
const HEAP = fileURLToPath(new URL('../../src/platform/heap-growth.ts', import.meta.url))
const TIERING = fileURLToPath(new URL('../../src/platform/wasm-tiering.ts', import.meta.url))

/** A stand-in bundle that, like the server, sets the heap growing factor as it starts. */
const bundle = (exportFlags: boolean) => `
const heap = globalThis.__heap
heap.limitHeapGrowth(30)
function work(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s }
exports.value = work(1000)
${exportFlags ? 'exports.codeCacheFlags = heap.withStartFlags' : ''}
exports.ready = Promise.resolve()
`

/** Runs the bundle as bin/tramite.js does: a cache missing or refused is written anew (a new file, renamed into place). */
function start(file: string, then = ''): string {
  const code = `globalThis.__heap = await import(${JSON.stringify(HEAP)})
const { runBundle } = await import(${JSON.stringify(RUN)})
const exported = runBundle(${JSON.stringify(file)}, { writeCache: true })
${then}`
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    encoding: 'utf8',
  })
  expect(child.status, child.stderr).toBe(0)
  return child.stdout
}

describe('the code cache of the server bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tramite-code-cache-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('when a start that changed the heap growing factor wrote the cache, then the next start uses it and writes none', () => {
    const file = join(dir, 'bundle.cjs')
    writeFileSync(file, bundle(true))
    start(file)
    const written = statSync(`${file}.v8cache`).ino
    start(file)
    expect(statSync(`${file}.v8cache`).ino).toBe(written)
  })

  it('when the cache is written under the changed flag instead, then the next start refuses it and writes it again', () => {
    const file = join(dir, 'unflagged.cjs')
    writeFileSync(file, bundle(false))
    start(file)
    const written = statSync(`${file}.v8cache`).ino
    start(file)
    expect(statSync(`${file}.v8cache`).ino).not.toBe(written)
  })

  it("when a start raised PGlite's WebAssembly tiering budget, then once it listens the flags are V8's own again: the code cache it makes is the one the next start reads", () => {
    expect(spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout).toContain(
      `default: --wasm-tiering-budget=${WASM_TIERING_BUDGET}`,
    )
    // V8's tag of a code cache hashes the flags changed from their defaults
    const code = `const v8 = await import('node:v8')
const tiering = await import(${JSON.stringify(TIERING)})
const before = v8.cachedDataVersionTag()
tiering.restoreWasmTieringBudget()
const untouched = v8.cachedDataVersionTag()
tiering.raiseWasmTieringBudget()
const raised = v8.cachedDataVersionTag()
tiering.restoreWasmTieringBudget()
console.log(JSON.stringify({ before, untouched, raised, restored: v8.cachedDataVersionTag() }))`
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      encoding: 'utf8',
    })
    expect(child.status, child.stderr).toBe(0)
    const tags = JSON.parse(child.stdout) as Record<string, number>
    expect(tags.untouched).toBe(tags.before)
    expect(tags.raised).not.toBe(tags.before)
    expect(tags.restored).toBe(tags.before)
  })

  it('when a bundle is ASCII it is read as Latin-1, and one that is not as UTF-8: the same strings either way', () => {
    const ascii = join(dir, 'ascii.cjs')
    writeFileSync(
      ascii,
      `${bundle(true)}\n// a comment \\u2014 escaped\nexports.text = 'caff\\u00e8 \\u2014 \\ud83d\\ude00'\n`,
    )
    const utf8 = join(dir, 'utf8.cjs')
    writeFileSync(
      utf8,
      `${bundle(true)}\n// a comment \u2014 kept\nexports.text = 'caff\u00e8 \u2014 \ud83d\ude00'\n`,
    )
    for (const file of [ascii, utf8])
      expect(start(file, 'console.log(JSON.stringify(exported.text))').trim()).toBe(
        JSON.stringify('caff\u00e8 \u2014 \ud83d\ude00'),
      )
  })
})
