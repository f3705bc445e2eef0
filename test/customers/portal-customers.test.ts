import { demoId } from '../../src/demo/world.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')

describe.each(dialects())('portal customer pages (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(() => t?.close())

  it('when anna lists her customers, then each shows its GDAP status and end date', async () => {
    const res = await t.request('GET', '/api/customers', { token: await t.tokenFor('anna@fabrikam.example') })
    const items = res.json().items as {
      displayName: string
      gdap: { status: string; endAt: string | null }
    }[]
    expect(items.map((c) => [c.displayName, c.gdap.status])).toEqual([
      ['Rossi Costruzioni S.p.A.', 'active'],
      ['Tailspin Toys', 'expired'],
    ])
    expect(new Date(items[0]!.gdap.endAt!).getTime()).toBeGreaterThan(Date.now())
  })

  it('when the search prefix is given, then only matching customers come back', async () => {
    const res = await t.request('GET', '/api/customers?q=tail', {
      token: await t.tokenFor('anna@fabrikam.example'),
    })
    expect(res.json().items.map((c: { displayName: string }) => c.displayName)).toEqual(['Tailspin Toys'])
  })

  it('when nora opens Bianchi, then she sees its subscriptions, the reseller, and only her own relationship', async () => {
    const res = await t.request('GET', `/api/customers/${BIANCHI}`, {
      token: await t.tokenFor('nora@northwind.example'),
    })
    expect(res.status).toBe(200)
    const body = res.json()
    expect(body.customer).toMatchObject({
      displayName: 'Bianchi Logistica S.r.l.',
      reseller: { displayName: 'Adatum' },
    })
    expect(body.relationships.map((r: { displayName: string }) => r.displayName)).toEqual([
      'Northwind-Bianchi directory',
    ])
    expect(body.relationships[0].assignments[0]).toMatchObject({
      group: { displayName: 'Azure Managers' },
      roles: [{ displayName: 'Directory Readers' }],
    })
    expect(
      body.subscriptions
        .map((s: { billing: string; workloadId: string }) => `${s.workloadId}:${s.billing}`)
        .sort(),
    ).toEqual(['azure:paid', 'office365:trial'])
  })

  it("when a partner opens another partner's customer, then 404", async () => {
    expect(
      (
        await t.request('GET', `/api/customers/${ROSSI}`, {
          token: await t.tokenFor('nora@northwind.example'),
        })
      ).status,
    ).toBe(404)
  })

  it('when a customer admin or a partner lists their own subscriptions, then they get their tenant’s only', async () => {
    const bianchi = (
      await t.request('GET', '/api/subscriptions', { token: await t.tokenFor('admin@bianchi.example') })
    ).json()
    expect(bianchi.items.map((s: { friendlyName: string }) => s.friendlyName).sort()).toEqual([
      'Bianchi Logistica Azure',
      'Bianchi M365',
    ])
    const fabrikam = (
      await t.request('GET', '/api/subscriptions', { token: await t.tokenFor('anna@fabrikam.example') })
    ).json()
    expect(fabrikam.items.map((s: { friendlyName: string }) => s.friendlyName)).toEqual(['Fabrikam Internal'])
    expect(
      (await t.request('GET', '/api/subscriptions', { token: await t.tokenFor('engineer@contoso.example') }))
        .status,
    ).toBe(403)
  })

  it('when the session is read, then it includes the phone for prefilling contact details', async () => {
    const session = await t.signIn('anna@fabrikam.example')
    const me = (await t.request('GET', '/api/session', { headers: { cookie: session.cookie } })).json()
    expect(me.user.phone).toBe('+39 02 5550 1001')
  })

  it('when a message names a company ending in a full stop, then the sentence does not get a second one', async () => {
    // without RBAC on the subscription nora's billing request goes the provider's way (R8), whose
    // message ends with the customer's name
    const rbac = () =>
      t.db.db
        .updateTable('azure_role_assignments')
        .where('principal_id', '=', demoId('group', 'northwind.example/Admin Agents'))
    await rbac().set({ role_name: 'Reader' }).execute()
    try {
      const res = await t.request(
        'GET',
        `/api/advice?customer=${BIANCHI}&workload=azure&problemType=billing`,
        {
          token: await t.tokenFor('nora@northwind.example'),
        },
      )
      expect(res.json()).toMatchObject({ rule: 'R8', reason: 'provider_billing_path' })
      expect(res.json().message).toMatch(/in Bianchi Logistica S\.r\.l\.$/)
    } finally {
      await rbac().set({ role_name: 'Owner' }).execute()
    }
  })

  it('when nora (indirect provider) asks for her partner links, then she gets her reseller Adatum; anna (direct) gets none', async () => {
    const nora = await t.request('GET', '/api/partner-links', {
      token: await t.tokenFor('nora@northwind.example'),
    })
    expect(nora.status).toBe(200)
    expect(nora.json().items).toEqual([
      expect.objectContaining({ tenantId: tenantIdOf('adatum.example'), name: 'Adatum' }),
    ])
    const anna = await t.request('GET', '/api/partner-links', {
      token: await t.tokenFor('anna@fabrikam.example'),
    })
    expect(anna.json().items).toEqual([])
  })
})
