import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const user = (email: string) => demoId('user', email)
const group = (domain: string, name: string) => demoId('group', `${domain}/${name}`)
const FABRIKAM_ADMINS = group('fabrikam.example', 'Admin Agents')

/** The portal's directory API as the people pages use it (/api/directory, /api/invitations). */
describe.each(dialects())('the portal’s directory API (%s)', { timeout: 60_000 }, (dialect) => {
  let t: TestApp
  let anna: string
  let hugo: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    anna = await t.tokenFor('anna@fabrikam.example')
    hugo = await t.tokenFor('hugo@fabrikam.example')
  })
  afterAll(async () => t?.close())

  const api = (method: string, url: string, token: string, body?: unknown, lang = 'en') =>
    t.request(method, `/api/directory${url}`, {
      token,
      headers: { 'accept-language': lang },
      ...(body === undefined ? {} : { body }),
    })

  it('when anna invites a person, then the lookup names anna as the inviter and Fabrikam as the tenant, and the accepted password signs in', async () => {
    const created = await api('POST', '/users', anna, {
      email: 'marta@fabrikam.example',
      displayName: 'Marta Neri',
    })
    expect(created.status, created.body).toBe(201)
    const secret = (created.json().invitationUrl as string).split('#')[1]!
    const lookup = await t.request('POST', '/api/invitations/lookup', { body: { secret } })
    expect(lookup.status, lookup.body).toBe(200)
    expect(lookup.json()).toMatchObject({
      email: 'marta@fabrikam.example',
      displayName: 'Marta Neri',
      tenantName: 'Fabrikam',
      invitedBy: expect.stringContaining('Anna'),
      signIn: 'password',
    })
    const accepted = await t.request('POST', '/api/invitations/accept', {
      body: { secret, password: 'marta-chooses-this' },
    })
    expect(accepted.status, accepted.body).toBe(200)
    const signIn = await t.request('POST', '/api/session', {
      body: { email: 'marta@fabrikam.example', password: 'marta-chooses-this' },
    })
    expect(signIn.status).toBe(200)
    const used = await t.request('POST', '/api/invitations/lookup', {
      body: { secret },
      headers: { 'accept-language': 'it' },
    })
    expect(used.status).toBe(410)
    expect(used.json().error).toMatchObject({
      code: 'invitation_used',
      message: expect.stringContaining('già'),
    })
  })

  it('when the address is not an email, then 400 email_invalid in the caller’s language and no user is made', async () => {
    const before = (await api('GET', '/users', anna)).json().length
    const en = await api('POST', '/users', anna, { email: 'not-an-address', displayName: 'X' })
    expect(en.status).toBe(400)
    expect(en.json().error).toMatchObject({
      code: 'email_invalid',
      message: 'Not an email address: not-an-address.',
    })
    const it = await api('POST', '/users', anna, { email: 'nope', displayName: 'X' }, 'it')
    expect(it.json().error.message).toBe('Non è un indirizzo email: nope.')
    expect((await api('GET', '/users', anna)).json().length).toBe(before)
  })

  it('when anna adds hugo to Admin Agents, then his user page lists the group and the admin agent role, and the access it gives in Rossi', async () => {
    const added = await api('POST', `/groups/${FABRIKAM_ADMINS}/members`, anna, {
      memberId: user('hugo@fabrikam.example'),
    })
    expect(added.status, added.body).toBe(204)
    const page = (await api('GET', `/users/${user('hugo@fabrikam.example')}`, hugo)).json()
    expect(page.user.roles).toContain('admin_agent')
    expect(page.memberOf).toContainEqual(
      expect.objectContaining({ group: expect.objectContaining({ displayName: 'Admin Agents' }), via: null }),
    )
    const rossi = page.access.find(
      (a: { customerTenantId: string }) => a.customerTenantId === tenantIdOf('rossi.example'),
    )
    expect(rossi.azure).toContainEqual(expect.objectContaining({ role: 'Owner', groupName: 'Admin Agents' }))
    const removed = await api(
      'DELETE',
      `/groups/${FABRIKAM_ADMINS}/members/${user('hugo@fabrikam.example')}`,
      anna,
    )
    expect(removed.status).toBe(204)
    const after = (await api('GET', `/users/${user('hugo@fabrikam.example')}`, anna)).json()
    expect(after.user.roles).not.toContain('admin_agent')
  })

  it('when hugo is in a group nested in Admin Agents, then his page shows Admin Agents through that group and the admin agent role', async () => {
    const created = await api('POST', '/groups', anna, { displayName: 'Night Shift' })
    expect(created.status, created.body).toBe(201)
    const nightShift = created.json().id as string
    await api('POST', `/groups/${nightShift}/members`, anna, { memberId: user('hugo@fabrikam.example') })
    const nested = await api('POST', `/groups/${FABRIKAM_ADMINS}/members`, anna, { memberId: nightShift })
    expect(nested.status, nested.body).toBe(204)
    const page = (await api('GET', `/users/${user('hugo@fabrikam.example')}`, hugo)).json()
    const memberships = page.memberOf.map(
      (m: { group: { displayName: string }; via: { displayName: string } | null }) => [
        m.group.displayName,
        m.via?.displayName ?? null,
      ],
    )
    expect(memberships).toContainEqual(['Night Shift', null])
    expect(memberships).toContainEqual(['Admin Agents', 'Night Shift'])
    expect(page.user.roles).toContain('admin_agent')
    const groupPage = (await api('GET', `/groups/${FABRIKAM_ADMINS}`, hugo)).json()
    expect(groupPage.transitiveMembers).toContainEqual(
      expect.objectContaining({
        kind: 'user',
        id: user('hugo@fabrikam.example'),
        via: { id: nightShift, displayName: 'Night Shift' },
      }),
    )
    await api('DELETE', `/groups/${FABRIKAM_ADMINS}/members/${nightShift}`, anna)
    const after = (await api('GET', `/users/${user('hugo@fabrikam.example')}`, anna)).json()
    expect(after.user.roles).not.toContain('admin_agent')
  })

  it('R13: when anna changes Fabrikam’s Azure support plan, then the change is kept and audited; a bad date is refused and changes nothing', async () => {
    const [plan] = (await api('GET', '/entitlements', anna)).json()
    expect(plan.kind).toBe('azure_support_plan')
    const changed = await api('PATCH', `/entitlements/${plan.id}`, anna, {
      validUntil: '2031-12-31',
      description: 'Azure Professional Direct',
    })
    expect(changed.status, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({
      id: plan.id,
      validUntil: '2031-12-31',
      description: 'Azure Professional Direct',
    })
    const audit = await t.db.db
      .selectFrom('audit_events')
      .select(['action', 'rule'])
      .where('target_id', '=', plan.id)
      .where('action', '=', 'directory.entitlement.update')
      .execute()
    expect(audit).toEqual([{ action: 'directory.entitlement.update', rule: 'R13' }])

    const bad = await api('PATCH', `/entitlements/${plan.id}`, anna, { validUntil: '31/12/2031' }, 'it')
    expect(bad.status).toBe(400)
    expect(bad.json().error).toMatchObject({
      code: 'date_invalid',
      message: expect.stringContaining('AAAA-MM-GG'),
    })
    const blank = await api('PATCH', `/entitlements/${plan.id}`, anna, { reference: '   ' })
    expect(blank.json().error.code).toBe('reference_required')
    const [kept] = (await api('GET', '/entitlements', anna)).json()
    expect(kept).toMatchObject({ validUntil: '2031-12-31', reference: plan.reference })
  })

  it('R13: when hugo (no admin role) changes an entitlement, then 403 and nothing changes', async () => {
    const [plan] = (await api('GET', '/entitlements', hugo)).json()
    const res = await api('PATCH', `/entitlements/${plan.id}`, hugo, { validUntil: '2040-01-01' })
    expect(res.status).toBe(403)
    expect(res.json().error.code).toBe('directory_admin_required')
    const [kept] = (await api('GET', '/entitlements', anna)).json()
    expect(kept.validUntil).toBe(plan.validUntil)
  })

  it('R13: when nora names Fabrikam’s entitlement, then 404 — never 403 — and nothing changes', async () => {
    const [plan] = (await api('GET', '/entitlements', anna)).json()
    const nora = await t.tokenFor('nora@northwind.example')
    const res = await api('PATCH', `/entitlements/${plan.id}`, nora, { validUntil: '2040-01-01' })
    expect(res.status).toBe(404)
    expect(res.json().error.code).toBe('not_your_object')
    const [kept] = (await api('GET', '/entitlements', anna)).json()
    expect(kept.validUntil).toBe(plan.validUntil)
  })
})
