import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')

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
})
