import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { chainHash, contentHash } from '../../src/audit/audit-canonical.ts'
import { canonicalEvents } from '../../src/audit/audit-chain.data.ts'
import { verifyChain } from '../../src/audit/audit-verify.ts'
import type { Database } from '../../src/platform/db/schema.ts'
import { eventIds, resetAuditLog, withGuardsOff, writeAuditEvents } from '../support/audit.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')

/**
 * The ways issue 14 names to rewrite or erase history behind the application's back, each tried
 * as the database's owner (on PGlite: anyone with the data directory), and what catches it.
 */
describe.each(dialects())('audit log tampering (%s)', (dialect) => {
  let t: TestApp
  let ids: number[]
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(() => t?.close())
  beforeEach(async () => {
    await resetAuditLog(t.ctx.db)
    await writeAuditEvents(t.ctx.db, 10)
    await t.runTask('audit-seal')
    ids = await eventIds(t.ctx.db)
  })

  const db = (): Kysely<Database> => t.ctx.db
  const middle = () => ids[4]!
  const verify = (anchors: { eventId: number; chainHash: string }[] = []) =>
    verifyChain(db(), { anchors: anchors.map((a) => ({ ...a, source: 'test' })) })
  const asAuditor = async () => ({ token: await t.tokenFor('auditor@contoso.example') })
  const integrityOf = async (id: number) => {
    const res = await t.request('GET', `/api/audit?tenant=${ROSSI}&limit=100`, await asAuditor())
    expect(res.status).toBe(200)
    return res.json().items.find((r: { id: number }) => r.id === id)?.integrity as string | undefined
  }

  it('when session_replication_role is replica, then an UPDATE or DELETE of an audit event is still refused (the guards fire ALWAYS)', async () => {
    for (const statement of [
      sql`update audit_events set reason = 'rewritten' where id = ${middle()}`,
      sql`delete from audit_events where id = ${middle()}`,
      sql`update audit_seals set chain_hash = repeat('0', 64) where event_id = ${middle()}`,
    ]) {
      await expect(
        db()
          .transaction()
          .execute(async (trx) => {
            await sql`set local session_replication_role = replica`.execute(trx)
            await statement.execute(trx)
          }),
      ).rejects.toThrow(/append-only/)
    }
    expect(await verify()).toMatchObject({ status: 'intact', checkedEvents: ids.length })
  })

  it('when TRUNCATE is tried on the audit tables, even in replica mode, then the TRUNCATE guard refuses it and nothing is lost', async () => {
    for (const table of ['audit_events', 'audit_seals', 'audit_anchors']) {
      await expect(sql`truncate ${sql.table(table)}`.execute(db())).rejects.toThrow(/append-only/)
      await expect(
        db()
          .transaction()
          .execute(async (trx) => {
            await sql`set local session_replication_role = replica`.execute(trx)
            await sql`truncate ${sql.table(table)}`.execute(trx)
          }),
      ).rejects.toThrow(/append-only/)
    }
    expect(await eventIds(db())).toEqual(ids)
    expect(await verify()).toMatchObject({ status: 'intact' })
  })

  it("when the trigger is disabled and an event's content is edited, then verify names that event (content changed) and the API marks the row altered", async () => {
    await withGuardsOff(db(), async (trx) => {
      await sql`update audit_events set reason = 'nothing happened' where id = ${middle()}`.execute(trx)
    })
    const report = await verify()
    expect(report.status).toBe('broken')
    expect(report.firstBreak).toMatchObject({ kind: 'content_changed', eventId: middle() })
    expect(report.breaks).toHaveLength(1)
    expect(await integrityOf(middle())).toBe('altered')
    expect(await integrityOf(ids[3]!)).toBe('verified')
  })

  it('when a timestamp is moved by one microsecond, then verify names the event (the canonical form keeps microseconds)', async () => {
    await withGuardsOff(db(), async (trx) => {
      await sql`update audit_events set at = at + interval '1 microsecond' where id = ${middle()}`.execute(
        trx,
      )
    })
    expect((await verify()).firstBreak).toMatchObject({ kind: 'content_changed', eventId: middle() })
  })

  it('when an event in the middle is deleted, then verify names it missing', async () => {
    await withGuardsOff(db(), async (trx) => {
      await sql`delete from audit_events where id = ${middle()}`.execute(trx)
    })
    const report = await verify()
    expect(report.firstBreak).toEqual({ kind: 'missing_event', eventId: middle() })
    expect(report.breaks).toHaveLength(1)
  })

  it('when an event and its seal are both deleted, then verify still names the deleted event (the next seal links to it)', async () => {
    await withGuardsOff(db(), async (trx) => {
      await sql`delete from audit_events where id = ${middle()}`.execute(trx)
      await sql`delete from audit_seals where event_id = ${middle()}`.execute(trx)
    })
    expect((await verify()).firstBreak).toEqual({ kind: 'missing_event', eventId: middle() })
    // the API cannot show a row that is gone, and marks the one whose seal lost its link
    expect(await integrityOf(ids[5]!)).toBe('broken_link')
  })

  it('when the guards are disabled and both tables truncated, then verify reports every sealed event missing', async () => {
    await withGuardsOff(db(), async (trx) => {
      await sql`truncate audit_events, audit_seals`.execute(trx)
    })
    const report = await verify()
    expect(report.firstBreak).toEqual({ kind: 'truncated', eventId: 1, otherEventId: ids.at(-1) })
    expect(report.checkedEvents).toBe(0)
  })

  it('when the last events and their seals are deleted, then verify reports the lost tail, and the sealer does not seal over it', async () => {
    await withGuardsOff(db(), async (trx) => {
      await sql`delete from audit_events where id > ${ids[7]!}`.execute(trx)
      await sql`delete from audit_seals where event_id > ${ids[7]!}`.execute(trx)
    })
    expect((await verify()).firstBreak).toEqual({
      kind: 'truncated',
      eventId: ids[7]! + 1,
      otherEventId: ids.at(-1),
    })
    await writeAuditEvents(db(), 1)
    expect(await t.runTask('audit-seal')).toMatchObject({ sealed: 0, waiting: 'tail_missing' })
  })

  it('when two events swap contents, then verify names them reordered', async () => {
    const [a, b] = [ids[4]!, ids[5]!]
    // every column of a takes b's, and the other way round
    await withGuardsOff(db(), async (trx) => {
      await sql`
        with pair as (select * from audit_events where id in (${a}, ${b}))
        update audit_events e set
          at = o.at, actor_user_id = o.actor_user_id, actor_email = o.actor_email,
          actor_tenant_id = o.actor_tenant_id, tenant_id = o.tenant_id, application_id = o.application_id,
          relationship_id = o.relationship_id, role_name = o.role_name, action = o.action,
          target_type = o.target_type, target_id = o.target_id, rule = o.rule, result = o.result,
          reason = o.reason, details = o.details
        from pair o where o.id = case e.id when ${a} then ${b}::bigint else ${a}::bigint end
          and e.id in (${a}, ${b})`.execute(trx)
    })
    const report = await verify()
    expect(report.breaks.slice(0, 2)).toEqual([
      { kind: 'reordered', eventId: a, otherEventId: b },
      { kind: 'reordered', eventId: b, otherEventId: a },
    ])
  })

  it('when a forged row is slipped into the sealed history (an id a rolled-back transaction left unused), then verify names it inserted and the API marks it unsealed', async () => {
    // a rolled-back write leaves a gap in the ids, inside what is sealed once later events are
    await db()
      .transaction()
      .execute(async (trx) => {
        await writeAuditEvents(trx, 1)
        throw new Error('roll back')
      })
      .catch(() => undefined)
    await writeAuditEvents(db(), 2)
    await t.runTask('audit-seal')
    const all = await eventIds(db())
    const gap = all.findIndex((id, i) => i > 0 && id !== all[i - 1]! + 1)
    const forgedId = all[gap - 1]! + 1
    await withGuardsOff(db(), async (trx) => {
      await sql`insert into audit_events (id, actor_email, tenant_id, action, result, reason)
        overriding system value values (${forgedId}, 'ada@adatum.example', ${ROSSI}, 'service_request.close', 'done', 'forged')`.execute(
        trx,
      )
    })
    expect((await verify()).firstBreak).toEqual({ kind: 'inserted_event', eventId: forgedId })
    expect(await integrityOf(forgedId)).toBe('unsealed')
  })

  it('when a forged row is appended with a seal computed the public way, then verify names it inserted and the sealer refuses to build on it', async () => {
    const head = await verifyChain(db())
    const forgedId = ids.at(-1)! + 1000
    await withGuardsOff(db(), async (trx) => {
      await sql`insert into audit_events (id, actor_email, tenant_id, action, result, reason)
        overriding system value values (${forgedId}, 'ada@adatum.example', ${ROSSI}, 'service_request.close', 'done', 'forged')`.execute(
        trx,
      )
      const [row] = await canonicalEvents(trx, { afterId: forgedId - 1, limit: 1 })
      const content = contentHash(row!)
      await trx
        .insertInto('audit_seals')
        .values({
          event_id: forgedId,
          prev_event_id: head.head!.eventId,
          content_hash: content,
          chain_hash: chainHash(head.head!.chainHash, forgedId, content),
        })
        .execute()
    })
    expect((await verify()).firstBreak).toEqual({ kind: 'inserted_event', eventId: forgedId })
    await writeAuditEvents(db(), 1)
    expect(await t.runTask('audit-seal')).toMatchObject({ sealed: 0, waiting: 'unknown_seals' })
  })

  it('when an edited event is covered by recomputing every seal after it, then the chain looks whole and only the head anchored outside tells', async () => {
    const anchored = (await verifyChain(db())).head!
    await withGuardsOff(db(), async (trx) => {
      await sql`update audit_events set reason = 'rewritten' where id = ${middle()}`.execute(trx)
      await sql`delete from audit_seals where event_id >= ${middle()}`.execute(trx)
      const before = await trx
        .selectFrom('audit_seals')
        .selectAll()
        .where('event_id', '<', middle())
        .orderBy('event_id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow()
      let previous = { id: before.event_id, hash: before.chain_hash }
      for (const row of await canonicalEvents(trx, { afterId: before.event_id, limit: 1000 })) {
        const content = contentHash(row)
        const hash = chainHash(previous.hash, row.id, content)
        await trx
          .insertInto('audit_seals')
          .values({ event_id: row.id, prev_event_id: previous.id, content_hash: content, chain_hash: hash })
          .execute()
        previous = { id: row.id, hash }
      }
    })
    expect(await verify()).toMatchObject({ status: 'intact' })
    const report = await verify([anchored])
    expect(report.firstBreak).toMatchObject({
      kind: 'anchor_mismatch',
      eventId: anchored.eventId,
      expected: anchored.chainHash,
    })
  })

  it('when the chain breaks, then the scheduled check sets the gauge to 0 and notifies each auditor once', async () => {
    await withGuardsOff(db(), async (trx) => {
      await sql`update audit_events set reason = 'nothing happened' where id = ${middle()}`.execute(trx)
    })
    for (let run = 0; run < 2; run++) {
      t.clock.offsetMs += 3_600_000
      expect(await t.runTask('audit-check')).toMatchObject({ status: 'broken' })
    }
    expect(await t.ctx.metrics.metrics()).toMatch(/^tramite_audit_chain_intact 0$/m)
    const notices = await db()
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['u.email', 'n.params'])
      .where('n.kind', '=', 'audit.chain_broken')
      .execute()
    expect(notices).toEqual([
      { email: 'auditor@contoso.example', params: { event: String(middle()), problem: 'content_changed' } },
    ])
    const auditor = await asAuditor()
    const listed = (await t.request('GET', '/api/notifications', auditor)).json().items
    expect(listed[0].text).toMatch(new RegExp(`broken at event ${middle()}`))
    // the engineer is not an auditor: not told
    const engineer = { token: await t.tokenFor('engineer@contoso.example') }
    const engineersKinds = (await t.request('GET', '/api/notifications', engineer))
      .json()
      .items.map((n: { kind: string }) => n.kind)
    // (the demo world's own notices are there; none of the chain)
    expect(engineersKinds).not.toContain('audit.chain_broken')
  })
})
