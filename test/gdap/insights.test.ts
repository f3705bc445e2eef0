import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLE_IDS } from '../../src/catalog/catalog.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI = tenantIdOf('rossi.example')
const BIANCHI = tenantIdOf('bianchi.example')
const TAILSPIN = tenantIdOf('tailspin.example')
const DAY = 86400_000

describe.each(dialects())('GDAP views for MSPs (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
  })
  afterAll(() => t?.close())

  const get = async (email: string, url: string) => t.request('GET', url, { token: await t.tokenFor(email) })

  it('when anna looks across her customers, then Tailspin is lost access, and flags follow end dates and roles', async () => {
    let view = (await get('anna@fabrikam.example', '/api/gdap/relationships')).json()
    expect(
      view.items
        .map((i: { displayName: string; flags: string[] }) => `${i.displayName}:${i.flags.join('+')}`)
        .sort(),
    ).toEqual(['Fabrikam-Rossi support:', 'Fabrikam-Tailspin support:lost_access'])
    expect(view.counts).toEqual({ expiring_soon: 0, lost_access: 1, no_support_role: 0, global_admin: 0 })

    await t.db.db
      .updateTable('gdap_relationships')
      .set({ end_at: new Date(Date.now() + 10 * DAY) })
      .where('customer_tenant_id', '=', ROSSI)
      .execute()
    await t.request('POST', '/v1.0/tenantRelationships/delegatedAdminRelationships', {
      token: await t.tokenFor('anna@fabrikam.example'),
      body: {
        displayName: 'Too powerful',
        duration: 'P30D',
        customer: { tenantId: ROSSI },
        accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE_IDS.globalAdministrator }] },
      },
    })
    view = (await get('anna@fabrikam.example', '/api/gdap/relationships?flag=expiring_soon')).json()
    expect(view.items.map((i: { displayName: string }) => i.displayName)).toEqual(['Fabrikam-Rossi support'])
    expect(view.counts.global_admin).toBe(1)
    const nora = (await get('nora@northwind.example', '/api/gdap/relationships?flag=no_support_role')).json()
    expect(nora.items.map((i: { displayName: string }) => i.displayName)).toEqual([
      'Northwind-Bianchi directory',
    ])
  })

  it('when the trace is asked for anna in Rossi, then it shows the chain and the verdict per workload', async () => {
    const trace = (
      await get('anna@fabrikam.example', `/api/gdap/trace?user=anna@fabrikam.example&customer=${ROSSI}`)
    ).json()
    expect(trace.user).toMatchObject({ email: 'anna@fabrikam.example', adminAgent: true })
    expect(trace.groups.map((g: { displayName: string }) => g.displayName).sort()).toEqual([
      'Admin Agents',
      'Tier1 Support',
    ])
    const rel = trace.relationships.find(
      (r: { displayName: string }) => r.displayName === 'Fabrikam-Rossi support',
    )
    expect(rel.assignments[0]).toMatchObject({
      group: { displayName: 'Tier1 Support' },
      reachesUser: true,
      path: ['Tier1 Support'],
    })
    expect(trace.grants.map((g: { roleName: string }) => g.roleName).sort()).toEqual([
      'Directory Readers',
      'Service Support Administrator',
    ])
    const verdicts = Object.fromEntries(
      trace.verdicts.map((v: { workload: string; rule: string; allowed: boolean }) => [
        v.workload,
        `${v.allowed}:${v.rule}`,
      ]),
    )
    expect(verdicts).toMatchObject({ office365: 'true:R9', azure: 'true:R6' })
  })

  it('when the trace is asked for nora in Bianchi, then the nesting path shows, R6 allows Azure and R9 says what Office 365 is missing', async () => {
    const trace = (
      await get('nora@northwind.example', `/api/gdap/trace?user=nora@northwind.example&customer=${BIANCHI}`)
    ).json()
    const assignment = trace.relationships[0].assignments[0]
    expect(assignment).toMatchObject({ group: { displayName: 'Azure Managers' }, reachesUser: true })
    // nora is in Admin Agents directly and through Azure Managers: both paths show
    const adminAgents = trace.groups.find((g: { displayName: string }) => g.displayName === 'Admin Agents')
    expect(adminAgents.paths).toEqual([['Admin Agents'], ['Azure Managers', 'Admin Agents']])
    const office = trace.verdicts.find((v: { workload: string }) => v.workload === 'office365')
    expect(office).toMatchObject({ allowed: false, rule: 'R9', reason: 'gdap_role_insufficient' })
    expect(office.remedy).toMatch(/Service Support Administrator/)
    const azure = trace.verdicts.find((v: { workload: string }) => v.workload === 'azure')
    expect(azure).toMatchObject({ allowed: true, rule: 'R6', reason: 'delegated_azure' })
  })

  it('when the trace is asked for anna in Tailspin (GDAP expired), then the relationship is the one broken link and its assignment is neither active nor reaching her', async () => {
    const trace = (
      await get('anna@fabrikam.example', `/api/gdap/trace?user=anna@fabrikam.example&customer=${TAILSPIN}`)
    ).json()
    expect(trace.relationships[0]).toMatchObject({ status: 'expired', givesAccess: false })
    const [assignment] = trace.relationships[0].assignments
    expect(assignment).toMatchObject({
      status: 'inactive',
      assignmentStatus: 'active',
      memberOfGroup: true,
      reachesUser: false,
      blockedBy: 'relationship',
    })
    expect(trace.grants).toEqual([])
    expect(trace.steps).toEqual([
      { step: 'user', state: 'ok' },
      { step: 'relationship', state: 'broken' },
      { step: 'groups', state: 'after_break' },
      { step: 'assignments', state: 'after_break' },
      { step: 'roles', state: 'after_break' },
    ])
    // past its end date an "active" relationship is expired at once, whatever its stored status says
    await t.db.db
      .updateTable('gdap_relationships')
      .set({ status: 'active' })
      .where('customer_tenant_id', '=', TAILSPIN)
      .execute()
    try {
      const again = (
        await get('anna@fabrikam.example', `/api/gdap/trace?user=anna@fabrikam.example&customer=${TAILSPIN}`)
      ).json()
      expect(again.relationships[0].assignments[0]).toMatchObject({ status: 'inactive', reachesUser: false })
      expect(again.steps[1]).toEqual({ step: 'relationship', state: 'broken' })
    } finally {
      await t.db.db
        .updateTable('gdap_relationships')
        .set({ status: 'expired' })
        .where('customer_tenant_id', '=', TAILSPIN)
        .execute()
    }
  })

  it('when the trace concerns hugo, then R1 names the missing Admin agent role; other partners’ users and customers answer 404', async () => {
    const hugo = (
      await get('anna@fabrikam.example', `/api/gdap/trace?user=hugo@fabrikam.example&customer=${ROSSI}`)
    ).json()
    // his only group is Helpdesk Agents (what makes him a helpdesk agent), which GDAP gives nothing
    expect(hugo.groups.map((g: { displayName: string }) => g.displayName)).toEqual(['Helpdesk Agents'])
    expect(hugo.verdicts.every((v: { rule: string }) => v.rule === 'R1')).toBe(true)
    expect(
      (await get('ada@adatum.example', `/api/gdap/trace?user=anna@fabrikam.example&customer=${ROSSI}`))
        .status,
    ).toBe(404)
    expect(
      (await get('ada@adatum.example', `/api/gdap/trace?user=ada@adatum.example&customer=${ROSSI}`)).status,
    ).toBe(404)
    expect(
      (await get('admin@rossi.example', `/api/gdap/trace?user=anna@fabrikam.example&customer=${ROSSI}`))
        .status,
    ).toBe(403)
  })

  it('when the role picker lists roles, then Service Support Administrator comes first as the least-privileged for support', async () => {
    const roles = (await get('anna@fabrikam.example', '/api/gdap/roles')).json().items
    expect(roles[0]).toMatchObject({
      displayName: 'Service Support Administrator',
      recommendedForSupport: true,
      filesM365Tickets: true,
    })
    expect(
      roles.find((r: { displayName: string }) => r.displayName === 'Global Administrator').privileged,
    ).toBe(true)
    const it_ = (
      await t.request('GET', '/api/gdap/roles', {
        token: await t.tokenFor('anna@fabrikam.example'),
        headers: { 'accept-language': 'it' },
      })
    ).json().items
    expect(it_[0].description).toMatch(/meno privilegi/)
  })

  it('when a customer administrator opens an invitation, then it names the partner that asks', async () => {
    const created = await t.request('POST', '/v1.0/tenantRelationships/delegatedAdminRelationships', {
      token: await t.tokenFor('anna@fabrikam.example'),
      body: {
        displayName: 'Invitation',
        duration: 'P30D',
        accessDetails: { unifiedRoles: [{ roleDefinitionId: ROLE_IDS.serviceSupportAdministrator }] },
      },
    })
    const id = created.json().id
    await t.request('POST', `/v1.0/tenantRelationships/delegatedAdminRelationships/${id}/requests`, {
      token: await t.tokenFor('anna@fabrikam.example'),
      body: { action: 'lockForApproval' },
    })
    const invitation = (await get('admin@wideworld.example', `/api/gdap/invitations/${id}`)).json()
    expect(invitation).toMatchObject({
      status: 'approvalPending',
      partner: { name: 'Fabrikam', mpnId: '4510001', partnerType: 'direct' },
    })
    expect((await get('ada@adatum.example', `/api/gdap/invitations/${id}`)).status).toBe(404)
  })
})
