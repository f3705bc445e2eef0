import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLE_IDS } from '../../src/catalog/catalog.ts'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { userIdOf } from '../support/directory.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const TAILSPIN = tenantIdOf('tailspin.example')
const WIDEWORLD = tenantIdOf('wideworld.example')
const FABRIKAM = tenantIdOf('fabrikam.example')

describe.each(dialects())('support policy rules on the demo world (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(() => t?.close())

  async function advice(email: string, query: Record<string, string>, locale = 'en') {
    const res = await t.request('GET', `/api/advice?${new URLSearchParams(query)}`, {
      token: await t.tokenFor(email),
      headers: { 'accept-language': locale },
    })
    expect(res.status, res.body).toBe(200)
    return res.json()
  }

  async function file(email: string, body: Record<string, unknown>) {
    return t.request('POST', '/api/service-requests', {
      token: await t.tokenFor(email),
      body: {
        title: 'Mail not delivered',
        description: 'Since 9:00 no mail arrives.',
        severity: 'moderate',
        ...body,
      },
    })
  }

  const requestCount = async () =>
    (
      await t.db.db
        .selectFrom('service_requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n

  // ── R1 ──────────────────────────────────────────────────────────────────────────────────
  it('R1: a helpdesk agent without the Admin agent role cannot file for a customer', async () => {
    const a = await advice('hugo@fabrikam.example', { customer: ROSSI, workload: 'office365' })
    expect(a).toMatchObject({ allowed: false, rule: 'R1', reason: 'not_admin_agent' })
    expect(a.remedy).toMatch(/Admin agent role/)
    const before = await requestCount()
    const res = await file('hugo@fabrikam.example', { customerTenantId: ROSSI, workload: 'office365' })
    expect(res.status).toBe(403)
    expect(res.json().error).toMatchObject({
      code: 'policy_refused',
      details: { rule: 'R1', reason: 'not_admin_agent' },
    })
    expect(await requestCount()).toBe(before)
  })

  it('R1: with its GDAP relationship expired, anna cannot file for Tailspin, and advice says when it expired', async () => {
    const a = await advice('anna@fabrikam.example', { customer: TAILSPIN, workload: 'office365' })
    expect(a).toMatchObject({ allowed: false, rule: 'R1', reason: 'gdap_expired' })
    // the date as the page around it shows dates, not in ISO form
    expect(a.message).toMatch(/Fabrikam-Tailspin support.*expired on [A-Z][a-z]{2} \d{1,2}, \d{4}:/)
    expect(a.remedy).toMatch(/approve a new GDAP relationship with the Service Support Administrator role/)
    const it_ = await advice('anna@fabrikam.example', { customer: TAILSPIN, workload: 'office365' }, 'it')
    expect(it_.message).toMatch(/è scaduta il \d{1,2} [a-z]{3} \d{4}:/)
  })

  it('R1: a relationship terminated by the customer refuses at once', async () => {
    const rel = () => t.db.db.updateTable('gdap_relationships').where('customer_tenant_id', '=', WIDEWORLD)
    await rel().set({ status: 'terminated' }).execute()
    try {
      expect(
        await advice('leo@litware.example', { customer: WIDEWORLD, workload: 'dynamics' }),
      ).toMatchObject({
        allowed: false,
        rule: 'R1',
        reason: 'gdap_terminated',
      })
    } finally {
      await rel().set({ status: 'active' }).execute()
    }
    expect((await advice('leo@litware.example', { customer: WIDEWORLD, workload: 'dynamics' })).allowed).toBe(
      true,
    )
  })

  it('R1: an active relationship whose assignment does not reach any of the user’s groups gives no role', async () => {
    const assignment = () =>
      t.db.db
        .updateTable('gdap_access_assignments')
        .where('security_group_id', '=', demoId('group', 'adatum.example/Adatum Support'))
    await assignment().set({ status: 'deleted' }).execute()
    try {
      const a = await advice('ada@adatum.example', { customer: BIANCHI, workload: 'office365' })
      expect(a).toMatchObject({ allowed: false, rule: 'R1', reason: 'gdap_not_assigned' })
      expect(a.checks.map((c: { check: string; ok: boolean }) => [c.check, c.ok])).toEqual([
        ['admin_agent_role', true],
        ['active_gdap_relationship', true],
        ['group_assignment', false],
      ])
    } finally {
      await assignment().set({ status: 'active' }).execute()
    }
  })

  it('R1: a role reaches a user through a nested group (nora: Azure Managers inside Admin Agents)', async () => {
    const a = await advice('nora@northwind.example', { customer: BIANCHI, workload: 'office365' })
    // the assignment reaches her, but Directory Readers cannot open requests (R9 decides, not R1)
    expect(a.checks.find((c: { check: string }) => c.check === 'group_assignment').ok).toBe(true)
    expect(a).toMatchObject({ allowed: false, rule: 'R9', reason: 'gdap_role_insufficient' })
    expect(a.message).toMatch(/Directory Readers/)
  })

  // ── R2 ──────────────────────────────────────────────────────────────────────────────────
  it('R2: a request filed on behalf of a customer through the partner portal carries the CSP entitlement and the delegated context', async () => {
    const res = await file('anna@fabrikam.example', {
      customerTenantId: ROSSI,
      workload: 'office365',
      supportTopicId: 'o365.exchange',
    })
    expect(res.status, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      tenant: { tenantId: ROSSI, name: 'Rossi Costruzioni S.p.A.' },
      partner: { tenantId: FABRIKAM, name: 'Fabrikam' },
      supportPlan: 'csp',
      rule: 'R9',
      handledBy: 'vendor',
      status: 'open',
      delegation: {
        partnerTenantId: FABRIKAM,
        relationshipName: 'Fabrikam-Rossi support',
        roleName: 'Service Support Administrator',
        groupName: 'Tier1 Support',
      },
      supportTopic: { id: 'o365.exchange' },
      country: 'IT',
    })
  })

  // ── R3 ──────────────────────────────────────────────────────────────────────────────────
  it('R3: the New request flow verifies relationship, role and user assignment, and shows each check', async () => {
    const ok = await advice('anna@fabrikam.example', { customer: ROSSI, workload: 'office365' }, 'it')
    expect(
      ok.checks.map((c: { rule: string; check: string; ok: boolean }) => `${c.rule}:${c.check}:${c.ok}`),
    ).toEqual([
      'R1:admin_agent_role:true',
      'R1:active_gdap_relationship:true',
      'R1:group_assignment:true',
      'R9:gdap_role_for_support:true',
      'R7:csp_plan_and_partner_contact:true',
    ])
    expect(ok.checks[1].label).toBe('Una relazione GDAP attiva con il cliente')
    const missing = await advice('anna@fabrikam.example', { customer: TAILSPIN, workload: 'office365' })
    expect(missing.checks.at(-1)).toMatchObject({ check: 'active_gdap_relationship', ok: false })
  })

  // ── R5 ──────────────────────────────────────────────────────────────────────────────────
  it('R5: an indirect reseller cannot open an Azure request for its customer, even with a support contract', async () => {
    await t.db.db
      .insertInto('support_entitlements')
      .values({
        id: crypto.randomUUID(),
        partner_tenant_id: tenantIdOf('adatum.example'),
        kind: 'premier',
        reference: 'PRM-1234567',
        description: 'Premier',
      })
      .execute()
    const a = await advice('ada@adatum.example', { customer: BIANCHI, workload: 'azure' })
    expect(a).toMatchObject({ allowed: false, rule: 'R5', reason: 'reseller_not_provider' })
    expect(a.remedy).toMatch(/Northwind Distribution/)
    const res = await file('ada@adatum.example', { customerTenantId: BIANCHI, workload: 'azure' })
    expect(res.status).toBe(403)
    expect(res.json().error.details.rule).toBe('R5')
  })

  it('R5: an advisor cannot open Azure requests, and a subscription bought directly has no CSP provider', async () => {
    const a = await advice('leo@litware.example', { customer: WIDEWORLD, workload: 'azure' })
    expect(a).toMatchObject({ allowed: false, rule: 'R5', reason: 'azure_bought_direct' })
  })

  // ── R6 ──────────────────────────────────────────────────────────────────────────────────
  it('R6: the provider with a GDAP role and RBAC on the subscription may file an Azure request, recorded under the least-privileged role', async () => {
    const a = await advice('anna@fabrikam.example', { customer: ROSSI, workload: 'azure' })
    expect(a).toMatchObject({
      allowed: true,
      rule: 'R6',
      portal: 'azure',
      context: 'delegated',
      subscription: { name: 'Rossi Produzione' },
      // Tier1 Support holds Service Support Administrator and Directory Readers: for Azure the role
      // only opens the tenant, so the least-privileged one is the one used
      grant: { roleName: 'Directory Readers', groupName: 'Tier1 Support' },
    })
    expect(a.checks.find((c: { check: string }) => c.check === 'azure_rbac_support_write').ok).toBe(true)
    expect(a.message).toMatch(/Directory Readers.*Owner on Rossi Produzione/)
  })

  it('R6: nora (Northwind, the provider) may file for Bianchi’s Azure: her nested group Azure Managers holds only Directory Readers through GDAP, Admin Agents is Owner through RBAC', async () => {
    const a = await advice('nora@northwind.example', { customer: BIANCHI, workload: 'azure' })
    expect(a).toMatchObject({
      allowed: true,
      rule: 'R6',
      reason: 'delegated_azure',
      context: 'delegated',
      supportPlanKind: 'csp',
      contact: 'partner',
      grant: { roleName: 'Directory Readers', groupName: 'Azure Managers' },
    })
    expect(
      a.checks.map((c: { rule: string; check: string; ok: boolean }) => `${c.rule}:${c.check}:${c.ok}`),
    ).toEqual([
      'R1:admin_agent_role:true',
      'R1:active_gdap_relationship:true',
      'R1:group_assignment:true',
      'R6:gdap_role_opens_tenant:true',
      'R6:azure_rbac_support_write:true',
      'R7:csp_plan_and_partner_contact:true',
    ])
    const italian = await advice('nora@northwind.example', { customer: BIANCHI, workload: 'azure' }, 'it')
    // the Italian message names the role as the Italian Entra admin center does
    expect(italian.message).toMatch(/GDAP ti apre il tenant \(Lettori della directory\)/)

    const filed = await file('nora@northwind.example', { customerTenantId: BIANCHI, workload: 'azure' })
    expect(filed.status, filed.body).toBe(201)
    expect(filed.json()).toMatchObject({
      rule: 'R6',
      problemType: 'technical',
      supportPlan: 'csp',
      partner: { name: 'Northwind Distribution' },
      subscription: { name: expect.any(String) },
      delegation: {
        partnerName: 'Northwind Distribution',
        roleName: 'Directory Readers',
        groupName: 'Azure Managers',
      },
    })
    // Office 365 still needs a role with the support-ticket permission (R9)
    expect(
      await advice('nora@northwind.example', { customer: BIANCHI, workload: 'office365' }),
    ).toMatchObject({
      allowed: false,
      rule: 'R9',
      reason: 'gdap_role_insufficient',
    })
  })

  it('R6: a customer with no Azure subscription, asked about Azure, is refused by R6 (nothing to file for, no RBAC to hold), not by R5', async () => {
    const before = await requestCount()
    const a = await advice('anna@fabrikam.example', { customer: TAILSPIN, workload: 'azure' })
    expect(a).toMatchObject({ allowed: false, rule: 'R6', reason: 'no_azure_subscription' })
    expect(a.message).toMatch(/Tailspin Toys has no active Azure subscription/)
    expect(a.remedy).toMatch(/CSP provider first creates an Azure subscription/)
    const italian = await advice('anna@fabrikam.example', { customer: TAILSPIN, workload: 'azure' }, 'it')
    expect(italian.message).toMatch(/non ha una sottoscrizione Azure attiva/)
    const res = await file('anna@fabrikam.example', { customerTenantId: TAILSPIN, workload: 'azure' })
    expect(res.status).toBe(403)
    expect(res.json().error.details).toMatchObject({ rule: 'R6', reason: 'no_azure_subscription' })
    expect(await requestCount()).toBe(before)
  })

  it('R6: a subscription of the customer that is not an active Azure one is refused by R6, naming it', async () => {
    const m365 = await t.db.db
      .selectFrom('subscriptions')
      .select('id')
      .where('tenant_id', '=', ROSSI)
      .where('workload_id', '=', 'office365')
      .executeTakeFirstOrThrow()
    const a = await advice('anna@fabrikam.example', {
      customer: ROSSI,
      workload: 'azure',
      subscription: m365.id,
    })
    expect(a).toMatchObject({ allowed: false, rule: 'R6', reason: 'azure_subscription_unavailable' })
  })

  it('R6: without an Azure role allowing supportTickets/write on the subscription, the Azure request is refused', async () => {
    const rbac = () =>
      t.db.db
        .updateTable('azure_role_assignments')
        .where('principal_id', '=', demoId('group', 'fabrikam.example/Admin Agents'))
    await rbac().set({ role_name: 'Reader' }).execute()
    try {
      const a = await advice('anna@fabrikam.example', { customer: ROSSI, workload: 'azure' })
      expect(a).toMatchObject({ allowed: false, rule: 'R6', reason: 'azure_rbac_missing' })
      expect(a.remedy).toMatch(/Support Request Contributor/)
      await rbac().set({ role_name: 'Support Request Contributor' }).execute()
      expect((await advice('anna@fabrikam.example', { customer: ROSSI, workload: 'azure' })).allowed).toBe(
        true,
      )
    } finally {
      await rbac().set({ role_name: 'Owner' }).execute()
    }
  })

  it('R6: the provider whose groups hold no role in the customer’s tenant cannot open a technical Azure request, only R8 billing', async () => {
    const assignment = () =>
      t.db.db
        .updateTable('gdap_access_assignments')
        .where('security_group_id', '=', demoId('group', 'northwind.example/Azure Managers'))
    await assignment().set({ status: 'deleted' }).execute()
    try {
      const a = await advice('nora@northwind.example', { customer: BIANCHI, workload: 'azure' })
      expect(a).toMatchObject({ allowed: false, rule: 'R1', reason: 'gdap_not_assigned' })
      expect(a.alternatives).toEqual([{ rule: 'R8', problemType: 'billing' }])
    } finally {
      await assignment().set({ status: 'active' }).execute()
    }
  })

  // ── R7 ──────────────────────────────────────────────────────────────────────────────────
  it('R7: an Azure request for a customer uses the Cloud Solution Provider plan and the partner’s contact, never the customer’s', async () => {
    const a = await advice('anna@fabrikam.example', { customer: ROSSI, workload: 'azure' })
    expect(a).toMatchObject({
      supportPlan: 'Cloud Solution Provider',
      supportPlanKind: 'csp',
      contact: 'partner',
    })
    const other = await advice('anna@fabrikam.example', {
      customer: ROSSI,
      workload: 'azure',
      supportPlan: 'premier',
    })
    expect(other).toMatchObject({ allowed: false, rule: 'R7', reason: 'csp_plan_required' })

    const customerAdmin = await userIdOf(t, 'admin@rossi.example')
    const withCustomerContact = await file('anna@fabrikam.example', {
      customerTenantId: ROSSI,
      workload: 'azure',
      contact: { userId: customerAdmin },
    })
    expect(withCustomerContact.status).toBe(400)
    expect(withCustomerContact.json().error.code).toBe('invalid_contact')

    const filed = await file('anna@fabrikam.example', {
      customerTenantId: ROSSI,
      workload: 'azure',
      contact: { phone: '+39 02 1111' },
    })
    expect(filed.status).toBe(201)
    expect(filed.json()).toMatchObject({
      rule: 'R6',
      supportPlan: 'csp',
      contact: { email: 'anna@fabrikam.example', tenantId: FABRIKAM, phone: '+39 02 1111' },
      subscription: { name: 'Rossi Produzione' },
    })
  })

  // ── R8 ──────────────────────────────────────────────────────────────────────────────────
  it('R8: the provider without admin permissions in the customer may still open billing requests for its subscription', async () => {
    // Northwind's relationship with Bianchi ends: nora keeps no role in the customer's tenant
    const relationship = () =>
      t.db.db
        .updateTable('gdap_relationships')
        .where('customer_tenant_id', '=', BIANCHI)
        .where('partner_tenant_id', '=', tenantIdOf('northwind.example'))
    await relationship().set({ status: 'terminated' }).execute()
    try {
      expect(await advice('nora@northwind.example', { customer: BIANCHI, workload: 'azure' })).toMatchObject({
        allowed: false,
        rule: 'R1',
        reason: 'gdap_terminated',
        alternatives: [{ rule: 'R8', problemType: 'billing' }],
      })
      const a = await advice('nora@northwind.example', {
        customer: BIANCHI,
        workload: 'azure',
        problemType: 'billing',
      })
      expect(a).toMatchObject({
        allowed: true,
        rule: 'R8',
        context: 'provider',
        supportPlanKind: 'csp',
        grant: null,
      })
      const filed = await file('nora@northwind.example', {
        customerTenantId: BIANCHI,
        workload: 'azure',
        problemType: 'billing',
      })
      expect(filed.status).toBe(201)
      expect(filed.json()).toMatchObject({
        rule: 'R8',
        problemType: 'billing',
        delegation: { partnerName: 'Northwind Distribution', roleName: null },
      })
    } finally {
      await relationship().set({ status: 'active' }).execute()
    }
    // the narrower path is the provider's only: a reseller stays refused by R5
    expect(
      (await advice('ada@adatum.example', { customer: BIANCHI, workload: 'azure', problemType: 'billing' }))
        .rule,
    ).toBe('R5')
  })

  // ── R9 ──────────────────────────────────────────────────────────────────────────────────
  it('R9: Office 365, EMS and Dynamics need an active GDAP role with the support permission (least privilege first)', async () => {
    for (const workload of ['office365', 'ems', 'dynamics']) {
      expect(await advice('ada@adatum.example', { customer: BIANCHI, workload })).toMatchObject({
        allowed: true,
        rule: 'R9',
        portal: 'm365',
        grant: { roleName: 'Service Support Administrator', groupName: 'Adatum Support' },
      })
    }
    // Helpdesk Administrator carries the permission too; with both, the least-privileged role is used
    const rel = await t.db.db
      .selectFrom('gdap_relationships')
      .select('id')
      .where('customer_tenant_id', '=', BIANCHI)
      .where('partner_tenant_id', '=', tenantIdOf('northwind.example'))
      .executeTakeFirstOrThrow()
    const asg = await t.db.db
      .selectFrom('gdap_access_assignments')
      .select('id')
      .where('relationship_id', '=', rel.id)
      .executeTakeFirstOrThrow()
    await t.db.db
      .insertInto('gdap_relationship_roles')
      .values({ relationship_id: rel.id, role_id: ROLE_IDS.helpdeskAdministrator })
      .execute()
    await t.db.db
      .insertInto('gdap_assignment_roles')
      .values({ assignment_id: asg.id, role_id: ROLE_IDS.helpdeskAdministrator })
      .execute()
    try {
      expect(
        await advice('nora@northwind.example', { customer: BIANCHI, workload: 'office365' }),
      ).toMatchObject({
        allowed: true,
        rule: 'R9',
        grant: { roleName: 'Helpdesk Administrator' },
      })
    } finally {
      await t.db.db
        .deleteFrom('gdap_assignment_roles')
        .where('assignment_id', '=', asg.id)
        .where('role_id', '=', ROLE_IDS.helpdeskAdministrator)
        .execute()
      await t.db.db
        .deleteFrom('gdap_relationship_roles')
        .where('relationship_id', '=', rel.id)
        .where('role_id', '=', ROLE_IDS.helpdeskAdministrator)
        .execute()
    }
  })

  it('R9: a role assigned to the group but not granted by the relationship gives nothing', async () => {
    const rel = await t.db.db
      .selectFrom('gdap_relationships')
      .select('id')
      .where('customer_tenant_id', '=', BIANCHI)
      .where('partner_tenant_id', '=', tenantIdOf('northwind.example'))
      .executeTakeFirstOrThrow()
    const asg = await t.db.db
      .selectFrom('gdap_access_assignments')
      .select('id')
      .where('relationship_id', '=', rel.id)
      .executeTakeFirstOrThrow()
    await t.db.db
      .insertInto('gdap_assignment_roles')
      .values({ assignment_id: asg.id, role_id: ROLE_IDS.serviceSupportAdministrator })
      .execute()
    try {
      expect(
        await advice('nora@northwind.example', { customer: BIANCHI, workload: 'office365' }),
      ).toMatchObject({ allowed: false, rule: 'R9' })
    } finally {
      await t.db.db
        .deleteFrom('gdap_assignment_roles')
        .where('assignment_id', '=', asg.id)
        .where('role_id', '=', ROLE_IDS.serviceSupportAdministrator)
        .execute()
    }
  })

  // ── R10 ─────────────────────────────────────────────────────────────────────────────────
  it('R10: a customer with trial subscriptions only can only contact its CSP partner, whose inbox receives the request', async () => {
    const a = await advice('admin@bianchi.example', { workload: 'office365' })
    expect(a).toMatchObject({
      allowed: false,
      rule: 'R10',
      reason: 'trial_partner_only',
      alternatives: [{ rule: 'R10', handledBy: 'partner' }],
    })
    expect(a.partners[0]).toMatchObject({ name: 'Adatum', email: 'support@adatum.example' })
    expect((await file('admin@bianchi.example', { workload: 'office365' })).status).toBe(403)

    const sent = await file('admin@bianchi.example', { workload: 'office365', handledBy: 'partner' })
    expect(sent.status, sent.body).toBe(201)
    expect(sent.json()).toMatchObject({
      handledBy: 'partner',
      partner: { name: 'Adatum' },
      rule: 'R10',
      contact: { email: 'admin@bianchi.example' },
    })
    const inbox = (
      await t.request('GET', '/api/service-requests', { token: await t.tokenFor('ada@adatum.example') })
    ).json()
    expect(inbox.items.map((r: { id: string }) => r.id)).toContain(sent.json().id)
  })

  it('R10: a customer with paid subscriptions may open a request with the vendor or contact its partner', async () => {
    const a = await advice('admin@rossi.example', { workload: 'office365' })
    expect(a).toMatchObject({
      allowed: true,
      rule: 'R10',
      handledBy: 'vendor',
      contact: 'customer',
      alternatives: [{ rule: 'R10', handledBy: 'partner' }],
    })
    const filed = await file('admin@rossi.example', { workload: 'office365' })
    expect(filed.status).toBe(201)
    expect(filed.json()).toMatchObject({ handledBy: 'vendor', partner: null, supportPlan: 'customer' })
  })

  // ── R11 ─────────────────────────────────────────────────────────────────────────────────
  it('R11: a marketplace product is refused with the ISV’s published support contacts', async () => {
    const a = await advice('anna@fabrikam.example', {
      customer: ROSSI,
      workload: 'marketplace',
      product: 'LedgerLite',
    })
    expect(a).toMatchObject({
      allowed: false,
      rule: 'R11',
      isv: { isvName: 'Proseware', name: 'LedgerLite' },
    })
    expect(a.remedy).toBe(
      'Contact Proseware support: website https://support.proseware.example/ledgerlite, email help@proseware.example, phone +1 206 555 0175.',
    )
    // the vendor by its name, in either language
    expect(a.message).toMatch(/^Contoso Cloud gives no support for commercial-marketplace products/)
    const italian = await advice(
      'anna@fabrikam.example',
      { customer: ROSSI, workload: 'marketplace', product: 'LedgerLite' },
      'it',
    )
    expect(italian.message).toMatch(/^Contoso Cloud non offre supporto per i prodotti del marketplace/)
    await t.db.db
      .updateTable('marketplace_products')
      .set({ support_url: null, support_phone: null })
      .execute()
    try {
      const only = await advice('admin@rossi.example', { workload: 'marketplace' }, 'it')
      expect(only.remedy).toBe('Contatta il supporto di Proseware: email help@proseware.example.')
    } finally {
      await t.db.db
        .updateTable('marketplace_products')
        .set({
          support_url: 'https://support.proseware.example/ledgerlite',
          support_phone: '+1 206 555 0175',
        })
        .execute()
    }
  })

  // ── R12 ─────────────────────────────────────────────────────────────────────────────────
  it('R12: a workload portal opened directly is the partner’s own context: not a way to file for a customer', async () => {
    const a = await advice('anna@fabrikam.example', {
      customer: ROSSI,
      workload: 'azure',
      entryPoint: 'workload_portal',
    })
    expect(a).toMatchObject({ allowed: false, rule: 'R12', reason: 'workload_portal_is_own_context' })
    const own = await advice('anna@fabrikam.example', { workload: 'azure' })
    expect(own).toMatchObject({ allowed: true, context: 'own', tenant: { kind: 'own', name: 'Fabrikam' } })
    expect((await advice('ada@adatum.example', { workload: 'azure' })).reason).toBe('no_own_subscription')
  })

  // ── R13 ─────────────────────────────────────────────────────────────────────────────────
  it('R13: the partner’s own subscription needs its own valid entitlement; the CSP plan does not cover it', async () => {
    const fabrikam = await advice('anna@fabrikam.example', { workload: 'azure' })
    expect(fabrikam).toMatchObject({ allowed: true, rule: 'R13', supportPlanKind: 'azure_support_plan' })
    expect(fabrikam.supportPlan).toMatch(/Azure support plan \(7c4f2a9e/)
    expect(await advice('anna@fabrikam.example', { workload: 'azure', supportPlan: 'csp' })).toMatchObject({
      allowed: false,
      rule: 'R13',
      reason: 'csp_not_for_own',
    })
    expect(await advice('nora@northwind.example', { workload: 'azure' })).toMatchObject({
      allowed: false,
      rule: 'R13',
      reason: 'no_entitlement',
    })
    const filed = await file('anna@fabrikam.example', { workload: 'azure' })
    expect(filed.status).toBe(201)
    expect(filed.json()).toMatchObject({
      tenant: { tenantId: FABRIKAM },
      rule: 'R13',
      supportPlan: 'azure_support_plan',
      delegation: null,
    })
  })

  it('R13: an expired or badly formatted entitlement, or one that does not cover the workload, is refused', async () => {
    const northwind = tenantIdOf('northwind.example')
    const insert = (
      kind: 'premier' | 'partner_agreement' | 'azure_support_plan',
      reference: string,
      valid_until: string | null,
    ) =>
      t.db.db
        .insertInto('support_entitlements')
        .values({
          id: crypto.randomUUID(),
          partner_tenant_id: northwind,
          kind,
          reference,
          description: kind,
          valid_until,
        })
        .execute()
    await insert('premier', 'PRM-7654321', '2020-01-01')
    await insert('partner_agreement', 'not-a-number', null)
    expect((await advice('nora@northwind.example', { workload: 'azure' })).reason).toBe(
      'entitlement_not_covering',
    )
    await t.db.db
      .insertInto('subscriptions')
      .values({
        id: crypto.randomUUID(),
        tenant_id: FABRIKAM,
        workload_id: 'office365',
        offer_id: 'x',
        offer_name: 'M365',
        friendly_name: 'Fabrikam M365',
        channel: 'direct',
        billing: 'paid',
        status: 'active',
      })
      .execute()
    expect(await advice('anna@fabrikam.example', { workload: 'office365' })).toMatchObject({
      rule: 'R13',
      reason: 'entitlement_not_covering',
    })
    await insert('partner_agreement', '4510002', null)
    expect(await advice('nora@northwind.example', { workload: 'azure' })).toMatchObject({
      allowed: true,
      rule: 'R13',
      supportPlanKind: 'partner_agreement',
    })
  })

  // ── R14 ─────────────────────────────────────────────────────────────────────────────────
  it('R14: the first-response target is 2 h for critical, 4 h for moderate, 8 h for minimal', async () => {
    for (const [severity, hours] of [
      ['critical', 2],
      ['moderate', 4],
      ['minimal', 8],
    ] as const) {
      const res = await file('anna@fabrikam.example', {
        customerTenantId: ROSSI,
        workload: 'office365',
        severity,
      })
      const body = res.json()
      expect(new Date(body.firstResponseDueAt).getTime() - new Date(body.createdAt).getTime()).toBe(
        hours * 3600_000,
      )
    }
    expect(
      (await advice('leo@litware.example', { customer: WIDEWORLD, workload: 'dynamics' }))
        .firstResponseMinutes,
    ).toEqual({
      critical: 120,
      moderate: 240,
      minimal: 480,
    })
  })
})
