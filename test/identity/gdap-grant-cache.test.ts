import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, tenantIdOf, type TestApp } from '../support/app.ts'
import { writeFromElsewhere } from '../support/database.ts'
import { dialects } from '../support/dialects.ts'
import { userIdOf } from '../support/directory.ts'

const ROSSI = tenantIdOf('rossi.example')
const FABRIKAM = tenantIdOf('fabrikam.example')

/**
 * The GDAP roles behind a delegated token are kept in memory between calls (identity/auth-cache.ts,
 * `getGrants`); every change that could take them away must take effect on the very next call,
 * whoever makes it: this server, or another process writing to the same database (on PostgreSQL a
 * connection of its own, as another instance's would be).
 */
describe.each(dialects())('GDAP grants of delegated tokens kept in memory (%s)', (dialect) => {
  let t: TestApp
  let token: string
  let annaId: string
  let relationshipId: string
  let assignmentId: string
  let groupId: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    await t.ctx.authCache.ready()
    token = await t.tokenFor('anna@fabrikam.example', 'rossi.example')
    annaId = await userIdOf(t, 'anna@fabrikam.example')
    const row = await t.db.db
      .selectFrom('gdap_relationships as r')
      .innerJoin('gdap_access_assignments as a', 'a.relationship_id', 'r.id')
      .innerJoin('group_user_members as m', 'm.group_id', 'a.security_group_id')
      .select(['r.id as relationshipId', 'a.id as assignmentId', 'a.security_group_id as groupId'])
      .where('r.partner_tenant_id', '=', FABRIKAM)
      .where('r.customer_tenant_id', '=', ROSSI)
      .where('r.status', '=', 'active')
      .where('a.status', '=', 'active')
      .where('m.user_id', '=', annaId)
      .executeTakeFirstOrThrow()
    ;({ relationshipId, assignmentId, groupId } = row)
  })
  afterAll(() => t?.close())

  const kept = () => t.ctx.authCache.getGrants(`${annaId}/${ROSSI}`, t.ctx.now().getTime())
  const call = async () => (await t.request('GET', '/api/service-requests?limit=1', { token })).status

  /** A write from outside this server (a script, the CLI, another instance's connection). */
  const elsewhere = (statement: string, values: unknown[]) => writeFromElsewhere(t.db, statement, values)

  /** The token works and its grants are kept; `change` runs; the next call is refused; `undo` restores. */
  async function refusedAfter(change: () => Promise<void>, undo: () => Promise<void>) {
    expect(await call()).toBe(200)
    expect(kept()?.length).toBeGreaterThan(0)
    await change()
    try {
      expect(await call()).toBe(401)
    } finally {
      await undo()
    }
    expect(await call()).toBe(200)
  }

  it('when a delegated token is used, then its grants are read once and then served from memory', async () => {
    expect(t.ctx.authCache.active()).toBe(true)
    expect(await call()).toBe(200)
    expect(kept()?.map((g) => g.relationshipId)).toContain(relationshipId)
    expect(await call()).toBe(200)
  })

  it('when the relationship is terminated from another process, then the token is refused on the next call', async () => {
    await refusedAfter(
      () => elsewhere(`update gdap_relationships set status = 'terminated' where id = $1`, [relationshipId]),
      () => elsewhere(`update gdap_relationships set status = 'active' where id = $1`, [relationshipId]),
    )
  })

  it('when the relationship reaches its end, then kept grants are not served past it and the token is refused', async () => {
    const ends = new Date(t.ctx.now().getTime() + 60_000)
    const before = await t.db.db
      .selectFrom('gdap_relationships')
      .select(['end_at', 'auto_extend_duration'])
      .where('id', '=', relationshipId)
      .executeTakeFirstOrThrow()
    await elsewhere(
      `update gdap_relationships set end_at = $2, auto_extend_duration = 'PT0S' where id = $1`,
      [relationshipId, ends],
    )
    try {
      await refusedAfter(
        async () => {
          t.clock.offsetMs += 120_000
        },
        async () => {
          t.clock.offsetMs -= 120_000
        },
      )
    } finally {
      await elsewhere(`update gdap_relationships set end_at = $2, auto_extend_duration = $3 where id = $1`, [
        relationshipId,
        before.end_at,
        before.auto_extend_duration,
      ])
    }
  })

  it('when the access assignment is removed, then the token is refused on the next call', async () => {
    await refusedAfter(
      () => elsewhere(`update gdap_access_assignments set status = 'deleted' where id = $1`, [assignmentId]),
      () => elsewhere(`update gdap_access_assignments set status = 'active' where id = $1`, [assignmentId]),
    )
  })

  it('when the assignment’s roles are taken away, then the token is refused on the next call', async () => {
    const roles = await t.db.db
      .selectFrom('gdap_assignment_roles')
      .selectAll()
      .where('assignment_id', '=', assignmentId)
      .execute()
    await refusedAfter(
      () => elsewhere(`delete from gdap_assignment_roles where assignment_id = $1`, [assignmentId]),
      async () => {
        for (const r of roles)
          await elsewhere(`insert into gdap_assignment_roles (assignment_id, role_id) values ($1, $2)`, [
            r.assignment_id,
            r.role_id,
          ])
      },
    )
  })

  it('when the user leaves the group the assignment names, then the token is refused on the next call', async () => {
    await refusedAfter(
      () =>
        elsewhere(`delete from group_user_members where group_id = $1 and user_id = $2`, [groupId, annaId]),
      () =>
        elsewhere(`insert into group_user_members (group_id, user_id) values ($1, $2)`, [groupId, annaId]),
    )
  })

  it('when an access assignment is added, then the next call reads the grants it adds', async () => {
    expect(await call()).toBe(200)
    const before = kept()!.length
    const other = await t.db.db
      .selectFrom('gdap_relationship_roles')
      .select('role_id')
      .where('relationship_id', '=', relationshipId)
      .executeTakeFirstOrThrow()
    // a second assignment of the same relationship, to another group anna is in
    const group = await t.db.db
      .selectFrom('group_user_members')
      .select('group_id')
      .where('user_id', '=', annaId)
      .where('group_id', '<>', groupId)
      .executeTakeFirstOrThrow()
    const id = 'c0ffee00-0000-4000-8000-000000000033'
    await elsewhere(
      `insert into gdap_access_assignments (id, relationship_id, security_group_id, status, last_modified_at)
       values ($1, $2, $3, 'active', now())`,
      [id, relationshipId, group.group_id],
    )
    await elsewhere(`insert into gdap_assignment_roles (assignment_id, role_id) values ($1, $2)`, [
      id,
      other.role_id,
    ])
    try {
      expect(await call()).toBe(200)
      expect(kept()!.length).toBe(before + 1)
      expect(kept()!.some((g) => g.assignmentId === id)).toBe(true)
    } finally {
      await elsewhere(`delete from gdap_assignment_roles where assignment_id = $1`, [id])
      await elsewhere(`delete from gdap_access_assignments where id = $1`, [id])
    }
    expect(await call()).toBe(200)
    expect(kept()!.length).toBe(before)
  })
})
