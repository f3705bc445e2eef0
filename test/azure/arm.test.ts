import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { azureClassificationId, azureServiceId } from '../../src/catalog/azure-catalog.ts'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const V = '?api-version=2020-04-01'
const ROSSI_SUB = demoId('subscription', 'rossi.example/Rossi Produzione')
const BIANCHI_SUB = demoId('subscription', 'bianchi.example/Bianchi Logistica Azure')
const FABRIKAM_SUB = demoId('subscription', 'fabrikam.example/Fabrikam Internal')
const service = (key: string) => `/providers/Microsoft.Support/services/${azureServiceId(key)}`
const classification = (s: string, c: string) =>
  `${service(s)}/problemClassifications/${azureClassificationId(s, c)}`
const tickets = (sub: string) => `/subscriptions/${sub}/providers/Microsoft.Support/supportTickets`

const contact = (email: string) => ({
  firstName: 'Anna',
  lastName: 'Moretti',
  preferredContactMethod: 'email',
  primaryEmailAddress: email,
  preferredTimeZone: 'W. Europe Standard Time',
  country: 'ita',
  preferredSupportLanguage: 'it-IT',
})

const ticket = (overrides: Record<string, unknown> = {}, email = 'anna@fabrikam.example') => ({
  properties: {
    serviceId: service('vm-windows'),
    problemClassificationId: classification('vm-windows', 'connectivity'),
    title: 'VM unreachable',
    description: 'RDP times out.',
    severity: 'moderate',
    contactDetails: contact(email),
    ...overrides,
  },
})

