import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { TEST_PASSWORD } from '../support/constants.ts'
import { dialects } from '../support/dialects.ts'
import { rowCount, vendorAdminToken } from '../support/directory.ts'
import { fileRequest } from '../support/requests.ts'

const FABRIKAM = tenantIdOf('fabrikam.example')
const NORTHWIND = tenantIdOf('northwind.example')
const ROSSI = tenantIdOf('rossi.example')

describe.each(dialects())('the vendor administers its partners (%s)', { timeout: 60_000 }, (dialect) => {
  let t: TestApp
  let vendor: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    vendor = await vendorAdminToken(t)
  })
  afterAll(async () => t?.close())

  const partners = (method: string, url: string, token: string, body?: unknown) =>
    t.request(method, `/api/directory/partners${url}`, { token, ...(body === undefined ? {} : { body }) })
  const audited = (action: string, targetId: string) =>
    t.db.db
      .selectFrom('audit_events')
      .select(['action', 'tenant_id', 'details'])
      .where('action', '=', action)
      .where('target_id', '=', targetId)
      .execute()

  it('when the vendor creates a partner of each type, then each is listed with its type, MPN id, locale, country and support contact, its role groups, and a first administrator invited by email; audited', async () => {
    const created: Record<string, string> = {}
    for (const type of ['direct', 'indirect_provider', 'advisor'] as const) {
      const res = await partners('POST', '', vendor, {
        name: `Acme ${type}`,
        type,
        domain: `acme-${type.replace('_', '-')}.example`,
        adminEmail: `admin@acme-${type.replace('_', '-')}.example`,
        locale: 'it-IT',
        supportEmail: `help@acme-${type.replace('_', '-')}.example`,
        supportPhone: '+39 02 555 0100',
      })
      expect(res.status, res.body).toBe(201)
      const body = res.json()
      expect(body.partner).toMatchObject({
        type,
        country: 'IT',
        locale: 'it-IT',
        status: 'active',
        mpnId: expect.stringMatching(/^\d{7}$/),
        supportEmail: `help@acme-${type.replace('_', '-')}.example`,
        userCount: 1,
      })
      expect(body.adminInvitationUrl).toMatch(/\/invitation#[\w-]{40,}$/)
      created[type] = body.partner.tenantId
      expect(await audited('directory.partner.create', created[type]!)).toHaveLength(1)
    }
    const reseller = await partners('POST', '', vendor, {
      name: 'Acme Reseller',
      type: 'indirect_reseller',
      domain: 'acme-reseller.example',
      adminEmail: 'admin@acme-reseller.example',
      mpnId: '987654',
      providerTenantIds: [created.indirect_provider],
    })
    expect(reseller.status, reseller.body).toBe(201)
    expect(reseller.json().partner).toMatchObject({
      type: 'indirect_reseller',
      mpnId: '987654',
      locale: 'en-US',
      country: 'US',
      providers: [{ tenantId: created.indirect_provider, name: 'Acme indirect_provider' }],
    })
    const provider = (await partners('GET', `/${created.indirect_provider}`, vendor)).json()
    expect(provider.resellers).toEqual([
      { tenantId: reseller.json().partner.tenantId, name: 'Acme Reseller' },
    ])

    // the role groups exist, and the first administrator is in AdminAgents (an admin agent)
    const groups = await t.db.db
      .selectFrom('security_groups')
      .select(['display_name', 'partner_role'])
      .where('tenant_id', '=', created.direct!)
      .orderBy('display_name')
      .execute()
    expect(groups.map((g) => g.partner_role).sort()).toEqual(['admin_agent', 'helpdesk_agent', 'sales_agent'])

    // the invitation sets the administrator's password once; they sign in as an admin agent
    const secret = (
      await partners('POST', '', vendor, {
        name: 'Acme Late',
        type: 'direct',
        domain: 'acme-late.example',
        adminEmail: 'boss@acme-late.example',
      })
    )
      .json()
      .adminInvitationUrl.split('#')[1]
    const accepted = await t.request('POST', '/api/invitations/accept', {
      body: { secret, password: 'a-long-enough-password' },
    })
    expect(accepted.status, accepted.body).toBe(200)
    const session = await t.request('POST', '/api/session', {
      body: { email: 'boss@acme-late.example', password: 'a-long-enough-password' },
    })
    expect(session.status).toBe(200)
    expect(session.json().user.roles).toEqual(expect.arrayContaining(['global_admin', 'admin_agent']))

    const listed = (await partners('GET', '', vendor)).json().map((p: { name: string }) => p.name)
    expect(listed).toEqual(expect.arrayContaining(['Fabrikam', 'Acme direct', 'Acme Reseller', 'Acme Late']))
  })

  it('when a partner’s input is bad or clashes, then a 4xx names the problem in the caller’s language and nothing is written', async () => {
    const before = await Promise.all([
      rowCount(t, 'tenants'),
      rowCount(t, 'users'),
      rowCount(t, 'audit_events'),
    ])
    const base = { name: 'Bad', type: 'direct', domain: 'bad-one.example', adminEmail: 'a@bad-one.example' }
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, type: 'indirect_reseller' }, 400, 'provider_required'],
      [{ ...base, providerTenantIds: [NORTHWIND] }, 400, 'provider_not_allowed'],
      [{ ...base, type: 'indirect_reseller', providerTenantIds: [FABRIKAM] }, 400, 'not_a_provider'],
      [{ ...base, domain: 'fabrikam.example' }, 409, 'domain_taken'],
      [{ ...base, adminEmail: 'anna@fabrikam.example' }, 409, 'email_taken'],
      [{ ...base, mpnId: '4510001' }, 409, 'mpn_taken'],
      [{ ...base, mpnId: '12' }, 400, 'csv_invalid'],
      [{ ...base, locale: 'italian' }, 400, 'csv_invalid'],
      [{ ...base, domain: 'not a domain' }, 400, 'csv_invalid'],
      [{ ...base, type: 'distributor' }, 400, 'validation_failed'],
    ]
    for (const [body, status, code] of cases) {
      const res = await partners('POST', '', vendor, body)
      expect([res.status, res.json().error?.code], JSON.stringify(body)).toEqual([status, code])
      expect(res.json().error.message).toEqual(expect.any(String))
    }
    const italian = await t.request('POST', '/api/directory/partners', {
      token: vendor,
      headers: { 'accept-language': 'it' },
      body: { ...base, domain: 'fabrikam.example' },
    })
    expect(italian.json().error.message).toMatch(/dominio/i)
    expect(
      await Promise.all([rowCount(t, 'tenants'), rowCount(t, 'users'), rowCount(t, 'audit_events')]),
    ).toEqual(before)
  })

  it('when someone other than the vendor’s global administrator administers partners, then 403; an unknown or non-partner tenant is 404', async () => {
    const body = { name: 'X', type: 'direct', domain: 'x-partner.example', adminEmail: 'a@x-partner.example' }
    for (const email of ['anna@fabrikam.example', 'engineer@contoso.example', 'admin@rossi.example']) {
      const token = await t.tokenFor(email)
      const created = await partners('POST', '', token, body)
      expect([created.status, created.json().error.code]).toEqual([403, 'vendor_admin_required'])
      expect((await partners('GET', '', token)).status).toBe(403)
      expect((await partners('POST', `/${FABRIKAM}/suspend`, token)).status).toBe(403)
    }
    // in Italian the refusal names the vendor, never "il fornitore"
    const italian = await t.request('GET', '/api/directory/partners', {
      token: await t.tokenFor('anna@fabrikam.example'),
      headers: { 'accept-language': 'it' },
    })
    expect(italian.json().error.message).toBe(
      'Solo gli amministratori globali di Contoso Cloud amministrano i partner e i prodotti del marketplace.',
    )
    expect((await partners('GET', `/${ROSSI}`, vendor)).status).toBe(404)
    expect((await partners('GET', '/00000000-0000-4000-8000-000000000000', vendor)).status).toBe(404)
    expect((await partners('PATCH', '/not-an-id', vendor, { name: 'Y' })).status).toBe(404)
  })

  it('when the vendor changes a partner’s support contact, then customers see the new contact (R10 names whom to contact); a bad change is refused and changes nothing', async () => {
    const res = await partners('PATCH', `/${FABRIKAM}`, vendor, {
      supportEmail: 'desk@fabrikam.example',
      supportPhone: '+39 02 5550 9999',
    })
    expect(res.status, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      supportEmail: 'desk@fabrikam.example',
      supportPhone: '+39 02 5550 9999',
    })
    expect(await audited('directory.partner.update', FABRIKAM)).toHaveLength(1)
    const advice = await t.request('GET', '/api/advice?workload=office365', {
      token: await t.tokenFor('admin@rossi.example'),
    })
    expect(advice.json()).toMatchObject({ rule: 'R10' })
    expect(advice.json().partners).toContainEqual(
      expect.objectContaining({
        name: 'Fabrikam',
        email: 'desk@fabrikam.example',
        phone: '+39 02 5550 9999',
      }),
    )

    const bad = await partners('PATCH', `/${FABRIKAM}`, vendor, { country: 'ITA' })
    expect(bad.status).toBe(400)
    const clash = await partners('PATCH', `/${FABRIKAM}`, vendor, { mpnId: '4510002' })
    expect([clash.status, clash.json().error.code]).toEqual([409, 'mpn_taken'])
    expect((await partners('GET', `/${FABRIKAM}`, vendor)).json()).toMatchObject({
      mpnId: '4510001',
      country: 'IT',
    })
  })

  it('when a partner is suspended, then its users’ tokens and sign-in stop and nothing is filed in its name, its history stays; reactivated, they work again', async () => {
    const anna = await t.tokenFor('anna@fabrikam.example')
    const filed = await fileRequest(t, anna)
    const history = async () => ({
      requests: (
        await t.db.db
          .selectFrom('service_requests')
          .select('id')
          .where('partner_tenant_id', '=', FABRIKAM)
          .execute()
      ).length,
      relationships: (
        await t.db.db
          .selectFrom('gdap_relationships')
          .select('id')
          .where('partner_tenant_id', '=', FABRIKAM)
          .execute()
      ).length,
    })
    const before = await history()

    const suspended = await partners('POST', `/${FABRIKAM}/suspend`, vendor)
    expect(suspended.status, suspended.body).toBe(200)
    expect(suspended.json()).toMatchObject({ status: 'suspended', suspendedAt: expect.any(String) })
    expect((await t.request('GET', '/api/session', { token: anna })).status).toBe(401)
    const refused = await t.request('POST', '/api/service-requests', {
      token: anna,
      body: {
        customerTenantId: ROSSI,
        workload: 'office365',
        title: 'x',
        description: 'y',
        severity: 'moderate',
      },
    })
    expect(refused.status).toBe(401)
    const signIn = await t.request('POST', '/api/session', {
      body: { email: 'anna@fabrikam.example', password: TEST_PASSWORD },
      headers: { 'accept-language': 'it' },
    })
    expect(signIn.status).not.toBe(200)
    // whoever knows the password is told whom to ask, by name
    expect(signIn.json().error).toMatchObject({
      code: 'tenant_suspended',
      message:
        "L'organizzazione Fabrikam è sospesa: i suoi utenti non possono accedere né usare token finché Contoso Cloud non la riattiva.",
    })
    await expect(t.tokenFor('hugo@fabrikam.example')).rejects.toBeTruthy()
    expect(await history()).toEqual(before)
    // Rossi's administrator still sees the request Fabrikam filed
    const rossi = await t.request('GET', `/api/service-requests/${filed.id}`, {
      token: await t.tokenFor('admin@rossi.example'),
    })
    expect(rossi.status).toBe(200)

    const again = await partners('POST', `/${FABRIKAM}/suspend`, vendor)
    expect(again.json().status).toBe('suspended')
    expect(await audited('directory.partner.suspend', FABRIKAM)).toHaveLength(1)

    const reactivated = await partners('POST', `/${FABRIKAM}/reactivate`, vendor)
    expect(reactivated.json()).toMatchObject({ status: 'active', suspendedAt: null })
    expect((await t.request('GET', '/api/session', { token: anna })).status).toBe(200)
    const signInAgain = await t.request('POST', '/api/session', {
      body: { email: 'anna@fabrikam.example', password: TEST_PASSWORD },
    })
    expect(signInAgain.status).toBe(200)
    expect(await audited('directory.partner.reactivate', FABRIKAM)).toHaveLength(1)
  })
})

