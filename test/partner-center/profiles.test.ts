import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const TAILSPIN = tenantIdOf('tailspin.example')
const ADATUM = tenantIdOf('adatum.example')
const NORTHWIND = tenantIdOf('northwind.example')
const FABRIKAM = tenantIdOf('fabrikam.example')

describe.each(dialects())('Partner Center v1 profiles and partner relationships (%s)', (dialect) => {
  let t: TestApp
  let anna: string
  let nora: string
  let ada: string
  let leo: string
  let hugo: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    ;[anna, nora, ada, leo, hugo] = await Promise.all([
      t.tokenFor('anna@fabrikam.example'),
      t.tokenFor('nora@northwind.example'),
      t.tokenFor('ada@adatum.example'),
      t.tokenFor('leo@litware.example'),
      t.tokenFor('hugo@fabrikam.example'),
    ])
  })
  afterAll(() => t?.close())

  it('when anna reads Rossi, then the customer carries its billing profile and company profile with address, email and registration number', async () => {
    const res = await t.request('GET', `/v1/customers/${ROSSI}`, { token: anna })
    expect(res.status).toBe(200)
    const body = res.json()
    expect(body.companyProfile).toEqual({
      tenantId: ROSSI,
      domain: 'rossi.example',
      companyName: 'Rossi Costruzioni S.p.A.',
      address: {
        country: 'IT',
        city: 'Milano',
        state: 'MI',
        addressLine1: 'Via Giuseppe Verdi 12',
        postalCode: '20121',
        phoneNumber: '+39 02 5550 4000',
      },
      email: 'amministrazione@rossi.example',
      organizationRegistrationNumber: 'IT04512340961',
      links: { self: { uri: `/customers/${ROSSI}/profiles/company`, method: 'GET', headers: [] } },
      attributes: { objectType: 'CustomerCompanyProfile' },
    })
    expect(body.billingProfile).toMatchObject({
      firstName: 'Marco',
      lastName: 'Rossi',
      email: 'admin@rossi.example',
      culture: 'it-IT',
      language: 'it',
      companyName: 'Rossi Costruzioni S.p.A.',
      defaultAddress: {
        country: 'IT',
        city: 'Milano',
        addressLine1: 'Via Giuseppe Verdi 12',
        firstName: 'Marco',
        lastName: 'Rossi',
      },
      attributes: { objectType: 'CustomerBillingProfile' },
    })
    expect(body.billingProfile.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(body.allowDelegatedAccess).toBe(true)
    const company = await t.request('GET', `/v1/customers/${ROSSI}/profiles/company`, { token: anna })
    expect(company.json()).toEqual(body.companyProfile)
    const billing = await t.request('GET', `/v1/customers/${ROSSI}/profiles/billing`, { token: anna })
    expect(billing.json()).toEqual(body.billingProfile)
  })

  it('when the partner’s only GDAP relationship with a customer has expired, then allowDelegatedAccess is false', async () => {
    const res = await t.request('GET', `/v1/customers/${TAILSPIN}`, { token: anna })
    expect(res.json().allowDelegatedAccess).toBe(false)
  })

  it('when another partner asks for Rossi’s profiles, then 404', async () => {
    for (const path of ['profiles/company', 'profiles/billing', 'relationships']) {
      const res = await t.request('GET', `/v1/customers/${ROSSI}/${path}`, { token: ada })
      expect(res.status, path).toBe(404)
    }
  })

  it('when nora lists her relationships, then her reseller Adatum comes as is_indirect_cloud_solution_provider_of; ada sees Northwind the other way', async () => {
    const provider = await t.request(
      'GET',
      '/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf',
      { token: nora },
    )
    expect(provider.status).toBe(200)
    expect(provider.json()).toMatchObject({
      totalCount: 1,
      items: [
        {
          id: ADATUM,
          name: 'Adatum',
          relationshipType: 'is_indirect_cloud_solution_provider_of',
          state: 'Active',
          mpnId: '4510003',
          location: 'IT',
          attributes: { objectType: 'PartnerRelationship' },
        },
      ],
      attributes: { objectType: 'Collection' },
    })
    const reseller = await t.request('GET', '/v1/relationships', { token: ada })
    expect(reseller.json().items).toEqual([
      expect.objectContaining({
        id: NORTHWIND,
        relationshipType: 'is_indirect_reseller_of',
        mpnId: '4510002',
      }),
    ])
    // the other direction, the enum's number, a name filter
    expect(
      (
        await t.request('GET', '/v1/relationships?relationship_type=IsIndirectResellerOf', { token: nora })
      ).json().items,
    ).toEqual([])
    expect(
      (await t.request('GET', '/v1/relationships?relationship_type=2', { token: nora })).json().items,
    ).toHaveLength(1)
    const filter = encodeURIComponent(
      JSON.stringify({ Field: 'Name', Value: 'Zzz', Operator: 'starts_with' }),
    )
    expect(
      (await t.request('GET', `/v1/relationships?filter=${filter}`, { token: nora })).json().items,
    ).toEqual([])
    // a direct partner and an advisor have none
    for (const token of [anna, leo])
      expect((await t.request('GET', '/v1/relationships', { token })).json().items).toEqual([])
  })

  it('when relationship_type is not one Partner Center knows, then 400 with the allowed values', async () => {
    const res = await t.request('GET', '/v1/relationships?relationship_type=Friends', { token: nora })
    expect(res.status).toBe(400)
    expect(res.json().code).toBe('unknown_relationship_type')
    expect(res.json().description).toMatch(/IsIndirectCloudSolutionProviderOf/)
  })

  it('when a customer’s relationships are read, then the provider sees the reseller and the reseller its provider; a direct partner none', async () => {
    const forNora = (await t.request('GET', `/v1/customers/${BIANCHI}/relationships`, { token: nora })).json()
    expect(forNora.items).toEqual([
      expect.objectContaining({ id: ADATUM, relationshipType: 'is_indirect_cloud_solution_provider_of' }),
    ])
    const forAda = (await t.request('GET', `/v1/customers/${BIANCHI}/relationships`, { token: ada })).json()
    expect(forAda.items).toEqual([
      expect.objectContaining({ id: NORTHWIND, relationshipType: 'is_indirect_reseller_of' }),
    ])
    const forAnna = await t.request('GET', `/v1/customers/${ROSSI}/relationships`, { token: anna })
    expect(forAnna.status).toBe(200)
    expect(forAnna.json().items).toEqual([])
  })

  it('when anna reads the organization and MPN profiles, then they are Fabrikam’s; another partner is found by its MPN id', async () => {
    const org = (await t.request('GET', '/v1/profiles/organization', { token: anna })).json()
    expect(org).toMatchObject({
      id: FABRIKAM,
      tenantId: FABRIKAM,
      companyName: 'Fabrikam',
      domain: 'fabrikam.example',
      email: 'info@fabrikam.example',
      language: 'it',
      culture: 'it-IT',
      defaultAddress: {
        country: 'IT',
        city: 'Milano',
        addressLine1: 'Corso Buenos Aires 23',
        postalCode: '20124',
      },
      profileType: 'OrganizationProfile',
      attributes: { objectType: 'OrganizationProfile' },
    })
    expect((await t.request('GET', '/v1/profiles/mpn', { token: anna })).json()).toMatchObject({
      mpnId: '4510001',
      partnerName: 'Fabrikam',
      profileType: 'MpnProfile',
      attributes: { objectType: 'MpnProfile' },
    })
    expect((await t.request('GET', '/v1/profiles/mpn?mpnId=4510003', { token: nora })).json()).toMatchObject({
      mpnId: '4510003',
      partnerName: 'Adatum',
    })
    const unknown = await t.request('GET', '/v1/profiles/mpn?mpnId=9999999', { token: nora })
    expect(unknown.status).toBe(404)
    expect(unknown.json().code).toBe('unknown_mpn_id')
    expect((await t.request('GET', '/v1/profiles/mpn?mpnId=12ab', { token: nora })).status).toBe(400)
  })

  it('when anna changes the support profile, then both paths show it and the change is audited; bad input changes nothing', async () => {
    const before = (await t.request('GET', '/v1/profiles/supportprofile', { token: anna })).json()
    expect(before).toEqual({
      email: 'support@fabrikam.example',
      telephone: '+39 02 5550 1000',
      profileType: 'support_profile',
      links: { self: { uri: '/profiles/supportprofile', method: 'GET', headers: [] } },
      attributes: { objectType: 'PartnerSupportProfile' },
    })
    const bad = await t.request('PUT', '/v1/profiles/supportprofile', {
      token: anna,
      body: { Email: 'not an address', Telephone: 'call me', Website: 'javascript:alert(1)' },
    })
    expect(bad.status).toBe(400)
    expect(bad.json().data.map((d: { location: string }) => d.location)).toEqual([
      'body.Email',
      'body.Telephone',
      'body.Website',
    ])
    expect((await t.request('GET', '/v1/profiles/support', { token: anna })).json()).toEqual(before)

    const res = await t.request('PUT', '/v1/profiles/supportprofile', {
      token: anna,
      body: {
        Email: 'Help@Fabrikam.example',
        Telephone: '+39 02 5550 1999',
        Website: 'https://help.fabrikam.example',
        ProfileType: 'support_profile',
      },
    })
    expect(res.status).toBe(200)
    expect(res.json()).toMatchObject({
      email: 'help@fabrikam.example',
      telephone: '+39 02 5550 1999',
      website: 'https://help.fabrikam.example',
    })
    expect((await t.request('GET', '/v1/profiles/support', { token: hugo })).json().website).toBe(
      'https://help.fabrikam.example',
    )
    const audit = await t.db.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'partner.support_profile.update')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor_email: 'anna@fabrikam.example', tenant_id: FABRIKAM })
  })

  it('when a helpdesk agent, a customer administrator or a delegated token changes the support profile, then it is refused', async () => {
    const body = { Email: 'x@fabrikam.example' }
    const helpdesk = await t.request('PUT', '/v1/profiles/supportprofile', { token: hugo, body })
    expect(helpdesk.status).toBe(403)
    expect(helpdesk.json().code).toBe('profile_admin_required')
    const customer = await t.request('PUT', '/v1/profiles/supportprofile', {
      token: await t.tokenFor('admin@rossi.example'),
      body,
    })
    expect(customer.json().code).toBe('partner_only')
    const delegated = await t.request('GET', '/v1/profiles/organization', {
      token: await t.tokenFor('anna@fabrikam.example', 'rossi.example'),
    })
    expect(delegated.status).toBe(403)
  })
})