describe.each(dialects())('Azure Microsoft.Support over ARM (%s)', (dialect) => {
  let t: TestApp
  let annaInRossi: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    annaInRossi = await t.tokenFor('anna@fabrikam.example', 'rossi.example')
  })
  afterAll(() => t?.close())

  const put = (
    token: string,
    sub: string,
    name: string,
    body: unknown,
    headers: Record<string, string> = {},
  ) => t.request('PUT', `${tickets(sub)}/${name}${V}`, { token, body, headers })

  it('when a ticket is created, then ARM answers 202 with Azure-AsyncOperation, the operation succeeds and the ticket follows R14', async () => {
    const res = await put(annaInRossi, ROSSI_SUB, 'vm-down', ticket({ severity: 'critical' }))
    expect(res.status, res.body).toBe(202)
    const status = String(res.headers['azure-asyncoperation']).replace(/^https?:\/\/[^/]+/, '')
    expect(status).toMatch(/operationsStatus\/[0-9a-f-]{36}\?api-version=2020-04-01$/)
    expect((await t.request('GET', status, { token: annaInRossi })).json()).toMatchObject({
      status: 'Succeeded',
    })
    const got = (await t.request('GET', `${tickets(ROSSI_SUB)}/vm-down${V}`, { token: annaInRossi })).json()
    expect(got).toMatchObject({
      name: 'vm-down',
      type: 'Microsoft.Support/supportTickets',
      properties: {
        supportPlanType: 'Cloud Solution Provider',
        severity: 'critical',
        status: 'Open',
        serviceDisplayName: 'Virtual Machine running Windows',
        serviceLevelAgreement: { slaMinutes: 120 },
      },
    })
  })

  it('when the api-version is missing or wrong, then ARM’s 400s', async () => {
    const missing = await t.request('GET', `${tickets(ROSSI_SUB)}`, { token: annaInRossi })
    expect(missing.json().error.code).toBe('MissingApiVersionParameter')
    const wrong = await t.request('GET', `${tickets(ROSSI_SUB)}?api-version=2019-05-01-preview`, {
      token: annaInRossi,
    })
    expect(wrong.json().error.code).toBe('InvalidApiVersionParameter')
  })

  it('when a subscription is not in the token’s tenant, then 404 SubscriptionNotFound (R12: a portal opened directly is one’s own context)', async () => {
    const ownContext = await t.tokenFor('anna@fabrikam.example')
    const res = await put(ownContext, ROSSI_SUB, 'from-own-context', ticket())
    expect(res.status).toBe(404)
    expect(res.json().error.code).toBe('SubscriptionNotFound')
    const otherCustomer = await t.request('GET', `${tickets(BIANCHI_SUB)}${V}`, { token: annaInRossi })
    expect(otherCustomer.json().error.code).toBe('SubscriptionNotFound')
  })

  it('R5 over ARM: the indirect reseller’s delegated token is refused with the rule, the reason and the remedy', async () => {
    const ada = await t.tokenFor('ada@adatum.example', 'bianchi.example')
    const res = await put(ada, BIANCHI_SUB, 'ada-try', ticket({}, 'ada@adatum.example'))
    expect(res.status).toBe(403)
    const { error } = res.json()
    expect(error.code).toBe('SupportPolicyRefused')
    expect(error.details).toEqual([{ code: 'R5', message: expect.stringMatching(/Indirect resellers/) }])
    expect(error.additionalInfo[0].info).toMatchObject({ rule: 'R5', reason: 'reseller_not_provider' })
    expect(error.additionalInfo[0].info.remedy).toMatch(/Northwind Distribution/)
  })

  it('R7 over ARM: the customer’s contact details on a delegated ticket are refused', async () => {
    const res = await put(annaInRossi, ROSSI_SUB, 'customer-contact', ticket({}, 'admin@rossi.example'))
    expect(res.status).toBe(400)
    expect(res.json().error).toMatchObject({
      code: 'InvalidContactDetails',
      message: expect.stringMatching(/^R7:/),
    })
  })

  it('R6 over ARM: nora (the provider) files a technical ticket for Bianchi with a delegated token: Directory Readers through the nested Azure Managers opens the tenant, Owner through RBAC allows the ticket', async () => {
    const nora = await t.tokenFor('nora@northwind.example', 'bianchi.example')
    const res = await put(nora, BIANCHI_SUB, 'nora-tech', ticket({}, 'nora@northwind.example'))
    expect(res.status, res.body).toBe(202)
    const got = (await t.request('GET', `${tickets(BIANCHI_SUB)}/nora-tech${V}`, { token: nora })).json()
    expect(got.properties).toMatchObject({
      supportPlanType: 'Cloud Solution Provider',
      serviceDisplayName: 'Virtual Machine running Windows',
    })
  })

  it('R8 over ARM: without RBAC on the subscription the provider may open a billing ticket, not a technical one', async () => {
    const rbac = () =>
      t.db.db
        .updateTable('azure_role_assignments')
        .where('principal_id', '=', demoId('group', 'northwind.example/Admin Agents'))
        .where('subscription_id', '=', BIANCHI_SUB)
    await rbac().set({ role_name: 'Reader' }).execute()
    try {
      const nora = await t.tokenFor('nora@northwind.example', 'bianchi.example')
      const technical = await put(nora, BIANCHI_SUB, 'nora-tech-2', ticket({}, 'nora@northwind.example'))
      expect(technical.status).toBe(403)
      expect(technical.json().error.details[0].code).toBe('R6')
      expect(technical.json().error.additionalInfo[0].info.reason).toBe('azure_rbac_missing')
      const billing = await put(
        nora,
        BIANCHI_SUB,
        'nora-billing',
        ticket(
          { serviceId: service('billing'), problemClassificationId: classification('billing', 'invoice') },
          'nora@northwind.example',
        ),
      )
      expect(billing.status, billing.body).toBe(202)
    } finally {
      await rbac().set({ role_name: 'Owner' }).execute()
    }
  })

  it('R13 over ARM: the partner’s own subscription in its own context needs its entitlement', async () => {
    const own = await t.tokenFor('anna@fabrikam.example')
    const res = await put(own, FABRIKAM_SUB, 'own-vm', ticket())
    expect(res.status).toBe(202)
    const got = (await t.request('GET', `${tickets(FABRIKAM_SUB)}/own-vm${V}`, { token: own })).json()
    expect(got.properties.supportPlanType).toBe('Azure support plan')
  })

  it('when the ticket is updated, then severity restarts the SLA, status closes and reopens, and contact changes stay R7-checked', async () => {
    await put(annaInRossi, ROSSI_SUB, 'to-update', ticket({ severity: 'minimal' }))
    const patch = (body: unknown) =>
      t.request('PATCH', `${tickets(ROSSI_SUB)}/to-update${V}`, { token: annaInRossi, body })
    const raised = (await patch({ severity: 'moderate' })).json()
    expect(raised.properties.serviceLevelAgreement.slaMinutes).toBe(240)
    const sla = raised.properties.serviceLevelAgreement
    expect(new Date(sla.expirationTime).getTime() - new Date(sla.startTime).getTime()).toBe(240 * 60_000)
    expect((await patch({ status: 'closed' })).json().properties.status).toBe('Closed')
    expect((await patch({ status: 'open' })).json().properties.status).toBe('Open')
    expect((await patch({ contactDetails: { primaryEmailAddress: 'admin@rossi.example' } })).status).toBe(400)
    const phone = (
      await patch({ contactDetails: { phoneNumber: '+39 02 5550 1001', preferredContactMethod: 'phone' } })
    ).json()
    expect(phone.properties.contactDetails).toMatchObject({
      phoneNumber: '+39 02 5550 1001',
      preferredContactMethod: 'phone',
      primaryEmailAddress: 'anna@fabrikam.example',
    })
    expect((await patch({ severity: 'highestcriticalimpact' })).status).toBe(400)
  })

  it('when names collide or are checked, then 409 and checkNameAvailability agree', async () => {
    await put(annaInRossi, ROSSI_SUB, 'taken-name', ticket())
    expect((await put(annaInRossi, ROSSI_SUB, 'taken-name', ticket())).status).toBe(409)
    const check = (name: string) =>
      t.request('POST', `/subscriptions/${ROSSI_SUB}/providers/Microsoft.Support/checkNameAvailability${V}`, {
        token: annaInRossi,
        body: { name, type: 'Microsoft.Support/supportTickets' },
      })
    expect((await check('taken-name')).json()).toMatchObject({
      nameAvailable: false,
      reason: 'AlreadyExists',
    })
    expect((await check('fresh-name')).json()).toEqual({ nameAvailable: true })
  })

  it('when tickets are listed with $filter and $top, then nextLink pages and filters apply', async () => {
    for (const n of [1, 2, 3])
      await put(annaInRossi, ROSSI_SUB, `paged-${n}`, ticket({ title: `Paged ${n}` }))
    const first = (await t.request('GET', `${tickets(ROSSI_SUB)}${V}&$top=2`, { token: annaInRossi })).json()
    expect(first.value).toHaveLength(2)
    const names = first.value.map((v: { name: string }) => v.name)
    let next = first.nextLink
    while (next) {
      const page = (
        await t.request('GET', next.replace(/^https?:\/\/[^/]+/, ''), { token: annaInRossi })
      ).json()
      names.push(...page.value.map((v: { name: string }) => v.name))
      next = page.nextLink
    }
    expect(names).toEqual(expect.arrayContaining(['paged-1', 'paged-2', 'paged-3']))
    const since = encodeURIComponent(
      `createdDate ge ${new Date(Date.now() - 60_000).toISOString()} and status eq 'Open'`,
    )
    const recent = (
      await t.request('GET', `${tickets(ROSSI_SUB)}${V}&$filter=${since}`, { token: annaInRossi })
    ).json()
    expect(recent.value.length).toBeGreaterThanOrEqual(3)
    const billingOnly = encodeURIComponent(`ServiceId eq '${service('billing')}'`)
    expect(
      (
        await t.request('GET', `${tickets(ROSSI_SUB)}${V}&$filter=${billingOnly}`, { token: annaInRossi })
      ).json().value,
    ).toEqual([])
    const bad = await t.request(
      'GET',
      `${tickets(ROSSI_SUB)}${V}&$filter=${encodeURIComponent('title eq 1')}`,
      { token: annaInRossi },
    )
    expect(bad.status).toBe(400)
  })

  it('when communications are added and listed, then they are the request’s notes, with names and subjects', async () => {
    await put(annaInRossi, ROSSI_SUB, 'with-comms', ticket())
    const path = `${tickets(ROSSI_SUB)}/with-comms/communications`
    const created = await t.request('PUT', `${path}/first${V}`, {
      token: annaInRossi,
      body: { properties: { subject: 'Update', body: 'Still down.' } },
    })
    expect(created.status).toBe(202)
    expect(
      (
        await t.request('PUT', `${path}/first${V}`, {
          token: annaInRossi,
          body: { properties: { subject: 'x', body: 'y' } },
        })
      ).status,
    ).toBe(409)
    const one = (await t.request('GET', `${path}/first${V}`, { token: annaInRossi })).json()
    expect(one).toMatchObject({
      name: 'first',
      type: 'Microsoft.Support/communications',
      properties: {
        subject: 'Update',
        body: 'Still down.',
        communicationType: 'web',
        communicationDirection: 'inbound',
        sender: 'anna@fabrikam.example',
      },
    })
    const listed = (
      await t.request('GET', `${path}${V}&$filter=${encodeURIComponent("communicationType eq 'web'")}`, {
        token: annaInRossi,
      })
    ).json()
    expect(listed.value.map((c: { name: string }) => c.name)).toEqual(['first'])
    const portal = (
      await t.request('GET', '/api/service-requests?workload=azure&limit=200', {
        token: await t.tokenFor('admin@rossi.example'),
      })
    ).json()
    const request = portal.items.find((r: { title: string; id: string }) => r.title === 'VM unreachable')
    expect(request).toBeTruthy()
  })

  it('when an auxiliary token is sent (CSP on behalf of), then it must be the same user’s own-tenant token', async () => {
    const own = await t.tokenFor('anna@fabrikam.example')
    const ok = await t.request('GET', `${tickets(ROSSI_SUB)}${V}`, {
      token: annaInRossi,
      headers: { 'x-ms-authorization-auxiliary': `Bearer ${own}` },
    })
    expect(ok.status).toBe(200)
    const someoneElse = await t.tokenFor('hugo@fabrikam.example')
    const bad = await t.request('GET', `${tickets(ROSSI_SUB)}${V}`, {
      token: annaInRossi,
      headers: { 'x-ms-authorization-auxiliary': `Bearer ${someoneElse}` },
    })
    expect(bad.status).toBe(401)
    expect(bad.json().error.code).toBe('InvalidAuthenticationTokenTenant')
  })

  it('when the portal asks for a delegated token, then it is issued only with an active GDAP role', async () => {
    const session = await t.signIn('anna@fabrikam.example')
    const ok = await t.request('POST', '/api/session/delegation', {
      session,
      body: { tenantId: tenantIdOf('rossi.example'), audience: 'https://management.azure.com' },
    })
    expect(ok.status).toBe(200)
    expect(ok.json().tenant.name).toBe('Rossi Costruzioni S.p.A.')
    expect((await t.request('GET', `${tickets(ROSSI_SUB)}${V}`, { token: ok.json().token })).status).toBe(200)
    const expired = await t.request('POST', '/api/session/delegation', {
      session,
      body: { tenantId: tenantIdOf('tailspin.example') },
    })
    expect(expired.status).toBe(403)
    expect(expired.json().error.code).toBe('no_delegated_access')
  })

  it('when the catalog is read, then services and classifications come in the caller’s language', async () => {
    const it_ = (
      await t.request('GET', `/providers/Microsoft.Support/services${V}`, {
        token: annaInRossi,
        headers: { 'accept-language': 'it-IT' },
      })
    ).json()
    expect(it_.value[0].properties.displayName).toBe('Macchina virtuale Windows')
    const pcs = (
      await t.request('GET', `${service('quota')}/problemClassifications${V}`, { token: annaInRossi })
    ).json()
    expect(pcs.value.map((p: { properties: { displayName: string } }) => p.properties.displayName)).toContain(
      'Compute-VM (cores-vCPUs) subscription limit increases',
    )
    expect(
      (await t.request('GET', `/providers/Microsoft.Support/services/not-a-guid${V}`, { token: annaInRossi }))
        .status,
    ).toBe(404)
  })
})