describe.each(dialects())(
  'marketplace products and their ISV contacts (%s)',
  { timeout: 60_000 },
  (dialect) => {
    let t: TestApp
    let vendor: string
    beforeAll(async () => {
      t = await startTestApp(dialect)
      vendor = await vendorAdminToken(t)
    })
    afterAll(async () => t?.close())

    const products = (method: string, url: string, token: string, body?: unknown) =>
      t.request(method, `/api/directory/marketplace-products${url}`, {
        token,
        ...(body === undefined ? {} : { body }),
      })
    const marketplaceAdvice = async (product: string) =>
      (
        await t.request('GET', `/api/advice?customer=${ROSSI}&workload=marketplace&product=${product}`, {
          token: await t.tokenFor('anna@fabrikam.example'),
        })
      ).json()

    it('R11: when the vendor adds a product with its ISV’s contacts, then advice about it refuses with those contacts; a change to them shows at once', async () => {
      const res = await products('POST', '', vendor, {
        name: 'PayrollPro',
        isvName: 'Trey Research',
        supportUrl: 'https://help.trey.example/payroll',
        supportEmail: 'payroll@trey.example',
      })
      expect(res.status, res.body).toBe(201)
      expect(res.json()).toMatchObject({ name: 'PayrollPro', retiredAt: null, subscriptionCount: 0 })
      const id = res.json().id
      expect(await marketplaceAdvice('PayrollPro')).toMatchObject({
        allowed: false,
        rule: 'R11',
        reason: 'marketplace_isv_support',
        isv: { name: 'PayrollPro', isvName: 'Trey Research', supportEmail: 'payroll@trey.example' },
      })
      const changed = await products('PATCH', `/${id}`, vendor, {
        supportPhone: '+1 425 555 0100',
        supportUrl: null,
      })
      expect(changed.status, changed.body).toBe(200)
      const advice = await marketplaceAdvice(id)
      expect(advice.isv).toMatchObject({ supportPhone: '+1 425 555 0100', supportUrl: null })
      expect(advice.remedy).toContain('+1 425 555 0100')
      const actions = await t.db.db
        .selectFrom('audit_events')
        .select(['action', 'rule'])
        .where('target_id', '=', id)
        .orderBy('id')
        .execute()
      expect(actions).toEqual([
        { action: 'directory.product.create', rule: 'R11' },
        { action: 'directory.product.update', rule: 'R11' },
      ])
    })

    it('when a product is retired, then it is kept for the subscriptions that bought it and R11 still names its ISV', async () => {
      const ledger = (await products('GET', '', vendor))
        .json()
        .find((p: { name: string }) => p.name === 'LedgerLite')
      expect(ledger.subscriptionCount).toBe(1)
      const retired = await products('PATCH', `/${ledger.id}`, vendor, { retired: true })
      expect(retired.json()).toMatchObject({ retiredAt: expect.any(String), subscriptionCount: 1 })
      expect(
        await t.db.db
          .selectFrom('audit_events')
          .select('action')
          .where('target_id', '=', ledger.id)
          .where('action', '=', 'directory.product.retire')
          .execute(),
      ).toHaveLength(1)
      const advice = await t.request('GET', '/api/advice?workload=marketplace', {
        token: await t.tokenFor('admin@rossi.example'),
      })
      expect(advice.json()).toMatchObject({ rule: 'R11', isv: { isvName: 'Proseware' } })
    })

    it('when a product’s input is bad, clashes or comes from someone else than the vendor’s administrator, then 4xx and nothing is written', async () => {
      const before = [await rowCount(t, 'marketplace_products'), await rowCount(t, 'audit_events')]
      const cases: [Record<string, unknown>, number, string][] = [
        [{ name: 'A', isvName: 'B', supportUrl: 'ftp://x' }, 400, 'csv_invalid'],
        [{ name: 'A', isvName: 'B', supportEmail: 'not-an-email' }, 400, 'csv_invalid'],
        [{ name: 'ledgerlite', isvName: 'Someone' }, 409, 'product_name_taken'],
        [{ name: 'A' }, 400, 'validation_failed'],
        [{ name: '   ', isvName: 'B' }, 400, 'csv_invalid'],
      ]
      for (const [body, status, code] of cases) {
        const res = await products('POST', '', vendor, body)
        expect([res.status, res.json().error?.code], JSON.stringify(body)).toEqual([status, code])
      }
      for (const email of ['anna@fabrikam.example', 'engineer@contoso.example']) {
        const res = await products('POST', '', await t.tokenFor(email), { name: 'Z', isvName: 'Z' })
        expect([res.status, res.json().error.code]).toEqual([403, 'vendor_admin_required'])
        expect(res.json().error.message).toMatch(/^Only Contoso Cloud’s global administrators administer/)
      }
      expect(
        (await products('PATCH', '/00000000-0000-4000-8000-000000000000', vendor, { name: 'Q' })).status,
      ).toBe(404)
      expect([await rowCount(t, 'marketplace_products'), await rowCount(t, 'audit_events')]).toEqual(before)
    })
  },
)

