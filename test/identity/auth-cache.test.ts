import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashSessionId } from '../../src/identity/sessions.data.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { writeFromElsewhere } from '../support/database.ts'
import { dialects } from '../support/dialects.ts'
import { userIdOf } from '../support/directory.ts'

/**
 * Authenticated sessions are kept in memory between requests (identity/auth-cache.ts); every
 * change that could alter who a cookie authenticates must take effect on the very next request,
 * whoever makes it: this server, or another process writing to the same database.
 */
describe.each(dialects())('authenticated sessions kept in memory (%s)', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(dialect)
    await t.ctx.authCache.ready()
  })
  afterAll(() => t?.close())

  type Signed = Awaited<ReturnType<TestApp['signIn']>>
  const idOf = (s: Signed) => s.cookie.split('=')[1]!
  const kept = (s: Signed) => t.ctx.authCache.get(hashSessionId(idOf(s)), Date.now())
  const who = async (s: Signed) => {
    const res = await t.request('GET', '/api/session', { session: s })
    expect(res.status).toBe(200)
    return res.json().user as { email: string; roles: string[]; tenantName: string } | null
  }
  /** A write from outside this server (a script, the CLI, another instance's connection). */
  const elsewhere = (statement: string, values: unknown[]) => writeFromElsewhere(t.db, statement, values)

  it('when a session is used, then it is read once and then served from memory', async () => {
    const anna = await t.signIn('anna@fabrikam.example')
    expect(t.ctx.authCache.active()).toBe(true)
    expect((await who(anna))?.email).toBe('anna@fabrikam.example')
    expect(kept(anna)?.user.email).toBe('anna@fabrikam.example')
    expect((await who(anna))?.email).toBe('anna@fabrikam.example')
  })

  it('when a person signs out, then their cookie authenticates nothing on the next request', async () => {
    const anna = await t.signIn('anna@fabrikam.example')
    await who(anna)
    expect(kept(anna)).not.toBeNull()
    expect((await t.request('DELETE', '/api/session', { session: anna })).status).toBe(204)
    expect(await who(anna)).toBeNull()
    expect((await t.request('GET', '/api/customers', { session: anna })).status).toBe(401)
  })

  it('when one of a person’s sessions is revoked from another, then the revoked one stops at once', async () => {
    const first = await t.signIn('anna@fabrikam.example')
    const second = await t.signIn('anna@fabrikam.example')
    await who(first)
    const list = (await t.request('GET', '/api/me/sessions', { session: second })).json().value as {
      id: string
    }[]
    const firstId = (
      await t.db.db
        .selectFrom('sessions')
        .select('public_id')
        .where('id_hash', '=', hashSessionId(idOf(first)))
        .executeTakeFirstOrThrow()
    ).public_id
    expect(list.some((s) => s.id === firstId)).toBe(true)
    const res = await t.request('DELETE', `/api/me/sessions/${firstId}`, { session: second })
    expect(res.status).toBe(204)
    expect(await who(first)).toBeNull()
    expect((await who(second))?.email).toBe('anna@fabrikam.example')
  })

  it('when an administrator ends every session of a user, then each of them stops at once', async () => {
    const hugo = await t.signIn('hugo@fabrikam.example')
    await who(hugo)
    const admin = await t.signIn('anna@fabrikam.example')
    const userId = kept(hugo)!.user.id
    const res = await t.request('DELETE', `/api/security/users/${userId}/sessions`, { session: admin })
    expect(res.status).toBeLessThan(300)
    expect(await who(hugo)).toBeNull()
  })

  it('when a password changes elsewhere (sessions ended with it), then the old session stops at once', async () => {
    const hugo = await t.signIn('hugo@fabrikam.example')
    await who(hugo)
    await elsewhere(
      `with u as (update users set password_hash = password_hash where email = $1 returning id)
       delete from sessions where user_id in (select id from u)`,
      ['hugo@fabrikam.example'],
    )
    expect(await who(hugo)).toBeNull()
  })

  it('when a user is disabled from another process, then their session stops on the next request', async () => {
    const hugo = await t.signIn('hugo@fabrikam.example')
    await who(hugo)
    expect(kept(hugo)).not.toBeNull()
    await elsewhere('update users set disabled = true where email = $1', ['hugo@fabrikam.example'])
    try {
      expect(await who(hugo)).toBeNull()
    } finally {
      await elsewhere('update users set disabled = false where email = $1', ['hugo@fabrikam.example'])
    }
    expect((await who(hugo))?.email).toBe('hugo@fabrikam.example')
  })

  it('when a role is granted or taken away, then the next request sees the new roles', async () => {
    const hugo = await t.signIn('hugo@fabrikam.example')
    const before = (await who(hugo))!.roles
    expect(before).not.toContain('billing_admin')
    await elsewhere(
      `insert into user_roles (user_id, role) select id, 'billing_admin' from users where email = $1`,
      ['hugo@fabrikam.example'],
    )
    expect((await who(hugo))!.roles).toContain('billing_admin')
    await elsewhere(
      `delete from user_roles where role = 'billing_admin' and user_id = (select id from users where email = $1)`,
      ['hugo@fabrikam.example'],
    )
    expect((await who(hugo))!.roles).toEqual(before)
  })

  it('when a role group loses a member, then the member’s partner role goes on the next request', async () => {
    const anna = await t.signIn('anna@fabrikam.example')
    const roles = (await who(anna))!.roles
    const memberships = await t.db.db
      .selectFrom('group_user_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .innerJoin('security_groups as g', 'g.id', 'm.group_id')
      .select(['m.group_id', 'm.user_id', 'g.partner_role'])
      .where('u.email', '=', 'anna@fabrikam.example')
      .where('g.partner_role', 'is not', null)
      .execute()
    expect(memberships.length).toBeGreaterThan(0)
    const { group_id, user_id, partner_role } = memberships[0]!
    expect(roles).toContain(partner_role)
    await t.db.db
      .deleteFrom('group_user_members')
      .where('group_id', '=', group_id)
      .where('user_id', '=', user_id)
      .execute()
    try {
      expect((await who(anna))!.roles).not.toContain(partner_role)
    } finally {
      await t.db.db.insertInto('group_user_members').values({ group_id, user_id }).execute()
    }
    expect((await who(anna))!.roles).toContain(partner_role)
  })

  it('when a tenant is suspended, then its people’s sessions stop at once, and work again when it is restored', async () => {
    const hugo = await t.signIn('hugo@fabrikam.example')
    await who(hugo)
    await elsewhere(`update tenants set status = 'suspended' where default_domain = $1`, ['fabrikam.example'])
    try {
      expect(await who(hugo)).toBeNull()
    } finally {
      await elsewhere(`update tenants set status = 'active' where default_domain = $1`, ['fabrikam.example'])
    }
    expect((await who(hugo))?.email).toBe('hugo@fabrikam.example')
  })

  it('when a session expires while kept, then it is not served from memory', async () => {
    const hugo = await t.signIn('hugo@fabrikam.example')
    await who(hugo)
    const entry = kept(hugo)!
    expect(t.ctx.authCache.get(hashSessionId(idOf(hugo)), entry.session.expiresAt.getTime())).toBeNull()
  })

  it('when what a request read was changed while it read, then that read is not kept', async () => {
    const hugo = await t.signIn('hugo@fabrikam.example')
    await who(hugo)
    const entry = kept(hugo)!
    t.ctx.authCache.clear()
    const generation = t.ctx.authCache.generation()
    t.ctx.authCache.clear() // a notification arriving between the read and the store
    t.ctx.authCache.set(hashSessionId(idOf(hugo)), entry, generation, Date.now())
    expect(kept(hugo)).toBeNull()
  })

  describe('bearer tokens', () => {
    const hugoId = () => userIdOf(t, 'hugo@fabrikam.example')
    const call = (token: string) => t.request('GET', '/api/session', { token })
    const whoByToken = async (token: string) => {
      const res = await call(token)
      return res.status === 200 ? (res.json().user as { email: string; roles: string[] }) : res.status
    }

    it('when a token is used, then its user is read once and then served from memory', async () => {
      const token = await t.tokenFor('hugo@fabrikam.example')
      expect(await whoByToken(token)).toMatchObject({ email: 'hugo@fabrikam.example' })
      expect(t.ctx.authCache.getUser(await hugoId(), Date.now())?.email).toBe('hugo@fabrikam.example')
      expect(await whoByToken(token)).toMatchObject({ email: 'hugo@fabrikam.example' })
    })

    it('when a token is tampered with, then it is refused even though its user is kept', async () => {
      const token = await t.tokenFor('hugo@fabrikam.example')
      await whoByToken(token)
      expect(t.ctx.authCache.getUser(await hugoId(), Date.now())).not.toBeNull()
      const [header, payload, signature] = token.split('.')
      const forged = `${header}.${payload}.${signature!.slice(0, -4)}${signature!.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`
      expect((await call(forged)).status).toBe(401)
    })

    it('when the user is disabled from another process, then their token is refused on the next call', async () => {
      const token = await t.tokenFor('hugo@fabrikam.example')
      await whoByToken(token)
      await elsewhere('update users set disabled = true where email = $1', ['hugo@fabrikam.example'])
      try {
        expect(await whoByToken(token)).toBe(401)
      } finally {
        await elsewhere('update users set disabled = false where email = $1', ['hugo@fabrikam.example'])
      }
      expect(await whoByToken(token)).toMatchObject({ email: 'hugo@fabrikam.example' })
    })

    it('when a role is taken away, then the next call with a token sees it gone', async () => {
      const token = await t.tokenFor('hugo@fabrikam.example')
      await elsewhere(
        `insert into user_roles (user_id, role) select id, 'billing_admin' from users where email = $1`,
        ['hugo@fabrikam.example'],
      )
      expect((await whoByToken(token)) as { roles: string[] }).toMatchObject({
        roles: expect.arrayContaining(['billing_admin']),
      })
      await elsewhere(
        `delete from user_roles where role = 'billing_admin' and user_id = (select id from users where email = $1)`,
        ['hugo@fabrikam.example'],
      )
      expect(((await whoByToken(token)) as { roles: string[] }).roles).not.toContain('billing_admin')
    })

    it('when the tenant is suspended, then its people’s tokens are refused at once', async () => {
      const token = await t.tokenFor('hugo@fabrikam.example')
      await whoByToken(token)
      await elsewhere(`update tenants set status = 'suspended' where default_domain = $1`, [
        'fabrikam.example',
      ])
      try {
        expect(await whoByToken(token)).toBe(401)
      } finally {
        await elsewhere(`update tenants set status = 'active' where default_domain = $1`, [
          'fabrikam.example',
        ])
      }
      expect(await whoByToken(token)).toMatchObject({ email: 'hugo@fabrikam.example' })
    })

    it('when a user read overlapped a change, then it is not kept', async () => {
      const id = await hugoId()
      const token = await t.tokenFor('hugo@fabrikam.example')
      await whoByToken(token)
      const user = t.ctx.authCache.getUser(id, Date.now())!
      t.ctx.authCache.clear()
      const generation = t.ctx.authCache.generation()
      t.ctx.authCache.clear()
      t.ctx.authCache.setUser(id, user, generation, Date.now())
      expect(t.ctx.authCache.getUser(id, Date.now())).toBeNull()
    })
  })
})
