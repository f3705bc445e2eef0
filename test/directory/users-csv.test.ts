import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoId } from '../../src/demo/world.ts'
import { startTestApp, type TestApp } from '../support/app.ts'
import { dialects } from '../support/dialects.ts'
import { rowCount } from '../support/directory.ts'

const HEADER =
  'userPrincipalName,displayName,givenName,surname,jobTitle,mobilePhone,preferredLanguage,accountEnabled,groups'

describe.each(dialects())('users as CSV: export, dry run, apply (%s)', { timeout: 60_000 }, (dialect) => {
  let t: TestApp
  let anna: string
  beforeAll(async () => {
    t = await startTestApp(dialect)
    anna = await t.tokenFor('anna@fabrikam.example')
  })
  afterAll(async () => t?.close())

  const importCsv = (csv: string, mode: 'dry-run' | 'apply', token = anna, locale = 'en') =>
    t.request('POST', '/api/directory/users/import', {
      token,
      headers: { 'accept-language': locale },
      body: { mode, csv },
    })
  const snapshot = async () => ({
    users: await rowCount(t, 'users'),
    audit: await rowCount(t, 'audit_events'),
    memberships: (await t.db.db.selectFrom('group_user_members').selectAll().execute()).length,
    outbox: (await t.db.db.selectFrom('email_outbox').select('id').execute()).length,
  })
  const userRow = (email: string) =>
    t.db.db
      .selectFrom('users')
      .select(['id', 'display_name', 'phone', 'job_title', 'disabled', 'tenant_id'])
      .where('email', '=', email)
      .executeTakeFirst()

  it('when anna exports the users, then a CSV of Fabrikam’s people with their direct groups comes back, and no one else’s', async () => {
    const res = await t.request('GET', '/api/directory/users.csv', { token: anna })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    const lines = res.body.trimEnd().split('\r\n')
    expect(lines[0]).toBe(HEADER)
    const annaLine = lines.find((l) => l.startsWith('anna@fabrikam.example,'))
    expect(annaLine).toMatch(/,Anna Moretti,Anna,Moretti,.*,true,Admin Agents;Tier1 Support$/)
    expect(lines.some((l) => l.startsWith('hugo@fabrikam.example,'))).toBe(true)
    expect(res.body).not.toMatch(/northwind|rossi\.example/)
  })

  it('when a field looks like a spreadsheet formula, then the export quotes it and prefixes it with a quote', async () => {
    await t.request('PATCH', `/api/directory/users/${demoId('user', 'hugo@fabrikam.example')}`, {
      token: anna,
      body: { jobTitle: '=HYPERLINK("http://evil.example")' },
    })
    const res = await t.request('GET', '/api/directory/users.csv', { token: anna })
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`)
    await t.request('PATCH', `/api/directory/users/${demoId('user', 'hugo@fabrikam.example')}`, {
      token: anna,
      body: { jobTitle: null },
    })
  })

  it('when the dry run meets bad rows, then it reports every row’s problem in the caller’s language and changes nothing', async () => {
    const before = await snapshot()
    const csv = [
      HEADER,
      'new.person@fabrikam.example,New Person,New,Person,,,it-IT,true,Tier1 Support',
      'not-an-email,Bad Email,,,,,,true,',
      'eve@fabrikam.example,Eve,,,,,,maybe,',
      'nora@northwind.example,Nora Again,,,,,,true,',
      'zed@fabrikam.example,Zed,,,,,,true,Azure Managers',
      'new.person@fabrikam.example,Twice,,,,,,true,',
    ].join('\n')
    const res = await importCsv(csv, 'dry-run')
    expect(res.status, res.body).toBe(200)
    const report = res.json()
    expect(report).toMatchObject({ mode: 'dry-run', rows: 6, valid: 1, applied: 0 })
    expect(report.problems.map((p: { row: number; code: string }) => [p.row, p.code])).toEqual([
      [3, 'bad_email'],
      [4, 'bad_boolean'],
      [5, 'email_taken'],
      [6, 'unknown_group'],
      [7, 'duplicate_row'],
    ])
    const it_ = (await importCsv(csv, 'dry-run', anna, 'it')).json()
    expect(it_.problems.find((p: { code: string }) => p.code === 'unknown_group').message).toBe(
      'Nel tenant non esiste il gruppo Azure Managers.',
    )
    // the same file applied: 422 with the report, and nothing written
    const applied = await importCsv(csv, 'apply')
    expect(applied.status).toBe(422)
    expect(applied.json()).toMatchObject({ mode: 'apply', applied: 0 })
    expect(await userRow('new.person@fabrikam.example')).toBeUndefined()
    expect(await snapshot()).toEqual(before)
  })

  it('when the file itself is wrong, then the problem is reported on row 1 (or the file) and nothing changes', async () => {
    const before = await snapshot()
    for (const [csv, code] of [
      ['userPrincipalName,nickname\nx@fabrikam.example,X', 'csv_unknown_column'],
      ['displayName\nX', 'csv_missing_column'],
      ['', 'csv_empty'],
      [`${HEADER}\n"unterminated,x`, 'csv_unterminated'],
      [`${HEADER}\nonly@fabrikam.example,Only,extra`, 'csv_field_count'],
    ]) {
      const res = await importCsv(csv!, 'apply')
      expect(res.status, csv).toBe(422)
      expect(res.json().problems.map((p: { code: string }) => p.code)).toContain(code)
    }
    const mode = await t.request('POST', '/api/directory/users/import', {
      token: anna,
      body: { mode: 'now', csv: HEADER },
    })
    expect(mode.status).toBe(400)
    expect(await snapshot()).toEqual(before)
  })

  it('when a good file is applied, then new people are invited by email, existing ones updated and added to the groups named, each change audited', async () => {
    const csv = [
      'userPrincipalName,displayName,jobTitle,groups',
      'carla@fabrikam.example,Carla Neri,Engineer,Tier1 Support;Helpdesk Agents',
      'hugo@fabrikam.example,Hugo Blanc,Helpdesk lead,Tier1 Support',
      ',,,',
    ].join('\r\n')
    const { last } = await t.db.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('id').as('last'))
      .executeTakeFirstOrThrow()
    const dry = await importCsv(csv, 'dry-run')
    expect(dry.json()).toMatchObject({ rows: 2, valid: 2, problems: [], applied: 0 })
    const res = await importCsv(csv, 'apply')
    expect(res.status, res.body).toBe(200)
    expect(res.json()).toMatchObject({ mode: 'apply', rows: 2, valid: 2, applied: 2, problems: [] })

    const carla = (await userRow('carla@fabrikam.example'))!
    expect(carla).toMatchObject({ display_name: 'Carla Neri', job_title: 'Engineer', disabled: false })
    const invitation = await t.db.db
      .selectFrom('email_outbox')
      .select('to_address')
      .where('to_address', '=', 'carla@fabrikam.example')
      .execute()
    expect(invitation).toHaveLength(1)
    const session = await t.request('GET', '/api/directory/users/carla@fabrikam.example', { token: anna })
    expect(session.json().user.roles).toContain('helpdesk_agent')
    const hugo = await t.request('GET', '/api/directory/users/hugo@fabrikam.example', { token: anna })
    expect(
      hugo
        .json()
        .memberOf.map((m: { group: { displayName: string } }) => m.group.displayName)
        .sort(),
    ).toEqual(['Helpdesk Agents', 'Tier1 Support'])
    expect(hugo.json().user).toMatchObject({ jobTitle: 'Helpdesk lead', phone: '+39 02 5550 1002' })
    const events = await t.db.db
      .selectFrom('audit_events')
      .select(['action', 'target_id'])
      .where('action', 'in', ['directory.user.invite', 'directory.user.update'])
      .where('target_id', 'in', [carla.id, demoId('user', 'hugo@fabrikam.example')])
      .where('id', '>', Number(last))
      .execute()
    expect(events.map((e) => e.action).sort()).toEqual(['directory.user.invite', 'directory.user.update'])
  })

  it('when a file leaves out a column, then existing people keep what that column holds: a disabled account stays disabled, a phone stays', async () => {
    const hugoId = demoId('user', 'hugo@fabrikam.example')
    const disabled = await t.request('PATCH', `/api/directory/users/${hugoId}`, {
      token: anna,
      body: { accountEnabled: false },
    })
    expect(disabled.status, disabled.body).toBe(200)
    const res = await importCsv('userPrincipalName,displayName\nhugo@fabrikam.example,Hugo B.', 'apply')
    expect(res.status, res.body).toBe(200)
    expect(await userRow('hugo@fabrikam.example')).toMatchObject({
      display_name: 'Hugo B.',
      phone: '+39 02 5550 1002',
      disabled: true,
    })
    await t.request('PATCH', `/api/directory/users/${hugoId}`, {
      token: anna,
      body: { accountEnabled: true },
    })
  })

  it('when anna’s own row would disable her, then the import refuses that row, as the API does', async () => {
    const before = await snapshot()
    const res = await importCsv(
      'userPrincipalName,displayName,accountEnabled\nanna@fabrikam.example,Anna,false',
      'apply',
    )
    expect(res.status).toBe(422)
    expect(res.json().problems).toEqual([expect.objectContaining({ row: 2, code: 'self_change' })])
    expect(await userRow('anna@fabrikam.example')).toMatchObject({ disabled: false })
    expect(await snapshot()).toEqual(before)
  })

  it('when someone who may not change the directory imports, then 403; a customer-context token is refused; nothing changes', async () => {
    const before = await snapshot()
    const csv = 'userPrincipalName,displayName\nx@fabrikam.example,X'
    const hugo = await importCsv(csv, 'apply', await t.tokenFor('hugo@fabrikam.example'))
    expect([hugo.status, hugo.json().error.code]).toEqual([403, 'directory_admin_required'])
    const delegated = await importCsv(
      csv,
      'apply',
      await t.tokenFor('anna@fabrikam.example', 'rossi.example'),
    )
    expect([delegated.status, delegated.json().error.code]).toEqual([403, 'own_tenant_required'])
    const exportAsRossi = await t.request('GET', '/api/directory/users.csv', {
      token: await t.tokenFor('anna@fabrikam.example', 'rossi.example'),
    })
    expect(exportAsRossi.status).toBe(403)
    expect(await snapshot()).toEqual(before)
  })
})
