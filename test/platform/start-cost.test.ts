import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalogFingerprint, ensureCatalog } from '../../src/catalog/catalog.ts'
import { migrateToLatest } from '../../src/platform/db/migrate.ts'
import { migrations } from '../../src/platform/db/migrations/index.ts'
import { templateFor } from '../../src/platform/db/pglite-template.ts'
import { lazyCompilations } from '../../src/platform/http/lazy-schemas.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

// What a start no longer does every time (docs/scaling.md, "Fast start"), and that each skipped
// step still happens when it is needed.
describe.each(dialects())('start costs (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(() => t?.close())

  it("when the app is built, then a route's validator is compiled at its first request only, and still refuses bad input in the caller's language", async () => {
    const before = lazyCompilations.validators
    const italian = await t.request('POST', '/api/session', {
      body: { email: 42 },
      headers: { 'accept-language': 'it' },
    })
    expect(italian.status).toBe(400)
    expect(italian.json().error.code).toBe('validation_failed')
    expect(italian.json().error.message).toMatch(/^La richiesta non è valida/)
    const compiled = lazyCompilations.validators
    expect(compiled).toBeGreaterThan(before)
    const english = await t.request('POST', '/api/session', { body: { email: 42 } })
    expect(english.status).toBe(400)
    expect(english.json().error.details[0].location).toMatch(/^body/)
    expect(lazyCompilations.validators).toBe(compiled)
  })

  it("when a route answers, then its response serializer is compiled once and keeps the schema's shape", async () => {
    const token = await t.tokenFor('anna@fabrikam.example')
    const first = await t.request('GET', '/api/customers', { token })
    expect(first.status).toBe(200)
    const compiled = lazyCompilations.serializers
    const second = await t.request('GET', '/api/customers', { token })
    expect(second.json()).toEqual(first.json())
    expect(lazyCompilations.serializers).toBe(compiled)
  })

  it('when every migration is recorded, then none runs; a recorded migration this code does not know is still refused', async () => {
    expect(await migrateToLatest(t.db.db)).toEqual([])
    await sql`insert into schema_migrations (name, timestamp) values ('9999_unknown', ${new Date().toISOString()})`.execute(
      t.db.db,
    )
    try {
      await expect(migrateToLatest(t.db.db)).rejects.toThrow(/9999_unknown/)
    } finally {
      await sql`delete from schema_migrations where name = '9999_unknown'`.execute(t.db.db)
    }
    expect(await migrateToLatest(t.db.db)).toEqual([])
  })

  it("when the code's catalog is the one last written, then a start leaves the rows alone; when it changed, they are written again", async () => {
    const azureName = async () =>
      (
        await t.db.db
          .selectFrom('workloads')
          .select('name_en')
          .where('id', '=', 'azure')
          .executeTakeFirstOrThrow()
      ).name_en
    await t.db.db
      .updateTable('workloads')
      .set({ name_en: 'Azure (edited)' })
      .where('id', '=', 'azure')
      .execute()
    await ensureCatalog(t.db.db)
    expect(await azureName()).toBe('Azure (edited)')

    await t.db.db
      .updateTable('app_meta')
      .set({ value: JSON.stringify({ sha256: 'an older catalog' }) })
      .where('key', '=', 'catalog')
      .execute()
    await ensureCatalog(t.db.db)
    expect(await azureName()).toBe('Azure')
    const stored = await t.db.db
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', 'catalog')
      .executeTakeFirstOrThrow()
    expect(stored.value).toEqual({ sha256: catalogFingerprint() })
  })
})

describe('the PGlite template of a new data directory', () => {
  let dir: string
  let files: { dump: URL; manifest: URL }
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tramite-template-test-'))
    files = {
      dump: pathToFileURL(join(dir, 'template.tar.gz')),
      manifest: pathToFileURL(join(dir, 'template.json')),
    }
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const manifest = (names: string[]) => writeFileSync(files.manifest, JSON.stringify({ migrations: names }))

  it('when no template was built, then a new directory is made by initdb', () => {
    expect(templateFor(join(dir, 'new'), files)).toBeUndefined()
  })

  it('when the template holds only known migrations, then a new directory starts from it; an existing one never does', () => {
    writeFileSync(files.dump, 'a dump')
    manifest(Object.keys(migrations))
    expect(templateFor(join(dir, 'new'), files)).toBe(join(dir, 'template.tar.gz'))
    const existing = join(dir, 'existing')
    mkdirSync(existing)
    writeFileSync(join(existing, 'PG_VERSION'), '17')
    expect(templateFor(existing, files)).toBeUndefined()
    expect(templateFor('memory://', files)).toBeUndefined()
  })

  it('when the template holds a migration this code does not know, then it is not used', () => {
    writeFileSync(files.dump, 'a dump')
    manifest([...Object.keys(migrations), '9999_from_another_branch'])
    expect(templateFor(join(dir, 'new'), files)).toBeUndefined()
  })
})