describe.each(dialects())('a partner’s own support entitlements (%s)', { timeout: 60_000 }, (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(async () => t?.close())

  const ownAzure = async (email: string) =>
    (await t.request('GET', '/api/advice?workload=azure', { token: await t.tokenFor(email) })).json()
  const entitlements = async (method: string, url: string, email: string, body?: unknown, locale = 'en') =>
    t.request(method, `/api/directory/entitlements${url}`, {
      token: await t.tokenFor(email),
      headers: { 'accept-language': locale },
      ...(body === undefined ? {} : { body }),
    })

  it('R13: when nora adds an Azure support plan, then her own Azure request is allowed under it; removed, the policy stops offering it but the row stays', async () => {
    expect(await ownAzure('nora@northwind.example')).toMatchObject({
      allowed: false,
      rule: 'R13',
      reason: 'no_entitlement',
    })
    const added = await entitlements('POST', '', 'nora@northwind.example', {
      kind: 'azure_support_plan',
      reference: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
      description: 'Azure Standard',
      validUntil: '2099-12-31',
    })
    expect(added.status, added.body).toBe(201)
    const id = added.json().id
    expect(await ownAzure('nora@northwind.example')).toMatchObject({
      allowed: true,
      rule: 'R13',
      reason: 'own_with_entitlement',
      supportPlan: 'Azure support plan (0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0)',
    })
    const listed = await entitlements('GET', '', 'nora@northwind.example')
    expect(listed.json().map((e: { id: string }) => e.id)).toEqual([id])

    expect((await entitlements('DELETE', `/${id}`, 'nora@northwind.example')).status).toBe(204)
    expect(await ownAzure('nora@northwind.example')).toMatchObject({ allowed: false, rule: 'R13' })
    expect((await entitlements('GET', '', 'nora@northwind.example')).json()).toEqual([])
    const row = await t.db.db
      .selectFrom('support_entitlements')
      .select('removed_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.removed_at).toBeInstanceOf(Date)
    const actions = await t.db.db
      .selectFrom('audit_events')
      .select(['action', 'rule'])
      .where('target_id', '=', id)
      .orderBy('id')
      .execute()
    expect(actions).toEqual([
      { action: 'directory.entitlement.add', rule: 'R13' },
      { action: 'directory.entitlement.remove', rule: 'R13' },
    ])
  })

  it('when an entitlement is bad, or added or removed by someone who may not, or names another partner’s, then 4xx and nothing changes', async () => {
    const fabrikams = (await entitlements('GET', '', 'anna@fabrikam.example')).json()
    expect(fabrikams).toHaveLength(1)
    const before = [await rowCount(t, 'support_entitlements'), await rowCount(t, 'audit_events')]
    const good = { kind: 'premier', reference: 'PREM-1', description: 'Premier', validUntil: '2099-01-01' }
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['nora@northwind.example', { ...good, validUntil: '31/12/2099' }, 400, 'date_invalid'],
      ['nora@northwind.example', { ...good, validUntil: '2099-13-01' }, 400, 'date_invalid'],
      ['nora@northwind.example', { ...good, reference: '  ' }, 400, 'reference_required'],
      ['nora@northwind.example', { ...good, kind: 'gold' }, 400, 'validation_failed'],
      ['hugo@fabrikam.example', good, 403, 'directory_admin_required'],
      ['admin@rossi.example', good, 403, 'directory_admin_required'],
      ['engineer@contoso.example', good, 403, 'directory_admin_required'],
    ]
    for (const [email, body, status, code] of cases) {
      const res = await entitlements('POST', '', email, body)
      expect([res.status, res.json().error?.code], `${email} ${JSON.stringify(body)}`).toEqual([status, code])
    }
    const italian = await entitlements('POST', '', 'hugo@fabrikam.example', good, 'it')
    expect(italian.json().error.message).toMatch(/amministratori/i)
    // Fabrikam's entitlement, named by Northwind: 404, and it stays
    const foreign = await entitlements('DELETE', `/${fabrikams[0].id}`, 'nora@northwind.example')
    expect([foreign.status, foreign.json().error.code]).toEqual([404, 'not_your_object'])
    expect((await entitlements('DELETE', '/nonsense', 'nora@northwind.example')).status).toBe(404)
    expect((await entitlements('GET', '', 'anna@fabrikam.example')).json()).toHaveLength(1)
    expect([await rowCount(t, 'support_entitlements'), await rowCount(t, 'audit_events')]).toEqual(before)
  })
})

