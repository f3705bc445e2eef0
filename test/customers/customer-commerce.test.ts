import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const TAILSPIN = tenantIdOf('tailspin.example')
const ADATUM = tenantIdOf('adatum.example')
const NORTHWIND = tenantIdOf('northwind.example')
const LITWARE = tenantIdOf('litware.example')
const TAILSPIN_M365 = demoId('subscription', 'tailspin.example/Tailspin M365')

const newCustomer = (domain: string, extra: Record<string, unknown> = {}) => ({
  CompanyProfile: { Domain: domain },
  BillingProfile: {
    Culture: 'it-IT',
    Email: `billing@${domain}`,
    Language: 'it',
    CompanyName: `Company ${domain}`,
    DefaultAddress: {
      FirstName: 'Paola',
      LastName: 'Verdi',
      AddressLine1: 'Via Roma 1',
      City: 'Milano',
      State: 'MI',
      PostalCode: '20100',
      Country: 'IT',
    },
  },
  ...extra,
})

describe.each(dialects())('partners administer their customers over Partner Center (%s)', (dialect) => {
  let t: TestApp
  let anna: string
  let nora: string
  let ada: string
  let leo: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    ;[anna, nora, ada, leo] = await Promise.all([
      t.tokenFor('anna@fabrikam.example'),
      t.tokenFor('nora@northwind.example'),
      t.tokenFor('ada@adatum.example'),
      t.tokenFor('leo@litware.example'),
    ])
  })
  afterAll(() => t?.close())

  const audits = (action: string, targetId: string) =>
    t.db.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', action)
      .where('target_id', '=', targetId)
      .execute()
  const tenantCount = async () =>
    Number(
      (
        await t.db.db
          .selectFrom('tenants')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('when anna creates a customer, then its tenant and first administrator exist, the credentials come back once and the creation is audited', async () => {
    const res = await t.request('POST', '/v1/customers', { token: anna, body: newCustomer('verdi.example') })
    expect(res.status, res.body).toBe(201)
    const customer = res.json()
    expect(customer).toMatchObject({
      companyProfile: { domain: 'verdi.example', companyName: 'Company verdi.example' },
      billingProfile: { culture: 'it-IT', firstName: 'Paola', lastName: 'Verdi' },
      relationshipToPartner: 'reseller',
      userCredentials: { userName: 'admin@verdi.example' },
      attributes: { objectType: 'Customer' },
    })
    expect(customer.userCredentials.password).toMatch(/^.{16,}$/)

    // the administrator signs in with the password handed out
    const signIn = await t.request('POST', '/api/session', {
      body: { email: 'admin@verdi.example', password: customer.userCredentials.password },
    })
    expect(signIn.status, signIn.body).toBe(200)

    const read = await t.request('GET', `/v1/customers/${customer.id}`, { token: anna })
    expect(read.status).toBe(200)
    expect(read.json().userCredentials).toBeUndefined()
    expect(await audits('customer.create', customer.id)).toHaveLength(1)
  })

  it('when nora (another partner) asks for the customer anna created, then the answer is 404', async () => {
    const res = await t.request('POST', '/v1/customers', { token: anna, body: newCustomer('gialli.example') })
    const id = res.json().id
    expect((await t.request('GET', `/v1/customers/${id}`, { token: nora })).status).toBe(404)
    expect(
      (
        await t.request('PATCH', `/v1/customers/${id}`, {
          token: nora,
          body: { relationshipToPartner: 'none' },
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await t.request('POST', `/v1/customers/${id}/orders`, {
          token: nora,
          body: { LineItems: [{ OfferId: 'CFQ7TTC0LCHC:0002', Quantity: 1 }] },
        })
      ).status,
    ).toBe(404)
  })

  it('when the body is wrong, then one Partner Center 400 names every problem in Italian and nothing is created', async () => {
    const before = await tenantCount()
    const bad = newCustomer('not a domain')
    ;(bad.BillingProfile as Record<string, unknown>).Culture = 'italian'
    ;(bad.BillingProfile.DefaultAddress as Record<string, unknown>).Country = 'ITA'
    const res = await t.request('POST', '/v1/customers', {
      token: anna,
      body: bad,
      headers: { 'accept-language': 'it' },
    })
    expect(res.status).toBe(400)
    const body = res.json()
    expect(body).toMatchObject({ code: 'validation_failed', source: 'Tramite' })
    expect(body.data.map((d: { location: string }) => d.location)).toEqual(
      expect.arrayContaining([
        'body.CompanyProfile.Domain',
        'body.BillingProfile.Culture',
        'body.BillingProfile.DefaultAddress.Country',
      ]),
    )
    expect(body.description).toMatch(/deve essere/)
    expect(await tenantCount()).toBe(before)
  })

  it('when the domain already belongs to a tenant, then the answer is 409 domain_taken', async () => {
    const res = await t.request('POST', '/v1/customers', { token: anna, body: newCustomer('rossi.example') })
    expect(res.status).toBe(409)
    expect(res.json().code).toBe('domain_taken')
  })

  it('when nora creates a customer for Adatum, then Adatum is its reseller of record and sees it; without associatedPartnerId nora is refused; ada cannot create customers', async () => {
    const res = await t.request('POST', '/v1/customers', {
      token: nora,
      body: newCustomer('neri.example', { AssociatedPartnerId: ADATUM }),
    })
    expect(res.status, res.body).toBe(201)
    expect(res.json()).toMatchObject({ associatedPartnerId: ADATUM, relationshipToPartner: 'reseller' })
    const seenByAda = await t.request('GET', `/v1/customers/${res.json().id}`, { token: ada })
    expect(seenByAda.status).toBe(200)

    const without = await t.request('POST', '/v1/customers', {
      token: nora,
      body: newCustomer('blu.example'),
    })
    expect(without.status).toBe(400)
    expect(without.json().code).toBe('associated_partner_required')
    const notHers = await t.request('POST', '/v1/customers', {
      token: nora,
      body: newCustomer('blu.example', { AssociatedPartnerId: LITWARE }),
    })
    expect(notHers.json().code).toBe('associated_partner_not_reseller')
    const byAda = await t.request('POST', '/v1/customers', { token: ada, body: newCustomer('blu.example') })
    expect(byAda.status).toBe(403)
    expect(byAda.json().code).toBe('reseller_cannot_create')
  })

  it('when Rossi’s administrator accepts Litware’s relationship link, then Litware advises Rossi, and the acceptance is audited; a second acceptance is 409', async () => {
    const link = await t.request('GET', '/v1/customers/relationshiprequests', { token: leo })
    expect(link.status).toBe(200)
    expect(link.json()).toMatchObject({ attributes: { objectType: 'RelationshipRequest' } })
    const url = new URL(link.json().url)
    expect(url.searchParams.get('partnerId')).toBe(LITWARE)
    expect((await t.request('GET', `/v1/customers/${ROSSI}`, { token: leo })).status).toBe(404)

    const rossiAdmin = await t.tokenFor('admin@rossi.example')
    const preview = await t.request('GET', `/api/partner-invitations/current?partnerId=${LITWARE}`, {
      token: rossiAdmin,
    })
    expect(preview.json()).toMatchObject({
      partner: { displayName: 'Litware' },
      relationship: 'advisor',
      alreadyAccepted: false,
    })
    const accepted = await t.request('POST', '/api/partner-invitations/accept', {
      token: rossiAdmin,
      body: { partnerId: LITWARE },
    })
    expect(accepted.status, accepted.body).toBe(200)
    expect((await t.request('GET', `/v1/customers/${ROSSI}`, { token: leo })).json()).toMatchObject({
      relationshipToPartner: 'advisor',
    })
    expect(await audits('customer.relationship.accept', LITWARE)).toHaveLength(1)
    const again = await t.request('POST', '/api/partner-invitations/accept', {
      token: rossiAdmin,
      body: { partnerId: LITWARE },
    })
    expect(again.status).toBe(409)
  })

  it('when a partner user (not a customer administrator) opens a relationship link, then it is refused with 403', async () => {
    const res = await t.request('POST', '/api/partner-invitations/accept', {
      token: anna,
      body: { partnerId: LITWARE },
    })
    expect(res.status).toBe(403)
    expect(res.json().error.code).toBe('invitation_customer_admin_only')
  })

  it('when Adatum’s link is opened, then it names Northwind as the indirect provider', async () => {
    const link = await t.request('GET', '/v1/customers/relationshiprequests', { token: ada })
    expect(new URL(link.json().url).searchParams.get('indirectCSPId')).toBe(NORTHWIND)
  })

  it('when anna removes the relationship with Tailspin while she still sells it a subscription, then 409; after suspending it, the relationship goes, audited, and Tailspin answers 404', async () => {
    const refused = await t.request('PATCH', `/v1/customers/${TAILSPIN}`, {
      token: anna,
      body: { relationshipToPartner: 'none' },
    })
    expect(refused.status).toBe(409)
    expect(refused.json().code).toBe('relationship_remove_subscriptions')

    const suspended = await t.request('PATCH', `/v1/customers/${TAILSPIN}/subscriptions/${TAILSPIN_M365}`, {
      token: anna,
      body: { status: 'suspended' },
    })
    expect(suspended.status, suspended.body).toBe(200)
    expect(suspended.json()).toMatchObject({ status: 'suspended', suspensionReasons: ['PartnerInitiated'] })

    const removed = await t.request('PATCH', `/v1/customers/${TAILSPIN}`, {
      token: anna,
      body: { RelationshipToPartner: 'none' },
    })
    expect(removed.status, removed.body).toBe(200)
    expect(removed.json().relationshipToPartner).toBe('none')
    expect((await t.request('GET', `/v1/customers/${TAILSPIN}`, { token: anna })).status).toBe(404)
    const [event] = await audits('customer.relationship.remove', TAILSPIN)
    expect(event?.details).toMatchObject({ removed: [{ relationship: 'reseller' }] })
    // the history stays: the subscription, its order and the GDAP relationship
    expect(
      await t.db.db.selectFrom('subscriptions').select('id').where('id', '=', TAILSPIN_M365).execute(),
    ).toHaveLength(1)
  })

  it('when a PATCH asks for anything but relationshipToPartner none, then 400 and nothing changes', async () => {
    const res = await t.request('PATCH', `/v1/customers/${ROSSI}`, {
      token: anna,
      body: { relationshipToPartner: 'reseller' },
    })
    expect(res.status).toBe(400)
    expect((await t.request('GET', `/v1/customers/${ROSSI}`, { token: anna })).status).toBe(200)
  })
})
