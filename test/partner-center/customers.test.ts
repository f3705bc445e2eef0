import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const TAILSPIN = tenantIdOf('tailspin.example')
const WIDEWORLD = tenantIdOf('wideworld.example')

describe.each(dialects())('Partner Center v1 customers (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(() => t?.close())

  const names = (body: { items: { companyProfile: { companyName: string } }[] }) =>
    body.items.map((c) => c.companyProfile.companyName).sort()

  it('when anna lists customers, then she gets exactly Fabrikam’s customers in the collection envelope', async () => {
    const res = await t.request('GET', '/v1/customers', { token: await t.tokenFor('anna@fabrikam.example') })
    expect(res.status).toBe(200)
    const body = res.json()
    expect(names(body)).toEqual(['Rossi Costruzioni S.p.A.', 'Tailspin Toys'])
    expect(body.totalCount).toBe(2)
    expect(body.attributes).toEqual({ objectType: 'Collection' })
    expect(body.links.self.uri).toContain('/customers')
    const rossi = body.items.find((c: { id: string }) => c.id === ROSSI)
    expect(rossi).toMatchObject({
      id: ROSSI,
      companyProfile: { tenantId: ROSSI, domain: 'rossi.example', companyName: 'Rossi Costruzioni S.p.A.' },
      relationshipToPartner: 'reseller',
      attributes: { objectType: 'Customer' },
    })
  })

  it('when each partner lists customers, then it sees only its own (reseller, indirect provider, advisor)', async () => {
    const list = async (email: string) =>
      names((await t.request('GET', '/v1/customers', { token: await t.tokenFor(email) })).json())
    expect(await list('nora@northwind.example')).toEqual(['Bianchi Logistica S.r.l.'])
    expect(await list('ada@adatum.example')).toEqual(['Bianchi Logistica S.r.l.'])
    expect(await list('leo@litware.example')).toEqual(['Wide World Importers'])
    expect(await list('hugo@fabrikam.example')).toEqual(['Rossi Costruzioni S.p.A.', 'Tailspin Toys'])
  })

  it('when the indirect provider reads a customer, then the reseller’s tenant id is its associatedPartnerId', async () => {
    const res = await t.request('GET', `/v1/customers/${BIANCHI}`, {
      token: await t.tokenFor('nora@northwind.example'),
    })
    expect(res.status).toBe(200)
    expect(res.json()).toMatchObject({
      id: BIANCHI,
      associatedPartnerId: tenantIdOf('adatum.example'),
      relationshipToPartner: 'reseller',
    })
    const advisor = await t.request('GET', `/v1/customers/${WIDEWORLD}`, {
      token: await t.tokenFor('leo@litware.example'),
    })
    expect(advisor.json().relationshipToPartner).toBe('advisor')
  })

  it("when ada asks for Rossi (another partner's customer), then the answer is 404 in Partner Center's error shape", async () => {
    const token = await t.tokenFor('ada@adatum.example')
    for (const path of [`/v1/customers/${ROSSI}`, `/v1/customers/${ROSSI}/subscriptions`]) {
      const res = await t.request('GET', path, { token })
      expect(res.status).toBe(404)
      expect(res.json()).toMatchObject({ code: 'not_found', data: [], source: 'Tramite' })
      expect(typeof res.json().description).toBe('string')
    }
  })

  it('when the id is not a tenant at all, then 404 too (never 500)', async () => {
    const token = await t.tokenFor('anna@fabrikam.example')
    for (const id of ['not-a-guid', '00000000-0000-0000-0000-000000000000', "1' or '1'='1", '%00']) {
      const res = await t.request('GET', `/v1/customers/${encodeURIComponent(id)}`, { token })
      expect(res.status).toBe(404)
    }
  })

  it('when anna lists Rossi’s subscriptions, then she sees the ones Fabrikam sold, with ARM-usable ids', async () => {
    const res = await t.request('GET', `/v1/customers/${ROSSI}/subscriptions`, {
      token: await t.tokenFor('anna@fabrikam.example'),
    })
    expect(res.status).toBe(200)
    const body = res.json()
    expect(body.attributes.objectType).toBe('Collection')
    expect(body.items.map((s: { offerName: string }) => s.offerName).sort()).toEqual([
      'Azure plan',
      'LedgerLite Standard',
      'Microsoft 365 Business Premium',
    ])
    const azure = body.items.find((s: { offerName: string }) => s.offerName === 'Azure plan')
    expect(azure).toMatchObject({
      status: 'active',
      isTrial: false,
      billingType: 'usage',
      attributes: { objectType: 'Subscription' },
    })
    expect(azure.id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('when the indirect provider lists a resold customer’s subscriptions, then partnerId names the reseller and trial shows', async () => {
    const res = await t.request('GET', `/v1/customers/${BIANCHI}/subscriptions`, {
      token: await t.tokenFor('nora@northwind.example'),
    })
    const items = res.json().items as { partnerId: string; isTrial: boolean; offerName: string }[]
    expect(items).toHaveLength(2)
    expect(items.every((s) => s.partnerId === '4510003')).toBe(true)
    expect(items.find((s) => s.offerName.startsWith('Microsoft 365'))?.isTrial).toBe(true)
  })

  it('when an advisor lists subscriptions bought directly, then none are listed (it sold none)', async () => {
    const res = await t.request('GET', `/v1/customers/${WIDEWORLD}/subscriptions`, {
      token: await t.tokenFor('leo@litware.example'),
    })
    expect(res.status).toBe(200)
    expect(res.json().items).toEqual([])
  })

  it('when a customer administrator or the vendor calls, then 403 partner_only', async () => {
    for (const email of ['admin@rossi.example', 'engineer@contoso.example']) {
      const res = await t.request('GET', '/v1/customers', { token: await t.tokenFor(email) })
      expect(res.status).toBe(403)
      expect(res.json().code).toBe('partner_only')
    }
  })

  it('when a partner token is delegated to a customer tenant, then the partner API refuses it (own context only)', async () => {
    const token = await t.tokenFor('anna@fabrikam.example', 'rossi.example')
    const res = await t.request('GET', '/v1/customers', { token })
    expect(res.status).toBe(403)
  })

  it('when there is no token, then 401 with a localized description (X-Locale)', async () => {
    const en = await t.request('GET', '/v1/customers')
    expect(en.status).toBe(401)
    expect(en.json().code).toBe('unauthenticated')
    const it_ = await t.request('GET', '/v1/customers', { headers: { 'x-locale': 'it-IT' } })
    expect(it_.json().description).toMatch(/Accedi/)
  })

  it('when paging with size=1, then the next link carries a continuation token that yields the rest', async () => {
    const token = await t.tokenFor('anna@fabrikam.example')
    const first = (await t.request('GET', '/v1/customers?size=1', { token })).json()
    expect(first.items).toHaveLength(1)
    const next = first.links.next
    expect(next.uri).toContain('seekOperation=Next')
    const header = next.headers.find((h: { key: string }) => h.key === 'MS-ContinuationToken')
    const second = (
      await t.request('GET', `/v1${next.uri}`, { token, headers: { 'MS-ContinuationToken': header.value } })
    ).json()
    expect(second.items).toHaveLength(1)
    expect(second.items[0].id).not.toBe(first.items[0].id)
    expect(second.links.next).toBeUndefined()
    expect([first.items[0].id, second.items[0].id].sort()).toEqual([ROSSI, TAILSPIN].sort())
  })

  it('when filtering by company name prefix, then only matching customers return; a bad filter is a 400', async () => {
    const token = await t.tokenFor('anna@fabrikam.example')
    const filter = encodeURIComponent(
      JSON.stringify({ Field: 'CompanyName', Value: 'Tail', Operator: 'starts_with' }),
    )
    const res = await t.request('GET', `/v1/customers?filter=${filter}`, { token })
    expect(names(res.json())).toEqual(['Tailspin Toys'])
    const bad = await t.request('GET', `/v1/customers?filter=${encodeURIComponent('{nope')}`, { token })
    expect(bad.status).toBe(400)
    expect(bad.json().code).toBe('validation_failed')
    const wild = encodeURIComponent(
      JSON.stringify({ Field: 'CompanyName', Value: '%', Operator: 'starts_with' }),
    )
    expect((await t.request('GET', `/v1/customers?filter=${wild}`, { token })).json().items).toEqual([])
  })
})
