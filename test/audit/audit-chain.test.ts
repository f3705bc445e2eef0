import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext } from '../../src/app.ts'
import { recordAudit } from '../../src/audit/audit.data.ts'
import { chainHash, contentHash, GENESIS_HASH } from '../../src/audit/audit-canonical.ts'
import { canonicalEvents } from '../../src/audit/audit-chain.data.ts'
import { sealAuditEvents } from '../../src/audit/audit-seal.ts'
import { verifyChain } from '../../src/audit/audit-verify.ts'
import { openDatabase } from '../../src/platform/db/database.ts'
import { eventIds, writeAuditEvents } from '../support/audit.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { fileRequest } from '../support/requests.ts'

describe.each(dialects())('audit chain (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(() => t?.close())

  it('when events are written and the sealer runs, then every event gets a seal chained in id order and verify finds the chain intact', async () => {
    await writeAuditEvents(t.ctx.db, 25)
    const report = (await t.runTask('audit-seal')) as { sealed: number }
    expect(report.sealed).toBeGreaterThanOrEqual(25)

    const ids = await eventIds(t.ctx.db)
    const seals = await t.ctx.db.selectFrom('audit_seals').selectAll().orderBy('event_id').execute()
    expect(seals.map((s) => s.event_id)).toEqual(ids)
    // recompute the chain from the rows, independently of the verifier
    const rows = await canonicalEvents(t.ctx.db, { afterId: 0, limit: 10_000 })
    let previous = GENESIS_HASH
    rows.forEach((row, i) => {
      expect(seals[i]!.content_hash).toBe(contentHash(row))
      expect(seals[i]!.prev_event_id).toBe(i === 0 ? null : rows[i - 1]!.id)
      previous = chainHash(previous, row.id, seals[i]!.content_hash)
      expect(seals[i]!.chain_hash).toBe(previous)
    })
    const verified = await verifyChain(t.ctx.db)
    expect(verified).toMatchObject({
      status: 'intact',
      checkedEvents: ids.length,
      pendingEvents: 0,
      breaks: [],
    })
    expect(verified.head).toEqual({ eventId: ids.at(-1), chainHash: previous })
  })

  it('when the sealer runs again with nothing new, then it seals nothing and the head stays', async () => {
    const before = await verifyChain(t.ctx.db)
    expect(((await t.runTask('audit-seal')) as { sealed: number }).sealed).toBe(0)
    expect((await verifyChain(t.ctx.db)).head).toEqual(before.head)
  })

  it('when a request is filed, then its audit event is written unsealed in the filing and sealed by the next run', async () => {
    await fileRequest(t, await t.tokenFor('anna@fabrikam.example'))
    const pending = await verifyChain(t.ctx.db)
    expect(pending.status).toBe('intact')
    expect(pending.pendingEvents).toBeGreaterThanOrEqual(1)
    await t.runTask('audit-seal')
    expect(await verifyChain(t.ctx.db)).toMatchObject({ status: 'intact', pendingEvents: 0 })
  })

  it('when more events wait than one batch holds, then one run seals them all, batch after batch', async () => {
    await sql`insert into audit_events (actor_email, tenant_id, action, result, details)
      select 'bulk@example.test', ${tenantIdOf('rossi.example')}::uuid, 'test.bulk', 'done', jsonb_build_object('i', g)
      from generate_series(1, 2500) g`.execute(t.ctx.db)
    const report = (await t.runTask('audit-seal')) as { sealed: number }
    expect(report.sealed).toBe(2500)
    expect(await verifyChain(t.ctx.db)).toMatchObject({ status: 'intact', pendingEvents: 0 })
  })

  it('when an event carries an application id, then the canonical content covers it (changing it changes the hash)', async () => {
    await recordAudit(t.ctx.db, {
      actorUserId: null,
      actorEmail: 'app@example.test',
      actorTenantId: null,
      tenantId: null,
      applicationId: '7f2c1b1e-9a4e-4d52-8f0e-0c9b6c1d2e3f',
      action: 'test.app',
      result: 'done',
    })
    const [row] = await canonicalEvents(t.ctx.db, { afterId: (await eventIds(t.ctx.db)).at(-2)!, limit: 1 })
    expect(row!.applicationId).toBe('7f2c1b1e-9a4e-4d52-8f0e-0c9b6c1d2e3f')
    expect(contentHash({ ...row!, applicationId: null })).not.toBe(contentHash(row!))
  })

  it('when the scheduled check runs on an intact chain, then the gauge reads 1 and nobody is notified', async () => {
    await t.runTask('audit-seal')
    t.clock.offsetMs += 3_600_000
    expect(await t.runTask('audit-check')).toMatchObject({ status: 'intact' })
    const metrics = await t.ctx.metrics.metrics()
    expect(metrics).toMatch(/^tramite_audit_chain_intact 1$/m)
    expect(metrics).toMatch(/^tramite_audit_unsealed_events 0$/m)
    const notices = await t.ctx.db
      .selectFrom('notifications')
      .select('id')
      .where('kind', '=', 'audit.chain_broken')
      .execute()
    expect(notices).toEqual([])
  })

  it('when the scheduled check ran less than its interval ago, then another instance does not run it again', async () => {
    t.clock.offsetMs += 3_600_000
    expect(await t.runTask('audit-check')).toMatchObject({ status: 'intact' })
    expect(await t.runTask('audit-check')).toEqual({ skipped: true })
  })
})

