import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

// The V8 code cache of dist/tramite.cjs (scripts/server-run.mjs): written once by a start, then
// used by the next ones. The server changes a V8 flag once it runs (limitHeapGrowth), and V8
// refuses a cache made under other flags than the reader's: every start compiled the bundle again.
const RUN = fileURLToPath(new URL('../../scripts/server-run.mjs', import.meta.url))
const HEAP = fileURLToPath(new URL('../../src/platform/heap-growth.ts', import.meta.url))
// @ts-expect-error a plain ES module of the build scripts, without types
const { WASM_TIERING_BUDGET } = (await import('../../scripts/server-run.mjs')) as {
  WASM_TIERING_BUDGET: number
}

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

  it("when the command is done, then V8's own WebAssembly tiering budget is back (a start runs with a larger one)", () => {
    const defaults = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout
    expect(defaults).toContain(`default: --wasm-tiering-budget=${WASM_TIERING_BUDGET}`)
    const file = join(dir, 'budget.cjs')
    // V8's tag of a code cache hashes the flags changed from their defaults
    writeFileSync(file, `${bundle(true)}\nexports.startTag = require('node:v8').cachedDataVersionTag()\n`)
    const tags = start(
      file,
      `await exported.ready
await new Promise((resolve) => setTimeout(resolve, 10))
const v8 = await import('node:v8')
const done = v8.cachedDataVersionTag()
v8.setFlagsFromString('--wasm-tiering-budget=${WASM_TIERING_BUDGET}')
console.log(JSON.stringify({ start: exported.startTag, done, defaults: v8.cachedDataVersionTag() }))`,
    )
    const { start: during, done, defaults: own } = JSON.parse(tags) as Record<string, number>
    expect(done).toBe(own)
    expect(during).not.toBe(own)
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
