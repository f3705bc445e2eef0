import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'

const FABRIKAM = tenantIdOf('fabrikam.example')
const group = (domain: string, name: string) => demoId('group', `${domain}/${name}`)
const user = (email: string) => demoId('user', email)
const ADMIN_AGENTS = group('fabrikam.example', 'Admin Agents')
const AZURE_MANAGERS = group('northwind.example', 'Azure Managers')
const ref = (id: string) => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` })

describe.each(dialects())(
  'Graph /v1.0/users and /v1.0/groups in the caller’s tenant (%s)',
  { timeout: 60_000 },
  (dialect) => {
    let t: TestApp
    let anna: string
    beforeAll(async () => {
      t = await startTestApp(dialect)
      anna = await t.tokenFor('anna@fabrikam.example')
    })
    afterAll(async () => t?.close())

    const graph = (method: string, url: string, token: string, body?: unknown) =>
      t.request(method, `/v1.0${url}`, { token, ...(body === undefined ? {} : { body }) })

    it('when anna lists users, then she sees Fabrikam’s people in Graph’s shape, with $filter, $select and $count', async () => {
      const res = await graph(
        'GET',
        "/users?$filter=startswith(displayName,'Anna')&$select=id,userPrincipalName,accountEnabled&$count=true",
        anna,
      )
      expect(res.status, res.body).toBe(200)
      const body = res.json()
      expect(body['@odata.context']).toContain('$metadata#users(id,userPrincipalName,accountEnabled)')
      expect(body['@odata.count']).toBe(1)
      expect(body.value).toMatchObject([
        {
          id: user('anna@fabrikam.example'),
          userPrincipalName: 'anna@fabrikam.example',
          accountEnabled: true,
        },
      ])
      const all = (await graph('GET', '/users', anna)).json().value.map((u: { mail: string }) => u.mail)
      expect(all).toEqual(expect.arrayContaining(['anna@fabrikam.example', 'hugo@fabrikam.example']))
      expect(all.every((m: string) => m.endsWith('@fabrikam.example'))).toBe(true)
    })

    it('when a query option is not supported, then the answer is a Graph 400 and nothing else', async () => {
      const res = await graph('GET', '/users?$filter=nosuch eq 1', anna)
      expect(res.status).toBe(400)
      expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) })
    })

    it('when anna adds hugo to Admin Agents through members/$ref, then hugo becomes an admin agent at once; removing him takes it away', async () => {
      const hugo = user('hugo@fabrikam.example')
      const added = await graph('POST', `/groups/${ADMIN_AGENTS}/members/$ref`, anna, ref(hugo))
      expect(added.status, added.body).toBe(204)
      const hugoToken = await t.tokenFor('hugo@fabrikam.example')
      const me = await t.request('GET', '/api/session', { token: hugoToken })
      expect(me.json().user?.roles ?? me.json().roles).toContain('admin_agent')
      const members = (await graph('GET', `/groups/${ADMIN_AGENTS}/members`, anna)).json().value
      expect(members.map((m: { id: string }) => m.id)).toContain(hugo)
      const again = await graph('POST', `/groups/${ADMIN_AGENTS}/members/$ref`, anna, ref(hugo))
      expect(again.status).toBe(400)
      const removed = await graph('DELETE', `/groups/${ADMIN_AGENTS}/members/${hugo}/$ref`, anna)
      expect(removed.status).toBe(204)
      const after = await t.request('GET', '/api/session', { token: hugoToken })
      expect(after.json().user?.roles ?? after.json().roles).not.toContain('admin_agent')
    })

    it('when a group is nested, then transitiveMembers lists the inner group’s people and memberOf / transitiveMemberOf tell direct from nested', async () => {
      const created = await graph('POST', '/groups', anna, {
        displayName: 'Night Shift',
        mailEnabled: false,
        mailNickname: 'nightshift',
        securityEnabled: true,
        'members@odata.bind': [`https://graph.microsoft.com/v1.0/users/${user('hugo@fabrikam.example')}`],
      })
      expect(created.status, created.body).toBe(201)
      const night = created.json().id as string
      expect(created.json()).toMatchObject({
        '@odata.type': '#microsoft.graph.group',
        securityEnabled: true,
        mailEnabled: false,
      })
      const tier1 = group('fabrikam.example', 'Tier1 Support')
      expect((await graph('POST', `/groups/${tier1}/members/$ref`, anna, ref(night))).status).toBe(204)
      const transitive = (await graph('GET', `/groups/${tier1}/transitiveMembers`, anna)).json().value
      expect(transitive.map((m: { id: string }) => m.id)).toEqual(
        expect.arrayContaining([night, user('hugo@fabrikam.example'), user('anna@fabrikam.example')]),
      )
      const direct = (await graph('GET', `/groups/${tier1}/members`, anna)).json().value
      expect(direct.map((m: { id: string }) => m.id)).not.toContain(user('hugo@fabrikam.example'))
      const memberOf = (await graph('GET', `/users/${user('hugo@fabrikam.example')}/memberOf`, anna)).json()
        .value
      expect(memberOf.map((g: { id: string }) => g.id)).toContain(night)
      expect(memberOf.map((g: { id: string }) => g.id)).not.toContain(tier1)
      const transitiveOf = (
        await graph('GET', `/users/${user('hugo@fabrikam.example')}/transitiveMemberOf`, anna)
      ).json().value
      expect(transitiveOf.map((g: { id: string }) => g.id)).toEqual(expect.arrayContaining([night, tier1]))

      // a cycle is refused and changes nothing
      const cycle = await graph('POST', `/groups/${night}/members/$ref`, anna, ref(tier1))
      expect(cycle.status).toBe(400)
      expect(cycle.json().error.innerError.code).toBe('nesting_cycle')
      expect((await graph('GET', `/groups/${night}/members`, anna)).json().value).toHaveLength(1)
    })

    it('when anna creates a user with a password, then they can sign in; disabled, their token stops; deleted, they are gone but history keeps them', async () => {
      const created = await graph('POST', '/users', anna, {
        accountEnabled: true,
        displayName: 'Marco Neri',
        mailNickname: 'marco',
        userPrincipalName: 'marco@fabrikam.example',
        passwordProfile: { forceChangePasswordNextSignIn: false, password: 'a-long-password-1' },
      })
      expect(created.status, created.body).toBe(201)
      const marco = created.json().id as string
      const signIn = await t.request('POST', '/api/session', {
        body: { email: 'marco@fabrikam.example', password: 'a-long-password-1' },
      })
      expect(signIn.status).toBe(200)
      const token = await t.tokenFor('marco@fabrikam.example')
      expect((await graph('GET', '/users', token)).status).toBe(200)

      expect(
        (await graph('PATCH', `/users/${marco}`, anna, { accountEnabled: false, jobTitle: 'Engineer' }))
          .status,
      ).toBe(204)
      expect((await graph('GET', '/users', token)).status).toBe(401)
      expect((await graph('GET', `/users/${marco}`, anna)).json()).toMatchObject({
        accountEnabled: false,
        jobTitle: 'Engineer',
      })

      expect((await graph('DELETE', `/users/${marco}`, anna)).status).toBe(204)
      expect((await graph('GET', `/users/${marco}`, anna)).status).toBe(404)
      const row = await t.db.db
        .selectFrom('users')
        .select(['deleted_at', 'disabled'])
        .where('id', '=', marco)
        .executeTakeFirstOrThrow()
      expect(row.deleted_at).toBeInstanceOf(Date)
      const audit = await t.db.db
        .selectFrom('audit_events')
        .select('action')
        .where('target_id', '=', marco)
        .orderBy('id')
        .execute()
      expect(audit.map((a) => a.action)).toEqual([
        'directory.user.create',
        'directory.user.disable',
        'directory.user.delete',
      ])
    })

    it('when hugo (no admin role) tries to change the directory, then 403 and nothing changes', async () => {
      const hugo = await t.tokenFor('hugo@fabrikam.example')
      const res = await graph('POST', '/groups', hugo, {
        displayName: 'Hugo’s group',
        mailEnabled: false,
        mailNickname: 'h',
        securityEnabled: true,
      })
      expect(res.status).toBe(403)
      expect(res.json().error.innerError.code).toBe('directory_admin_required')
      const groups = (await graph('GET', "/groups?$filter=displayName eq 'Hugo’s group'", anna)).json().value
      expect(groups).toEqual([])
    })

    it('when anna names another tenant’s user or group, then 404 — never 403, nothing changes', async () => {
      const nora = user('nora@northwind.example')
      expect((await graph('GET', `/users/${nora}`, anna)).status).toBe(404)
      expect((await graph('GET', '/users/nora@northwind.example', anna)).status).toBe(404)
      expect((await graph('PATCH', `/users/${nora}`, anna, { accountEnabled: false })).status).toBe(404)
      expect((await graph('DELETE', `/users/${nora}`, anna)).status).toBe(404)
      expect((await graph('GET', `/groups/${AZURE_MANAGERS}/members`, anna)).status).toBe(404)
      expect((await graph('DELETE', `/groups/${AZURE_MANAGERS}`, anna)).status).toBe(404)
      const cross = await graph('POST', `/groups/${ADMIN_AGENTS}/members/$ref`, anna, ref(nora))
      expect(cross.status).toBe(404)
      const noraRow = await t.db.db
        .selectFrom('users')
        .select('disabled')
        .where('id', '=', nora)
        .executeTakeFirstOrThrow()
      expect(noraRow.disabled).toBe(false)
    })

    it('when anna uses a delegated token for a customer, then the directory refuses: it is administered in her own tenant', async () => {
      const delegated = await t.tokenFor('anna@fabrikam.example', 'rossi.example')
      const res = await graph('GET', '/users', delegated)
      expect(res.status).toBe(403)
      expect(res.json().error.innerError.code).toBe('own_tenant_required')
    })

    it('when the role group or a group GDAP uses is deleted, then it is refused and kept', async () => {
      const roleGroup = await graph('DELETE', `/groups/${ADMIN_AGENTS}`, anna)
      expect(roleGroup.status).toBe(409)
      const tier1 = await graph('DELETE', `/groups/${group('fabrikam.example', 'Tier1 Support')}`, anna)
      expect(tier1.status).toBe(409)
      expect(tier1.json().error.innerError.code).toBe('group_in_use')
      const italian = await t.request('DELETE', `/v1.0/groups/${ADMIN_AGENTS}`, {
        token: anna,
        headers: { 'accept-language': 'it' },
      })
      expect(italian.json().error.message).toContain('gruppo')
    })

    it('when a user is invited through /v1.0/invitations, then an email with a single-use link is queued and the link sets the password once', async () => {
      const res = await graph('POST', '/invitations', anna, {
        invitedUserEmailAddress: 'Paola@Fabrikam.example',
        invitedUserDisplayName: 'Paola Bruni',
        inviteRedirectUrl: 'https://fabrikam.example',
        sendInvitationMessage: true,
      })
      expect(res.status, res.body).toBe(201)
      const url = res.json().inviteRedeemUrl as string
      expect(url).toMatch(/\/invitation#[A-Za-z0-9_-]{40,}$/)
      const mail = await t.db.db
        .selectFrom('email_outbox')
        .select(['to_address', 'body_text'])
        .where('to_address', '=', 'paola@fabrikam.example')
        .executeTakeFirstOrThrow()
      expect(mail.body_text).toContain(url)
      const secret = url.split('#')[1]!
      const short = await t.request('POST', '/api/invitations/accept', {
        body: { secret, password: 'short' },
      })
      expect(short.status).toBe(400)
      const accepted = await t.request('POST', '/api/invitations/accept', {
        body: { secret, password: 'paola-chooses-this' },
      })
      expect(accepted.status, accepted.body).toBe(200)
      const twice = await t.request('POST', '/api/invitations/accept', {
        body: { secret, password: 'paola-chooses-this' },
      })
      expect(twice.status).toBe(410)
      const signIn = await t.request('POST', '/api/session', {
        body: { email: 'paola@fabrikam.example', password: 'paola-chooses-this' },
      })
      expect(signIn.status).toBe(200)
    })
  },
)

describe.each(dialects())('the directory in every tenant kind (%s)', { timeout: 60_000 }, (dialect) => {
  let t: TestApp
  beforeAll(async () => (t = await startTestApp(dialect)))
  afterAll(async () => t?.close())

  it('when a customer’s global administrator lists users, then only the customer’s people come back', async () => {
    const token = await t.tokenFor('admin@rossi.example')
    const res = await t.request('GET', '/v1.0/users', { token })
    expect(res.status).toBe(200)
    expect(res.json().value.every((u: { mail: string }) => u.mail.endsWith('@rossi.example'))).toBe(true)
    expect(FABRIKAM).not.toBe(tenantIdOf('rossi.example'))
  })
})
