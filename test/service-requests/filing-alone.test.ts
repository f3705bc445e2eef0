import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { requestEventId } from '../../src/service-requests/request-events.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const ANNA = 'anna@fabrikam.example'

/**
 * A filing whose event writes nothing but webhook deliveries is one statement with no transaction
 * around it; the statement writes nothing when a subscription wants the event, and the filing is
 * then made in a transaction that queues the delivery. Either way the request, its audit event and
 * its deliveries are written exactly once.
 */
describe.each(dialects())(
  'Filing in one statement, or in a transaction when a subscriber waits (%s)',
  (dialect) => {
    let t: TestApp
    let token: string
    beforeAll(async () => {
      t = await startTestApp(dialect, { WEBHOOKS_ALLOW_HTTP: 'true', WEBHOOKS_ALLOW_PRIVATE_NETWORK: 'true' })
      token = await t.tokenFor(ANNA)
    })
    afterEach(async () => {
      await t.ctx.db.deleteFrom('webhook_subscriptions').execute()
    })
    afterAll(() => t?.close())

    async function file(title: string) {
      const res = await t.request('POST', '/api/service-requests', {
        token,
        body: {
          customerTenantId: ROSSI,
          workload: 'office365',
          title,
          description: 'Outbound mail waits for hours.',
          severity: 'minimal',
        },
      })
      expect(res.status, res.body).toBe(201)
      return res.json() as { id: string; title: string }
    }

    async function written(title: string) {
      const requests = await t.ctx.db
        .selectFrom('service_requests')
        .select('id')
        .where('title', '=', title)
        .execute()
      const ids = requests.map((r) => r.id)
      const audits = ids.length
        ? await t.ctx.db
            .selectFrom('audit_events')
            .select(['target_id', 'action', 'result'])
            .where('target_id', 'in', ids)
            .execute()
        : []
      return { ids, audits }
    }

    it('when nobody subscribes, then the request and its audit event are written once and nothing is queued', async () => {
      const filed = await file('Alone: nobody listens')
      const { ids, audits } = await written('Alone: nobody listens')
      expect(ids).toEqual([filed.id])
      expect(audits).toEqual([{ target_id: filed.id, action: 'service_request.create', result: 'allowed' }])
      const queued = await t.ctx.db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('event_id', '=', requestEventId('service_request.created', filed.id, 1))
        .execute()
      expect(queued).toEqual([])
    })

    it('when Fabrikam subscribes to created events, then the filing is written once, with one delivery', async () => {
      const sub = await t.request('POST', '/api/webhooks', {
        token,
        body: { url: 'http://127.0.0.1:9/hook', events: ['service_request.created'], description: 'PSA' },
      })
      expect(sub.status, sub.body).toBe(201)
      const filed = await file('Alone: a subscriber listens')
      const { ids, audits } = await written('Alone: a subscriber listens')
      expect(ids).toEqual([filed.id])
      expect(audits).toHaveLength(1)
      const queued = await t.ctx.db
        .selectFrom('webhook_deliveries')
        .select(['event_type', 'subscription_id'])
        .where('event_id', '=', requestEventId('service_request.created', filed.id, 1))
        .execute()
      expect(queued).toEqual([{ event_type: 'service_request.created', subscription_id: sub.json().id }])
    })
  },
)
