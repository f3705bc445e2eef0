import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { sql } from 'kysely'
import { create } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/platform/db/database.ts'
import { unpackTar } from '../../src/platform/db/tar-unpack.ts'

/** A gzipped tar of `entries` (made under a directory of its own with node-tar), written to a file. */
function tarGz(base: string, name: string, entries: string[], build: (src: string) => void): string {
  const src = join(base, `${name}-src`, 'inner')
  mkdirSync(src, { recursive: true })
  build(src)
  const file = join(base, `${name}.tar.gz`)
  create({ sync: true, gzip: true, file, cwd: src, preservePaths: true }, entries)
  return file
}

// A first start makes its PGlite data directory by unpacking the template built at install
// (docs/scaling.md, "Fast start"), without running PostgreSQL; these are PGlite's own files, so
// the suite has no PostgreSQL side.
describe('a new PGlite data directory unpacked from a template dump', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tramite-unpack-test-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("when PGlite's own dump is unpacked, then PGlite opens the directory with the dumped rows", async () => {
    const source = await openDatabase({ kind: 'pglite', dir: 'memory://' })
    let dump: Buffer
    try {
      await sql`create table kept (id int primary key, note text)`.execute(source.db)
      await sql`insert into kept values (1, 'from the template')`.execute(source.db)
      dump = Buffer.from(await (await source.pglite!.dumpDataDir('gzip')).arrayBuffer())
    } finally {
      await source.close()
    }
    const template = join(dir, 'template.tar.gz')
    writeFileSync(template, dump)
    const target = join(dir, 'data', 'pglite')
    mkdirSync(target, { recursive: true }) // an empty directory is replaced
    const opened = await openDatabase({ kind: 'pglite', dir: target }, { pgliteTemplateFile: template })
    try {
      const rows = await sql<{ note: string }>`select note from kept`.execute(opened.db)
      expect(rows.rows).toEqual([{ note: 'from the template' }])
    } finally {
      await opened.close()
    }
    expect(readdirSync(join(dir, 'data'))).toEqual(['pglite']) // nothing left beside it
  }, 60_000)

  it('when the dump holds files and directories, then they are written with their modes', () => {
    const target = join(dir, 'plain')
    const file = tarGz(dir, 'plain', ['base', 'PG_VERSION'], (src) => {
      mkdirSync(join(src, 'base'), { mode: 0o750 })
      writeFileSync(join(src, 'base', '1'), 'x'.repeat(700), { mode: 0o600 })
      writeFileSync(join(src, 'PG_VERSION'), '17\n', { mode: 0o600 })
    })
    unpackTar(file, target)
    expect(readdirSync(target).sort()).toEqual(['PG_VERSION', 'base'])
    expect(readFileSync(join(target, 'base', '1'), 'utf8')).toBe('x'.repeat(700))
    expect(statSync(join(target, 'base', '1')).mode & 0o777).toBe(0o600)
  })

  it('when the dump is a plain tar with pages of zeros, then every byte reads back as it was', () => {
    const target = join(dir, 'sparse')
    // a page of data, two pages of zeros (a hole), a page of data, then a zero tail shorter than a page
    const content = Buffer.concat([
      Buffer.alloc(8192, 7),
      Buffer.alloc(16384),
      Buffer.alloc(8192, 9),
      Buffer.alloc(1000),
    ])
    const src = join(dir, 'sparse-src')
    mkdirSync(join(src, 'base'), { recursive: true })
    writeFileSync(join(src, 'base', 'rel'), content, { mode: 0o600 })
    writeFileSync(join(src, 'zeros'), Buffer.alloc(8192 * 3), { mode: 0o600 })
    const file = join(dir, 'sparse.tar')
    create({ sync: true, file, cwd: src }, ['base', 'zeros'])
    unpackTar(file, target)
    expect(readFileSync(join(target, 'base', 'rel')).equals(content)).toBe(true)
    expect(readFileSync(join(target, 'zeros')).equals(Buffer.alloc(8192 * 3))).toBe(true)
  })

  it('when an entry would leave the directory, is a link, or the dump is not a tar, then unpacking refuses it', () => {
    const escaping = tarGz(dir, 'escaping', ['../escaped'], (src) => {
      writeFileSync(join(src, '..', 'escaped'), 'no')
    })
    expect(() => unpackTar(escaping, join(dir, 'a', 'deep'))).toThrow(/\.\./)
    expect(existsSync(join(dir, 'a', 'escaped'))).toBe(false)
    const linked = tarGz(dir, 'linked', ['link'], (src) => symlinkSync('/etc/passwd', join(src, 'link')))
    expect(() => unpackTar(linked, join(dir, 'b'))).toThrow(/unsupported entry link/)
    expect(existsSync(join(dir, 'b', 'link'))).toBe(false)
    const garbage = join(dir, 'garbage.tar.gz')
    writeFileSync(garbage, gzipSync(Buffer.alloc(512, 1)))
    expect(() => unpackTar(garbage, join(dir, 'c'))).toThrow()
    const plain = readFileSync(
      tarGz(dir, 'plain-one', ['one'], (src) => writeFileSync(join(src, 'one'), 'x')),
    )
    const cut = join(dir, 'cut.tar')
    writeFileSync(cut, gunzipSync(plain).subarray(0, 512)) // a header without its file
    expect(() => unpackTar(cut, join(dir, 'd'))).toThrow(/truncated/)
  })

  it('when the template cannot be unpacked, then the directory is still made (by initdb) and nothing half-made stays', async () => {
    const broken = join(dir, 'broken.tar.gz')
    writeFileSync(broken, 'not a dump')
    const target = join(dir, 'fallback', 'pglite')
    const opened = await openDatabase({ kind: 'pglite', dir: target }, { pgliteTemplateFile: broken })
    try {
      const one = await sql<{ one: number }>`select 1 as one`.execute(opened.db)
      expect(one.rows).toEqual([{ one: 1 }])
    } finally {
      await opened.close()
    }
    expect(readdirSync(join(dir, 'fallback'))).toEqual(['pglite'])
  }, 120_000)
})
