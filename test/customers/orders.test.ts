import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const FABRIKAM = tenantIdOf('fabrikam.example')
const BIANCHI_M365 = demoId('subscription', 'bianchi.example/Bianchi M365')
const ROSSI_M365 = demoId('subscription', 'rossi.example/Rossi M365')
const M365_BP = 'CFQ7TTC0LCHC:0002'
const M365_BP_TRIAL = 'CFQ7TTC0LCHC:0002:TRIAL'
const AZURE_PLAN = 'DZH318Z0BPS6:0001'

describe.each(dialects())('offers, orders and subscription changes over Partner Center (%s)', (dialect) => {
  let t: TestApp
  let anna: string
  let nora: string
  let ada: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    ;[anna, nora, ada] = await Promise.all([
      t.tokenFor('anna@fabrikam.example'),
      t.tokenFor('nora@northwind.example'),
      t.tokenFor('ada@adatum.example'),
    ])
  })
  afterAll(() => t?.close())

  const advice = async (email: string, query: string) =>
    (await t.request('GET', `/api/advice?${query}`, { token: await t.tokenFor(email) })).json()
  const subscriptionCount = async () =>
    Number(
      (
        await t.db.db
          .selectFrom('subscriptions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('when a partner reads the Italian catalog, then Azure plan, Microsoft 365 trial and paid, Dynamics and EMS are offered, in Italian on request', async () => {
    const res = await t.request('GET', '/v1/offers?country=IT', {
      token: anna,
      headers: { 'accept-language': 'it' },
    })
    expect(res.status).toBe(200)
    const offers = res.json().items as {
      id: string
      isTrial: boolean
      category: { id: string }
      locale: string
    }[]
    expect(offers.map((o) => o.category.id)).toEqual(
      expect.arrayContaining(['Azure', 'Office', 'Dynamics', 'EMS']),
    )
    expect(offers.find((o) => o.id === M365_BP_TRIAL)).toMatchObject({
      isTrial: true,
      conversionTargetOffers: [M365_BP],
      locale: 'it-IT',
      attributes: { objectType: 'Offer' },
    })
    expect(offers.find((o) => o.id === M365_BP)).toMatchObject({ isTrial: false })
    const one = await t.request('GET', `/v1/offers/${encodeURIComponent(AZURE_PLAN)}?country=IT`, {
      token: anna,
    })
    expect(one.json()).toMatchObject({ id: AZURE_PLAN, billing: 'usage' })
    expect((await t.request('GET', '/v1/offers', { token: anna })).status).toBe(400)
  })

  it('when anna orders a Microsoft 365 trial and an Azure plan for a new customer, then both subscriptions exist, the order lists them, and Fabrikam’s Admin Agents own the Azure subscription', async () => {
    const created = await t.request('POST', '/v1/customers', {
      token: anna,
      body: {
        CompanyProfile: { Domain: 'arancio.example' },
        BillingProfile: {
          Culture: 'it-IT',
          Email: 'billing@arancio.example',
          CompanyName: 'Arancio S.r.l.',
          DefaultAddress: {
            FirstName: 'Luca',
            LastName: 'Arancio',
            AddressLine1: 'Via Po 2',
            City: 'Torino',
            Country: 'IT',
          },
        },
      },
    })
    const customerId = created.json().id
    const res = await t.request('POST', `/v1/customers/${customerId}/orders`, {
      token: anna,
      body: {
        ReferenceCustomerId: customerId,
        LineItems: [
          { LineItemNumber: 0, OfferId: M365_BP_TRIAL, FriendlyName: 'Arancio M365', Quantity: 25 },
          { LineItemNumber: 1, OfferId: AZURE_PLAN, FriendlyName: 'Arancio Azure', Quantity: 1 },
        ],
      },
    })
    expect(res.status, res.body).toBe(201)
    const order = res.json()
    expect(order).toMatchObject({
      referenceCustomerId: customerId,
      status: 'completed',
      attributes: { objectType: 'Order' },
    })
    expect(order.lineItems).toHaveLength(2)
    const subs = (await t.request('GET', `/v1/customers/${customerId}/subscriptions`, { token: anna })).json()
      .items
    expect(
      subs.map((s: { friendlyName: string; isTrial: boolean }) => [s.friendlyName, s.isTrial]).sort(),
    ).toEqual([
      ['Arancio Azure', false],
      ['Arancio M365', true],
    ])
    const azure = order.lineItems[1].subscriptionId
    const owners = await t.db.db
      .selectFrom('azure_role_assignments as a')
      .innerJoin('security_groups as g', 'g.id', 'a.principal_id')
      .select(['g.tenant_id', 'g.partner_role', 'a.role_name'])
      .where('a.subscription_id', '=', azure)
      .execute()
    expect(owners).toEqual([{ tenant_id: FABRIKAM, partner_role: 'admin_agent', role_name: 'Owner' }])
    expect(
      (await t.request('GET', `/v1/customers/${customerId}/orders/${order.id}`, { token: anna })).json().id,
    ).toBe(order.id)
    const audit = await t.db.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', order.id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['order.create'])

    // a second trial of the same offer is refused, and nothing is written
    const before = await subscriptionCount()
    const again = await t.request('POST', `/v1/customers/${customerId}/orders`, {
      token: anna,
      body: { LineItems: [{ OfferId: M365_BP_TRIAL, Quantity: 5 }] },
    })
    expect(again.status).toBe(409)
    expect(again.json().code).toBe('trial_already_held')
    expect(await subscriptionCount()).toBe(before)
  })

  it('when an order is wrong (unknown offer, quantity, term, several problems), then a PC-shaped 400 and no subscription is written', async () => {
    const before = await subscriptionCount()
    const bad = await t.request('POST', `/v1/customers/${ROSSI}/orders`, {
      token: anna,
      body: { LineItems: [{ OfferId: 'NOPE', Quantity: 0 }, { Quantity: 'three' }] },
    })
    expect(bad.status).toBe(400)
    expect(bad.json().data.map((d: { location: string }) => d.location)).toEqual(
      expect.arrayContaining([
        'body.LineItems[0].Quantity',
        'body.LineItems[1].OfferId',
        'body.LineItems[1].Quantity',
      ]),
    )
    const unknown = await t.request('POST', `/v1/customers/${ROSSI}/orders`, {
      token: anna,
      body: { LineItems: [{ OfferId: 'NOPE', Quantity: 1 }] },
    })
    expect(unknown.json()).toMatchObject({ code: 'unknown_offer' })
    const term = await t.request('POST', `/v1/customers/${ROSSI}/orders`, {
      token: anna,
      headers: { 'accept-language': 'it' },
      body: { LineItems: [{ OfferId: M365_BP_TRIAL, Quantity: 1, TermDuration: 'P3Y' }] },
    })
    expect(term.json()).toMatchObject({ code: 'offer_term' })
    expect(term.json().description).toMatch(/non è venduta/)
    expect(await subscriptionCount()).toBe(before)
  })

  it('when ada (an indirect reseller) orders, then she is refused: her indirect provider orders for her customers', async () => {
    const res = await t.request('POST', `/v1/customers/${BIANCHI}/orders`, {
      token: ada,
      body: { LineItems: [{ OfferId: M365_BP, Quantity: 1 }] },
    })
    expect(res.status).toBe(403)
    expect(res.json().code).toBe('orders_by_provider')
  })

  it('R10: when Northwind converts Bianchi’s Microsoft 365 trial to paid, then Bianchi’s administrator may open a request with the vendor at once', async () => {
    expect(await advice('admin@bianchi.example', 'workload=office365')).toMatchObject({
      allowed: false,
      rule: 'R10',
      reason: 'trial_partner_only',
    })
    const byAda = await t.request('PATCH', `/v1/customers/${BIANCHI}/subscriptions/${BIANCHI_M365}`, {
      token: ada,
      body: { isTrial: false },
    })
    expect(byAda.status).toBe(403)
    expect(byAda.json().code).toBe('subscription_provider_only')

    const current = await t.request('GET', `/v1/customers/${BIANCHI}/subscriptions/${BIANCHI_M365}`, {
      token: nora,
    })
    const stale = await t.request('PATCH', `/v1/customers/${BIANCHI}/subscriptions/${BIANCHI_M365}`, {
      token: nora,
      headers: { 'if-match': '"999"' },
      body: { isTrial: false },
    })
    expect(stale.status).toBe(412)

    const converted = await t.request('PATCH', `/v1/customers/${BIANCHI}/subscriptions/${BIANCHI_M365}`, {
      token: nora,
      headers: { 'if-match': String(current.headers.etag) },
      body: { ...(current.json() as object), isTrial: false },
    })
    expect(converted.status, converted.body).toBe(200)
    expect(converted.json()).toMatchObject({ isTrial: false, offerId: M365_BP })
    expect(await advice('admin@bianchi.example', 'workload=office365')).toMatchObject({
      allowed: true,
      rule: 'R10',
      handledBy: 'vendor',
    })
    const audit = await t.db.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('target_id', '=', BIANCHI_M365)
      .execute()
    expect(audit.map((a) => a.action)).toContain('subscription.convert')
  })

  it('R10: when Fabrikam suspends Rossi’s Microsoft 365, then it is suspended (PartnerInitiated) and R10 counts only Rossi’s paid Azure; reactivating clears the suspension', async () => {
    const suspend = await t.request('PATCH', `/v1/customers/${ROSSI}/subscriptions/${ROSSI_M365}`, {
      token: anna,
      body: { status: 'suspended' },
    })
    expect(suspend.json()).toMatchObject({ status: 'suspended' })
    const whileSuspended = await advice('admin@rossi.example', 'workload=office365')
    // Rossi still has its paid Azure subscription, so the vendor route stays; the Office one is no longer counted
    expect(whileSuspended).toMatchObject({ allowed: true, rule: 'R10' })
    const reactivate = await t.request('PATCH', `/v1/customers/${ROSSI}/subscriptions/${ROSSI_M365}`, {
      token: anna,
      body: { status: 'active' },
    })
    expect(reactivate.json()).toMatchObject({ status: 'active' })
    expect(reactivate.json().suspensionReasons).toBeUndefined()
  })

  it('when nora changes a subscription of Rossi (not her customer), then the answer is 404 and nothing changes', async () => {
    const res = await t.request('PATCH', `/v1/customers/${ROSSI}/subscriptions/${ROSSI_M365}`, {
      token: nora,
      body: { status: 'suspended' },
    })
    expect(res.status).toBe(404)
    const row = await t.db.db
      .selectFrom('subscriptions')
      .select('status')
      .where('id', '=', ROSSI_M365)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('active')
  })
})
