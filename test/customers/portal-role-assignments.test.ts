import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI_SUB = demoId('subscription', 'rossi.example/Rossi Produzione')
const BIANCHI_SUB = demoId('subscription', 'bianchi.example/Bianchi Logistica Azure')
const TIER1 = demoId('group', 'fabrikam.example/Tier1 Support')
const FABRIKAM_AGENTS = demoId('group', 'fabrikam.example/Admin Agents')
const NORTHWIND_AGENTS = demoId('group', 'northwind.example/Admin Agents')
const base = (sub: string) => `/api/azure/subscriptions/${sub}`

describe.each(dialects())('the portal’s Azure role assignments (%s)', (dialect) => {
  let t: TestApp
  let annaInRossi: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    annaInRossi = await t.tokenFor('anna@fabrikam.example', 'rossi.example')
  })
  afterAll(() => t?.close())

  it('when anna works in Rossi’s tenant, then she lists the assignments with names and may give her Tier1 group Support Request Contributor, audited, and remove it', async () => {
    const list = await t.request('GET', `${base(ROSSI_SUB)}/role-assignments`, { token: annaInRossi })
    expect(list.status, list.body).toBe(200)
    expect(list.json().items).toContainEqual(
      expect.objectContaining({
        principalId: FABRIKAM_AGENTS,
        principalType: 'ForeignGroup',
        principalName: 'Admin Agents (Fabrikam)',
        roleName: 'Owner',
      }),
    )
    const principals = await t.request('GET', `${base(ROSSI_SUB)}/assignable-principals`, {
      token: annaInRossi,
    })
    const items = principals.json().items as { id: string; type: string; tenantName: string }[]
    expect(items).toContainEqual(
      expect.objectContaining({ id: TIER1, type: 'ForeignGroup', tenantName: 'Fabrikam' }),
    )
    expect(items.some((p) => p.type === 'User' && p.tenantName === 'Rossi Costruzioni S.p.A.')).toBe(true)
    expect(items.some((p) => p.id === NORTHWIND_AGENTS)).toBe(false)

    const created = await t.request('POST', `${base(ROSSI_SUB)}/role-assignments`, {
      token: annaInRossi,
      body: { principalId: TIER1, roleName: 'Support Request Contributor' },
    })
    expect(created.status, created.body).toBe(201)
    expect(created.json()).toMatchObject({
      principalType: 'ForeignGroup',
      roleName: 'Support Request Contributor',
    })
    const audit = await t.db.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', created.json().id)
      .executeTakeFirst()
    expect(audit?.action).toBe('azure.role_assignment.create')

    const again = await t.request('POST', `${base(ROSSI_SUB)}/role-assignments`, {
      token: annaInRossi,
      headers: { 'accept-language': 'it-IT' },
      body: { principalId: TIER1, roleName: 'Support Request Contributor' },
    })
    expect(again.status).toBe(409)
    expect(again.json().error).toMatchObject({
      code: 'RoleAssignmentExists',
      message: 'Questa entità ha già questo ruolo sulla sottoscrizione.',
    })

    const removed = await t.request('DELETE', `${base(ROSSI_SUB)}/role-assignments/${created.json().id}`, {
      token: annaInRossi,
    })
    expect(removed.status).toBe(204)
    const gone = await t.request('DELETE', `${base(ROSSI_SUB)}/role-assignments/${created.json().id}`, {
      token: annaInRossi,
    })
    expect(gone.status).toBe(404)
  })

  it('when another partner’s group is named, then the answer is 400 PrincipalNotFound and nothing is written', async () => {
    const before = await t.db.db.selectFrom('azure_role_assignments').select('id').execute()
    const res = await t.request('POST', `${base(ROSSI_SUB)}/role-assignments`, {
      token: annaInRossi,
      body: { principalId: NORTHWIND_AGENTS, roleName: 'Reader' },
    })
    expect(res.status).toBe(400)
    expect(res.json().error.code).toBe('PrincipalNotFound')
    expect(await t.db.db.selectFrom('azure_role_assignments').select('id').execute()).toHaveLength(
      before.length,
    )
  })

  it('when anna calls in her own tenant’s context or about another customer’s subscription, then the answer is 404', async () => {
    const own = await t.request('GET', `${base(ROSSI_SUB)}/role-assignments`, {
      token: await t.tokenFor('anna@fabrikam.example'),
    })
    expect(own.status).toBe(404)
    const other = await t.request('GET', `${base(BIANCHI_SUB)}/role-assignments`, { token: annaInRossi })
    expect(other.status).toBe(404)
  })

  it('when ada (Adatum, reseller of Bianchi, no role on its Azure subscription) tries to add a role there, then the answer is 403 in English', async () => {
    const ada = await t.tokenFor('ada@adatum.example', 'bianchi.example')
    const res = await t.request('POST', `${base(BIANCHI_SUB)}/role-assignments`, {
      token: ada,
      body: { principalId: demoId('group', 'adatum.example/Adatum Support'), roleName: 'Reader' },
    })
    expect(res.status).toBe(403)
    expect(res.json().error.message).toMatch(/needs Owner on the subscription/)
  })
})