describe.each(dialects().filter((d) => d === 'postgres'))('audit chain under concurrency (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(() => t?.close())

  it('when a transaction that drew an earlier id is still open, then the sealer waits for it instead of sealing past it, and seals both once it commits', async () => {
    await t.runTask('audit-seal')
    const other = await openDatabase({ kind: 'postgres', url: t.db.url! }, { poolMax: 1 })
    try {
      let release!: () => void
      const held = new Promise<void>((resolve) => (release = resolve))
      let drawn!: () => void
      const drewId = new Promise<void>((resolve) => (drawn = resolve))
      let slowId = 0
      const slow = other.db.transaction().execute(async (trx) => {
        await writeAuditEvents(trx, 1)
        slowId = (await eventIds(trx)).at(-1)!
        drawn()
        await held
      })
      await drewId
      await writeAuditEvents(t.ctx.db, 1) // a later id, committed first
      const laterId = (await eventIds(t.ctx.db)).at(-1)!
      expect(laterId).toBeGreaterThan(slowId)

      const first = await sealAuditEvents(t.ctx)
      expect(first).toMatchObject({ sealed: 0, waiting: 'open_transactions' })
      release()
      await slow
      const second = await sealAuditEvents(t.ctx)
      expect(second.sealed).toBe(2)
      const verified = await verifyChain(t.ctx.db)
      expect(verified).toMatchObject({ status: 'intact', pendingEvents: 0, breaks: [] })
    } finally {
      await other.close()
    }
  })

  it('when writers commit out of order while two instances seal at the same time, then no event is skipped or sealed twice', async () => {
    const instances = await Promise.all(
      [0, 1].map(async () => {
        const handle = await openDatabase({ kind: 'postgres', url: t.db.url! }, { poolMax: 4 })
        return { handle, ctx: createContext(t.config, handle) }
      }),
    )
    try {
      let writing = true
      const writers = Array.from({ length: 6 }, async (_, w) => {
        for (let i = 0; i < 15; i++) {
          await instances[w % 2]!.handle.db.transaction().execute(async (trx) => {
            await writeAuditEvents(trx, 2)
            // hold the transaction a little, so later ids commit before earlier ones
            await new Promise((resolve) => setTimeout(resolve, (i * 7 + w * 13) % 20))
          })
        }
      })
      const sealers = instances.map(async ({ ctx }) => {
        while (writing) await sealAuditEvents(ctx)
      })
      await Promise.all(writers)
      writing = false
      await Promise.all(sealers)
      // the last horizon may still name transactions that have ended: two more runs finish it
      await sealAuditEvents(instances[0]!.ctx)
      await sealAuditEvents(instances[1]!.ctx)

      const ids = await eventIds(t.ctx.db)
      const sealed = await t.ctx.db.selectFrom('audit_seals').select('event_id').orderBy('event_id').execute()
      expect(sealed.map((s) => s.event_id)).toEqual(ids)
      expect(await verifyChain(t.ctx.db)).toMatchObject({ status: 'intact', pendingEvents: 0, breaks: [] })
    } finally {
      for (const { ctx, handle } of instances) {
        await ctx.events.close()
        await ctx.authCache.close()
        await handle.close()
      }
    }
  })
})
