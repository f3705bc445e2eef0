import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const ROSSI_AZURE = demoId('subscription', 'rossi.example/Rossi Produzione')
const BIANCHI_AZURE = demoId('subscription', 'bianchi.example/Bianchi Logistica Azure')
const TIER1 = demoId('group', 'fabrikam.example/Tier1 Support')
const NORTHWIND_AGENTS = demoId('group', 'northwind.example/Admin Agents')
const V = 'api-version=2022-04-01'
const SRC = `/subscriptions/${ROSSI_AZURE}/providers/Microsoft.Authorization/roleDefinitions/cfd33db0-3dd1-45e3-aa9d-cdbdf3b6f24e`
const path = (sub: string, name = '') =>
  `/subscriptions/${sub}/providers/Microsoft.Authorization/roleAssignments${name ? `/${name}` : ''}?${V}`

describe.each(dialects())('Azure role assignments: scoping and refusals (%s)', (dialect) => {
  let t: TestApp
  let annaForRossi: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    annaForRossi = await t.tokenFor('anna@fabrikam.example', 'rossi.example')
  })
  afterAll(() => t?.close())

  const count = async () =>
    Number(
      (
        await t.db.db
          .selectFrom('azure_role_assignments')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('when anna, acting in Rossi’s tenant, asks for Bianchi’s subscription, then ARM answers 404 SubscriptionNotFound', async () => {
    const res = await t.request('GET', path(BIANCHI_AZURE), { token: annaForRossi })
    expect(res.status).toBe(404)
    expect(res.json().error.code).toBe('SubscriptionNotFound')
    const put = await t.request('PUT', path(BIANCHI_AZURE, crypto.randomUUID()), {
      token: annaForRossi,
      body: { properties: { roleDefinitionId: SRC, principalId: TIER1 } },
    })
    expect(put.status).toBe(404)
  })

  it('when a group of a partner that does not serve Rossi is named, then 400 PrincipalNotFound and nothing is assigned', async () => {
    const before = await count()
    const res = await t.request('PUT', path(ROSSI_AZURE, crypto.randomUUID()), {
      token: annaForRossi,
      body: { properties: { roleDefinitionId: SRC, principalId: NORTHWIND_AGENTS } },
    })
    expect(res.status).toBe(400)
    expect(res.json().error.code).toBe('PrincipalNotFound')
    expect(await count()).toBe(before)
  })

  it('when the body, the role or the api-version is wrong, then ARM-shaped 400s and nothing is assigned', async () => {
    const before = await count()
    const noBody = await t.request('PUT', path(ROSSI_AZURE, crypto.randomUUID()), {
      token: annaForRossi,
      body: {},
    })
    expect(noBody.status).toBe(400)
    expect(noBody.json().error.code).toBe('InvalidParameter')
    const badRole = await t.request('PUT', path(ROSSI_AZURE, crypto.randomUUID()), {
      token: annaForRossi,
      body: {
        properties: {
          roleDefinitionId: `/subscriptions/${ROSSI_AZURE}/providers/Microsoft.Authorization/roleDefinitions/${crypto.randomUUID()}`,
          principalId: TIER1,
        },
      },
    })
    expect(badRole.json().error.code).toBe('RoleDefinitionDoesNotExist')
    const mismatch = await t.request('PUT', path(ROSSI_AZURE, crypto.randomUUID()), {
      token: annaForRossi,
      body: { properties: { roleDefinitionId: SRC, principalId: TIER1, principalType: 'User' } },
    })
    expect(mismatch.json().error.code).toBe('UnmatchedPrincipalType')
    const notGuid = await t.request('PUT', path(ROSSI_AZURE, 'not-a-guid'), {
      token: annaForRossi,
      body: { properties: { roleDefinitionId: SRC, principalId: TIER1 } },
    })
    expect(notGuid.json().error.code).toBe('InvalidRoleAssignmentId')
    const version = await t.request(
      'GET',
      `/subscriptions/${ROSSI_AZURE}/providers/Microsoft.Authorization/roleAssignments?api-version=2020-04-01`,
      { token: annaForRossi },
    )
    expect(version.json().error.code).toBe('InvalidApiVersionParameter')
    const filter = await t.request(
      'GET',
      `${path(ROSSI_AZURE)}&$filter=${encodeURIComponent("roleName eq 'x'")}`,
      {
        token: annaForRossi,
      },
    )
    expect(filter.json().error.code).toBe('UnsupportedQuery')
    expect(await count()).toBe(before)
  })

  it('when Rossi’s administrator lists the assignments, then the read is allowed (tenant administrator), and Tailspin’s administrator gets 404', async () => {
    const admin = await t.tokenFor('admin@rossi.example')
    const list = await t.request('GET', `${path(ROSSI_AZURE)}&$filter=atScope()`, { token: admin })
    expect(list.status).toBe(200)
    expect(list.json().value[0]).toMatchObject({
      type: 'Microsoft.Authorization/roleAssignments',
      properties: { principalType: 'ForeignGroup' },
    })
    // Tailspin's administrator cannot even see Rossi's subscription: another tenant
    const other = await t.request('GET', path(ROSSI_AZURE), {
      token: await t.tokenFor('admin@tailspin.example'),
    })
    expect(other.status).toBe(404)
  })
})