describe.each(dialects())(
  'what membership lets people do, per customer (%s)',
  { timeout: 60_000 },
  (dialect) => {
    let t: TestApp
    beforeAll(async () => {
      t = await startTestApp(dialect)
    })
    afterAll(async () => t?.close())

    it('when anna’s page is read, then it lists her groups and, per customer, the GDAP roles through Tier1 Support and the Azure Owner through Admin Agents', async () => {
      const anna = demoId('user', 'anna@fabrikam.example')
      const res = await t.request('GET', `/api/directory/users/${anna}`, {
        token: await t.tokenFor('hugo@fabrikam.example'),
      })
      expect(res.status, res.body).toBe(200)
      const body = res.json()
      expect(
        body.memberOf.map((m: { group: { displayName: string } }) => m.group.displayName).sort(),
      ).toEqual(['Admin Agents', 'Tier1 Support'])
      const rossi = body.access.find((a: { customerTenantId: string }) => a.customerTenantId === ROSSI)
      expect(rossi.gdap).toEqual([
        expect.objectContaining({
          relationshipName: 'Fabrikam-Rossi support',
          status: 'active',
          groupName: 'Tier1 Support',
          roles: expect.arrayContaining(['Service Support Administrator', 'Directory Readers']),
        }),
      ])
      expect(rossi.azure).toEqual([
        expect.objectContaining({
          subscriptionName: 'Rossi Produzione',
          role: 'Owner',
          groupName: 'Admin Agents',
        }),
      ])
      const tailspin = body.access.find(
        (a: { customerTenantId: string }) => a.customerTenantId === tenantIdOf('tailspin.example'),
      )
      expect(tailspin?.gdap.every((g: { status: string }) => g.status === 'expired') ?? true).toBe(true)
    })

    it('when a group’s page is read, then nesting shows: Azure Managers gives Directory Readers at Bianchi, and Admin Agents holds nora through it', async () => {
      const nora = await t.tokenFor('nora@northwind.example')
      const managers = demoId('group', 'northwind.example/Azure Managers')
      const res = await t.request('GET', `/api/directory/groups/${managers}`, { token: nora })
      expect(res.status, res.body).toBe(200)
      const bianchi = res
        .json()
        .access.find(
          (a: { customerTenantId: string }) => a.customerTenantId === tenantIdOf('bianchi.example'),
        )
      expect(bianchi.gdap).toEqual([
        expect.objectContaining({ groupName: 'Azure Managers', roles: ['Directory Readers'] }),
      ])
    })

    it('when another tenant’s user or group is asked for, then 404 and nothing of it is shown', async () => {
      const nora = await t.tokenFor('nora@northwind.example')
      for (const url of [
        `/api/directory/users/${demoId('user', 'anna@fabrikam.example')}`,
        '/api/directory/users/anna@fabrikam.example',
        `/api/directory/groups/${demoId('group', 'fabrikam.example/Tier1 Support')}`,
      ]) {
        const res = await t.request('GET', url, { token: nora })
        expect([res.status, res.json().error.code], url).toEqual([404, 'not_your_object'])
        expect(res.body).not.toContain('Moretti')
      }
    })
  },
)
