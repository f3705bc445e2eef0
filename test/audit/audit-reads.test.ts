import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { verifyChain } from '../../src/audit/audit-verify.ts'
import { findRequestThread } from '../../src/service-requests/request-thread.data.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const FABRIKAM = tenantIdOf('fabrikam.example')
const CONTOSO = tenantIdOf('contoso.example')
const TAILSPIN = tenantIdOf('tailspin.example')

describe.each(dialects())('audited reads (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(() => t?.close())

  it('when many delegated reads happen at once, then every one of them is audited by the time it is answered', async () => {
    const token = await t.tokenFor('anna@fabrikam.example')
    const filed = await t.request('POST', '/api/service-requests', {
      token,
      body: {
        customerTenantId: ROSSI,
        workload: 'office365',
        title: 'Mailbox full',
        description: 'The shared mailbox is full.',
        severity: 'minimal',
      },
    })
    expect(filed.status).toBe(201)
    const id = filed.json().id as string
    const count = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('action', '=', 'service_request.read')
            .where('target_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = await count()
    const reads = await Promise.all(
      Array.from({ length: 8 }, () => t.request('GET', `/api/service-requests/${id}`, { token })),
    )
    expect(reads.map((r) => r.status)).toEqual(Array(8).fill(200))
    // counted right after the answers: nothing is left to be written later
    expect(await count()).toBe(before + 8)
  })

  async function fileForRossi(title: string): Promise<string> {
    const filed = await t.request('POST', '/api/service-requests', {
      token: await t.tokenFor('anna@fabrikam.example'),
      body: {
        customerTenantId: ROSSI,
        workload: 'office365',
        title,
        description: title,
        severity: 'minimal',
      },
    })
    expect(filed.status).toBe(201)
    return filed.json().id as string
  }

  const readEvents = (id: string) =>
    t.ctx.db
      .selectFrom('audit_events')
      .select([
        'actor_email as actorEmail',
        'actor_tenant_id as actorTenantId',
        'tenant_id as tenantId',
        'relationship_id as relationshipId',
        'role_name as roleName',
        'rule',
        'result',
        'reason',
        'target_type as targetType',
      ])
      .where('action', '=', 'service_request.read')
      .where('target_id', '=', id)
      .orderBy('id')
      .execute()

  it('when the partner, the vendor engineer and the customer administrator read a request, then each event names the reader, their tenant and the rule and reason the policy allowed the read by', async () => {
    const id = await fileForRossi('Calendar sharing fails')
    for (const email of ['anna@fabrikam.example', 'engineer@contoso.example', 'admin@rossi.example']) {
      const res = await t.request('GET', `/api/service-requests/${id}`, { token: await t.tokenFor(email) })
      expect(res.status).toBe(200)
    }
    const common = { relationshipId: null, roleName: null, result: 'allowed', targetType: 'service_request' }
    expect(await readEvents(id)).toEqual([
      {
        ...common,
        actorEmail: 'anna@fabrikam.example',
        actorTenantId: FABRIKAM,
        tenantId: FABRIKAM,
        rule: null,
        reason: 'partner_requests',
      },
      {
        ...common,
        actorEmail: 'engineer@contoso.example',
        actorTenantId: CONTOSO,
        tenantId: CONTOSO,
        rule: null,
        reason: 'vendor_desk',
      },
      {
        ...common,
        actorEmail: 'admin@rossi.example',
        actorTenantId: ROSSI,
        tenantId: ROSSI,
        rule: 'R10',
        reason: 'customer_own_requests',
      },
    ])
  })

  it('when staff of another partner ask for the request, then it answers 404 and the read is audited as refused, never as allowed', async () => {
    const id = await fileForRossi('Teams calls drop')
    const res = await t.request('GET', `/api/service-requests/${id}`, {
      token: await t.tokenFor('nora@northwind.example'),
    })
    expect(res.status).toBe(404)
    expect(await readEvents(id)).toEqual([
      expect.objectContaining({
        actorEmail: 'nora@northwind.example',
        result: 'refused',
        reason: 'not_found',
      }),
    ])
  })

  it('when a token delegated to one customer asks for a request about another customer of the same partner, then it answers 404 and no read is audited as allowed', async () => {
    const id = await fileForRossi('SharePoint quota')
    // the partner's request, about another of its customers
    await t.ctx.db.updateTable('service_requests').set({ tenant_id: TAILSPIN }).where('id', '=', id).execute()
    const delegated = await t.tokenFor('anna@fabrikam.example', 'rossi.example')
    expect((await t.request('GET', `/api/service-requests/${id}`, { token: delegated })).status).toBe(404)
    expect(await readEvents(id)).toEqual([])
    // the partner itself still reads it, audited
    const own = await t.request('GET', `/api/service-requests/${id}`, {
      token: await t.tokenFor('anna@fabrikam.example'),
    })
    expect(own.status).toBe(200)
    expect(await readEvents(id)).toEqual([
      expect.objectContaining({ result: 'allowed', reason: 'partner_requests' }),
    ])
  })

  it('when a read writes its event, then only its own transaction skips waiting for the flush, where commits are flushed at all', async () => {
    const id = await fileForRossi('Mail flow delayed')
    const audit = {
      scope: { kind: 'partner' as const, partnerTenantId: FABRIKAM },
      contextTenantId: null,
      event: {
        actorUserId: null,
        actorEmail: 'anna@fabrikam.example',
        actorTenantId: FABRIKAM,
        tenantId: FABRIKAM,
        action: 'service_request.read',
        result: 'allowed' as const,
        reason: 'partner_requests',
      },
    }
    const setting = async (db: Parameters<typeof findRequestThread>[0]) =>
      (await sql<{ s: string }>`select current_setting('synchronous_commit') as s`.execute(db)).rows[0]!.s
    const fsync = (await sql<{ f: string }>`select current_setting('fsync') as f`.execute(t.ctx.db)).rows[0]!
      .f
    // PostgreSQL (fsync on): off inside the read's transaction; PGlite runs with fsync off: untouched
    const inRead = await t.ctx.db.transaction().execute(async (trx) => {
      expect((await findRequestThread(trx, id, audit))?.audited).toBe(true)
      return setting(trx)
    })
    expect(inRead).toBe(fsync === 'on' ? 'off' : 'on')
    // the connection's next transactions wait for their flush again
    await t.ctx.db.connection().execute(async (conn) => {
      expect((await findRequestThread(conn, id, audit))?.audited).toBe(true)
      expect(await setting(conn)).toBe('on')
    })
    // a read that writes nothing (out of scope) leaves it alone
    const outside = await t.ctx.db.transaction().execute(async (trx) => {
      const other = { ...audit, scope: { kind: 'partner' as const, partnerTenantId: CONTOSO } }
      expect((await findRequestThread(trx, id, other))?.audited).toBe(false)
      return setting(trx)
    })
    expect(outside).toBe('on')
    expect(await readEvents(id)).toHaveLength(2)
  })

  it('when reads written by their own statements are sealed, then the chain verifies intact', async () => {
    const id = await fileForRossi('Exchange rules lost')
    const token = await t.tokenFor('anna@fabrikam.example')
    await Promise.all(
      Array.from({ length: 5 }, () => t.request('GET', `/api/service-requests/${id}`, { token })),
    )
    await t.runTask('audit-seal')
    expect(await verifyChain(t.ctx.db)).toMatchObject({ status: 'intact', pendingEvents: 0 })
  })
})
